// baton-sdk/sbc in real Chromium, against the mock merchant server and gateway (cross-origin, CORS).
import { describe, expect, inject, it } from 'vitest';
import { NetworkError, ProviderError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { awaitFinalStatus, initiateSale, parseFormResponse, startHostedForm } from '../../../src/sbc/index.js';

const mockUrl = inject('mockUrl');
const url = `${mockUrl}/merchant/sbc/initiate-sale`;
const tag = () => Math.random().toString(36).slice(2, 10);
const sale = (serialNumber: string, amountCentis = 1042) => ({
  url,
  accessToken: 'browser-access-token-0123456789abcdef',
  device: { serialNumber },
  transaction: { amountCentis, currency: 'EUR' },
});

async function calls(serial: string): Promise<number> {
  const stats = (await (await fetch(`${mockUrl}/merchant/sbc/__stats`)).json()) as { initiateSale: Record<string, number> };
  return stats.initiateSale[serial] ?? 0;
}

describe('sbc in Chromium', () => {
  it('initiateSale returns the signed session', async () => {
    const serial = `SN-${tag()}`;
    const result = await initiateSale({ ...sale(serial), location: { lat: 55.75, lng: 37.62 }, ipAddresses: ['10.0.0.1'] });
    expect(result.endpointId).toBe('1234');
    expect(result.invoiceId).toMatch(/^INV-/);
    expect(result.signature).toMatch(/^[0-9a-f]{40}$/);
    expect(await calls(serial)).toBe(1);
  });

  it('initiateSale refuses bad input without sending', async () => {
    const serial = `SN-${tag()}`;
    await expect(initiateSale(sale(serial, 10.42))).rejects.toBeInstanceOf(ValidationError);
    expect(await calls(serial)).toBe(0);
  });

  it('initiateSale: FILTERED and SERVER_FAILED are ProviderErrors, sent once', async () => {
    const filtered = `SN-${tag()}`;
    await expect(initiateSale(sale(filtered, 666))).rejects.toMatchObject({ name: 'ProviderError', details: { cause: 'FILTERED' } });
    const failed = `server-failed-${tag()}`;
    const error = await initiateSale(sale(failed)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(await calls(filtered)).toBe(1);
    expect(await calls(failed)).toBe(1);
  });

  it('initiateSale retries SERVER_UNAVAILABLE, bounded', async () => {
    const serial = `unavailable-forever-${tag()}`;
    await expect(initiateSale(sale(serial))).rejects.toMatchObject({ details: { cause: 'SERVER_UNAVAILABLE' } });
    expect(await calls(serial)).toBe(3);
  });

  it('the hosted-form answer relayed by the merchant parses, and the status is the server’s', async () => {
    const clientOrderId = `B-${tag()}`;
    const body = new URLSearchParams({ amountCentis: '700', currency: 'USD', client_orderid: clientOrderId });
    const form = parseFormResponse(await (await fetch(`${mockUrl}/merchant/sbc/preauth`, { method: 'POST', body })).text());
    expect(form.merchantOrderId).toBe(clientOrderId);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(
      awaitFinalStatus({ statusUrl: `${mockUrl}/merchant/sbc/status`, orderId: clientOrderId, intervalMs: 20, signal: controller.signal }),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it('the gateway sends no CORS: the page cannot read preauth-form, only the merchant server’s relay', async () => {
    const direct = await fetch(`${mockUrl}/sbc/paynet/api/v2/preauth-form/1234`, { method: 'POST', body: new URLSearchParams({ client_orderid: 'X' }) }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(TypeError);
    const relayed = await fetch(`${mockUrl}/merchant/sbc/preauth`, { method: 'POST', body: new URLSearchParams({ amountCentis: '100', currency: 'EUR' }) });
    expect(parseFormResponse(await relayed.text()).redirectUrl).toMatch(/\/sbc\/paynet\/form\/init\/[0-9A-F]+$/);
  });

  it('merchant URLs off the page’s origin are refused before anything is sent', async () => {
    const serial = `SN-${tag()}`;
    for (const bad of ['data:application/json,{}', 'javascript:alert(1)', 'http://example.com/merchant/sbc/initiate-sale', 'https://example.com/merchant/sbc/initiate-sale']) {
      await expect(initiateSale({ ...sale(serial), url: bad })).rejects.toBeInstanceOf(UnsafeUrlError);
      await expect(startHostedForm({ url: bad, body: { amountCentis: 100, currency: 'EUR' } })).rejects.toBeInstanceOf(UnsafeUrlError);
      await expect(awaitFinalStatus({ statusUrl: bad, orderId: 'A1' })).rejects.toBeInstanceOf(UnsafeUrlError);
    }
    expect(await calls(serial)).toBe(0);
  });
});
