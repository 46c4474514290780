// The Sectigo mock behaves like the documents (what the demo and the other tests rely on).
import { describe, expect, inject, it } from 'vitest';
import { ProviderError, parseSessionResponse } from '../../../src/sasp/index.js';

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
  ])('%s', async (_name, call, code) => {
    expect(codeOf(await call(), 0)).toBe(code);
  });
  it('reads field names case-insensitively', async () => {
    expect(await post(init, { LOGINNAME: login.loginName, loginpassword: login.loginPassword, OrderNumber: '1' })).toMatch(/^0\n/);
  });
});

describe('Sectigo mock: !getPostPaymentStatus', () => {
  it('-17 on GET, -16 on a bad SID, -2 with login fields beside a SID, success with the login', async () => {
    expect(await (await fetch(`${status}?saspSessionID=x&orderNumber=1`)).json()).toMatchObject({ errorCode: -17 });
    expect(JSON.parse(await post(status, { saspSessionID: 'nope', orderNumber: '1' }))).toMatchObject({ errorCode: -16 });
    expect(JSON.parse(await post(status, { saspSessionID: 'nope', orderNumber: '1', ...login }))).toMatchObject({ errorCode: -2 });
    expect(JSON.parse(await post(status, { ...login, orderNumber: '654824' }))).toMatchObject({ errorCode: 0, data: { orderNumber: 654824 } });
  });
});
