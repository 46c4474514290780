// What `request` takes and gives back (in a file of its own: the egress builder and the sender
// both read it, and neither imports the other for it).
import type { UrlPolicy } from './url-guard.js';

/** A server's answer, read once: status, headers and body text. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly url: string;
  readonly text: string;
}

/**
 * Retry policy. Retries are bounded and, for POST, opt-in (`idempotent` or an explicit `limit`).
 * A timeout or a dropped connection is retried only for GET or `idempotent` requests: a POST that
 * got no answer may have taken effect on the server.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2 for GET or `idempotent`, else 0. */
  readonly limit?: number;
  /** The request may be repeated safely (GET, or a POST the provider documents as idempotent). */
  readonly idempotent?: boolean;
  /**
   * Statuses worth retrying. Default 429, 502, 503, 504. `Retry-After` (seconds or an HTTP date)
   * is honoured on 429/503; one Baton cannot read is ignored, and so are `RateLimit-Reset` and
   * `X-RateLimit-Reset`: the backoff applies.
   */
  readonly statusCodes?: readonly number[];
  /** Backoff before retry `n` (1-based). Default 300 ms × 2^(n−1), at most 8 s. A `Retry-After` over 30 s fails at once, with `retryAfterMs`. */
  readonly delayMs?: (attempt: number) => number;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly searchParams?: Record<string, string | number | boolean | undefined>;
  /** JSON body (sets `Content-Type: application/json`). */
  readonly json?: unknown;
  /** `application/x-www-form-urlencoded` body; `undefined` values are left out. */
  readonly form?: Record<string, string | number | boolean | undefined> | URLSearchParams;
  /** A multipart body (`FormData`) or text. */
  readonly body?: FormData | string;
  /** Cancels the request and any retry wait. */
  readonly signal?: AbortSignal;
  /** Per attempt, body included. Default 15 000 ms. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Error statuses (4xx/5xx) answered with a body Baton must read (a provider's error document). Default: 2xx only. */
  readonly acceptStatus?: (status: number) => boolean;
  /** Asks for another attempt after reading an accepted answer (e.g. a rate-limit code in a 200). */
  readonly retryWhen?: (response: HttpResponse) => boolean;
  /**
   * Where the URL may point, checked as written when absolute and again as finally built. Relative
   * URLs resolve against the page. Default: the page's own origin (`pageOriginPolicy`).
   */
  readonly policy?: UrlPolicy;
  /** Largest answer read, in bytes; a longer one is a `NetworkError` of kind `'oversized'`. Default 1 MiB. */
  readonly maxBytes?: number;
  /** Added to the "most likely CORS" message of a request that got no answer (e.g. "; use a relay on your server"). */
  readonly unreachableHint?: string;
}
