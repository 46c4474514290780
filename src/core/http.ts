// Baton's one HTTP function, on ky: build the final URL, headers and body; check *those* values
// (URL guard, secrets guard); send exactly those bytes; read a capped answer; map every failure
// to a `BatonError`. Retries are ky's (limit, statusCodes, Retry-After, backoff, shouldRetry).
import ky, { isHTTPError, isTimeoutError, type KyResponse } from 'ky';
import { buildEgress, type Egress } from './egress.js';
import { BatonError, NetworkError, UnsafeUrlError } from './errors.js';
import { own } from './own.js';
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
  /** Statuses worth retrying. Default 429, 502, 503, 504. `Retry-After` is honoured on 429/503. */
  readonly statusCodes?: readonly number[];
  /** Backoff before retry `n` (1-based). Default 300 ms × 2^(n−1), at most 8 s. A `Retry-After` over 30 s fails at once. */
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
}

/** Default cap on an answer: provider answers are a few KB; 1 MiB leaves room and bounds memory. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

const inFlight = new Map<string, Shared>();

interface Shared {
  readonly promise: Promise<HttpResponse>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * Sends `options` to `url` and reads the answer. Resolves with 2xx (and `acceptStatus`) answers;
 * rejects with a `NetworkError` (`timeout`, `offline`, `aborted`, `http`, `oversized`), an
 * `UnsafeUrlError` (the URL or a redirect is off the policy), a `SecretError`, or a
 * `ValidationError` for a URL or body that cannot be built. Identical requests in flight (same
 * method, final URL, headers and body) share one request: a double click sends once.
 */
export async function request(url: string | URL, given: HttpRequest = {}): Promise<HttpResponse> {
  // Own properties only, each read once: an inherited `policy` or `json` is never an option.
  const options = own(given) as HttpRequest;
  const egress = buildEgress(url, options);
  const { signal } = options;
  // The egress is the `{ method, url }` every error names.
  if (signal?.aborted) throw new NetworkError('aborted', egress, { cause: signal.reason });

  let shared = egress.key === undefined ? undefined : inFlight.get(egress.key);
  if (!shared) {
    const controller = new AbortController();
    const promise = send(egress, options, controller.signal);
    shared = { promise, controller, waiters: 0 };
    if (egress.key !== undefined) {
      const key = egress.key;
      inFlight.set(key, shared);
      const done = () => inFlight.get(key) === shared && inFlight.delete(key);
      promise.then(done, done);
    }
  }
  return wait(shared, signal, egress);
}

/** Waits for a shared request; the caller's abort only abandons its own wait, the last one cancels the request. */
function wait(shared: Shared, signal: AbortSignal | undefined, info: { method: string; url: string }): Promise<HttpResponse> {
  shared.waiters++;
  return new Promise<HttpResponse>((resolve, reject) => {
    const onAbort = () => {
      if (--shared.waiters === 0) shared.controller.abort(signal!.reason);
      reject(new NetworkError('aborted', info, { cause: signal!.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Once the answer is in, `waiters` no longer matters: only the listener must go.
    shared.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
  });
}

const UNSET = Object.fromEntries(
  [
    'prefixUrl', 'searchParams', 'json', 'parseJson', 'stringifyJson', 'fetch', 'onDownloadProgress', 'onUploadProgress', 'context', 'duplex',
    'credentials', 'mode', 'cache', 'integrity', 'keepalive', 'referrer', 'referrerPolicy', 'priority', 'window',
  ].map((key) => [key, undefined]),
);

/** Runs the attempts with ky and reads the answer; `cancel` aborts it when every waiter gave up. */
async function send(egress: Egress, options: HttpRequest, cancel: AbortSignal): Promise<HttpResponse> {
  const policy = own(options.retry) as RetryPolicy;
  const safe = egress.method === 'GET' || !!policy.idempotent;
  const limit = policy.limit ?? (safe ? 2 : 0);
  const statusCodes = [...(policy.statusCodes ?? [429, 502, 503, 504])];
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? MAX_ANSWER_BYTES;
  const accepted = (status: number) => (status >= 200 && status < 300) || (status >= 400 && !!options.acceptStatus?.(status));
  let attemptStart = 0;
  let last: HttpResponse | undefined;

  try {
    const response = await ky(egress.url, {
      // Every option ky or the Request init reads, given as an own property: an inherited
      // `prefixUrl`, `searchParams`, `fetch` or `credentials` (a polluted Object.prototype) must
      // not move or change what was checked.
      ...UNSET,
      // (ky drops an undefined `searchParams` from its options, which would let an inherited one through.)
      searchParams: '',
      method: egress.method,
      headers: egress.headers,
      body: egress.body,
      signal: cancel,
      // A redirect is never followed: the next host could be anywhere (see `isRedirect`).
      redirect: 'manual',
      timeout: timeoutMs,
      throwHttpErrors: (status) => !accepted(status),
      retry: {
        limit,
        methods: ['get', 'post'],
        statusCodes,
        // ky's default `afterStatusCodes` (413, 429, 503) honour Retry-After; 413 is never retried here.
        maxRetryAfter: 30_000,
        backoffLimit: 8_000,
        delay: policy.delayMs ?? ((attempt) => 300 * 2 ** (attempt - 1)),
        retryOnTimeout: safe,
        shouldRetry: ({ error }) => {
          if (error instanceof BatonError) return false;
          if (isHTTPError(error)) {
            const { status, headers } = error.response;
            if (isRedirect(error.response) || !statusCodes.includes(status)) return false;
            // ky would wait the longest it allows; Baton gives up at once instead of hanging for minutes.
            const after = status === 429 || status === 503 ? retryAfterMs(headers.get('retry-after')) : undefined;
            return after! > 30_000 ? false : undefined;
          }
          return safe;
        },
      },
      hooks: {
        beforeRequest: [() => void (attemptStart = Date.now())],
        // Only a body-level retry reads the body here (ky hands the hook a clone); otherwise it is read once, below.
        afterResponse: options.retryWhen
          ? [
              async (_request, _options, response, state) => {
                last = undefined;
                if (isRedirect(response) || !accepted(response.status)) return undefined;
                last = await readAnswer(response, maxBytes, attemptStart + timeoutMs, egress);
                return state.retryCount < limit && options.retryWhen!(last) ? ky.retry() : undefined;
              },
            ]
          : [],
      },
    });
    return last ?? (await readAnswer(response, maxBytes, attemptStart + timeoutMs, egress));
  } catch (error) {
    throw await toBatonError(error, egress, cancel);
  }
}

async function readAnswer(response: Response, maxBytes: number, deadline: number, info: { method: string; url: string }): Promise<HttpResponse> {
  const text = await readCapped(response, maxBytes, deadline, info);
  return { status: response.status, headers: response.headers, url: response.url || info.url, text };
}

async function toBatonError(error: unknown, info: { method: string; url: string }, signal: AbortSignal | undefined): Promise<BatonError> {
  if (error instanceof BatonError) return error;
  if (signal?.aborted) return new NetworkError('aborted', info, { cause: signal.reason });
  if (isTimeoutError(error)) return new NetworkError('timeout', info, { cause: error });
  if (isHTTPError(error)) {
    const { response } = error as { response: KyResponse };
    if (isRedirect(response)) {
      const to = response.headers.get('location');
      return new UnsafeUrlError(info.url, `answered HTTP ${response.status || '3xx'} (a redirect${to ? ` to ${to}` : ''}); Baton does not follow redirects`, 'redirect');
    }
    // An error page is only shown in the error: read a little of it, within a short time.
    const body = await readCapped(response, 4096, Date.now() + 2_000, info, true).catch(() => '');
    return new NetworkError('http', info, { status: response.status, body });
  }
  return new NetworkError('offline', info, { cause: error });
}

/**
 * The `NetworkError` for an answer read with `acceptStatus` that turned out not to be usable:
 * its status, and the start of its body (an error page is only shown in the error).
 */
export function httpFailure(method: string, response: HttpResponse, cause?: unknown): NetworkError {
  return new NetworkError('http', { method, url: response.url }, { status: response.status, body: response.text.slice(0, 4096), cause });
}

/** A browser hides a manual redirect as an `opaqueredirect` (status 0); Node shows the 3xx. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * Reads at most `maxBytes` of the body before `deadline`, then stops reading: over the cap is an
 * `oversized` error, or, with `truncate`, the first `maxBytes` (an error page shown in an error).
 */
async function readCapped(response: Response, maxBytes: number, deadline: number, info: { method: string; url: string }, truncate = false): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes && !truncate) {
    void response.body?.cancel().catch(() => undefined);
    throw oversized(info, response.status, maxBytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NetworkError('timeout', info)), deadline - Date.now());
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), expired]);
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > maxBytes) {
        if (!truncate) throw oversized(info, response.status, maxBytes);
        void reader.cancel().catch(() => undefined);
        return text + decoder.decode(value.subarray(0, value.byteLength - (size - maxBytes)));
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function oversized(info: { method: string; url: string }, status: number, maxBytes: number): NetworkError {
  return new NetworkError('oversized', info, { status, body: `more than ${maxBytes} bytes` });
}

/** `Retry-After` in ms: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
