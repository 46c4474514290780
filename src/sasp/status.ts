import * as v from 'valibot';
import { abortSignal, textish, urlInput } from '../core/schemas.js';
import { ProviderError, ValidationError } from '../core/errors.js';
import { request, type HttpResponse } from '../core/http.js';
import { safeUrl, type UrlPolicy } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { refuseLogin } from './no-login.js';
import { SECTIGO_HOSTS } from './policy.js';
import { orderNumberSchema, postPaymentDataSchema, sidSchema, statusEnvelopeSchema, type PostPaymentStatus } from './schemas.js';

/** Documented live URL of `!getPostPaymentStatus`. */
export const STATUS_URL = 'https://secure.trust-provider.com/products/!getPostPaymentStatus';

/** How often a `-42` (call limit) answer is retried before it becomes a `ProviderError`. */
export const CALL_LIMIT_RETRIES = 2;

export interface GetPostPaymentStatusOptions {
  /** SASP session handle (`SID`) your server obtained with `!initCustomerSession`. */
  readonly saspSessionID: string;
  readonly orderNumber: string | number;
  /** SASP certificate id (up to 16 digits). */
  readonly certificateID?: string | number;
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
  readonly signal?: AbortSignal;
  /** Per attempt. Default 15 000 ms. */
  readonly timeoutMs?: number;
}

const optionsSchema = v.object({
  saspSessionID: sidSchema,
  orderNumber: orderNumberSchema,
  certificateID: v.optional(v.pipe(textish, v.regex(/^\d{1,16}$/, 'certificateID must be up to 16 digits'))),
  endpoint: v.optional(urlInput()),
  allowedHosts: v.optional(v.array(v.string())),
  signal: v.optional(abortSignal),
  timeoutMs: v.optional(v.pipe(v.number(), v.minValue(1))),
});


const isCallLimit = (response: HttpResponse) => /"errorCode"\s*:\s*"?-42\b/.test(response.text);

/**
 * Asks Sectigo for the detailed post-payment state of an order, with the session handle only
 * (never the reseller login): a form-urlencoded POST to `!getPostPaymentStatus`.
 *
 * A `-42` (call limit) answer is retried twice with backoff (0.5 s, 1 s), then thrown. Poll
 * gently: once a minute is plenty.
 *
 * @returns The typed `data` object; values outside the documented enums are kept as sent,
 *   `raw` is the answer's `data` exactly as received.
 * @throws ProviderError with Sectigo's code (`-3`, `-4`, `-16`, `-42`, …) and message.
 * @throws NetworkError on timeouts, network failures, aborts and HTTP errors.
 * @throws ValidationError on bad arguments or an answer that is not the documented JSON.
 * @throws SecretError when handed `loginName` or `loginPassword` (the reseller secret stays on your server).
 *
 * @example
 * const status = await sasp.getPostPaymentStatus({ saspSessionID: sid, orderNumber: '654824' });
 * if (status.dcvStatus?.status === 'ActionRequired') showDcvChooser(status);
 */
export async function getPostPaymentStatus(options: GetPostPaymentStatusOptions): Promise<PostPaymentStatus> {
  refuseLogin(options, 'options');
  const opts = parseWith(optionsSchema, options, 'getPostPaymentStatus options');
  const { url, policy } = endpointOf(opts.endpoint, opts.allowedHosts);

  const response = await request(url, {
    policy,
    method: 'POST',
    form: { saspSessionID: opts.saspSessionID, orderNumber: opts.orderNumber, certificateID: opts.certificateID },
    headers: { accept: 'application/json' },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    retry: { limit: CALL_LIMIT_RETRIES, idempotent: true, delayMs: (attempt) => 500 * 2 ** (attempt - 1) },
    retryWhen: isCallLimit,
  });
  return parseStatusResponse(response.text);
}

/**
 * Parses a `!getPostPaymentStatus` answer body (for a server that relays it).
 *
 * @example
 * const status = sasp.parseStatusResponse(await (await fetch('/my-server/status')).text());
 */
export function parseStatusResponse(text: string): PostPaymentStatus {
  const what = 'getPostPaymentStatus answer';
  const body = readJson(text);
  if (body === undefined) throw new ValidationError(what, [{ path: '', message: 'not JSON', received: String(text).slice(0, 120) }]);
  const envelope = parseWith(statusEnvelopeSchema, body, what);
  if (envelope.errorCode !== 0) {
    throw new ProviderError('sasp', envelope.errorCode, envelope.errorMessage || 'Unknown error', body);
  }
  const data = parseWith(postPaymentDataSchema, envelope.data, what);
  return { ...data, raw: envelope.data };
}

function endpointOf(endpoint: string | URL | undefined, allowedHosts: readonly string[] | undefined): { url: URL; policy: UrlPolicy } {
  if (endpoint === undefined) return { url: new URL(STATUS_URL), policy: { allowedHosts: SECTIGO_HOSTS } };
  const page = typeof location === 'undefined' ? undefined : location;
  let absolute: string | URL = endpoint;
  if (typeof endpoint === 'string' && page && !/^[a-z][a-z0-9+.-]*:/i.test(endpoint)) absolute = new URL(endpoint, page.href);
  const hosts = allowedHosts ?? (page?.host ? [...SECTIGO_HOSTS, page.host] : SECTIGO_HOSTS);
  const policy = { allowedHosts: hosts };
  return { url: safeUrl(absolute, policy), policy };
}
