import * as v from 'valibot';
import { BatonError, NetworkError, ValidationError } from '../core/errors.js';
import { request as http } from '../core/http.js';
import { sleep } from '../core/sleep.js';
import { parseWith, readJson } from '../core/validate.js';
import { FINAL_STATUSES, StatusAnswer, type FinalStatus } from './schemas.js';
import { checkObject, checkSignal, checkUrl } from './input.js';


/** An order reference read from the return URL. Anyone can type a URL: it proves nothing. */
export interface ReturnOrderId {
  readonly orderId: string;
  readonly trusted: false;
}

/** Query names that may carry the order reference, most specific first. */
const ORDER_PARAMS = ['orderId', 'client_orderid', 'merchant_order', 'orderid'];
const ORDER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Reads the order reference from the return page's URL (default: the current location) and
 * marks it untrusted. The status in that URL is ignored on purpose: ask the merchant server with
 * `awaitFinalStatus`. Throws `ValidationError` when there is no well-formed reference.
 *
 * @example
 * const { orderId } = sbc.readReturnOrderId(); // from ?orderId=902B4FF5
 * const answer = await sbc.awaitFinalStatus({ statusUrl: '/api/sbc/status', orderId });
 */
export function readReturnOrderId(url?: string | URL): ReturnOrderId {
  const href = url === undefined ? currentLocation() : checkUrl(url, 'return URL', '');
  let parsed: URL;
  try {
    parsed = new URL(href, typeof location === 'undefined' ? undefined : location.href);
  } catch {
    throw new ValidationError('return URL', [{ path: '', message: 'not a valid URL' }]);
  }
  for (const name of ORDER_PARAMS) {
    const value = parsed.searchParams.get(name);
    if (value === null) continue;
    if (!ORDER_ID.test(value)) throw new ValidationError('return URL', [{ path: name, message: 'not a well-formed order reference' }]);
    return Object.freeze({ orderId: value, trusted: false as const });
  }
  throw new ValidationError('return URL', [{ path: 'orderId', message: `no order reference (${ORDER_PARAMS.join(', ')})` }]);
}

/** The merchant server's answer once final. */
export interface FinalStatusAnswer {
  readonly status: FinalStatus;
  readonly orderId: string;
  /** The server's whole answer, validated. */
  readonly answer: v.InferOutput<typeof StatusAnswer>;
}

export interface AwaitFinalStatusOptions {
  /** The merchant server's status URL; asked with `GET ?orderId=`. */
  readonly statusUrl: string | URL;
  readonly orderId: string;
  readonly signal?: AbortSignal;
  /** First delay between questions. Default 3 000 ms (the documented 3–5 s); grows 1.5× per question up to 4×. */
  readonly intervalMs?: number;
  /** Give up after this long with a `NetworkError` of kind `'timeout'`. Default 300 000 ms (5 minutes). */
  readonly timeoutMs?: number;
  /** Called with every non-final answer (`processing`, `unknown`). */
  readonly onProgress?: (answer: v.InferOutput<typeof StatusAnswer>) => void;
}

/**
 * Asks the merchant server for an order's status until it is final (`approved`, `declined`,
 * `filtered`, `error`) and returns the server's answer — never the return URL's query.
 * Backs off between questions, pauses while the page is hidden, stops when `signal` aborts
 * (`NetworkError` kind `'aborted'`) or after `timeoutMs` (kind `'timeout'`). Network failures and
 * 5xx answers are asked again until the deadline; a malformed answer throws `ValidationError`.
 *
 * @example
 * const { status } = await sbc.awaitFinalStatus({ statusUrl: '/api/sbc/status', orderId, signal });
 */
export async function awaitFinalStatus(options: AwaitFinalStatusOptions): Promise<FinalStatusAnswer> {
  checkObject(options, 'awaitFinalStatus options');
  const statusUrl = checkUrl(options.statusUrl, 'awaitFinalStatus options', 'statusUrl');
  const signal = checkSignal(options.signal, 'awaitFinalStatus options');
  const orderId = options.orderId;
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) {
    throw new ValidationError('awaitFinalStatus options', [{ path: 'orderId', message: 'expected an order reference of 1–128 letters, digits or ._:-' }]);
  }
  const intervalMs = positive(options.intervalMs, 3_000, 'intervalMs');
  const timeoutMs = positive(options.timeoutMs, 300_000, 'timeoutMs');
  const request = { method: 'GET', url: statusUrl };
  const deadline = Date.now() + timeoutMs;

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new NetworkError('aborted', request, { cause: signal.reason });
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new NetworkError('timeout', request);
    const answer = await ask(statusUrl, orderId, signal, remaining);
    if (answer && FINAL_STATUSES.includes(answer.status)) {
      return Object.freeze({ status: answer.status as FinalStatus, orderId: answer.orderId ?? orderId, answer });
    }
    if (answer) options.onProgress?.(answer);
    const delay = Math.min(intervalMs * 1.5 ** attempt, intervalMs * 4, deadline - Date.now());
    await pause(delay, deadline, signal);
  }
}

/** One question; `undefined` when worth asking again (network failure, 5xx, 429). */
async function ask(url: string, orderId: string, signal: AbortSignal | undefined, remaining: number) {
  try {
    const response = await http(url, { method: 'GET', searchParams: { orderId }, headers: { accept: 'application/json' }, signal, timeoutMs: Math.min(15_000, remaining), retry: { limit: 0 } });
    const data = readJson(response.text);
    if (data === undefined) throw new ValidationError('status answer', [{ path: '', message: 'not JSON' }]);
    return parseWith(StatusAnswer, data, 'status answer');
  } catch (error) {
    const transient =
      error instanceof NetworkError &&
      (error.kind === 'offline' || error.kind === 'timeout' || (error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500)));
    if (transient && !signal?.aborted) return undefined;
    throw error;
  }
}

/** Waits `ms`, then, while the page is hidden, until it is shown (checked every 500 ms) or the deadline. */
async function pause(ms: number, deadline: number, signal: AbortSignal | undefined): Promise<void> {
  await sleep(ms, signal);
  while (typeof document !== 'undefined' && document.visibilityState === 'hidden' && Date.now() < deadline && !signal?.aborted) {
    await sleep(Math.min(500, deadline - Date.now()), signal);
  }
}

function positive(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new ValidationError('awaitFinalStatus options', [{ path: name, message: 'expected a positive number of milliseconds' }]);
}

function currentLocation(): string {
  if (typeof location === 'undefined') throw new BatonError('readReturnOrderId needs a URL outside a browser');
  return location.href;
}
