// Sectigo SASP relays. The reseller login is added here, never seen by the browser or echoed back;
// every relay first asks `authorize(request, orderNumber)`; a `-42` (call limit) starts a wait
// shared through the store, during which Sectigo is not called again for that order.
import { ProviderError, ValidationError } from '../../core/errors.js';
import { allowOnly, handler } from '../answer-error.js';
import { configObject, own, secretOf } from '../config.js';
import { ConfigError } from '../errors.js';
import { send, type FetchLike } from '../fetch.js';
import { jsonResponse, readFields, textResponse } from '../http.js';
import { memoryStore, type BatonStore } from '../store.js';

/** Sectigo's hosts (interchangeable); only paths under `/products/`. */
const SECTIGO_HOSTS = ['secure.sectigo.com', 'secure.trust-provider.com'];
/** The wait after a `-42`: Baton's `sasp.CALL_LIMIT_WAIT_MS` (10 s), shared here through the store. */
export const SASP_CALL_LIMIT_WAIT_MS = 10_000;
/** `-42`'s documented message (specs/sasp-init-customer-session.txt). */
const CALL_LIMIT = 'Call limit reached! Please try again later.';

export interface SaspConfig {
  /** Reseller account username. From your configuration (env), never from a request. */
  readonly loginName: string;
  readonly loginPassword: string;
  /**
   * REQUIRED. Resolves when the signed-in customer owns `orderNumber`; throw `ForbiddenError`
   * (or any error: answered 403/500) otherwise. Runs before every call to Sectigo.
   */
  readonly authorize: (request: Request, orderNumber: string) => Promise<void> | void;
  /** Default `https://secure.trust-provider.com/products/`. Another host only for a mock on loopback. */
  readonly endpoint?: string;
  readonly store?: BatonStore;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
}

type Handler = (request: Request) => Promise<Response>;

/** The actions the browser's `renderStatus` emits that a reseller API performs. */
export type SaspActionRequest =
  | { readonly action: 'selectDCVMethod' | 'canChangeDCVMethod'; readonly domainName?: string; readonly method: 'EMAIL' | 'HTTP_CSR_HASH' | 'HTTPS_CSR_HASH' | 'CNAME_CSR_HASH'; readonly option?: string }
  | { readonly action: 'resendDCVEmail'; /** The DCV address to send to (`dcvEmailAddress`); default the last one used. */ readonly option?: string };

/**
 * The Sectigo relays of a merchant server. Refuses to start without `authorize` (`ConfigError`).
 * - `session`: `POST orderNumber` → `!initCustomerSession`'s text answer (format 0), for `sasp.parseSessionResponse`.
 * - `status`: `POST orderNumber[, certificateID]` (what `sasp.getPostPaymentStatus({ relay })` sends) →
 *   `!getPostPaymentStatus`'s JSON, for `parseStatusResponse`; during a `-42` wait, `{ errorCode: -42 }` unsent.
 * - `action`: `POST orderNumber, action, domainName, method, option` (a `renderStatus` `SaspAction`) →
 *   `!AutoUpdateDCV` or `!ResendDCVEmail`; `{ errorCode, errorMessage }`. Other actions: 501, open the hosted page.
 */
export function saspHandlers(config: SaspConfig): Record<'session' | 'status' | 'action', Handler> {
  configObject(config, 'sasp config');
  const authorize = own(config, 'authorize');
  if (typeof authorize !== 'function') {
    throw new ConfigError('sasp config.authorize', 'is required: (request, orderNumber) => check the signed-in customer owns the order');
  }
  const loginName = secretOf(config, 'loginName', 'sasp config');
  const loginPassword = secretOf(config, 'loginPassword', 'sasp config');
  const base = endpointOf(own(config, 'endpoint'));
  const store = own(config, 'store') ?? memoryStore();
  const fetchFn: FetchLike | undefined = own(config, 'fetch');
  const timeoutMs = own(config, 'timeoutMs') ?? 30_000;

  /** Authorises, honours a `-42` wait, adds the login, sends; returns Sectigo's text. */
  async function relay(request: Request, api: string, fields: Record<string, string | undefined>, orderNumber: string): Promise<{ text: string; waitMs?: number }> {
    await authorize!(request, orderNumber);
    const waitKey = `baton:sasp:wait:${orderNumber}`;
    const until = Number((await store.get(waitKey)) ?? 0);
    if (until > Date.now()) return { text: '', waitMs: until - Date.now() };
    const form = new URLSearchParams({ loginName, loginPassword });
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
    const answer = await send(fetchFn, new Request(new URL(api, base), { method: 'POST', body: form }), timeoutMs);
    if (answer.status < 200 || answer.status > 299) throw new ProviderError('sasp', answer.status, `Sectigo answered HTTP ${answer.status}`);
    // Never pass on an answer that would carry the login (Sectigo's documents show none that does).
    if (answer.text.includes(loginPassword) || answer.text.includes(loginName)) throw new ProviderError('sasp', 'LOGIN_ECHOED', 'Sectigo answered with the login in it; not relayed');
    if (errorCodeOf(answer.text) === -42) {
      await store.set(waitKey, String(Date.now() + SASP_CALL_LIMIT_WAIT_MS), SASP_CALL_LIMIT_WAIT_MS);
    }
    return { text: answer.text };
  }

  const orderNumberOf = (fields: ReadonlyMap<string, string>) => {
    const value = (fields.get('orderNumber') ?? fields.get('ordernumber') ?? '').trim();
    if (!/^[A-Za-z0-9_.-]{1,128}$/.test(value)) throw new ValidationError('sasp relay', [{ path: 'orderNumber', message: 'expected 1–128 letters, digits, . _ -' }]);
    return value;
  };
  const retryAfter = (waitMs: number) => ({ 'retry-after': String(Math.ceil(waitMs / 1000)) });

  return {
    session: handler(async (request) => {
      const refused = allowOnly(request, 'POST');
      if (refused) return refused;
      const fields = await readFields(request);
      const orderNumber = orderNumberOf(fields);
      // The browser may ask for either documented format (parseSessionResponse reads both).
      const format = fields.get('format') ?? fields.get('responseFormat') ?? '0';
      if (format !== '0' && format !== '1') throw new ValidationError('sasp relay', [{ path: 'format', message: 'expected 0 or 1' }]);
      const { text, waitMs } = await relay(request, '!initCustomerSession', { orderNumber, responseFormat: format }, orderNumber);
      if (waitMs !== undefined) {
        return format === '1'
          ? textResponse(new URLSearchParams({ errorCode: '-42', errorMessage: CALL_LIMIT }).toString(), 200, 'application/x-www-form-urlencoded')
          : textResponse(`-42\n${CALL_LIMIT}\n`, 200);
      }
      return textResponse(text, 200, format === '1' ? 'application/x-www-form-urlencoded' : 'text/plain; charset=utf-8');
    }),

    status: handler(async (request) => {
      const refused = allowOnly(request, 'POST');
      if (refused) return refused;
      const fields = await readFields(request);
      const orderNumber = orderNumberOf(fields);
      const certificateID = fields.get('certificateID') ?? fields.get('certificateid');
      if (certificateID !== undefined && !/^\d{1,16}$/.test(certificateID)) throw new ValidationError('sasp relay', [{ path: 'certificateID', message: 'expected up to 16 digits' }]);
      const { text, waitMs } = await relay(request, '!getPostPaymentStatus', { orderNumber, certificateID }, orderNumber);
      if (waitMs !== undefined) return jsonResponse({ errorCode: -42, errorMessage: CALL_LIMIT }, 200, retryAfter(waitMs));
      return textResponse(text, 200, 'application/json; charset=utf-8');
    }),

    action: handler(async (request) => {
      const refused = allowOnly(request, 'POST');
      if (refused) return refused;
      const fields = await readFields(request);
      const orderNumber = orderNumberOf(fields);
      const action = fields.get('action') ?? '';
      const domainName = fields.get('domainName') || undefined;
      if (domainName !== undefined && domainName.length > 255) throw new ValidationError('sasp action', [{ path: 'domainName', message: 'is longer than 255 characters' }]);
      let api: string;
      let extra: Record<string, string | undefined>;
      if (action === 'selectDCVMethod' || action === 'canChangeDCVMethod') {
        const method = fields.get('method') ?? '';
        if (!['EMAIL', 'HTTP_CSR_HASH', 'HTTPS_CSR_HASH', 'CNAME_CSR_HASH'].includes(method)) {
          throw new ValidationError('sasp action', [{ path: 'method', message: 'expected EMAIL, HTTP_CSR_HASH, HTTPS_CSR_HASH or CNAME_CSR_HASH' }]);
        }
        const email = method === 'EMAIL' ? fields.get('option') : undefined;
        if (method === 'EMAIL' && !(email && /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email))) throw new ValidationError('sasp action', [{ path: 'option', message: 'EMAIL needs the chosen address' }]);
        api = '!AutoUpdateDCV';
        extra = { domainName, newMethod: method, newDCVEmailAddress: email };
      } else if (action === 'resendDCVEmail') {
        // !ResendDCVEmail takes orderNumber and, optionally, dcvEmailAddress (no domain name).
        const email = fields.get('option') || undefined;
        if (email !== undefined && !/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email)) throw new ValidationError('sasp action', [{ path: 'option', message: 'expected an e-mail address' }]);
        api = '!ResendDCVEmail';
        extra = { dcvEmailAddress: email };
      } else {
        return jsonResponse({ error: { code: 'NOT_SUPPORTED', message: 'no reseller API performs this action: open the hosted post-payment page' } }, 501);
      }
      const { text, waitMs } = await relay(request, api, { orderNumber, ...extra }, orderNumber);
      if (waitMs !== undefined) return jsonResponse({ errorCode: -42, errorMessage: CALL_LIMIT }, 200, retryAfter(waitMs));
      // Both APIs answer urlencoded `errorCode=…&errorMessage=…` (Sectigo's reseller docs).
      const answer = new URLSearchParams(text.trim());
      const errorCode = errorCodeOf(text);
      const errorMessage = answer.get('errorMessage');
      return jsonResponse({ errorCode: errorCode ?? null, ...(errorCode !== 0 && errorMessage ? { errorMessage } : {}) });
    }),
  };
}

/** The error code of a Sectigo answer: line 1 (text), `errorCode=` (urlencoded) or `errorCode` (JSON). */
function errorCodeOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const code = (JSON.parse(trimmed) as { errorCode?: unknown }).errorCode;
      return code === undefined || code === null ? undefined : Number(code);
    } catch {
      return undefined;
    }
  }
  const encoded = /(?:^|&)errorCode=(-?\d+)/.exec(trimmed);
  if (encoded) return Number(encoded[1]);
  const line = /^(-?\d+)\s*(?:\r?\n|$)/.exec(trimmed);
  return line ? Number(line[1]) : undefined;
}

function endpointOf(value: string | undefined): URL {
  const url = new URL(value ?? 'https://secure.trust-provider.com/products/');
  const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (!loopback && !(url.protocol === 'https:' && SECTIGO_HOSTS.includes(url.hostname))) {
    throw new ConfigError('sasp config.endpoint', `must be https on ${SECTIGO_HOSTS.join(' or ')} (plain http on loopback only, for a mock)`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  if (!loopback && !url.pathname.startsWith('/products/')) throw new ConfigError('sasp config.endpoint', 'must be under /products/');
  return url;
}
