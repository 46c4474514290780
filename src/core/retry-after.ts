// `Retry-After` read as RFC 9110 §10.2.3 writes it, and nothing else: a header Baton cannot read
// must never become a long (or, wrapped by a timer, a 13-day) wait.

/** Longer than this, and Baton fails at once (with `retryAfterMs`) instead of hanging. */
export const MAX_RETRY_AFTER_MS = 30_000;

// The three HTTP-date forms (RFC 9110 §5.6.7): IMF-fixdate, RFC 850, asctime (which names no zone: GMT).
const HTTP_DATE = /^(?:\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT|\w{6,9}, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d GMT|\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}())$/;

/**
 * `Retry-After` in ms from `now` (wall clock, as an HTTP date is): delay-seconds (digits only)
 * or an HTTP date; a date in the past is 0. `undefined` when absent or anything else (`soon`,
 * `1e3`, `0x20`, `-5`, `2.5`, an impossible date): the caller's normal backoff applies.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  let text = String(header ?? '').trim();
  // A header sent twice reaches fetch joined by ", " (RFC 9110 §5.3): seconds in each copy, the
  // longest wait wins; two copies of one date, that date. Anything else stays unreadable.
  if (/^\d+(?:\s*,\s*\d+)+$/.test(text)) return Math.max(...text.split(',').map(Number)) * 1000;
  const half = text.slice(0, (text.length - 2) / 2);
  if (half && text === `${half}, ${half}`) text = half;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = HTTP_DATE.exec(text);
  const ms = date ? Date.parse(date[1] === undefined ? text : `${text} GMT`) - now : NaN;
  return ms === ms ? Math.max(0, ms) : undefined;
}
