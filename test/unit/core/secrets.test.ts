import { describe, expect, it } from 'vitest';
import { SecretError, ValidationError } from '../../../src/core/errors.js';
import { assertNoSecrets, assertNoSecretsInBody, assertNoSecretsInUrl, isSecretKey } from '../../../src/core/secrets.js';

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

describe('secrets guard: every name, every spelling', () => {
  // The twelve names DESIGN.md and SECURITY.md promise, written as a merchant's server framework would.
  const names = [
    'loginPassword', 'merchant_control', 'control', 'controlKey', 'apiSecret', 'secretApiKey', 'apiKeySecret', 'secretKey', 'signingKey', 'hmacKey', 'privateKey', 'clientSecret',
    // Issue 23: names merchants' servers use for the same secrets.
    'merchantKey', 'apiKey',
  ];
  const spellings = (name: string) => {
    const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return [name, snake, snake.toUpperCase(), snake.replace(/_/g, '-'), `merchant[${name}]`, `${name}[]`, `merchant.${name}`, `a:${name}`, name.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))];
  };
  for (const name of names) {
    it(`refuses ${name} in every spelling`, () => {
      for (const key of spellings(name)) {
        expect(isSecretKey(key), key).toBe(true);
        expect(() => assertNoSecrets({ a: { b: [{ [key]: 'x' }] } }), key).toThrow(SecretError);
      }
    });
  }

  it('lets look-alike names through: they are not secrets', () => {
    for (const key of ['controlNumber', 'remote_control_id', 'loginName', 'publicKey', 'signature', 'keyId', 'secretary', 'hmac', 'apiKeyId', 'client', 'merchant', 'key']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('checks a urlencoded or JSON body as the server will parse it', () => {
    expect(() => assertNoSecretsInBody('a=1&merchant%5Bcontrol%5D=k', 'application/x-www-form-urlencoded')).toThrow(SecretError);
    expect(() => assertNoSecretsInBody('{"a":{"loginPassword":"x"}}', 'application/json')).toThrow(SecretError);
    // Unlabelled text is read both ways.
    expect(() => assertNoSecretsInBody('{"control":"k"}', null)).toThrow(SecretError);
    expect(() => assertNoSecretsInBody('control=k', 'text/plain')).toThrow(SecretError);
    expect(() => assertNoSecretsInBody('{"amount":1}', 'application/json')).not.toThrow();
  });

  it('checks the query and the fragment of a URL', () => {
    expect(() => assertNoSecretsInUrl(new URL('https://a.example/x?control=k'))).toThrow(SecretError);
    expect(() => assertNoSecretsInUrl(new URL('https://a.example/x#loginPassword=k'))).toThrow(SecretError);
    expect(() => assertNoSecretsInUrl(new URL('https://a.example/x?orderNumber=1#top'))).not.toThrow();
  });
});

describe('secrets guard: only BatonErrors', () => {
  it('a structure 200 000 levels deep is a ValidationError, not a RangeError', () => {
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(() => assertNoSecrets(deep)).toThrow(ValidationError);
    let array: unknown = [];
    for (let i = 0; i < 200_000; i++) array = [array];
    expect(() => assertNoSecrets(array)).toThrow(ValidationError);
  });

  it('64 levels are read; a secret at the bottom is found', () => {
    let deep: Record<string, unknown> = { control: 'k' };
    for (let i = 0; i < 62; i++) deep = { a: deep };
    expect(() => assertNoSecrets(deep)).toThrow(SecretError);
  });

  it('sparse arrays pass, and a secret in one is found', () => {
    const sparse: unknown[] = [];
    sparse[5] = { ok: 1 };
    sparse[1_000_000] = 'x';
    expect(() => assertNoSecrets({ list: sparse })).not.toThrow();
    sparse[7] = { loginPassword: 'x' };
    expect(() => assertNoSecrets({ list: sparse })).toThrow(expect.objectContaining({ path: 'input.list.7.loginPassword' }));
  });

  it('a getter or proxy trap that throws is a ValidationError', () => {
    const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(() => assertNoSecrets(getter)).toThrow(ValidationError);
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(() => assertNoSecrets(trap)).toThrow(ValidationError);
  });

  it('a URLSearchParams or Map subclass cannot hide an entry', () => {
    class Hidden extends URLSearchParams {
      override entries(): URLSearchParamsIterator<[string, string]> {
        return new URLSearchParams().entries();
      }
    }
    expect(() => assertNoSecrets(new Hidden('control=k'))).toThrow(SecretError);
    class HiddenMap extends Map<string, string> {
      override entries(): MapIterator<[string, string]> {
        return new Map<string, string>().entries();
      }
    }
    expect(() => assertNoSecrets(new HiddenMap([['control', 'k']]))).toThrow(SecretError);
  });
});

describe('secrets guard: text that a receiver reads as JSON', () => {
  it('knows merchant_key, merchantKey, apiKey, api_key, secretKey, secret_key and privateKey', () => {
    for (const key of ['merchant_key', 'merchantKey', 'MERCHANT-KEY', 'apiKey', 'api_key', 'API_KEY', 'x[apiKey]', 'secretKey', 'secret_key', 'privateKey', 'private-key']) {
      expect(isSecretKey(key), key).toBe(true);
    }
  });

  it('reads a string value that parses as JSON, strict or lenient, in an object, a query value and a body', () => {
    const texts = ['{"apiKey":"k"}', "{'merchant_key':'k'}", '{ secret_key: "k" }', '[1, {"a": "{\\"privateKey\\": 1}"}]', '"{\\"control\\":1}"', '{"a":1, control: 2,}'];
    for (const text of texts) {
      expect(() => assertNoSecrets({ orderNumber: text }), text).toThrow(SecretError);
      expect(() => assertNoSecretsInUrl(new URL(`https://a.example/x?q=${encodeURIComponent(text)}`)), text).toThrow(SecretError);
      expect(() => assertNoSecretsInBody(`orderNumber=${encodeURIComponent(text)}`, 'application/x-www-form-urlencoded'), text).toThrow(SecretError);
      expect(() => assertNoSecretsInBody(JSON.stringify({ session: { accessToken: text } }), 'application/json'), text).toThrow(SecretError);
      expect(() => assertNoSecretsInBody(text, 'application/json'), text).toThrow(SecretError);
    }
  });

  it('lets ordinary text and JSON without secret names through', () => {
    for (const text of ['{"amount":1}', "{'orderNumber': '654824'}", 'remote control: broken', 'https://a.example/x', '[1,2]', '{publicKey: "k"}']) {
      expect(() => assertNoSecrets({ comment: text }), text).not.toThrow();
    }
  });
});

