import * as v from 'valibot';
import { requestUrl } from '../core/egress.js';
import { NetworkError } from '../core/errors.js';
import { httpFailure, request as http, retryAfterMs, type HttpResponse } from '../core/http.js';
import { callback, hostsOption, msOption, optionsShape, signalOption, urlInput } from '../core/options.js';
import { sleep } from '../core/sleep.js';
import { policyFor } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { whenVisible } from './page-visible.js';
import { nextDelay, QUICK_PHASE_MS, SCHEDULE_MS } from './poll-schedule.js';
import { isOrderId } from './return-order-id.js';
import { FINAL_STATUSES, StatusAnswer, type FinalStatus } from './schemas.js';

/** The merchant server's answer once final. */
export interface FinalStatusAnswer {
  readonly status: FinalStatus;
  readonly orderId: string;
  /** The server's whole answer, validated. */
  readonly answer: v.InferOutput<typeof StatusAnswer>;
}

export interface AwaitFinalStatusOptions {
  /**
   * The merchant server's status URL, asked with `GET ?orderId=`. Relative to the page, or
   * absolute on the page's own origin unless `allowedHosts` says otherwise.
   */
  readonly statusUrl: string | URL;
  /**
   * Hosts `statusUrl` may be on (https; plain http on loopback). Default: the page's own origin,
   * plus loopback hosts while the page is on loopback.
   */
  readonly allowedHosts?: readonly string[];
  readonly orderId: string;
  readonly signal?: AbortSignal;
  /** First delay between questions. Default 3 000 ms (the documented 3–5 s); see the schedule below. */
  readonly intervalMs?: number;
  /** Give up after this long with a `NetworkError` of kind `'timeout'`. Default 3 600 000 ms (the documented hour). */
  readonly timeoutMs?: number;
  /** Called with every non-final answer (`processing`, `unknown`). */
  readonly onProgress?: (answer: v.InferOutput<typeof StatusAnswer>) => void;
}

const optionsSchema = optionsShape({
  statusUrl: urlInput('expected a URL (string or URL)'),
  allowedHosts: hostsOption,
  orderId: v.custom<string>(isOrderId, 'expected 1–128 characters, no control characters'),
  signal: signalOption,
  intervalMs: msOption,
  timeoutMs: msOption,
  onProgress: v.optional(callback<NonNullable<AwaitFinalStatusOptions['onProgress']>>()),
});

/**
 * Asks the merchant server for an order's status until it is final (`approved`, `declined`,
 * `filtered`, `error`) and returns the server's answer — never the return URL's query.
 *
 * Follows PaynetEasy's documented schedule: every 3–5 s for the first 5 minutes, then every 5–10
 * minutes, up to an hour (`timeoutMs`, when shorter, wins). A 429 or 503 with `Retry-After`
 * (seconds or an HTTP date) delays the next question at least that long; one that points past the
 * deadline fails at once with that `NetworkError`. No question is asked while the page is hidden:
 * the next one goes when it is shown again. Stops when `signal` aborts (`NetworkError` kind
 * `'aborted'`) or at the deadline (kind `'timeout'`). Network failures and 5xx/429 answers are asked
 * again; another HTTP error or a malformed answer throws at once.
 *
 * @example
 * const { status } = await sbc.awaitFinalStatus({ statusUrl: '/api/sbc/status', orderId, signal });
 */
export async function awaitFinalStatus(options: AwaitFinalStatusOptions): Promise<FinalStatusAnswer> {
  const { statusUrl, allowedHosts, orderId, signal, intervalMs = 3_000, timeoutMs = SCHEDULE_MS, onProgress } = parseWith(
    optionsSchema,
    options,
    'awaitFinalStatus options',
  );
  const policy = policyFor(allowedHosts, 'awaitFinalStatus({ allowedHosts })');
  // The URL every question goes to (`request` checks it again as it sends each one).
  const url = requestUrl(statusUrl, policy, { orderId }).href;
  const request = { method: 'GET', url };
  const started = Date.now();
  const deadline = started + timeoutMs;
  let quickAsked = 0;
  let slowAsked = 0;

  for (;;) {
    // Nothing is asked while the page is hidden, the first question included.
    await whenVisible(deadline, signal);
    if (signal?.aborted) throw new NetworkError('aborted', request, { cause: signal.reason });
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new NetworkError('timeout', request);
    if (Date.now() - started < QUICK_PHASE_MS) quickAsked++;
    else slowAsked++;
    // One question. A network failure, a 5xx or a 429 is worth asking again (after `Retry-After`, if sent).
    let response: HttpResponse | undefined;
    let failure: NetworkError | undefined;
    let after: number | undefined;
    try {
      response = await http(url, {
        method: 'GET',
        policy,
        headers: { accept: 'application/json' },
        signal,
        timeoutMs: Math.min(15_000, remaining),
        retry: { limit: 0 },
        // Read every status here: a 429/503 carries the Retry-After this loop must honour.
        acceptStatus: () => true,
      });
    } catch (error) {
      const transient = error instanceof NetworkError && (error.kind === 'offline' || error.kind === 'timeout');
      if (!transient || signal?.aborted) throw error;
    }
    if (response) {
      const { status, text } = response;
      if (status < 200 || status > 299) {
        failure = httpFailure('GET', response);
        if (status !== 429 && status < 500) throw failure;
        if (status === 429 || status === 503) after = retryAfterMs(response.headers.get('retry-after'));
      } else {
        const parsed = parseWith(StatusAnswer, readJson(text), 'status answer');
        const answer: v.InferOutput<typeof StatusAnswer> = { ...parsed, status: parsed.status.trim().toLowerCase() };
        if (FINAL_STATUSES.includes(answer.status)) {
          // A final status is never thrown away over an odd orderId (null, '', a number): the
          // requested id stands in, and `answer` keeps what the server sent.
          const answered = typeof answer.orderId === 'string' && answer.orderId !== '' ? answer.orderId : orderId;
          return Object.freeze({ status: answer.status as FinalStatus, orderId: answered, answer });
        }
        onProgress?.(answer);
      }
    }
    const wait = Math.max(nextDelay(Date.now() - started, intervalMs, quickAsked, slowAsked), after ?? 0);
    // A Retry-After past the deadline: that failure, at once.
    if (after !== undefined && Date.now() + wait >= deadline) throw failure;
    await sleep(Math.min(wait, deadline - Date.now()), signal);
  }
}
