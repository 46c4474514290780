// Mock of Worldline Connect's Server API (`/connect/server/v1/{merchantId}/…`): what a merchant
// server calls with its API key. Every call's v1HMAC `Authorization` is checked here with
// node:crypto, re-implemented from the reference SDKs' algorithm (connect-sdk-java
// V1HMACAuthenticator.toDataToSign; connect-sdk-nodejs src/utils/authentication.ts) and never from
// src/server: a bug shared by signer and checker would otherwise pass both.
// Refusal: HTTP 401 with an ErrorResponse whose error id is MISSING_OR_INVALID_AUTHORIZATION (the
// Connect API reference's list of error ids); the numeric code is not in our documents, so none is sent.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MockContext, Route } from './app.js';
import { connectState, decryptCompactJwe } from './connect.js';
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
  checkouts: Map<string, { returnMac: string; status: string; paymentId?: string }>;
  idempotent: Map<string, MockResponse>;
  calls: Array<{ method: string; path: string; idempotenceKey: string | null; verified: boolean }>;
}

function apiState(ctx: MockContext): ServerApiState {
  let s = ctx.state.get('connect-server-api') as ServerApiState | undefined;
  if (!s) ctx.state.set('connect-server-api', (s = { checkouts: new Map(), idempotent: new Map(), calls: [] }));
  return s;
}

export function connectServerApiRoutes(ctx: MockContext): Route[] {
  const { merchantId, apiKeyId, secretApiKey } = ctx.secrets.worldline;
  const keys = { [apiKeyId]: secretApiKey };

  /** Checks merchant id and signature before the route sees anything. */
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

  return [
    {
      method: 'POST',
      path: `${base}/sessions`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const state = connectState(ctx);
        const body = (req.raw.length ? req.json() : {}) as { tokens?: unknown };
        const tokens = Array.isArray(body.tokens) ? body.tokens.filter((t): t is string => typeof t === 'string') : [];
        const session = { clientSessionId: randomBytes(16).toString('hex'), customerId: `9991-${randomBytes(16).toString('hex')}` };
        state.sessions.set(session.clientSessionId, session);
        return json({ assetUrl: `${ctx.origin}/connect/assets/`, clientApiUrl: `${ctx.origin}/connect/client`, ...session, invalidTokens: tokens.filter((t) => t.startsWith('expired')), region: 'EU' }, 201);
      }),
    },
    {
      method: 'POST',
      path: `${base}/payments`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const state = connectState(ctx);
        const body = req.json() as { encryptedCustomerInput?: unknown; order?: { amountOfMoney?: { amount?: number; currencyCode?: string } } };
        let input: Record<string, unknown>;
        try {
          const { header, plaintext } = decryptCompactJwe(String(body.encryptedCustomerInput), state.privateKey);
          if (header.kid !== state.keyId) throw new Error('unknown kid');
          input = JSON.parse(plaintext) as Record<string, unknown>;
        } catch {
          return refuse(400, 'DECRYPTION_FAILED', 'encryptedCustomerInput could not be decrypted');
        }
        const values = new Map((Array.isArray(input.paymentValues) ? input.paymentValues : []).map((v: { key?: unknown; value?: unknown }) => [String(v.key), String(v.value)]));
        const cardNumber = values.get('cardNumber') ?? '';
        const id = `${Date.now()}${randomBytes(3).toString('hex')}_0`;
        // 4000000000003220: the usual 3-D Secure test card; the payment waits for the customer.
        const threeDs = cardNumber === '4000000000003220';
        const status = cardNumber === '4000000000000002' ? 'REJECTED' : threeDs ? 'REDIRECTED' : 'PENDING_APPROVAL';
        state.payments.set(id, { status });
        const payment = { id, status, statusOutput: { statusCategory: threeDs ? 'PENDING_PAYMENT' : status === 'REJECTED' ? 'UNSUCCESSFUL' : 'PENDING_MERCHANT' }, paymentOutput: { amountOfMoney: body.order?.amountOfMoney } };
        const merchantAction = threeDs ? { actionType: 'REDIRECT', redirectData: { redirectURL: `${ctx.origin}/connect/3ds/${id}`, RETURNMAC: randomBytes(16).toString('hex') } } : undefined;
        return json({ payment, ...(merchantAction ? { merchantAction } : {}), creationOutput: { isNewToken: false } }, 201);
      }),
    },
    {
      method: 'POST',
      path: `${base}/hostedcheckouts`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const body = req.json() as { order?: { references?: { merchantReference?: string } } };
        const hostedCheckoutId = randomBytes(8).toString('hex');
        const returnMac = randomBytes(16).toString('hex');
        apiState(ctx).checkouts.set(hostedCheckoutId, { returnMac, status: 'IN_PROGRESS' });
        const host = new URL(ctx.origin).host;
        return json({ RETURNMAC: returnMac, hostedCheckoutId, partialRedirectUrl: `${host}/checkout/${hostedCheckoutId}`, merchantReference: body.order?.references?.merchantReference, invalidTokens: [] }, 201);
      }),
    },
    {
      method: 'GET',
      path: `${base}/hostedcheckouts/:id`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const checkout = apiState(ctx).checkouts.get(req.params.id!);
        if (!checkout) return refuse(404, 'UNKNOWN_HOSTED_CHECKOUT', 'Unknown hosted checkout');
        const payment = checkout.paymentId ? { id: checkout.paymentId, status: 'CAPTURED', statusOutput: { statusCategory: 'COMPLETED' } } : undefined;
        return json({ status: checkout.status, ...(payment ? { createdPaymentOutput: { payment } } : {}) });
      }),
    },
    {
      method: 'GET',
      path: `${base}/payments/:id`,
      server: 'worldline',
      cors: false,
      handle: signed((req) => {
        const payment = connectState(ctx).payments.get(req.params.id!);
        return payment ? json({ id: req.params.id, status: payment.status }) : refuse(404, 'UNKNOWN_PAYMENT_ID', 'Unknown payment');
      }),
    },
    // For tests: complete a hosted checkout as if the customer paid, and what the API received.
    {
      method: 'POST',
      path: '/connect/server/__complete/:id',
      handle: (req) => {
        const checkout = apiState(ctx).checkouts.get(req.params.id!);
        if (!checkout) return json({ error: 'unknown' }, 404);
        Object.assign(checkout, { status: 'PAYMENT_CREATED', paymentId: `${Date.now()}_0` });
        return json({ RETURNMAC: checkout.returnMac, hostedCheckoutId: req.params.id });
      },
    },
    { method: 'GET', path: '/connect/server/__calls', handle: () => json(apiState(ctx).calls) },
  ];
}
