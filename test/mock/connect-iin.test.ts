// The Connect mock's IIN lookup answers by card range, as the README's test cards promise: every
// Discover number (6011…) is known but not accepted, whatever digits follow 6011.
import { describe, expect, inject, it } from 'vitest';
import { createClientSession, type PaymentContext } from '../../src/connect/index.js';

const mockUrl = inject('mockUrl');
const context: PaymentContext = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

async function session() {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return createClientSession(await res.json(), { allowedHosts: ['127.0.0.1'] });
}

describe('Connect mock: IIN ranges', () => {
  it.each(['6011000990139424', '6011111111111117', '6011 5555 0000 0001', '60119999'])('%s is Discover, known but not accepted here', async (number) => {
    expect(await (await session()).getIinDetails(number, context)).toMatchObject({ status: 'EXISTING_BUT_NOT_ALLOWED', details: { paymentProductId: 128 } });
  });

  it('6012… is no Discover card: unknown', async () => {
    expect(await (await session()).getIinDetails('6012000000000000', context)).toEqual({ status: 'UNKNOWN' });
  });

  it('the README’s other test cards keep their products', async () => {
    const s = await session();
    expect(await s.getIinDetails('4111111111111111', context)).toMatchObject({ status: 'SUPPORTED', details: { paymentProductId: 1 } });
    expect(await s.getIinDetails('5555555555554444', context)).toMatchObject({ status: 'SUPPORTED', details: { paymentProductId: 3 } });
  });
});
