// The Sectigo mock behaves like the documents (what the demo and the other tests rely on).
import { describe, expect, inject, it } from 'vitest';
import { ProviderError, parseSessionResponse } from '../../src/sasp/index.js';

const mockUrl = inject('mockUrl');
const init = `${mockUrl}/sectigo/products/!initCustomerSession`;
const status = `${mockUrl}/sectigo/products/!getPostPaymentStatus`;
const login = { loginName: 'FAKE-demo-reseller', loginPassword: 'FAKE-not-a-real-password' };

const post = async (url: string, fields: Record<string, string>) => (await fetch(url, { method: 'POST', body: new URLSearchParams(fields) })).text();
const codeOf = (body: string, format: 0 | 1) => {
  try {
    parseSessionResponse(body, { format });
    return 0;
  } catch (error) {
    return error instanceof ProviderError ? error.code : 'other';
  }
};

describe('Sectigo mock: !initCustomerSession', () => {
  it('answers a SID and the order number in both formats', async () => {
    expect(await post(init, { ...login, orderNumber: '654824' })).toMatch(/^0\n[0-9a-f]{16}\n654824\n$/);
    expect(await post(init, { ...login, orderNumber: '654824', responseFormat: '1' })).toMatch(/^errorCode=0&SID=[0-9a-f]{16}&orderNumber=654824$/);
  });
  it.each([
    ['-17 on GET', async () => (await fetch(`${init}?orderNumber=1`)).text(), -17],
    ['-16 on a wrong password', () => post(init, { ...login, loginPassword: 'nope', orderNumber: '1' }), -16],
    ['-2 on an unknown argument', () => post(init, { ...login, orderNumber: '1', extra: 'x' }), -2],
    ['-3 on a missing order', () => post(init, login), -3],
    ['-4 on an invalid order', () => post(init, { ...login, orderNumber: '404' }), -4],
    ['-4 on a bad responseFormat', () => post(init, { ...login, orderNumber: '1', responseFormat: '7' }), -4],
    ['-42 when asked to simulate it', () => post(init, { ...login, orderNumber: '42' }), -42],
    ['-14 when asked to simulate it', () => post(init, { ...login, orderNumber: '14' }), -14],
    ['-4 on a 129-character order', () => post(init, { ...login, orderNumber: 'A'.repeat(129) }), -4],
    ['-4 on a non-alphanumeric order', () => post(init, { ...login, orderNumber: '12-34' }), -4],
    ['-1 when forwarded from plain http', async () => (await fetch(init, { method: 'POST', headers: { 'x-forwarded-proto': 'http' }, body: new URLSearchParams({ ...login, orderNumber: '1' }) })).text(), -1],
  ])('%s', async (_name, call, code) => {
    expect(codeOf(await call(), 0)).toBe(code);
  });
  it('accepts alphanumeric order numbers up to 128 characters', async () => {
    const order = `Ab9${'x'.repeat(125)}`;
    expect(await post(init, { ...login, orderNumber: order })).toMatch(new RegExp(`^0\n[0-9a-f]{16}\n${order}\n$`));
  });
  it('reads field names case-insensitively', async () => {
    expect(await post(init, { LOGINNAME: login.loginName, loginpassword: login.loginPassword, OrderNumber: '1' })).toMatch(/^0\n/);
  });
});

describe('Sectigo mock: no CORS (no document promises it)', () => {
  it.each(['/sectigo/products/!initCustomerSession', '/sectigo/products/!getPostPaymentStatus', '/sectigo/upload'])('%s answers no preflight and no CORS headers', async (path) => {
    const preflight = await fetch(`${mockUrl}${path}`, { method: 'OPTIONS', headers: { origin: 'http://shop.example', 'access-control-request-method': 'POST' } });
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const answer = await fetch(`${mockUrl}${path}`, { method: 'POST', headers: { origin: 'http://shop.example' }, body: new URLSearchParams({ orderNumber: '1' }), redirect: 'manual' });
    expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('Sectigo mock: the upload token looks like the document’s example', () => {
  it('HS512, sub /order/<n>, scope POST_PAYMENT_PAGE_USER, issuer https://avs.sectigo.com, 12 hours', async () => {
    const body = JSON.parse(await post(status, { ...login, orderNumber: '654824' })) as { data: { uploadDocumentToken: string } };
    const [header, payload] = body.data.uploadDocumentToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part!, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'HS512' });
    expect(payload).toMatchObject({ sub: '/order/654824', scopes: ['POST_PAYMENT_PAGE_USER'], iss: 'https://avs.sectigo.com' });
    expect(Number(payload!.exp) - Number(payload!.iat)).toBe(12 * 60 * 60);
  });
});

describe('Sectigo mock: !getPostPaymentStatus', () => {
  it('-1 from plain http, -14 when asked to simulate it', async () => {
    const answer = await (await fetch(status, { method: 'POST', headers: { 'x-forwarded-proto': 'http' }, body: new URLSearchParams({ ...login, orderNumber: '1' }) })).json();
    expect(answer).toEqual({ errorCode: -1, errorMessage: 'Request was not made over https!', data: {} });
    expect(JSON.parse(await post(status, { ...login, orderNumber: '14' }))).toEqual({ errorCode: -14, errorMessage: 'An unknown error occurred!', data: {} });
  });

  it('-17 on GET, -16 on a bad SID, -2 with login fields beside a SID, success with the login', async () => {
    expect(await (await fetch(`${status}?saspSessionID=x&orderNumber=1`)).json()).toMatchObject({ errorCode: -17 });
    expect(JSON.parse(await post(status, { saspSessionID: 'nope', orderNumber: '1' }))).toMatchObject({ errorCode: -16 });
    expect(JSON.parse(await post(status, { saspSessionID: 'nope', orderNumber: '1', ...login }))).toMatchObject({ errorCode: -2 });
    expect(JSON.parse(await post(status, { ...login, orderNumber: '654824' }))).toMatchObject({ errorCode: 0, data: { orderNumber: 654824 } });
  });
});

describe('Sectigo mock: the call limit (-42) with the login, as a merchant relay calls', () => {
  it('order 4243 recovers with the login as with a session: -42 twice, then the status', async () => {
    // A relay sends the reseller login, not a SID: the mock must count the account's calls for
    // the order across calls (it used to start a new count on every call, so -42 never ended).
    // Asked directly: the demo's relay (baton-sdk/server) rightly asks nothing for 10 s after a -42.
    const relay = async () => JSON.parse(await post(status, { ...login, orderNumber: '4243' })) as { errorCode: number | string; data: { orderNumber?: unknown } };
    expect((await relay()).errorCode).toBe(-42);
    expect((await relay()).errorCode).toBe(-42);
    const third = await relay();
    expect(third.errorCode).toBe(0);
    expect(String(third.data.orderNumber)).toBe('4243');
  });
});
