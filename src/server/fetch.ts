import ky, { isTimeoutError } from 'ky';
import { monotonicNow } from '../core/clock.js';
import { NetworkError } from '../core/errors.js';
import { readCapped } from '../core/read-capped.js';

/** A `fetch`-compatible function (the global one by default; a test or a proxy may pass its own). */
export type FetchLike = (input: Request) => Promise<Response>;

/** Answers longer than this are not read: a provider's answer is small. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * Sends exactly `request` (built and checked by the caller), without following redirects, within
 * `timeoutMs`, and reads the answer as text. Throws `NetworkError` when no answer came.
 */
export async function send(fetchFn: FetchLike | undefined, request: Request, timeoutMs: number): Promise<{ status: number; headers: Headers; text: string }> {
  const where = { method: request.method, url: request.url };
  const deadline = monotonicNow() + timeoutMs;
  let response: Response;
  try {
    // ky, as the browser half (it always hands `fetch` a Request); no retry: a payment call may have taken effect.
    response = await ky(request, { fetch: fetchFn && ((input) => fetchFn(input as Request)), timeout: timeoutMs, retry: 0, throwHttpErrors: false, redirect: 'manual' });
  } catch (error) {
    throw new NetworkError(isTimeoutError(error) ? 'timeout' : 'offline', where, { cause: error });
  }
  // Read within the same cap and deadline as every answer the browser half reads.
  const text = await readCapped(response, MAX_ANSWER_BYTES, deadline, where);
  return { status: response.status, headers: response.headers, text };
}
