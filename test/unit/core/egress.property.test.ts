// @vitest-environment happy-dom
// Properties of the whole egress (issue 14): over generated URLs, ids, redirects, secret names in
// any position or syntax, nested bodies and query strings,
// - no request or navigation reaches a host the policy refuses,
// - no secret key reaches the wire,
// - only BatonErrors are thrown,
// - and what comes back is the server's answer, unchanged.
// The oracles below are written independently of src/core (their own parsing and their own list).
// From the first hardening pass (was test/unit/hardening/egress.property.test.ts).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClientSession } from '../../../src/connect/index.js';
import { BatonError, SecretError } from '../../../src/core/errors.js';
import { request } from '../../../src/core/http.js';
import { navigate, postForm } from '../../../src/core/navigate.js';
import { recordFetch, type Sent } from '../../helpers/record-fetch.js';
import { RUNS } from '../../helpers/property-runs.js';

const ASYNC_RUNS = Math.min(RUNS, 600);
const ALLOWED = ['api.example.com', 'pay.example.com'];
const policy = { allowedHosts: ALLOWED, pathPrefixes: ['/v1/'] };

// --- independent oracles -------------------------------------------------------------------
const SECRET_WORDS = ['loginpassword', 'merchantcontrol', 'control', 'controlkey', 'apisecret', 'secretapikey', 'apikeysecret', 'secretkey', 'signingkey', 'hmackey', 'privatekey', 'clientsecret'];

/** Would a PHP, Rails, Express or Spring server read `key` (or a part of it) as a secret name? */
function namesSecret(key: string): boolean {
  const folded = key.normalize('NFKC').toLowerCase();
  const parts = [folded, ...folded.split(/[^a-z0-9_\- ]+/)];
  return parts.some((part) => SECRET_WORDS.includes(part.replace(/[_\- ]/g, '')));
}

function keysOf(value: unknown, out: string[] = []): string[] {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.push(key);
      keysOf(child, out);
    }
  }
  return out;
}

/** Every key a server could parse out of this request: query, fragment, form and JSON bodies. */
async function wireKeys(req: Sent): Promise<string[]> {
  const url = new URL(req.url);
  const keys = [...url.searchParams.keys(), ...new URLSearchParams(url.hash.slice(1)).keys()];
  const text = req.body;
  keys.push(...new URLSearchParams(text).keys());
  try {
    keysOf(JSON.parse(text), keys);
  } catch {
    // not JSON
  }
  return keys;
}

function onPolicy(href: string): boolean {
  const url = new URL(href);
  const segments = url.pathname.split('/').map((s) => decodeURIComponent(s).split(';')[0]);
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    ALLOWED.includes(url.hostname) &&
    url.pathname.startsWith('/v1/') &&
    !segments.some((s) => s === '.' || s === '..' || /[/\\]/.test(s!))
  );
}

// --- generators ------------------------------------------------------------------------------
const hostPiece = fc.constantFrom(
  'api.example.com', 'pay.example.com', 'evil.example', 'api.example.com.evil.example', 'api.example.com@evil.example',
  'evil.example#@api.example.com', 'api.example.com:443', 'API.EXAMPLE.COM', 'api.example.com.', 'xn--pi-example-9ya.com',
  'api.ex\u0430mple.com', '127.0.0.1', 'user:pw@api.example.com', 'api.example.com\\@evil.example',
);
const schemePiece = fc.constantFrom('https://', 'http://', '//', 'https:/', 'https:\\\\', 'javascript:', 'data:text/plain,', 'HTTPS://', ' https://');
const pathPiece = fc.constantFrom('v1', 'v1/', '..', '.', '..;', '%2e%2e', '%2e', '..%2f', '%2f', '%5c', 'x', 'products', ';a=b', '', '//evil.example', 'v2');
const idPiece = fc.oneof(fc.constantFrom('..', '.', '..;', '%2e%2e', 'a/b', '?q=1', '#f', 'ok-1', '9991-0b67'), fc.string({ maxLength: 6 }));

const tail = fc.option(fc.constantFrom('?a=1', '?control=k', '?merchant%5Bcontrol%5D=k', '#loginPassword=x', '?SID=1', '?x=1#y'), { nil: '' });
const hostileUrl = fc
  .tuple(schemePiece, hostPiece, fc.array(pathPiece, { maxLength: 5 }), fc.option(fc.constantFrom('?a=1', '?control=k', '?merchant%5Bcontrol%5D=k', '#loginPassword=x', '?SID=1'), { nil: '' }))
  .map(([scheme, host, path, rest]) => `${scheme}${host}/${path.join('/')}${rest}`);
// Half the URLs start right, so the properties also see requests that go out.
const plausibleUrl = fc
  .tuple(fc.constantFrom(...ALLOWED), fc.array(fc.oneof(pathPiece, idPiece.map(encodeURIComponent)), { maxLength: 4 }), tail)
  .map(([host, path, rest]) => `https://${host}/v1/${path.join('/')}${rest}`);
const url = fc.oneof(hostileUrl, plausibleUrl);

const secretSpelling = fc
  .tuple(fc.constantFrom('loginPassword', 'merchant_control', 'control', 'controlKey', 'apiSecret', 'secretApiKey', 'apiKeySecret', 'secretKey', 'signingKey', 'hmacKey', 'privateKey', 'clientSecret'), fc.nat(6))
  .map(([name, style]) => {
    const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return [name, snake.toUpperCase(), snake.replace(/_/g, '-'), `merchant[${name}]`, `${name}[]`, `merchant.${name}`, name.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))][style]!;
  });
const safeKey = fc.constantFrom('amount', 'currency', 'orderNumber', 'SID', 'nonce', 'signature', 'controlNumber', 'items', 'email');
const key = fc.oneof({ weight: 4, arbitrary: safeKey }, { weight: 1, arbitrary: secretSpelling });
const flat = fc.dictionary(key, fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 4 });
const nested = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 4 }), fc.integer(), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
})).node;

// --- the stubbed network -------------------------------------------------------------------
let wire: Sent[] = [];
let reply: () => Response = () => new Response('ANSWER');

beforeEach(() => {
  wire = recordFetch(() => reply());
});
afterEach(() => vi.restoreAllMocks());

describe('egress properties: request()', () => {
  let sent = 0;
  it('only allowed hosts and paths are contacted, no secret key is sent, only BatonErrors are thrown, the answer is returned as sent', async () => {
    await fc.assert(
      fc.asyncProperty(url, fc.option(flat, { nil: undefined }), fc.oneof(fc.constant(undefined), flat.map((form) => ({ form })), nested.map((json) => ({ json }))), async (target, searchParams, body) => {
        wire.length = 0;
        reply = () => new Response('ANSWER');
        let result: unknown;
        try {
          result = await request(target, { policy, searchParams: searchParams as Record<string, string>, ...(body as object), retry: { limit: 0 } });
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
          if (error instanceof SecretError) expect(wire).toHaveLength(0);
          return;
        }
        expect(wire).toHaveLength(1);
        sent++;
        expect(onPolicy(wire[0]!.url)).toBe(true);
        for (const k of await wireKeys(wire[0]!)) expect(namesSecret(k), k).toBe(false);
        expect(result).toMatchObject({ status: 200, text: 'ANSWER' });
      }),
      { numRuns: ASYNC_RUNS },
    );
    // The property is only as good as the requests it saw go out (about 10% of the runs do).
    expect(sent).toBeGreaterThan(ASYNC_RUNS / 25);
  });

  it('a redirect answer, to any host, is an error and is never followed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(301, 302, 303, 307, 308), url, async (status, location) => {
        wire.length = 0;
        reply = () => new Response(null, { status, headers: { location } });
        const error = await request('https://api.example.com/v1/status', { policy, form: { SID: '1' }, retry: { idempotent: true, delayMs: () => 0 } }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BatonError);
        expect(wire.map((r) => new URL(r.url).host)).toStrictEqual(['api.example.com']);
      }),
      { numRuns: Math.min(ASYNC_RUNS, 200) },
    );
  });
});

describe('egress properties: navigation', () => {
  it('navigate and postForm only go to allowed targets, with no secret in the URL or the fields', () => {
    let went = 0;
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign, replace: assign } as unknown as Location);
    const posted: string[][] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      posted.push([this.action, ...[...new FormData(this)].map(([name]) => name)]);
    });
    fc.assert(
      fc.property(url, fc.option(flat, { nil: undefined }), (target, fields) => {
        assign.mockClear();
        posted.length = 0;
        let duplicate = false;
        try {
          const fieldsAsText = fields && Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
          ({ duplicate } = fieldsAsText ? postForm(target, fieldsAsText, policy) : navigate(target, policy));
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
          expect(assign).not.toHaveBeenCalled();
          expect(posted).toHaveLength(0);
          return;
        }
        // The same target again within a second is the double-click guard: nothing happens.
        if (duplicate) {
          expect(assign.mock.calls.length + posted.length).toBe(0);
          return;
        }
        const href = fields ? posted[0]![0]! : (assign.mock.calls[0]![0] as string);
        went++;
        expect(onPolicy(href)).toBe(true);
        const names = [...new URL(href).searchParams.keys(), ...new URLSearchParams(new URL(href).hash.slice(1)).keys(), ...(fields ? posted[0]!.slice(1) : [])];
        for (const name of names) expect(namesSecret(name), name).toBe(false);
      }),
      { numRuns: Math.min(RUNS, 3_000) },
    );
    expect(went).toBeGreaterThan(Math.min(RUNS, 3_000) / 10);
  });
});

describe('egress properties: Connect session URLs', () => {
  const hosts = ['*.api-ingenico.com', '*.worldline-solutions.com'];
  const clientApiUrl = fc
    .tuple(schemePiece, fc.constantFrom('ams1.api-ingenico.com', 'evil.example', 'ams1.api-ingenico.com@evil.example', 'ams1.api-ingenico.com.evil.example', 'x.worldline-solutions.com'), fc.array(pathPiece, { maxLength: 4 }), fc.constantFrom('client', 'client/', 'client/v1', ''))
    .map(([scheme, host, path, tail]) => `${scheme}${host}/${[...path, tail].join('/')}`);

  it('every call goes to an allowed host under the customer base, and assets stay under the asset base', async () => {
    await fc.assert(
      fc.asyncProperty(clientApiUrl, idPiece, idPiece, idPiece, async (apiUrl, customerId, paymentId, assetPath) => {
        wire.length = 0;
        reply = () => new Response('{"paymentProducts":[]}', { headers: { 'content-type': 'application/json' } });
        let session;
        try {
          session = createClientSession(
            { clientSessionId: 'c0ffee', customerId, clientApiUrl: apiUrl, assetUrl: 'https://a.worldline-solutions.com/assets/?v=1', invalidTokens: [] },
            { allowedHosts: hosts },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
          return;
        }
        const base = session.apiBaseUrl.href;
        for (const call of [() => session.getBasicPaymentProducts({ countryCode: 'NL', currencyCode: 'EUR', amount: 1, isRecurring: false }), () => session.getThirdPartyPaymentStatus(paymentId)]) {
          await call().catch((error: unknown) => expect(error).toBeInstanceOf(BatonError));
        }
        for (const req of wire) {
          const sent = new URL(req.url);
          expect(sent.hostname.endsWith('.api-ingenico.com') || sent.hostname.endsWith('.worldline-solutions.com')).toBe(true);
          expect(req.url.startsWith(base)).toBe(true);
          expect(sent.pathname.split('/').some((s) => s === '..' || s === '.')).toBe(false);
        }
        try {
          const asset = session.assetUrl(assetPath);
          expect(asset.startsWith('https://a.worldline-solutions.com/assets/')).toBe(true);
          expect(decodeURIComponent(new URL(asset).pathname).split(/[/\\]/).some((s) => s.split(';')[0] === '..')).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
        }
      }),
      { numRuns: ASYNC_RUNS },
    );
  });
});
