/** Resolves after `ms`, or as soon as `signal` aborts: the caller checks `signal.aborted`. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}
