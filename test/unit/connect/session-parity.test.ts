// Session behaviour Worldline's own client SDK has: IIN answers cached per bin, and the asset
// host its older SDKs use allowed by default.
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createClientSession, DEFAULT_ALLOWED_HOSTS, type ClientSession } from '../../../src/connect/index.js';

const mockUrl = inject('mockUrl');
const LOCAL = { allowedHosts: ['127.0.0.1'] };
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

async function freshSession(): Promise<ClientSession> {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return createClientSession(await res.json(), LOCAL);
}

async function iinPosts(session: ClientSession): Promise<unknown[]> {
  const list = (await (await fetch(`${mockUrl}/connect/__requests/${session.clientSessionId}`)).json()) as Array<{ path: string; body: unknown }>;
  return list.filter((r) => r.path.endsWith('/services/getIINdetails')).map((r) => (r.body as { bin: string }).bin);
}

describe('getIinDetails cache', () => {
  it('POSTs once per bin: typing the 7th digit or asking again sends nothing', async () => {
    const session = await freshSession();
    const first = await session.getIinDetails('411111', context);
    expect(await session.getIinDetails('4111 11', context)).toEqual(first);
    expect(await session.getIinDetails('4111111', context)).toEqual(first); // still bin 411111
    expect(await iinPosts(session)).toEqual(['411111']);
    await session.getIinDetails('41111111', context); // 8 digits: a new bin
    await session.getIinDetails('4111 1111 1111 1111', context);
    expect(await iinPosts(session)).toEqual(['411111', '41111111']);
  });

  it('shares one request between concurrent calls', async () => {
    const session = await freshSession();
    const [a, b] = await Promise.all([session.getIinDetails('510510', context), session.getIinDetails('5105105', context)]);
    expect(a).toEqual(b);
    expect(await iinPosts(session)).toEqual(['510510']);
  });

  it('caches an unknown IIN, and asks again in another payment context', async () => {
    const session = await freshSession();
    expect(await session.getIinDetails('999999', context)).toEqual({ status: 'UNKNOWN' });
    expect(await session.getIinDetails('999999', context)).toEqual({ status: 'UNKNOWN' });
    await session.getIinDetails('999999', { ...context, amount: 2000 });
    expect(await iinPosts(session)).toEqual(['999999', '999999']);
  });

  it('does not cache a failed lookup', async () => {
    const session = await freshSession();
    const controller = new AbortController();
    controller.abort();
    await expect(session.getIinDetails('601100', context, { signal: controller.signal })).rejects.toMatchObject({ name: 'NetworkError', kind: 'aborted' });
    expect(await session.getIinDetails('601100', context)).toMatchObject({ status: 'EXISTING_BUT_NOT_ALLOWED' });
    expect(await iinPosts(session)).toEqual(['601100']);
  });

  it('reads full-width digits as ASCII', async () => {
    const session = await freshSession();
    expect(await session.getIinDetails('４１１１ １１', context)).toMatchObject({ status: 'SUPPORTED' });
    expect(await iinPosts(session)).toEqual(['411111']);
  });
});

describe('asset hosts', () => {
  it("allows Worldline's older asset host (assets.pay1.secured-by-ingenico.com) by default", () => {
    expect(DEFAULT_ALLOWED_HOSTS).toContain('*.secured-by-ingenico.com');
    const session = createClientSession({
      clientSessionId: 'f084372052fb47d9a766ec35bfa0e6bd',
      customerId: '9991-0b67467b30df4c6d8649c8adc568fd0f',
      clientApiUrl: 'https://eu.api-ingenico.com/client',
      assetUrl: 'https://assets.pay1.secured-by-ingenico.com/',
    });
    expect(session.assetUrl('templates/logos/pp_logo_1.png')).toBe('https://assets.pay1.secured-by-ingenico.com/templates/logos/pp_logo_1.png');
  });
});
