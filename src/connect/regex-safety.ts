// A provider's `regularExpression` runs on what the customer types. A pattern that can backtrack
// exponentially (or with a high polynomial) would freeze the page, and JavaScript cannot stop a
// running match, so the pattern is judged before it runs: one linear scan of its source.

/** More open-ended (or over 16) repetitions than this in one pattern is a polynomial risk: n⁴ steps on 256 characters is too slow. */
const MAX_OPEN_REPEATS = 4;

/**
 * False when `pattern` could backtrack catastrophically, judged statically (conservative: some safe
 * patterns are judged unsafe, never the reverse for these shapes):
 * - a repeated group that itself holds a repetition or an alternation: `(a+)+`, `(\w+\s?)*`,
 *   `(a|aa)+`, `(.*a){12}` (star height above one, overlapping alternatives);
 * - a back-reference (`\1`, `\k<name>`);
 * - more than four open-ended repetitions (`\d*\d*\d*\d*\d*x`: n⁴ steps).
 * An unsafe pattern is skipped, as an unreadable one is: the platform still checks the value.
 */
export function isSafePattern(pattern: string): boolean {
  // Per open group, by depth (0: the whole pattern): does it hold a repetition or an alternation?
  // `closed`: the group just closed, while the next token may repeat it.
  const risky: boolean[] = [];
  let depth = 0;
  let closed: boolean | undefined;
  let open = 0;
  for (let i = 0, char: string | undefined; (char = pattern[i]) !== undefined; i++) {
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(pattern.slice(i, i + 24));
    if (quantifier) {
      const [text, min = '1', comma, max = min] = quantifier;
      const unbounded = text === '*' || text === '+' || max === '' || +max > 16;
      // More than one repetition of a group that repeats or alternates inside: star height above one.
      // (A lazy `?` after a quantifier reads as one more `?`: it repeats nothing.)
      if (closed && (unbounded || +max > 1)) return false;
      if (unbounded && ++open > MAX_OPEN_REPEATS) return false;
      risky[depth] = true;
      i += text.length - 1;
    } else if (char === '\\') {
      if (/[1-9k]/.test(pattern[++i]!)) return false;
    } else if (char === '[') {
      // A class is one atom: skip to its end, or the pattern's (escapes inside included).
      while ((pattern[++i] ?? ']') !== ']') if (pattern[i] === '\\') i++;
    } else if (char === '(') {
      risky[++depth] = false;
      // `(?:`, `(?=`, `(?<name>`: that `?` repeats nothing.
      if (pattern[i + 1] === '?') i++;
    } else if (char === ')') {
      // What a group holds, its parent holds too. (A `)` with no group is no pattern: it never runs.)
      closed = risky[depth--];
      if (closed) risky[depth] = true;
      continue;
    } else if (char === '|') {
      risky[depth] = true;
    }
    closed = false;
  }
  return true;
}
