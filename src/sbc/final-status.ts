import * as v from 'valibot';
import { requestUrl } from '../core/egress.js';
import { callback, hostsOption, msOption, optionsShape, signalOption, urlInput } from '../core/options.js';
import { pollUntilFinal } from '../core/poll-final.js';
import { SCHEDULE_MS } from '../core/poll-schedule.js';
import { policyFor } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { isOrderId } from './return-order-id.js';
import { FINAL_STATUSES, StatusAnswerSchema, type FinalStatus } from './schemas.js';

/**
 * The merchant server's answer about an order: your server's own format, with at least a `status`.
 * test/unit/sbc/types.test.ts checks that it is what `StatusAnswerSchema` reads.
 */
export interface OrderStatusAnswer {
  /**
   * `approved`, `declined`, `filtered`, `error` (final), `processing`, `unknown` (not final), or
   * another text (not final). Given in any case with blanks around; here trimmed and in lower case.
   */
  status: string;
  /** Every other field your server sent, as sent (`orderId` included, even `null`, `''` or a number). */
  [field: string]: unknown;
}

/** The merchant server's answer once final. */
export interface FinalStatusAnswer {
  readonly status: FinalStatus;
  /** The order's id as the server sent it, or the id asked for when the server sent none (or not a string). */
  readonly orderId: string;
  /** The server's whole answer, validated. */
  readonly answer: OrderStatusAnswer;
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
  readonly onProgress?: (answer: OrderStatusAnswer) => void;
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
  return pollUntilFinal<FinalStatusAnswer>({
    url,
    policy,
    signal,
    intervalMs,
    timeoutMs,
    onProgress,
    read(text) {
      const parsed = parseWith(StatusAnswerSchema, readJson(text), 'status answer');
      const answer: OrderStatusAnswer = { ...parsed, status: parsed.status.trim().toLowerCase() };
      if (!(FINAL_STATUSES as readonly string[]).includes(answer.status)) return { final: false, progress: answer };
      // A final status is never thrown away over an odd orderId (null, '', a number): the
      // requested id stands in, and `answer` keeps what the server sent.
      const answered = typeof answer.orderId === 'string' && answer.orderId !== '' ? answer.orderId : orderId;
      return { final: true, value: Object.freeze({ status: answer.status as FinalStatus, orderId: answered, answer }) };
    },
  });
}
