/**
 * Milliseconds on a monotonic clock: every deadline and wait is measured with it, so a wall
 * clock set back or forward (NTP, a user, a VM resumed) neither stretches nor cuts a wait.
 */
export const monotonicNow = (): number => performance.now();
