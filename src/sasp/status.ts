import * as v from 'valibot';
import { textish } from '../core/schemas.js';
import { hostsOption, matching, optionsShape, signalOption, timeoutOption, urlInput } from '../core/options.js';
import { withRaw } from '../core/documented.js';
import { ProviderError, ValidationError } from '../core/errors.js';
import { monotonicNow } from '../core/clock.js';
import { request } from '../core/http.js';
import { policyFor, type UrlPolicy } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { refuseLogin } from './no-login.js';
import { SECTIGO_HOSTS, SECTIGO_PATHS } from './policy.js';
import { orderNumberSchema, sidSchema } from './ids.js';
import { PostPaymentDataSchema, StatusEnvelopeSchema, type PostPaymentStatus } from './schemas.js';

/** Documented live URL of `!getPostPaymentStatus`. */
export const STATUS_URL = 'https://secure.trust-provider.com/products/!getPostPaymentStatus';

/**
 * After a `-42` (call limit), no call to the same endpoint is sent for this long: the
 * `ProviderError` carries it as `retryAfterMs`, and a call made sooner fails at once, unsent.
 */
export const CALL_LIMIT_WAIT_MS = 10_000;

interface CommonOptions {
  readonly orderNumber: string | number;
  /** SASP certificate id (up to 16 digits). */
  readonly certificateID?: string | number;
  readonly signal?: AbortSignal;
  /** Per attempt. Default 15 000 ms. */
  readonly timeoutMs?: number;
}

/**
 * Direct: the browser POSTs the session handle to Sectigo, as our v1.00 document describes.
 * Sectigo does not promise CORS, so point `endpoint` at a same-origin pass-through unless you
 * know Sectigo allows your origin. Sectigo's current docs require the reseller login here:
 * prefer {@link RelayStatusOptions}.
 */
export interface DirectStatusOptions extends CommonOptions {
  /** SASP session handle (`SID`) your server obtained with `!initCustomerSession`. */
  readonly saspSessionID: string;
  /**
   * Where to POST instead of the live URL — e.g. a same-origin proxy (`'/sectigo/status'`).
   * Relative URLs resolve against the page. Default: the documented live URL.
   */
  readonly endpoint?: string | URL;
  /**
   * Hosts the endpoint may be on. Default: Sectigo's hosts and the page's own host.
   * Plain http is accepted for loopback hosts only.
   */
  readonly allowedHosts?: readonly string[];
}

/**
 * Relay: the browser POSTs `orderNumber` (and `certificateID`) to your own server, which adds the
 * reseller login, calls `!getPostPaymentStatus` and answers Sectigo's JSON unchanged.
 */
export interface RelayStatusOptions extends CommonOptions {
  /** Your server's relay URL, e.g. `'/my-server/sectigo-status'` (relative URLs resolve against the page). */
  readonly relay: string | URL;
  /** Hosts the relay may be on. Default: the page's own host only. */
  readonly allowedHosts?: readonly string[];
}

export type GetPostPaymentStatusOptions = DirectStatusOptions | RelayStatusOptions;

const common = {
  orderNumber: orderNumberSchema,
  certificateID: v.optional(v.pipe(textish, matching(/^\d{1,16}$/, 'certificateID must be up to 16 digits'))),
  allowedHosts: hostsOption,
  signal: signalOption,
  timeoutMs: timeoutOption,
};

// Strict: a relay call that also names a `saspSessionID` (or the reverse) is a mistake.
const directSchema = optionsShape({ ...common, saspSessionID: sidSchema, endpoint: v.optional(urlInput()) }, { strict: true });
const relaySchema = optionsShape({ ...common, relay: urlInput('relay must be your server URL (string or URL)') }, { strict: true });

/** Endpoints that answered `-42`, and when (on the monotonic clock: a wall clock set back cannot stretch it) they may be called again. */
const quietUntil = new Map<string, number>();

/**
 * Asks Sectigo for the detailed post-payment state of an order, without the reseller login ever
 * reaching the browser. Two ways:
 * - **relay** (recommended): `{ relay, orderNumber }` — your server adds the login and relays the answer;
 * - **direct**: `{ saspSessionID, orderNumber }` — a form-urlencoded POST of the session handle.
 *
 * Never hammers: a `-42` (call limit) is not retried. It is thrown as a `ProviderError` with
 * `retryAfterMs` (10 s), and any call to the same endpoint within that time fails the same way
 * without being sent. Poll gently: once a minute is plenty.
 *
 * @returns The typed `data` object; values outside the documented enums are kept as sent,
 *   `raw` is the answer's `data` exactly as received (not enumerable: spreads and JSON skip it).
 * @throws ProviderError with Sectigo's code (`-3`, `-4`, `-16`, `-42`, …) and message.
 * @throws NetworkError on timeouts, network failures (including a provider that does not allow
 *   your origin by CORS), aborts and HTTP errors.
 * @throws UnsafeUrlError for an endpoint or relay off the allow-list, or one that redirects.
 * @throws ValidationError on bad arguments or an answer that is not the documented JSON.
 * @throws SecretError when handed `loginName` or `loginPassword` (the reseller secret stays on your server).
 *
 * @example
 * const status = await sasp.getPostPaymentStatus({ relay: '/my-server/sectigo-status', orderNumber: '654824' });
 * if (status.dcvStatus?.status === 'ActionRequired') showDcvChooser(status);
 */
export async function getPostPaymentStatus(options: GetPostPaymentStatusOptions): Promise<PostPaymentStatus> {
  refuseLogin(options, 'options');
  // An own `relay` only: an inherited one must not turn a direct call into a relayed one.
  const isRelay = options !== null && typeof options === 'object' && Object.hasOwn(options, 'relay');
  let url: string | URL;
  let policy: UrlPolicy;
  let form: Record<string, string | undefined>;
  let opts: v.InferOutput<typeof relaySchema> | v.InferOutput<typeof directSchema>;
  if (isRelay) {
    const relay = parseWith(relaySchema, options, 'getPostPaymentStatus options');
    url = relay.relay;
    policy = policyFor(relay.allowedHosts, 'getPostPaymentStatus({ relay, allowedHosts })');
    form = { orderNumber: relay.orderNumber, certificateID: relay.certificateID };
    opts = relay;
  } else {
    const direct = parseWith(directSchema, options, 'getPostPaymentStatus options');
    url = direct.endpoint ?? STATUS_URL;
    policy =
      direct.endpoint === undefined
        ? { allowedHosts: SECTIGO_HOSTS, pathPrefixes: SECTIGO_PATHS }
        : policyFor(direct.allowedHosts, 'getPostPaymentStatus({ endpoint, allowedHosts })', SECTIGO_HOSTS);
    form = { saspSessionID: direct.saspSessionID, orderNumber: direct.orderNumber, certificateID: direct.certificateID };
    opts = direct;
  }

  // `request` resolves and checks the URL; the call limit is kept per endpoint as given.
  const key = String(url);
  const waitMs = (quietUntil.get(key) ?? -Infinity) - monotonicNow();
  if (waitMs > 0) {
    throw new ProviderError('sasp', -42, `Call limit reached at ${key} moments ago; not sent, wait ${Math.ceil(waitMs / 1000)} s`, undefined, { retryAfterMs: waitMs });
  }
  quietUntil.delete(key);

  const response = await request(url, {
    policy,
    method: 'POST',
    form,
    headers: { accept: 'application/json' },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    // A read: transient HTTP failures (429/502/503/504) may be retried; a -42 in a 200 is not.
    retry: { idempotent: true },
    // Sectigo promises no CORS: when nothing answers, the relay is the fix.
    unreachableHint: isRelay ? '' : '; pass `relay` (your server) instead',
  });
  try {
    return parseStatusResponse(response.text);
  } catch (error) {
    // parseStatusResponse already gives a -42 its retryAfterMs; remember it for this endpoint.
    if (error instanceof ProviderError && error.code === -42) quietUntil.set(key, monotonicNow() + CALL_LIMIT_WAIT_MS);
    throw error;
  }
}

/**
 * Parses a `!getPostPaymentStatus` answer body (for a server that relays it).
 *
 * @example
 * const status = sasp.parseStatusResponse(await myServer.getText('/my-server/status')); // relayed unchanged
 */
export function parseStatusResponse(text: string): PostPaymentStatus {
  const what = 'getPostPaymentStatus answer';
  const body = readJson(text);
  if (body === undefined) throw new ValidationError(what, [{ path: '', message: 'not JSON', received: String(text).slice(0, 120) }]);
  const envelope = parseWith(StatusEnvelopeSchema, body, what);
  if (envelope.errorCode !== 0) {
    const retryAfterMs = envelope.errorCode === -42 ? CALL_LIMIT_WAIT_MS : undefined;
    throw new ProviderError('sasp', envelope.errorCode, envelope.errorMessage || 'Unknown error', body, { retryAfterMs });
  }
  const data = parseWith(PostPaymentDataSchema, envelope.data, what);
  return withRaw(data, envelope.data);
}
