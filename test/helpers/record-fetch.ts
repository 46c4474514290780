// Shared by the red-team files: a `fetch` that records what would have gone out and answers
// `answer`, and the error an async call ends with (`undefined` when it ends well).
import { vi } from 'vitest';

export interface Sent {
  readonly url: string;
  readonly body: string;
}

/** Replaces `fetch` (restore with `vi.restoreAllMocks()`); the returned list fills as requests go out. */
export function recordFetch(answer: string): Sent[] {
  const sent: Sent[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const req = input instanceof Request ? input : new Request(input as string, init);
    sent.push({ url: req.url, body: await req.clone().text() });
    return new Response(answer, { headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

/** The error `run` rejects or throws with, or `undefined`. */
export async function settled(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}
