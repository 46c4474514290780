import { monotonicNow } from './clock.js';

/**
 * Resolves at once when the page is visible (or there is no page); while it is hidden, when it
 * is shown again, at `deadline` (on `monotonicNow`), or when `signal` aborts — whichever comes first.
 */
export function whenVisible(deadline: number, signal: AbortSignal | undefined): Promise<void> {
  if (typeof document === 'undefined' || document.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onChange);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const onChange = () => {
      if (document.visibilityState !== 'hidden') done();
    };
    const timer = setTimeout(done, Math.max(0, deadline - monotonicNow()));
    document.addEventListener('visibilitychange', onChange);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}
