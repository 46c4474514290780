// The status relay: the browser sends only orderNumber (+ certificateID) to the merchant server,
// which adds the reseller login server-side and relays Sectigo's answer unchanged.
import { describe, expect, inject, it } from 'vitest';
import { ProviderError, SecretError, UnsafeUrlError, ValidationError, getPostPaymentStatus } from '../../../src/sasp/index.js';

const mockUrl = inject('mockUrl');
const relay = `${mockUrl}/merchant/sasp/status`;
const allowedHosts = ['127.0.0.1', 'localhost'];

interface LogEntry { seq: number; server: string; method: string; path: string; fields: Record<string, string>; note?: string }
const log = async () => (await (await fetch(`${mockUrl}/__mock/log`)).json()) as LogEntry[];

describe('getPostPaymentStatus({ relay })', () => {
  it('sends only the order number to the relay; the relay adds the login; the answer is Sectigo’s', async () => {
    const before = (await log()).at(-1)?.seq ?? 0;
    const status = await getPostPaymentStatus({ relay, orderNumber: '654824', certificateID: '1234567', allowedHosts });
    expect(status.orderNumber).toBe('654824');
    expect(status.productName).toBe('COMODO EV Multi-Domain SSL Certificate');
    const entries = (await log()).filter((entry) => entry.seq > before);
    const fromBrowser = entries.find((entry) => entry.path === '/merchant/sasp/status')!;
    expect(fromBrowser).toMatchObject({ server: 'merchant', method: 'POST', fields: { orderNumber: '654824', certificateID: '1234567' } });
    expect(Object.keys(fromBrowser.fields).sort()).toEqual(['certificateID', 'orderNumber']);
    const toSectigo = entries.find((entry) => entry.path === '/sectigo/products/!getPostPaymentStatus')!;
    expect(toSectigo.note).toMatch(/server to server/);
    expect(toSectigo.fields).toMatchObject({ loginName: 'FAKE-demo-reseller', loginPassword: '•••• (redacted)', orderNumber: '654824' });
  });

  it('accepts an alphanumeric order number of 64 characters, and relays Sectigo’s errors as ProviderErrors', async () => {
    const long = `A1${'b2'.repeat(31)}`;
    expect((await getPostPaymentStatus({ relay, orderNumber: long, allowedHosts })).orderNumber).toBe(long);
    await expect(getPostPaymentStatus({ relay, orderNumber: '404', allowedHosts })).rejects.toMatchObject({ constructor: ProviderError, code: -4 });
    await expect(getPostPaymentStatus({ relay, orderNumber: '14', allowedHosts })).rejects.toMatchObject({ constructor: ProviderError, code: -14, providerMessage: 'An unknown error occurred!' });
  });

  it('refuses a relay off the allow-list (by default the page’s own host only, never a provider host), and mixed modes', async () => {
    await expect(getPostPaymentStatus({ relay: 'https://secure.sectigo.com/products/!getPostPaymentStatus', orderNumber: '1' })).rejects.toThrow(UnsafeUrlError);
    await expect(getPostPaymentStatus({ relay: 'https://evil.example/relay', orderNumber: '1', allowedHosts })).rejects.toThrow(UnsafeUrlError);
    await expect(getPostPaymentStatus({ relay, orderNumber: '1', saspSessionID: 'abc', allowedHosts } as never)).rejects.toThrow(ValidationError);
    await expect(getPostPaymentStatus({ relay, orderNumber: '1', loginPassword: 'x', allowedHosts } as never)).rejects.toThrow(SecretError);
    await expect(getPostPaymentStatus({ relay: 42, orderNumber: '1' } as never)).rejects.toThrow(ValidationError);
  });
});
