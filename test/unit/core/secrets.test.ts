import { describe, expect, it } from 'vitest';
import { SecretError } from '../../../src/core/errors.js';
import { assertNoSecrets, isSecretKey } from '../../../src/core/secrets.js';

describe('secrets guard', () => {
  it.each(['loginPassword', 'LOGINPASSWORD', 'merchant_control', 'Merchant-Control', 'control', 'merchantControl', 'apiSecret', 'secretApiKey', 'SECRET_API_KEY', 'privateKey'])(
    'refuses %s at the top level',
    (key) => {
      expect(() => assertNoSecrets({ ok: 1, [key]: 'x' }, 'body')).toThrow(SecretError);
    },
  );

  it('finds secrets at any depth and names the path', () => {
    const input = { order: { lines: [{ sku: 1 }, { meta: new Map([['merchant_control', 'k']]) }] } };
    expect(() => assertNoSecrets(input, 'body')).toThrow(expect.objectContaining({ path: 'body.order.lines.1.meta.merchant_control' }));
  });

  it('searches URLSearchParams, FormData and Headers', () => {
    expect(() => assertNoSecrets(new URLSearchParams('loginName=a&loginPassword=b'))).toThrow(/input\.loginPassword/);
    const form = new FormData();
    form.append('control', 'abc');
    expect(() => assertNoSecrets(form)).toThrow(SecretError);
    expect(() => assertNoSecrets(new Headers({ 'x-api-secret': 'k' }))).not.toThrow();
    expect(() => assertNoSecrets({ headers: new Headers({ 'api-secret': 'k' }) })).toThrow(SecretError);
  });

  it('lets session tokens and signatures through: they are what the server minted for the browser', () => {
    expect(() => assertNoSecrets({ SID: 'x', saspSessionID: 'y', nonce: 'n', signature: 's', token: 't', clientSessionId: 'c' })).not.toThrow();
  });

  it('survives cycles and primitives', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(() => assertNoSecrets(a)).not.toThrow();
    for (const value of [null, undefined, 1, 'loginPassword', true]) expect(() => assertNoSecrets(value)).not.toThrow();
  });

  it('isSecretKey ignores case, dashes and underscores', () => {
    expect(isSecretKey('Login_Password')).toBe(true);
    expect(isSecretKey('controlNumber')).toBe(false);
  });
});
