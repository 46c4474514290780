// Public result types name what Baton documents, without an index signature: a misspelt field is a
// compile error (`npm run typecheck` fails on an unused @ts-expect-error), and unknown provider
// fields are reachable through `raw`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientSession, type IinDetails, type PaymentProduct } from '../../../src/connect/index.js';

afterEach(() => vi.restoreAllMocks());

export function misspelt(product: PaymentProduct, iin: IinDetails): unknown[] {
  return [
    // @ts-expect-error `fieldz` is not a field of PaymentProduct
    product.fieldz,
    // @ts-expect-error `displayHints.labell` does not exist
    product.displayHints?.labell,
    // @ts-expect-error nested objects have no index signature either
    product.fields[0]?.dataRestrictions.validators.lunh,
    // @ts-expect-error
    iin.isAllowedInContex,
    product.fields[0]?.displayHints?.tooltip?.label,
    iin.raw,
  ];
}

describe('Client API results', () => {
  it('carry the answer as received in a non-enumerable raw, unknown fields included', async () => {
    const answer = { paymentProductId: 1, countryCode: 'NL', isAllowedInContext: true, coBrands: [], newPlatformField: { x: 1 } };
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(answer)));
    const session = createClientSession({
      clientSessionId: 'c1',
      customerId: 'cu1',
      clientApiUrl: 'https://ams1.api-ingenico.com/client',
      assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/',
    });
    const result = await session.getIinDetails('411111', { countryCode: 'NL', currencyCode: 'EUR', amount: 100, isRecurring: false });
    if (result.status !== 'SUPPORTED') throw new Error(result.status);
    expect(result.details.raw).toStrictEqual(answer);
    expect(Object.keys(result.details)).not.toContain('raw');
    expect(JSON.parse(JSON.stringify(result.details))).not.toHaveProperty('raw');
  });
});
