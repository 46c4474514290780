// Baton's one HTTP function: fetch with a timeout per attempt, bounded backoff retries that honour
// `Retry-After`, abort signals, and every failure turned into a `BatonError`.
// Hand-written rather than ky: ky 1.14 is ~4.5 KB gzip of every entry, and issue 7's budgets
// (10 KB for a Connect session + encrypt) leave no room for it; this file is ~1 KB.
import { NetworkError, ValidationError } from './errors.js';
import { assertNoSecrets } from './secrets.js';
import { sleep } from './sleep.js';

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
  readonly searchParams?: Record<string, string | number | boolean>;
  /** JSON body (sets `Content-Type: application/json`). */
  readonly json?: unknown;
  /** `application/x-www-form-urlencoded` body; `undefined` values are left out. */
  readonly form?: Record<string, string | number | boolean | undefined>;
  /** Any other body (e.g. `FormData`, text). */
  readonly body?: BodyInit;
  /** Cancels the request and any retry wait. */
  readonly signal?: AbortSignal;
  /** Per attempt, body included. Default 15 000 ms. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Statuses answered with a body Baton must read (a provider's error document). Default: 2xx only. */
  readonly acceptStatus?: (status: number) => boolean;
  /** Asks for another attempt after reading an accepted answer (e.g. a rate-limit code in a 200). */
  readonly retryWhen?: (response: HttpResponse) => boolean;
}

/**
 * Sends `options` to `url` and reads the answer. Resolves with 2xx (and `acceptStatus`) answers;
 * rejects with a `NetworkError` (`timeout`, `offline`, `aborted`, `http`), a `SecretError`, or a
 * `ValidationError` for a URL that does not parse.
 */
export async function request(url: string | URL, options: HttpRequest = {}): Promise<HttpResponse> {
  const { json, form, signal, searchParams, retry: policy = {} } = options;
  const method = options.method ?? (json !== undefined || form || options.body ? 'POST' : 'GET');
  const info = { method, url: String(url) };
  assertNoSecrets(json, 'body');
  assertNoSecrets(form, 'body');
  assertNoSecrets(options.body, 'body');
  assertNoSecrets(searchParams, 'query');

  const safe = method === 'GET' || !!policy.idempotent;
  const limit = policy.limit ?? (safe ? 2 : 0);
  const headers = new Headers(options.headers);
  let body = options.body;
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers.set('content-type', 'application/json');
  } else if (form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) if (value !== undefined) body.append(key, String(value));
  }

  let href: URL;
  try {
    href = new URL(url, globalThis.location?.href);
  } catch {
    throw new ValidationError('request', [{ path: 'url', message: 'not a valid URL', received: info.url.slice(0, 120) }]);
  }
  for (const [key, value] of Object.entries(searchParams ?? {})) href.searchParams.set(key, String(value));

  for (let attempt = 1; ; attempt++) {
    const retriesLeft = attempt <= limit;
    let wait = Math.min(8000, (policy.delayMs ?? ((n) => 300 * 2 ** (n - 1)))(attempt));
    let response: HttpResponse | undefined;
    try {
      response = await send(href, { method, headers, body }, options.timeoutMs ?? 15_000, signal);
    } catch (error) {
      const kind = signal?.aborted ? 'aborted' : error === TIMEOUT ? 'timeout' : 'offline';
      const failure = new NetworkError(kind, info, { cause: kind === 'aborted' ? signal!.reason : error });
      if (!retriesLeft || kind === 'aborted' || !safe) throw failure;
    }
    if (response) {
      const { status } = response;
      if ((status >= 200 && status < 300) || options.acceptStatus?.(status)) {
        if (!retriesLeft || !options.retryWhen?.(response)) return response;
      } else {
        const failure = new NetworkError('http', info, { status, body: response.text.slice(0, 4096) });
        if (!retriesLeft || !(policy.statusCodes ?? [429, 502, 503, 504]).includes(status)) throw failure;
        const after = status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
        if (after !== undefined && after > 30_000) throw failure;
        wait = after ?? wait;
      }
    }
    await sleep(wait, signal);
    if (signal?.aborted) throw new NetworkError('aborted', info, { cause: signal.reason });
  }
}

const TIMEOUT = Symbol('timeout');

/** One attempt: fetch and read the body under one timer, cancelled by `signal` too. */
async function send(url: URL, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<HttpResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort(signal?.reason);
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { status: response.status, headers: response.headers, url: response.url, text: await response.text() };
  } catch (error) {
    throw timedOut ? TIMEOUT : error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

/** `Retry-After` in ms: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
