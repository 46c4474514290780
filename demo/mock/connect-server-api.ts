// Mock of Worldline Connect's Server API (`/connect/server/v1/{merchantId}/…`): what a merchant
// server calls with its API key. Every call's v1HMAC `Authorization` is checked here with
// node:crypto, re-implemented from the reference SDKs' algorithm (connect-sdk-java
// V1HMACAuthenticator.toDataToSign; connect-sdk-nodejs src/utils/authentication.ts) and never from
// src/server: a bug shared by signer and checker would otherwise pass both.
// Refusal: HTTP 401 with an ErrorResponse whose error id is MISSING_OR_INVALID_AUTHORIZATION (the
// Connect API reference's list of error ids); the numeric code is not in our documents, so none is sent.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MockContext, Route } from './route.js';
import { connectState, platformCreateCardPayment } from './connect.js';
import { BANK_TRANSFER, createHostedCheckout, createPayment, getHostedCheckout, getPayment, notFound } from './connect-payments.js';
import { json, type MockRequest, type MockResponse } from './http.js';

/** The string the mock expects to be signed (spec: method, content type, date, sorted x-gcs lines, path + decoded query). */
export function expectedDataToSign(method: string, rawPathAndQuery: string, headers: Iterable<[string, string]>): string {
  let contentType = '';
  let date = '';
  const gcs: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-type') contentType = value;
    else if (lower === 'date') date = value;
    // toCanonicalizeHeaderValue: "\r?\n" plus following blanks → one space, then trim.
    else if (lower.startsWith('x-gcs')) gcs.push([lower, value.replace(/\r?\n[ \t\f\v]*/g, ' ').trim()]);
  }
  // By name only (Java sorts RequestHeaders by name; the sort is stable).
  gcs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const [path, query] = splitOnce(rawPathAndQuery.split('#')[0]!, '?');
  const resource = query === undefined ? path : `${path}?${decodeURIComponent(query)}`;
  return [method.toUpperCase(), contentType, date, ...gcs.map(([name, value]) => `${name}:${value}`), resource].join('\n') + '\n';
}

/** `true` when `authorization` is `GCS v1HMAC:<keyId>:<base64 HMAC-SHA256>` of the data under the key for keyId. */
export function checkV1Hmac(authorization: string | null, dataToSign: string, keys: Readonly<Record<string, string>>): boolean {
  const match = /^GCS v1HMAC:([^:]+):([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
  if (!match || !Object.prototype.hasOwnProperty.call(keys, match[1]!)) return false;
  const expected = createHmac('sha256', Buffer.from(keys[match[1]!]!, 'utf8')).update(dataToSign, 'utf8').digest();
  const given = Buffer.from(match[2]!, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

const refuse = (status: number, id: string, message: string): MockResponse =>
  json({ errorId: randomBytes(8).toString('hex'), errors: [{ id, category: 'CONNECT_PLATFORM_ERROR', httpStatusCode: status, message }] }, status);

interface ServerApiState {
  idempotent: Map<string, MockResponse>;
  calls: Array<{ method: string; path: string; idempotenceKey: string | null; verified: boolean }>;
}

function apiState(ctx: MockContext): ServerApiState {
  let s = ctx.state.get('connect-server-api') as ServerApiState | undefined;
  if (!s) ctx.state.set('connect-server-api', (s = { idempotent: new Map(), calls: [] }));
  return s;
}

/**
 * The Server API over HTTP, signature checked, in front of the platform behaviour the demo shares
 * (demo/mock/connect-payments.ts, connect.ts platformCreateCardPayment): sessions, payments (card
 * with 3-D Secure or frictionless, bank transfer 11), hosted checkouts, and their Get calls.
 */
export function connectServerApiRoutes(ctx: MockContext): Route[] {
  const { merchantId, apiKeyId, secretApiKey } = ctx.secrets.worldline;
  const keys = { [apiKeyId]: secretApiKey };

  /** Checks the signature and merchant id before the route sees anything. */
  const signed = (handle: (req: MockRequest) => MockResponse | Promise<MockResponse>) => (req: MockRequest) => {
    const raw = req.url.href.slice(req.url.origin.length);
    const verified = checkV1Hmac(req.headers.get('authorization'), expectedDataToSign(req.method, raw, req.headers), keys);
    apiState(ctx).calls.push({ method: req.method, path: req.url.pathname, idempotenceKey: req.headers.get('x-gcs-idempotence-key'), verified });
    if (!verified) return refuse(401, 'MISSING_OR_INVALID_AUTHORIZATION', 'The authorization header is missing or invalid');
    if (req.params.merchantId !== merchantId) return refuse(403, 'ACCESS_TO_MERCHANT_NOT_ALLOWED', 'Access to this merchant is not allowed');
    // Idempotent requests: the same key answers the first result again (Connect's idempotence docs).
    const key = req.headers.get('x-gcs-idempotence-key');
    const seen = key ? apiState(ctx).idempotent.get(`${req.url.pathname}:${key}`) : undefined;
    if (seen) return { ...seen, headers: { ...seen.headers, 'x-gcs-idempotence-request-timestamp': String(Date.now()) } };
    return Promise.resolve(handle(req)).then((answer) => {
      if (key) apiState(ctx).idempotent.set(`${req.url.pathname}:${key}`, answer);
      return answer;
    });
  };
  const base = '/connect/server/v1/:merchantId';
  const bodyOf = (req: MockRequest) => (req.raw.length ? req.json() : {}) as Record<string, any>;

  return [
    {
      method: 'POST',
      path: `${base}/sessions`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const state = connectState(ctx);
        const body = bodyOf(req) as { tokens?: unknown };
        const tokens = Array.isArray(body.tokens) ? body.tokens.filter((t): t is string => typeof t === 'string') : [];
        const session = { clientSessionId: randomBytes(16).toString('hex'), customerId: `9991-${randomBytes(16).toString('hex')}`, tokens };
        state.sessions.set(session.clientSessionId, session);
        return json({ assetUrl: `${ctx.origin}/connect/assets/`, clientApiUrl: `${ctx.origin}/connect/client`, clientSessionId: session.clientSessionId, customerId: session.customerId, invalidTokens: tokens.filter((t) => t.startsWith('expired')), region: 'EU' }, 201);
      }),
    },
    {
      method: 'POST',
      path: `${base}/payments`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const body = bodyOf(req);
        if (body.bankTransferPaymentMethodSpecificInput?.paymentProductId === BANK_TRANSFER) return json(createPayment(ctx, { bankTransfer: true }), 201);
        const returnUrl = String(body.cardPaymentMethodSpecificInput?.returnUrl ?? `${ctx.origin}/connect-return.html`);
        return platformCreateCardPayment(ctx, body.encryptedCustomerInput, returnUrl);
      }),
    },
    {
      method: 'POST',
      path: `${base}/hostedcheckouts`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const returnUrl = String(bodyOf(req).hostedCheckoutSpecificInput?.returnUrl ?? `${ctx.origin}/connect-return.html`);
        return json(createHostedCheckout(ctx, returnUrl), 201);
      }),
    },
    {
      method: 'GET',
      path: `${base}/hostedcheckouts/:id`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const answer = getHostedCheckout(ctx, req.params.id!);
        return answer ? json(answer) : notFound('hostedCheckoutId');
      }),
    },
    {
      method: 'GET',
      path: `${base}/payments/:id`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const answer = getPayment(ctx, req.params.id!);
        return answer ? json(answer) : notFound('paymentId');
      }),
    },
    // For tests: what the Server API received.
    { method: 'GET', path: '/connect/server/__calls', handle: () => json(apiState(ctx).calls) },
  ];
}
