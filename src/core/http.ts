// Baton's one HTTP function, on ky: build the final URL, headers and body; check *those* values
// (URL guard, secrets guard); send exactly those bytes; read a capped answer; map every failure
// to a `BatonError`. Retries are ky's (limit, statusCodes, Retry-After, backoff, shouldRetry).
import ky, { isHTTPError, isTimeoutError, type KyResponse } from 'ky';
import { buildEgress, type Egress } from './egress.js';
import { BatonError, NetworkError, UnsafeUrlError } from './errors.js';
import { monotonicNow } from './clock.js';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from './retry-after.js';
import { own } from './own.js';
import { readCapped } from './read-capped.js';
import { joinShared, type SharedTask } from './shared.js';
import type { HttpRequest, HttpResponse, RetryPolicy } from './http-types.js';

export { retryAfterMs } from './retry-after.js';

export type { HttpRequest, HttpResponse, RetryPolicy } from './http-types.js';

/** An `acceptStatus` that reads every status; one function, so requests using it can share one in flight. */
export const anyStatus = (): boolean => true;

/** Default cap on an answer: provider answers are a few KB; 1 MiB leaves room and bounds memory. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

const inFlight = new Map<string, SharedTask<HttpResponse>>();

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
  // The egress is the `{ method, url }` every error names. (An already aborted signal: `joinShared` rejects with it.)
  const aborted = (reason: unknown) => new NetworkError('aborted', egress, { cause: reason });
  const start = (cancel: AbortSignal) => send(egress, options, cancel);
  // Multipart bodies have no stable text: never shared.
  return joinShared(egress.key === undefined ? new Map() : inFlight, egress.key ?? '', start, options.signal, aborted);
}

const UNSET = Object.fromEntries(
  'prefixUrl searchParams json parseJson stringifyJson fetch onDownloadProgress onUploadProgress context duplex credentials mode cache integrity keepalive referrer referrerPolicy priority window'
    .split(' ')
    .map((key) => [key, undefined]),
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
  const backoff = (attempt: number) => Math.min(8_000, (policy.delayMs ?? ((n) => 300 * 2 ** (n - 1)))(attempt));
  let attemptStart = 0;
  let last: HttpResponse | undefined;
  // The wait the last answer asked for (a readable Retry-After of at most 30 s), for the next retry.
  let asked: number | undefined;

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
        // Baton reads Retry-After itself: ky would also take RateLimit-Reset or X-RateLimit-Reset,
        // read `1e3` or `0x20` as numbers, and turn a past date into a negative timer.
        afterStatusCodes: [],
        delay: (attempt) => asked ?? backoff(attempt),
        retryOnTimeout: safe,
        shouldRetry: ({ error }) => {
          asked = undefined;
          if (error instanceof BatonError) return false;
          if (isHTTPError(error)) {
            const { status } = error.response;
            if (isRedirect(error.response) || !statusCodes.includes(status)) return false;
            asked = askedWait(error.response);
            // Longer than 30 s: Baton gives up at once (the error carries `retryAfterMs`) instead of hanging.
            return asked! <= MAX_RETRY_AFTER_MS || asked === undefined;
          }
          return safe;
        },
      },
      hooks: {
        beforeRequest: [() => void (attemptStart = monotonicNow())],
        // Only a body-level retry reads the body here (ky hands the hook a clone); otherwise it is read once, below.
        afterResponse: options.retryWhen
          ? [
              async (_request, _options, response, state) => {
                last = undefined;
                if (isRedirect(response) || !accepted(response.status)) return undefined;
                last = await readAnswer(response, maxBytes, attemptStart + timeoutMs, egress);
                if (state.retryCount >= limit || !options.retryWhen!(last)) return undefined;
                // The same rules as a status retry: Retry-After honoured up to 30 s, an unreadable one ignored.
                const after = retryAfterMs(response.headers.get('retry-after'));
                return after! > MAX_RETRY_AFTER_MS ? undefined : ky.retry({ delay: after ?? backoff(state.retryCount + 1) });
              },
            ]
          : [],
      },
    });
    return last ?? (await readAnswer(response, maxBytes, attemptStart + timeoutMs, egress));
  } catch (error) {
    throw await toBatonError(error, egress, cancel, options.unreachableHint);
  }
}

/** The wait a 429 or 503 asks for with a readable `Retry-After`; `undefined` otherwise. */
function askedWait(response: Response): number | undefined {
  return response.status === 429 || response.status === 503 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
}

async function readAnswer(response: Response, maxBytes: number, deadline: number, info: { method: string; url: string }): Promise<HttpResponse> {
  const text = await readCapped(response, maxBytes, deadline, info);
  return { status: response.status, headers: response.headers, url: response.url || info.url, text };
}

async function toBatonError(error: unknown, info: { method: string; url: string }, signal: AbortSignal | undefined, hint = ''): Promise<BatonError> {
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
    const body = await readCapped(response, 4096, monotonicNow() + 2_000, info, true).catch(() => '');
    return new NetworkError('http', info, { status: response.status, body, retryAfterMs: askedWait(response) });
  }
  // fetch rejects with a TypeError, and says no more, for CORS, DNS, TLS and refused connections
  // alike. While the browser says it is online, CORS is by far the most common cause: say so.
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  const reason = online ? `failed with no answer: most likely CORS (the server does not allow this page's origin)${hint}, else the host is unreachable` : undefined;
  return new NetworkError('offline', info, { cause: error, reason });
}

/**
 * The `NetworkError` for an answer read with `acceptStatus` that turned out not to be usable:
 * its status, and the start of its body (an error page is only shown in the error).
 */
export function httpFailure(
  request: { method: string; url: string },
  response: { status: number; text: string },
  extra: { cause?: unknown; retryAfterMs?: number } = {},
): NetworkError {
  return new NetworkError('http', request, { status: response.status, body: response.text.slice(0, 4096), ...extra });
}

/** A browser hides a manual redirect as an `opaqueredirect` (status 0); Node shows the 3xx. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}
