// A red-team pass on the egress rewrite (one page-origin policy, resolveUrl, one body reader per
// declared type, sasp's shape()): each test asserts the promised behaviour, and each failed before
// the fix it names.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settled } from '../../helpers/caught.js';
import { recordFetch, type Sent } from '../../helpers/record-fetch.js';
import { BatonError, SecretError } from '../../../src/core/errors.js';
import { request } from '../../../src/core/http.js';
import { assertNoSecretsInBody } from '../../../src/core/secrets.js';
import { getPostPaymentStatus, uploadDocuments } from '../../../src/sasp/index.js';
import { initiateSale, startHostedForm } from '../../../src/sbc/index.js';

let sent: Sent[];
beforeEach(() => {
  sent = recordFetch('{"errorCode":0,"data":{"orderNumber":"1"}}');
});
afterEach(() => vi.restoreAllMocks());
const policy = { allowedHosts: ['pay.example.com'] };

describe('R1 a JSON text body under another declared type (secrets.ts: one reader per type)', () => {
  // Go's json.NewDecoder(r.Body), PHP's json_decode(file_get_contents('php://input')) and Django's
  // json.loads(request.body) read the body as JSON whatever its Content-Type; fetch labels a string
  // body text/plain. At d91f000 every body was also read as JSON.
  it('request() sends nothing for a JSON text body with no content type', async () => {
    const error = await settled(() => request('https://pay.example.com/x', { policy, body: '{"amount":1,"loginPassword":"hunter2"}' }));
    expect(error).toBeInstanceOf(SecretError); // fails: sent as text/plain
    expect(sent).toStrictEqual([]);
  });
  it('text/plain, urlencoded, multipart or an unknown type: the JSON names are read', () => {
    for (const type of [null, 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'application/x-json', 'application/json, text/plain', 'multipart/form-data']) {
      expect(() => assertNoSecretsInBody('{"amount":1,"merchant_control":"k"}', type), String(type)).toThrow(SecretError);
      expect(() => assertNoSecretsInBody('[{"a":"=","control":1}]', type), String(type)).toThrow(SecretError);
    }
  });
  it('a JSON type whose text is not JSON is also read as pairs (a lenient parser, a mislabelled form)', () => {
    for (const body of ['control=1', 'a=1&control=1', '{control:1}', '{"a":1;"control"=>1}']) {
      expect(() => assertNoSecretsInBody(body, 'application/json'), body).toThrow(SecretError);
    }
  });
});

describe('R2 shape(): a Proxy cannot keep an unchecked value for a documented option', () => {
  // Object.keys says the key is there, `in` says it is not: the raw copy of the first loop survived.
  const lying = <T extends object>(target: T, key: string, bogus: unknown) => {
    let reads = 0;
    return new Proxy(target, {
      get: (t, k) => (k === key ? (++reads === 2 ? bogus : undefined) : (t as Record<PropertyKey, unknown>)[k]),
      has: (t, k) => k !== key && k in t,
      ownKeys: (t) => [...Reflect.ownKeys(t), key],
      getOwnPropertyDescriptor: (t, k) => (k === key ? { value: undefined, enumerable: true, configurable: true, writable: true } : Reflect.getOwnPropertyDescriptor(t, k)),
    });
  };
  it('getPostPaymentStatus: a non-AbortSignal signal is a BatonError, not a TypeError', async () => {
    const error = await settled(() => getPostPaymentStatus(lying({ saspSessionID: 'ABC123', orderNumber: '1' }, 'signal', { aborted: false }) as never));
    expect(error === undefined || error instanceof BatonError, String(error)).toBe(true); // fails: TypeError addEventListener
  });
  it('uploadDocuments: a javascript: successURL is never sent', async () => {
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=/g, '');
    const token = `${b64({ alg: 'none' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    const options = { url: 'https://avspartners.sectigolabs.com/upload', token, files: [new Blob(['x'])] };
    await settled(() => uploadDocuments(lying(options, 'successURL', 'javascript:alert(document.domain)') as never));
    expect(sent.filter((s) => s.body.includes('javascript:'))).toStrictEqual([]); // fails: successURL=javascript:… sent
  });
});

describe('R3 an object that is `instanceof URL` but no URL (its href getter throws a TypeError)', () => {
  const fake = () => Object.create(URL.prototype) as URL;
  it('initiateSale, startHostedForm and the sasp relay refuse it with a BatonError and send nothing', async () => {
    const sale = { accessToken: 'T'.repeat(40), device: { serialNumber: 'SN-1' }, transaction: { amountCentis: 1042, currency: 'EUR' } };
    for (const call of [
      () => initiateSale({ ...sale, url: fake() }),
      () => startHostedForm({ url: fake(), body: { amountCentis: 1042, currency: 'EUR' } }),
      () => getPostPaymentStatus({ relay: fake(), orderNumber: '1' }),
    ]) {
      const error = await settled(call);
      expect(error, String(error)).toBeInstanceOf(BatonError); // fails: TypeError Receiver must be an instance of class URL
    }
    expect(sent).toStrictEqual([]);
  });
});
