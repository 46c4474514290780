// @vitest-environment happy-dom
// Input disguised so that a naive check would miss it never leaves the page, and ends in nothing
// but a BatonError: secret names in other spellings or places (dotless ı, `;` separators, inside
// values the receiver decodes, JSON text under any declared type), an asset path that reaches
// another host, options that change between reads, a Proxy that lies to the option reader, an
// object that is `instanceof URL` but no URL.
// Where the cases came from: two red-team passes, each test failing before the fix it names.
// B1–B5 and L1 checked issue 14's promises (was redteam.test.ts, then egress.attacks.test.ts);
// R1–R3 checked the egress rewrite — one page-origin policy, resolveUrl, one body reader per
// declared type, sasp's shape() (was redteam-2.test.ts, then egress.page-origin-attacks.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settled } from '../../helpers/caught.js';
import { recordFetch, type Sent } from '../../helpers/record-fetch.js';
import { BatonError, SecretError, UnsafeUrlError } from '../../../src/core/errors.js';
import { request } from '../../../src/core/http.js';
import { navigate } from '../../../src/core/navigate.js';
import { assertNoSecretsInBody } from '../../../src/core/secrets.js';
import { safeUrl } from '../../../src/core/url-guard.js';
import { createClientSession } from '../../../src/connect/index.js';
import { getPostPaymentStatus, uploadDocuments } from '../../../src/sasp/index.js';
import { encodeMerchantFormData, initiateSale, startHostedForm } from '../../../src/sbc/index.js';

let sent: Sent[];
let assign: ReturnType<typeof vi.fn>;
beforeEach(() => {
  assign = vi.fn();
  const u = new URL('https://shop.example/checkout/pay');
  vi.spyOn(window, 'location', 'get').mockReturnValue({ href: u.href, origin: u.origin, protocol: u.protocol, host: u.host, hostname: u.hostname, port: '', pathname: u.pathname, search: '', hash: '', assign, replace: vi.fn() } as unknown as Location);
  sent = recordFetch('{"errorCode":0,"data":{"orderNumber":"1"}}');
});
afterEach(() => vi.restoreAllMocks());
const policy = { allowedHosts: ['pay.example.com'] };

describe('B1 dotless ı: a server that compares with toUpperCase()/equalsIgnoreCase reads it as the secret', () => {
  it('logınPassword (dotless ı) is refused: a server folding case reads it as loginPassword', async () => {
    const key = 'log\u0131nPassword';
    expect(key.toUpperCase()).toBe('LOGINPASSWORD'); // Java equalsIgnoreCase, C# ToUpperInvariant, JS
    const error = await settled(() => navigate(`https://pay.example.com/a?${key}=hunter2`, policy));
    expect(error).toBeInstanceOf(SecretError); // fails: navigated
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('B2 `;` as a query separator (Rack < 3, Perl CGI, Python < 3.9.2 parse_qs)', () => {
  it('navigate refuses ?a=1;control=…', async () => {
    expect(await settled(() => navigate('https://pay.example.com/b?a=1;control=secret', policy))).toBeInstanceOf(SecretError);
  });
  it('initiateSale sends nothing for a url with ?a=1;control=…', async () => {
    const sale = { accessToken: 'T'.repeat(40), device: { serialNumber: 'SN-1' }, transaction: { amountCentis: 1042, currency: 'EUR' } };
    const error = await settled(() => initiateSale({ ...sale, url: '/api/sale?a=1;control=deadbeef' }));
    expect(sent.map((s) => s.url)).toStrictEqual([]); // fails: ['https://shop.example/api/sale?a=1;control=deadbeef']
    expect(error).toBeInstanceOf(SecretError);
  });
  it('the SASP direct endpoint sends nothing with ?x=1;loginPassword=…', async () => {
    await settled(() => getPostPaymentStatus({ saspSessionID: 'ABC123', orderNumber: '1', endpoint: 'https://secure.sectigo.com/products/!getPostPaymentStatus?x=1;loginPassword=hunter2' }));
    expect(sent.map((s) => s.url)).toStrictEqual([]);
  });
});

describe('B3 secret keys inside values the receiver decodes as name=value pairs', () => {
  it('merchant_form_data cannot carry control=… to the gateway', async () => {
    let mfd: unknown;
    try { mfd = encodeMerchantFormData({ control: 'DEADBEEF' }); } catch (e) { mfd = e; }
    if (typeof mfd === 'string') {
      await settled(() => startHostedForm({ url: '/api/preauth', body: { amountCentis: 1042, currency: 'EUR', merchant_form_data: mfd as string } }));
    }
    // on main: body 'amountCentis=1042&currency=EUR&merchant_form_data=control%253DDEADBEEF'
    expect(sent).toStrictEqual([]);
  });
  it('uploadDocuments sends nothing when successURL carries ?loginPassword=', async () => {
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=/g, '');
    const token = `${b64({ alg: 'none' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    await settled(() => uploadDocuments({ url: 'https://avspartners.sectigolabs.com/upload', token, files: [new Blob(['x'])], successURL: 'https://shop.example/ok?loginPassword=hunter2' }));
    expect(sent).toStrictEqual([]); // fails: multipart body carries successURL=…?loginPassword=hunter2
  });
});

describe('B4 assetUrl leaves the session asset host', () => {
  it('a leading tab cannot turn an asset path into //another-allowed-host', () => {
    const s = createClientSession({ clientSessionId: 'a'.repeat(32), customerId: '1234-abc', clientApiUrl: 'https://api.example/client', assetUrl: 'https://assets.example/', invalidTokens: [] } as never,
      { allowedHosts: ['api.example', 'assets.example'] });
    let out: unknown;
    try { out = s.assetUrl('\t//api.example/client/v1/1234-abc/crypto/publickey'); } catch (e) { out = e; }
    // on main: 'https://api.example/client/v1/1234-abc/crypto/publickey'
    expect(out instanceof UnsafeUrlError || new URL(out as string).host === 'assets.example').toBe(true);
  });
});

describe('B5 non-BatonErrors / silent no-ops from public functions', () => {
  it('navigate(url, policy, null) is a clean pass or a BatonError, never a TypeError', async () => {
    const error = await settled(() => navigate('https://pay.example.com/c', policy, null as never));
    expect(error === undefined || error instanceof BatonError).toBe(true);
  });
  it('safeUrl reads the policy once: a getter that changes its answer is no TypeError', async () => {
    let reads = 0;
    const p = { get allowedHosts() { return reads++ === 0 ? ['pay.example.com'] : (null as never); } };
    const error = await settled(() => safeUrl('https://pay.example.com/x', p));
    expect(error === undefined || error instanceof BatonError).toBe(true);
  });
  it('navigate with an unknown target is a ValidationError, and the next real call goes ahead', async () => {
    const url = 'https://pay.example.com/d';
    const error = await settled(() => navigate(url, policy, { target: 'bogus' as never }));
    expect(error).toBeInstanceOf(BatonError); // fails: no error, via undefined
    expect(navigate(url, policy).duplicate).toBe(false);
  });
});

describe('L1 string bodies under any declared type (request() is internal; a future caller is covered)', () => {
  const passes = (body: string, type: string) => { try { assertNoSecretsInBody(body, type); return true; } catch { return false; } };
  it('mislabelled, multipart-as-text, BOM and trailing-comma bodies are checked', () => {
    expect(passes('control=1', 'application/x-www-form-urlencoded; x=json')).toBe(false); // urlencoded + "json" → neither parse
    expect(passes('--X\r\nContent-Disposition: form-data; name="control"\r\n\r\ns\r\n--X--', 'multipart/form-data; boundary=X')).toBe(false);
    expect(passes('\ufeff{"control":1}', 'application/json')).toBe(false); // BOM: JSON.parse fails, Jackson/.NET accept
    expect(passes('{"control":1,}', 'application/json')).toBe(false); // lenient parsers accept
  });
});

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
