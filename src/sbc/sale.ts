import * as v from 'valibot';
import { ProviderError } from '../core/errors.js';
import { anyStatus, httpFailure, request as http, type HttpResponse } from '../core/http.js';
import { retryAfterMs } from '../core/retry-after.js';
import { checkObject } from '../core/options.js';
import { assertNoSecrets } from '../core/secrets.js';
import { policyFor } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { InitiateSaleFailureSchema, InitiateSaleInputSchema, InitiateSaleSuccessSchema } from './schemas.js';


/** Causes documented for a failed initiate sale; other values are passed through unchanged. */
export type SaleFailureCause = 'FILTERED' | 'INVALID_REQUEST' | 'SERVER_FAILED' | 'SERVER_UNAVAILABLE' | (string & {});

/** What `initiateSale` takes; each field as `specs/sbc-initiate-sale.txt` documents it. */
export interface InitiateSaleOptions {
  /** `session.accessToken`: the token from the optional consumer authentication, 32–128 characters. */
  readonly accessToken: string;
  readonly device: {
    /** `consumer.device.serialNumber`: the consumer's device serial number, 1–50 characters. */
    readonly serialNumber: string;
    /** `consumer.device.imei`: the device's IMEI, 14–16 characters. Optional. */
    readonly imei?: string;
  };
  readonly transaction: {
    /** `transaction.amountCentis`: an integer number of minor units (1.00 EUR = 100), never `10.42`. */
    readonly amountCentis: number;
    /** `transaction.currency`: ISO 4217 alpha code in upper case (`EUR`). */
    readonly currency: string;
  };
  /** `location`: latitude −90…90 and longitude −180…180, both inclusive. Optional. */
  readonly location?: { readonly lat: number; readonly lng: number };
  /** `consumer.ipAddresses`: the consumer's IP addresses, each 7–15 characters. Optional. */
  readonly ipAddresses?: readonly string[];
  /**
   * The merchant server's own initiate-sale URL (it signs the session; Baton never does).
   * Relative to the page, or absolute on the page's own origin unless `allowedHosts` says otherwise.
   */
  readonly url: string | URL;
  /**
   * Hosts `url` may be on (https; plain http on loopback). Default: the page's own origin, plus
   * loopback hosts while the page is on loopback.
   */
  readonly allowedHosts?: readonly string[];
  readonly signal?: AbortSignal;
}

/** A signed sale session, as the merchant server minted it. */
export interface SaleSession {
  readonly endpointId: string;
  readonly invoiceId: string;
  readonly nonce: string;
  readonly signature: string;
  /** The same `nonce` and `signature`, in the document's layout. */
  readonly session: { readonly nonce: string; readonly signature: string };
}

/**
 * Validates a sale, POSTs it in the documented JSON layout to the merchant server's own
 * initiate-sale URL, and returns the signed session.
 *
 * Throws `ValidationError` for bad input or `UnsafeUrlError` for a `url` off the allow-list
 * (nothing is sent in either case), `ValidationError` for a malformed answer;
 * `ProviderError` (`code` as sent, `details.cause` one of `FILTERED`, `INVALID_REQUEST`,
 * `SERVER_FAILED`, `SERVER_UNAVAILABLE`) for a `{ error }` answer at any HTTP status;
 * `NetworkError` when no usable answer came. Only `SERVER_UNAVAILABLE` and HTTP 503 are retried
 * (twice, after the `Retry-After` sent, else with backoff; one over 30 s fails at once with
 * `retryAfterMs`); a network failure or `SERVER_FAILED` never is — the sale may exist.
 *
 * @example
 * const sale = await sbc.initiateSale({
 *   url: '/api/sbc/initiate-sale',
 *   accessToken,
 *   device: { serialNumber: 'A1B2C3' },
 *   transaction: { amountCentis: 1042, currency: 'EUR' },
 * });
 * sale.nonce; sale.signature; sale.endpointId; sale.invoiceId;
 */
export async function initiateSale(options: InitiateSaleOptions): Promise<SaleSession> {
  const what = 'initiateSale options';
  checkObject(options, what);
  assertNoSecrets(options, what);
  const {
    url,
    allowedHosts,
    signal,
    accessToken,
    device: { serialNumber, imei },
    transaction: { amountCentis, currency },
    location,
    ipAddresses,
  } = parseWith(InitiateSaleInputSchema, options, what);

  // Only the documented fields; JSON leaves out the optional ones that are `undefined`.
  const body = {
    consumer: { device: { serialNumber, imei }, ipAddresses },
    location: location && { lat: location.lat, lng: location.lng },
    session: { accessToken },
    transaction: { amountCentis, currency },
  };

  const response = await http(url, {
    method: 'POST',
    policy: policyFor(allowedHosts, 'initiateSale({ allowedHosts })'),
    json: body,
    headers: { accept: 'application/json' },
    signal,
    acceptStatus: anyStatus,
    // At most two retries, for `SERVER_UNAVAILABLE` or HTTP 503 only, after the Retry-After sent
    // (up to 30 s; longer fails at once with `retryAfterMs`; unreadable: the backoff).
    retry: UNAVAILABLE_RETRY,
    retryWhen: isUnavailable,
  });
  return readAnswer(response);
}

// Module constants: a double click's two requests are the same request, shared in flight.
const UNAVAILABLE_RETRY = { limit: 2, statusCodes: [503] };

function isUnavailable(response: HttpResponse): boolean {
  if (response.status === 503) return true;
  const answer = v.safeParse(InitiateSaleFailureSchema, readJson(response.text));
  return answer.success && answer.output.error.cause === 'SERVER_UNAVAILABLE';
}

function readAnswer(response: HttpResponse): SaleSession {
  const data = readJson(response.text);
  // Said on the last answer of an unavailable server: how long to leave it alone.
  const after = isUnavailable(response) ? retryAfterMs(response.headers.get('retry-after')) : undefined;
  if (data !== null && typeof data === 'object' && 'error' in data) {
    const { error } = parseWith(InitiateSaleFailureSchema, data, 'initiateSale answer');
    throw new ProviderError(
      'sbc',
      error.code === '' ? error.cause : error.code,
      error.message || error.cause,
      { cause: error.cause, status: response.status, error },
      { retryAfterMs: after },
    );
  }
  if (response.status < 200 || response.status > 299) {
    throw httpFailure({ method: 'POST', url: response.url }, response, { retryAfterMs: after });
  }
  const sale = parseWith(InitiateSaleSuccessSchema, data, 'initiateSale answer');
  const session = Object.freeze({ nonce: sale.session.nonce, signature: sale.session.signature });
  return Object.freeze({ endpointId: String(sale.endpointId), invoiceId: String(sale.invoiceId), ...session, session });
}
