import { NetworkError } from '../core/errors.js';

/** A `fetch`-compatible function (the global one by default; a test or a proxy may pass its own). */
export type FetchLike = (input: Request) => Promise<Response>;

/** Answers longer than this are not read: a provider's answer is small. */
const MAX_ANSWER = 1_000_000;

/**
 * Sends exactly `request` (built and checked by the caller), without following redirects, within
 * `timeoutMs`, and reads the answer as text. Throws `NetworkError` when no answer came.
 */
export async function send(fetchFn: FetchLike | undefined, request: Request, timeoutMs: number): Promise<{ status: number; headers: Headers; text: string }> {
  const where = { method: request.method, url: request.url };
  let response: Response;
  try {
    response = await (fetchFn ?? fetch)(new Request(request, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' }));
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new NetworkError(timedOut ? 'timeout' : 'offline', where, { cause: error });
  }
  const text = await response.text();
  if (text.length > MAX_ANSWER) throw new NetworkError('oversized', where, { body: `${text.length} characters` });
  return { status: response.status, headers: response.headers, text };
}
