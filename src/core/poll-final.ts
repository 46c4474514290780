// The merchant server is asked until an answer is final: one bounded, visibility-aware loop shared
// by SBC's `awaitFinalStatus` and Connect's `awaitPaymentStatus`.
import { NetworkError } from './errors.js';
import { monotonicNow } from './clock.js';
import { anyStatus, httpFailure, request as http, type HttpResponse } from './http.js';
import { retryAfterMs } from './retry-after.js';
import { whenVisible } from './page-visible.js';
import { nextDelay, QUICK_PHASE_MS, SCHEDULE_MS } from './poll-schedule.js';
import { sleep } from './sleep.js';
import type { UrlPolicy } from './url-guard.js';

// One object for every question: in-flight sharing compares options by value and by identity.
const NO_RETRY = { limit: 0 };

export interface PollRequest<T> {
  /** The exact URL every question goes to (already checked against `policy`; `request` checks it again). */
  readonly url: string;
  readonly policy: UrlPolicy;
  /** `GET` (default) or `POST` with `json` as the body, the same bytes every time. */
  readonly method?: 'GET' | 'POST';
  readonly json?: unknown;
  readonly signal: AbortSignal | undefined;
  readonly intervalMs: number;
  /** Default the documented hour (`SCHEDULE_MS`). */
  readonly timeoutMs?: number;
  /** Reads one 2xx answer's text: `{ final: true, value }` ends the loop, `{ final: false }` asks again. Throws to stop. */
  readonly read: (text: string) => { final: true; value: T } | { final: false; progress: unknown };
  readonly onProgress?: (progress: never) => void;
}

/**
 * Asks until `read` says final. Schedule (`nextDelay`): every 3–5 s for 5 minutes, then every 5–10
 * minutes, up to `timeoutMs`. A 429/503's `Retry-After` delays the next question at least that long
 * (one past the deadline fails at once). Nothing is asked while the page is hidden. Network failures
 * and 5xx/429 are asked again; another HTTP error throws a `NetworkError` at once. Stops on `signal`
 * (kind `'aborted'`) or at the deadline (kind `'timeout'`).
 */
export async function pollUntilFinal<T>(options: PollRequest<T>): Promise<T> {
  const { url, policy, signal, intervalMs, read } = options;
  const method = options.method ?? 'GET';
  const request = { method, url };
  // A monotonic clock: a wall clock set by ±2 h while polling changes no wait and no deadline.
  const started = monotonicNow();
  const deadline = started + (options.timeoutMs ?? SCHEDULE_MS);
  let quickAsked = 0;
  let slowAsked = 0;

  for (;;) {
    // Nothing is asked while the page is hidden, the first question included.
    await whenVisible(deadline, signal);
    if (signal?.aborted) throw new NetworkError('aborted', request, { cause: signal.reason });
    const remaining = deadline - monotonicNow();
    if (remaining <= 0) throw new NetworkError('timeout', request);
    if (monotonicNow() - started < QUICK_PHASE_MS) quickAsked++;
    else slowAsked++;
    let response: HttpResponse | undefined;
    let failure: NetworkError | undefined;
    let after: number | undefined;
    try {
      response = await http(url, {
        method,
        policy,
        headers: { accept: 'application/json' },
        ...(method === 'POST' ? { json: options.json } : {}),
        signal,
        timeoutMs: Math.min(15_000, remaining),
        retry: NO_RETRY,
        // Read every status here: a 429/503 carries the Retry-After this loop must honour.
        acceptStatus: anyStatus,
      });
    } catch (error) {
      const transient = error instanceof NetworkError && (error.kind === 'offline' || error.kind === 'timeout');
      if (!transient || signal?.aborted) throw error;
    }
    if (response) {
      const { status, text } = response;
      if (status < 200 || status > 299) {
        if (status !== 429 && status < 500) throw httpFailure(request, response);
        if (status === 429 || status === 503) after = retryAfterMs(response.headers.get('retry-after'));
        failure = httpFailure(request, response, { retryAfterMs: after });
      } else {
        const answer = read(text);
        if (answer.final) return answer.value;
        options.onProgress?.(answer.progress as never);
      }
    }
    const wait = Math.max(nextDelay(monotonicNow() - started, intervalMs, quickAsked, slowAsked), after ?? 0);
    // A Retry-After past the deadline: that failure, at once.
    if (after !== undefined && monotonicNow() + wait >= deadline) throw failure;
    await sleep(Math.min(wait, deadline - monotonicNow()), signal);
  }
}
