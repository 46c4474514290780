import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { BatonError, NetworkError, type ProviderName } from './errors.js';
import { assertNoSecrets } from './secrets.js';

/** A server's answer, read once: status, headers and body text. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly url: string;
  readonly text: string;
}

/** Retry policy. Retries are bounded and, for POST, opt-in (`idempotent`). */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2 for GET, 0 for POST unless `idempotent`. */
  readonly limit?: number;
  /** The request may be repeated safely (GET, or a POST the provider documents as idempotent). */
  readonly idempotent?: boolean;
  /** Statuses worth retrying. Default 429, 502, 503, 504. `Retry-After` is honoured on 429/503. */
  readonly statusCodes?: readonly number[];
  /** Largest `Retry-After` (ms) honoured; longer waits fail at once. Default 30 000. */
  readonly maxRetryAfterMs?: number;
  /** Ceiling of one backoff delay (ms). Default 8 000. */
  readonly backoffLimitMs?: number;
  /**
   * Retry after a timeout. Default: only for GET or `idempotent` requests — a POST that timed out
   * may have taken effect on the server.
   */
  readonly retryOnTimeout?: boolean;
  /** Backoff before retry `n` (1-based). Default 300 ms × 2^(n−1). */
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
  /** Per attempt. Default 15 000 ms. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Statuses answered with a body Baton must read (a provider's error document). Default: 2xx only. */
  readonly acceptStatus?: (status: number) => boolean;
  /** Asks for another attempt after reading an accepted answer (e.g. a rate-limit code in a 200). */
  readonly retryWhen?: (response: HttpResponse) => boolean;
}

const DEFAULT_STATUS_CODES = [429, 502, 503, 504];

/**
 * Creates Baton's HTTP function for one provider: ky underneath, with timeouts, bounded backoff
 * retries honouring `Retry-After`, abort signals, and every failure turned into a `BatonError`
 * (`NetworkError` for timeouts, network failures, aborts and HTTP errors).
 */
export function createHttp(provider: ProviderName, instance: KyInstance = ky) {
  return async function request(url: string | URL, options: HttpRequest = {}): Promise<HttpResponse> {
    const method = options.method ?? (options.json !== undefined || options.form || options.body ? 'POST' : 'GET');
    const href = String(url);
    assertNoSecrets(options.json, 'body');
    assertNoSecrets(options.form, 'body');
    assertNoSecrets(options.body, 'body');
    assertNoSecrets(options.searchParams, 'query');

    const policy = options.retry ?? {};
    const limit = policy.limit ?? (method === 'GET' || policy.idempotent ? 2 : 0);
    const accept = options.acceptStatus ?? (() => false);
    const delayMs = policy.delayMs ?? ((attempt: number) => 300 * 2 ** (attempt - 1));

    try {
      const response = await instance(href, {
        method,
        headers: options.headers,
        searchParams: options.searchParams,
        json: options.json,
        body: options.form ? formBody(options.form) : options.body,
        signal: options.signal,
        timeout: options.timeoutMs ?? 15_000,
        throwHttpErrors: (status) => !accept(status),
        retry: {
          limit,
          methods: method === 'GET' || policy.idempotent || limit > 0 ? ['get', 'post'] : ['get'],
          statusCodes: [...(policy.statusCodes ?? DEFAULT_STATUS_CODES)],
          afterStatusCodes: [429, 503],
          maxRetryAfter: policy.maxRetryAfterMs ?? 30_000,
          backoffLimit: policy.backoffLimitMs ?? 8_000,
          delay: delayMs,
          retryOnTimeout: limit > 0 && (policy.retryOnTimeout ?? (method === 'GET' || policy.idempotent === true)),
        },
        hooks: options.retryWhen
          ? {
              afterResponse: [
                async (_request, _options, response, state) => {
                  if (state.retryCount >= limit || !accept(response.status) && !response.ok) return;
                  const answer = await readResponse(response);
                  if (options.retryWhen!(answer)) return ky.retry();
                },
              ],
            }
          : {},
      });
      return await readResponse(response);
    } catch (error) {
      throw await toBatonError(error, { method, url: href }, options.signal);
    }
  };
}

async function readResponse(response: Response): Promise<HttpResponse> {
  return { status: response.status, headers: response.headers, url: response.url, text: await response.text() };
}

function formBody(form: NonNullable<HttpRequest['form']>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.append(key, String(value));
  return body;
}

async function toBatonError(error: unknown, request: { method: string; url: string }, signal?: AbortSignal): Promise<BatonError> {
  if (error instanceof BatonError) return error;
  if (signal?.aborted) return new NetworkError('aborted', request, { cause: signal.reason });
  if (error instanceof TimeoutError) return new NetworkError('timeout', request, { cause: error });
  if (error instanceof HTTPError) {
    const body = await error.response.text().catch(() => '');
    return new NetworkError('http', request, { status: error.response.status, body: body.slice(0, 4096), cause: error });
  }
  // fetch rejects with a TypeError when the network is down, DNS fails or CORS refuses.
  return new NetworkError('offline', request, { cause: error });
}
