// The Connect half end to end against the mock Server API, whose v1HMAC check is node:crypto code
// of its own (demo/mock/connect-server-api.ts): what went over the wire, what the browser gets.
import { describe, expect, inject, it } from 'vitest';
import { createClientSession } from 'baton-sdk/connect';
import {
  ConfigError,
  connectPaymentHandler,
  connectServer,
  connectSessionHandler,
  connectStatusHandler,
  connectHostedCheckoutHandler,
  ProviderError,
  SignatureError,
  ValidationError,
  type FetchLike,
} from 'baton-sdk/server';
import { checkV1Hmac, expectedDataToSign } from '../../../demo/mock/connect-server-api.js';
import { merchantSecrets } from '../../../demo/mock/secrets.js';
import { vectors } from './vectors.js';

const mockUrl = inject('mockUrl');
const { merchantId, apiKeyId, secretApiKey } = merchantSecrets.worldline;
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

/** Records every request that goes out, then sends it. */
function recording() {
  const sent: Request[] = [];
  const fetchFn: FetchLike = async (request) => {
    sent.push(request.clone());
    return fetch(request);
  };
  return { sent, fetchFn };
}
/** Pays on the mock MyCheckout page; returns the RETURNMAC Worldline appends to the return URL. */
async function completeCheckout(partialRedirectUrl: string): Promise<string> {
  const answer = await fetch(`http://${partialRedirectUrl}`, { method: 'POST', body: new URLSearchParams({ result: 'pay' }), redirect: 'manual' });
  return new URL(answer.headers.get('location')!).searchParams.get('RETURNMAC')!;
}
const config = (over: Record<string, unknown> = {}) => ({ merchantId, apiKeyId, secretApiKey, endpoint: `${mockUrl}/connect/server`, ...over });

describe('the mock checks v1HMAC on its own, and agrees with the published vectors', () => {
  it.each(vectors.connect_v1hmac.vectors as any[])('vector $source', (v) => {
    const headers: Array<[string, string]> = [['Date', v.date], ...v.headers.map((h: any) => [h.key, h.value])];
    if (v.contentType) headers.push(['Content-Type', v.contentType]);
    expect(expectedDataToSign(v.method, v.path, headers)).toBe(v.dataToSign);
    expect(checkV1Hmac(`GCS v1HMAC:k:${v.expected}`, v.dataToSign, { k: v.secretApiKey })).toBe(true);
    expect(checkV1Hmac(`GCS v1HMAC:k:${v.expected}`, `${v.dataToSign} `, { k: v.secretApiKey })).toBe(false);
  });
  it('the Java data-to-sign case', () => {
    const c = vectors.connect_v1hmac.canonicalization.find((c: any) => c.uri);
    const data = expectedDataToSign(c.method, new URL(c.uri).href.slice(new URL(c.uri).origin.length), c.headers.map((h: any) => [h.key, h.value]));
    expect(data.startsWith(c.expectedStart) && data.endsWith(c.expectedEnd)).toBe(true);
  });
});

describe('connectServer against the mock Server API', () => {
  it('createSession: signed, accepted by the mock, and exactly what createClientSession takes', async () => {
    const { sent, fetchFn } = recording();
    const server = connectServer(config({ fetch: fetchFn }));
    const session = await server.createSession();
    expect(Object.keys(session).sort()).toEqual(['assetUrl', 'clientApiUrl', 'clientSessionId', 'customerId', 'invalidTokens', 'region']);
    const client = createClientSession(session, { allowedHosts: ['127.0.0.1'] });
    expect(client.clientSessionId).toBe(session.clientSessionId);
    const [request] = sent;
    expect(request!.url).toBe(`${mockUrl}/connect/server/v1/${merchantId}/sessions`);
    expect(request!.headers.get('authorization')).toMatch(new RegExp(`^GCS v1HMAC:${apiKeyId}:[A-Za-z0-9+/]+=*$`));
    expect(request!.headers.get('date')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    // The secret never travels.
    expect([...request!.headers].join() + (await request!.text())).not.toContain(secretApiKey);
  });

  it('a wrong secret is refused by the mock (401 MISSING_OR_INVALID_AUTHORIZATION) as a ProviderError', async () => {
    const server = connectServer(config({ secretApiKey: 'wrong' }));
    await expect(server.createSession()).rejects.toMatchObject({ name: 'ProviderError', code: 'MISSING_OR_INVALID_AUTHORIZATION' });
  });

  it('createPayment: passes the JWE through, always signs an X-GCS-Idempotence-Key, keeps RETURNMAC for itself', async () => {
    const { sent, fetchFn } = recording();
    const server = connectServer(config({ fetch: fetchFn }));
    const client = createClientSession(await server.createSession(), { allowedHosts: ['127.0.0.1'] });
    const product = await client.getPaymentProduct(1, context);
    const encrypt = (cardNumber: string) => client.encrypt({ paymentProductId: 1, product, values: { cardNumber, expiryDate: '12/30', cvv: '123', cardholderName: 'A B' } });
    const order = { amountOfMoney: { amount: 1000, currencyCode: 'EUR' }, references: { merchantReference: `order-${Date.now()}` } };

    const result = await server.createPayment({ encryptedCustomerInput: await encrypt('4000 0000 0000 1091'), order });
    expect(result.idempotenceKey).toBe(order.references.merchantReference);
    expect(result.merchantAction).toMatchObject({ actionType: 'REDIRECT', redirectData: { redirectURL: expect.stringContaining('/connect/3ds/') } });
    expect(JSON.stringify(result)).not.toContain('RETURNMAC');
    const request = sent.at(-1)!;
    expect(request.headers.get('x-gcs-idempotence-key')).toBe(order.references.merchantReference);
    // The key is signed like any X-GCS header: the mock's own check of the data to sign.
    const raw = new URL(request.url);
    expect(checkV1Hmac(request.headers.get('authorization'), expectedDataToSign('POST', raw.pathname, request.headers), { [apiKeyId]: secretApiKey })).toBe(true);
    const tampered = new Headers(request.headers);
    tampered.set('x-gcs-idempotence-key', 'other');
    expect(checkV1Hmac(request.headers.get('authorization'), expectedDataToSign('POST', raw.pathname, tampered), { [apiKeyId]: secretApiKey })).toBe(false);

    // Without a reference: a generated key; the same key answers the same result (no second charge).
    const again = await server.createPayment({ encryptedCustomerInput: await encrypt('4111 1111 1111 1111'), order: { amountOfMoney: { amount: 1000, currencyCode: 'EUR' } } });
    expect(again.idempotenceKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.payment?.status).toBe('PENDING_APPROVAL');
  });

  it('a network failure is retried once with the same idempotence key (and re-signed)', async () => {
    const sent: Request[] = [];
    const flaky: FetchLike = async (request) => {
      sent.push(request.clone());
      if (sent.length === 1) throw new TypeError('fetch failed');
      return fetch(request);
    };
    const server = connectServer(config({ fetch: flaky }));
    const order = { amountOfMoney: { amount: 1000, currencyCode: 'EUR' }, references: { merchantReference: `retry-${Date.now()}` } };
    // No card data: a bank transfer, so the platform's answer does not depend on a JWE nonce.
    const result = await server.createPayment({ order, extra: { bankTransferPaymentMethodSpecificInput: { paymentProductId: 11 } } });
    expect(result.merchantAction?.actionType).toBe('SHOW_INSTRUCTIONS');
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers.get('x-gcs-idempotence-key'))).toEqual([order.references.merchantReference, order.references.merchantReference]);
    expect(await sent[0]!.text()).toBe(await sent[1]!.text());
  });

  it('createPayment refuses bad input before anything is sent', async () => {
    const { sent, fetchFn } = recording();
    const server = connectServer(config({ fetch: fetchFn }));
    const order = { amountOfMoney: { amount: 10.5, currencyCode: 'EUR' } };
    await expect(server.createPayment({ encryptedCustomerInput: 'a.b.c.d.e', order })).rejects.toThrow(ValidationError);
    await expect(server.createPayment({ encryptedCustomerInput: 'not a jwe', order: { amountOfMoney: { amount: 1, currencyCode: 'EUR' } } })).rejects.toThrow(ValidationError);
    await expect(server.createPayment({ encryptedCustomerInput: 'a.b.c.d.e', order: { amountOfMoney: { amount: 1, currencyCode: 'EUR' } }, idempotenceKey: 'x'.repeat(65) })).rejects.toThrow(ValidationError);
    expect(sent).toHaveLength(0);
  });

  it('a missing secret or an unsafe endpoint is refused at creation (ConfigError naming the option)', () => {
    expect(() => connectServer(config({ secretApiKey: '' }))).toThrow(/secretApiKey/);
    expect(() => connectServer(config({ secretApiKey: undefined }))).toThrow(ConfigError);
    expect(() => connectServer(config({ endpoint: 'http://example.com/' }))).toThrow(/https/);
    expect(() => connectServer(config({ endpoint: 'https://user:pw@example.com/' }))).toThrow(ConfigError);
  });

  it('hosted checkout: partialRedirectUrl for the browser, RETURNMAC compared on return in constant time', async () => {
    const server = connectServer(config());
    const start = await server.createHostedCheckout({ order: { amountOfMoney: { amount: 1000, currencyCode: 'EUR' } }, hostedCheckoutSpecificInput: { returnUrl: 'https://shop.example/return' } });
    expect(start.redirectUrl).toBe(`https://payment.${start.partialRedirectUrl}`);
    expect(JSON.stringify(start)).not.toMatch(/RETURNMAC/);
    const RETURNMAC = await completeCheckout(start.partialRedirectUrl);
    await expect(server.hostedCheckoutStatus({ hostedCheckoutId: start.hostedCheckoutId, returnMac: 'x'.repeat(RETURNMAC.length) })).rejects.toMatchObject({ reason: 'mismatch' });
    await expect(server.hostedCheckoutStatus({ hostedCheckoutId: 'unknown', returnMac: RETURNMAC })).rejects.toBeInstanceOf(SignatureError);
    const status = await server.hostedCheckoutStatus({ hostedCheckoutId: start.hostedCheckoutId, returnMac: RETURNMAC });
    expect(status).toMatchObject({ status: 'PAYMENT_CREATED', paymentStatus: 'CAPTURED', statusCategory: 'COMPLETED' });
  });
});

describe('Connect handlers (Fetch API)', () => {
  const server = connectServer(config());

  it('session handler answers createClientSession input; GET is 405', async () => {
    const handle = connectSessionHandler(server);
    const answer = await handle(new Request('https://shop.example/api/session', { method: 'POST' }));
    expect(answer.status).toBe(200);
    expect(() => createClientSession(answer.json() as never)).toBeDefined();
    expect((await handle(new Request('https://shop.example/api/session'))).status).toBe(405);
  });

  it('payment handler requires the order hook, takes the amount from it, never from the browser', async () => {
    expect(() => connectPaymentHandler(server, {} as never)).toThrow(ConfigError);
    const handle = connectPaymentHandler(server, { order: async () => ({ amountOfMoney: { amount: 1000, currencyCode: 'EUR' } }) });
    const bad = await handle(new Request('https://shop.example/pay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: 1 }) }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    const refused = await handle(new Request('https://shop.example/pay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encryptedCustomerInput: 'a.b.c.d.e' }) }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'DECRYPTION_FAILED' } });
  });

  it('hosted checkout and status handlers: what startHostedCheckout and awaitPaymentStatus read', async () => {
    const start = connectHostedCheckoutHandler(server, { checkout: async () => ({ order: { amountOfMoney: { amount: 500, currencyCode: 'EUR' } } }) });
    const answer = (await (await start(new Request('https://shop.example/hc', { method: 'POST' }))).json()) as { hostedCheckoutId: string; partialRedirectUrl: string };
    expect(Object.keys(answer).sort()).toEqual(['hostedCheckoutId', 'partialRedirectUrl']);
    const status = connectStatusHandler(server);
    const post = (body: unknown) => status(new Request('https://shop.example/status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect((await post({ hostedCheckoutId: answer.hostedCheckoutId, RETURNMAC: 'forged' })).status).toBe(403);
    const RETURNMAC = await completeCheckout(answer.partialRedirectUrl);
    const ok = await post({ hostedCheckoutId: answer.hostedCheckoutId, RETURNMAC });
    expect(await ok.json()).toMatchObject({ status: 'PAYMENT_CREATED', createdPaymentOutput: { payment: { statusOutput: { statusCategory: 'COMPLETED' } } } });
  });

  it('a provider error stays a ProviderError for plain functions', async () => {
    await expect(connectServer(config({ merchantId: 'someone-else' })).createSession()).rejects.toBeInstanceOf(ProviderError);
  });
});
