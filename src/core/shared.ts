/** A task shared by every caller that asks for the same key while it runs. */
export interface SharedTask<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  waiters: number;
  settled: boolean;
}

/**
 * Joins the task under `key` in `tasks`, or starts it with `start` (given a signal of its own, not
 * the caller's). Each caller's `signal` abandons only its own wait (rejecting with `aborted(reason)`);
 * when the last waiter leaves, the task is cancelled and forgotten at once, so a caller asking again
 * in the same tick (React StrictMode) starts afresh. A failed task is forgotten; a fulfilled one
 * too, unless `keep` (a cache for the session's life).
 */
export function joinShared<T>(
  tasks: Map<string, SharedTask<T>>,
  key: string,
  start: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal | undefined,
  aborted: (reason: unknown) => Error,
  keep = false,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(aborted(signal.reason));
  let task = tasks.get(key);
  if (!task) {
    const controller = new AbortController();
    const created: SharedTask<T> = (task = { promise: start(controller.signal), controller, waiters: 0, settled: false });
    tasks.set(key, created);
    const forget = () => tasks.get(key) === created && tasks.delete(key);
    created.promise.then(
      () => {
        created.settled = true;
        if (!keep) forget();
      },
      () => {
        created.settled = true;
        forget();
      },
    );
  }
  const shared = task;
  shared.waiters++;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (--shared.waiters === 0 && !shared.settled) {
        if (tasks.get(key) === shared) tasks.delete(key);
        shared.controller.abort(signal!.reason);
      }
      reject(aborted(signal!.reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Once the answer is in, `waiters` no longer matters: only the listener must go.
    shared.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
  });
}
