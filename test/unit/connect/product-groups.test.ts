// Product groups against the mock Client API (the request that went out, the answer parsed, bad
// ids refused before sending), `isInstallments` in the context, and the merged list of products
// and groups in Worldline's order (connect-sdk-client-js 6.0.6's BasicPaymentItems).
import { describe, expect, inject, it } from 'vitest';
import { basicPaymentItems, createClientSession, type ClientSession } from '../../../src/connect/index.js';
import { ProviderError, ValidationError } from '../../../src/core/errors.js';

const mockUrl = inject('mockUrl');
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

async function session(): Promise<ClientSession> {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return createClientSession(await res.json(), { allowedHosts: ['127.0.0.1'] });
}
async function sent(s: ClientSession) {
  const list = (await (await fetch(`${mockUrl}/connect/__requests/${s.clientSessionId}`)).json()) as Array<{ method: string; path: string; query: Record<string, string> }>;
  return list.at(-1)!;
}

describe('product groups', () => {
  it('getPaymentProductGroup: GET productgroups/{id} with the context, the group with its fields', async () => {
    const s = await session();
    const cards = await s.getPaymentProductGroup('cards', { ...context, isInstallments: true });
    expect(cards.id).toBe('cards');
    expect(cards.displayHints?.label).toBe('Cards');
    expect(cards.fields.map((f) => f.id)).toEqual(['cardNumber', 'expiryDate', 'cvv', 'cardholderName']);
    const request = await sent(s);
    expect([request.method, request.path]).toEqual(['GET', `/connect/client/v1/${s.customerId}/productgroups/cards`]);
    expect(request.query).toEqual({ countryCode: 'NL', currencyCode: 'EUR', amount: '1000', isRecurring: 'false', isInstallments: 'true' });
  });

  it('refuses an id that would leave the path, before sending; an unknown group is a ProviderError', async () => {
    const s = await session();
    for (const id of ['../products/1', 'cards?x=1', '', 'a/b']) {
      await expect(s.getPaymentProductGroup(id, context)).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(s.getPaymentProductGroup('wallets', context)).rejects.toBeInstanceOf(ProviderError);
  });

  it('isInstallments must be a boolean', async () => {
    const s = await session();
    await expect(s.getBasicPaymentProducts({ ...context, isInstallments: 'yes' as unknown as boolean })).rejects.toThrow(/isInstallments/);
  });
});

describe('basicPaymentItems', () => {
  const product = (id: number, group?: string) => ({ id, accountsOnFile: [], ...(group && { paymentProductGroup: group }) });
  const group = (id: string) => ({ id, accountsOnFile: [] });

  it('puts each group once where its first product stood, keeps the others in order', () => {
    const items = basicPaymentItems(
      { paymentProducts: [product(840), product(1, 'cards'), product(809), product(3, 'cards'), product(5, 'other')] },
      { paymentProductGroups: [group('cards')] },
    );
    expect(items.map((i) => `${i.type}:${i.id}`)).toEqual(['product:840', 'group:cards', 'product:809', 'product:5']);
  });

  it('without groups is the products, each marked a product', () => {
    expect(basicPaymentItems({ paymentProducts: [product(1, 'cards'), product(840)] }).map((i) => `${i.type}:${i.id}`)).toEqual(['product:1', 'product:840']);
  });

  it('merges the mock platform’s own answers', async () => {
    const s = await session();
    const [products, groups] = await Promise.all([s.getBasicPaymentProducts(context), s.getBasicPaymentProductGroups(context)]);
    expect(basicPaymentItems(products, groups).map((i) => `${i.type}:${i.id}`)).toEqual(['group:cards', 'product:840', 'product:809', 'product:320', 'product:302']);
  });
});
