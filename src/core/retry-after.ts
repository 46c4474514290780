// `Retry-After` read as RFC 9110 §10.2.3 writes it, and nothing else: a header Baton cannot read
// must never become a long (or, wrapped by a timer, a 13-day) wait.

/** Longer than this, and Baton fails at once (with `retryAfterMs`) instead of hanging. */
export const MAX_RETRY_AFTER_MS = 30_000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// The three HTTP-date forms (RFC 9110 §5.6.7): IMF-fixdate, obsolete RFC 850 and asctime.
const IMF = /^[a-z]{3}, (\d\d) ([a-z]{3}) (\d{4}) (\d\d):(\d\d):(\d\d) gmt$/;
const RFC850 = /^[a-z]{6,9}, (\d\d)-([a-z]{3})-(\d\d) (\d\d):(\d\d):(\d\d) gmt$/;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;

/**
 * `Retry-After` in ms from `now` (wall clock, as an HTTP date is): delay-seconds (digits only)
 * or an HTTP date; a date in the past is 0. `undefined` when absent or anything else (`soon`,
 * `1e3`, `0x20`, `-5`, `2.5`): the caller's normal backoff applies.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  const text = String(header ?? '').trim().toLowerCase();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  type Parts = [string, string, string, string, string, string, string];
  let [, day, month, year, hour, minute, second] = (IMF.exec(text) ?? RFC850.exec(text) ?? []) as unknown as Parts;
  if (!month) {
    const asctime = ASCTIME.exec(text) as unknown as Parts | null;
    if (!asctime) return undefined;
    [, month, day, hour, minute, second, year] = asctime;
  }
  if (year.length === 2) {
    // RFC 850's two-digit year: one more than 50 years ahead is in the past century (RFC 9110 §5.6.7).
    const full = 2000 + Number(year);
    year = String(full - new Date(now).getUTCFullYear() > 50 ? full - 100 : full);
  }
  const parts = [year, MONTHS.indexOf(month), day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(...parts);
  // Out-of-range parts (`32 Feb`, `25:00:00`) roll over in Date.UTC: refuse them instead.
  const date = new Date(time);
  const exact = date.getUTCMonth() === parts[1] && date.getUTCDate() === parts[2] && date.getUTCHours() === parts[3] && date.getUTCMinutes() === parts[4] && date.getUTCSeconds() === parts[5];
  return exact && parts[1] >= 0 ? Math.max(0, time - now) : undefined;
}
