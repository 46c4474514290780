// A `fetch` that records what would have gone out, for tests that assert the exact request
// (use test/helpers/loopback-server.ts when the wire itself matters: redirects, resets, timing).
import { vi } from 'vitest';

/** One request as it reached `fetch`. */
export interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * The answer: a JSON text (served as `application/json`), or a function of the request and of how
 * many requests were recorded, this one included (it may throw, as a failed `fetch` does).
 */
export type FetchAnswer = string | ((request: Request, count: number) => Response | Promise<Response>);

/** Replaces `fetch` (restore with `vi.restoreAllMocks()`); the returned list fills as requests go out. */
export function recordFetch(answer: FetchAnswer = '{}'): Sent[] {
  const sent: Sent[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    sent.push({ url: request.url, method: request.method, headers: request.headers, body: await request.clone().text() });
    if (typeof answer === 'function') return answer(request, sent.length);
    return new Response(answer, { headers: { 'content-type': 'application/json' } });
  });
  return sent;
}
