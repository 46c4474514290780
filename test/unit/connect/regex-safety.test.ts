// A provider's regularExpression cannot freeze the page: catastrophic patterns are judged unsafe
// before they run and skipped (the platform still checks the value). Timings live in `npm run bench`.
import { describe, expect, it } from 'vitest';
import { isSafePattern } from '../../../src/connect/regex-safety.js';
import { failedValidators } from '../../../src/connect/validators.js';

// Well-known evil patterns: nested quantifiers, overlapping alternations, OWASP's ReDoS examples.
export const EVIL = [
  '(a+)+',
  '(a*)*',
  '([a-zA-Z]+)*',
  '(a|aa)+',
  '(a|a?)+',
  '(.*a){12}',
  '(\\w+\\s?)*',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(x+x+)+y',
  '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
  '(\\d+){2,5}x',
  '\\d*\\d*\\d*\\d*\\d*x',
  '(a)\\1*b',
  '(?:a|b|ab)*c',
  '(.*){1,32000}[bc]',
  '(a+){2,}',
  '(a+){3}',
  'a{1,}b{1,}c{1,}d{1,}e{1,}x',
  'a{0,17}a{0,17}a{0,17}a{0,17}a{0,17}x',
  '((a+))+',
  '(?<n>a)\\k<n>',
  '[)]*(a+)+',
  '(a|b)+',
];
const SAFE = [
  '^[0-9]{3,4}$', '[a-zA-Z ]*', '^\\d{5}(-\\d{4})?$', '[^@]+@[^@]+\\.[^@]+', '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$', '^[\\w\\s.,\'-]{1,50}$', '\\(\\d+\\)+', '[(+)]*',
  'a+', '(ab)+', '(a+)?', '(a+){1}', '(a+){0,1}', '\\d+-\\d+-\\d+-\\d+', 'a{0,16}a{0,16}a{0,16}a{0,16}a{0,16}x', '[\\]a+]+b', '(?:ab)+?c', 'a)+', '\\\\(a+)', 'a{2}(b)+', '(a)(b)+',
  // Inside a class, `\1` is a character, not a back-reference.
  '[\\1a]+',
  // A class is one atom, whatever it holds: quantifiers, groups, an escaped `]`.
  '[a+b+c+d+e+]', '[\\](a+)+]', '[(]a+[)]+',
  // A group that holds no repetition may repeat, however deeply it is nested; a lazy suffix adds nothing.
  '((ab)c)+', '(?:(?:a)b)*', '([+*])+', '(ab)+?', 'a+?b+?c+?d+?x',
];

describe('regularExpression cannot freeze the page (issue 23)', () => {
  // One test per list, with plain names: a test name full of regex syntax is hard to select by name.
  it('judges every evil pattern unsafe', () => {
    for (const pattern of EVIL) expect(isSafePattern(pattern), pattern).toBe(false);
  });
  it('runs the patterns that cannot backtrack badly', () => {
    for (const pattern of SAFE) expect(isSafePattern(pattern), pattern).toBe(true);
  });

  it('judges a broken pattern at once, without hanging (it never runs: an unreadable pattern is skipped)', () => {
    for (const pattern of ['[', '[a', '[\\', '(', ')', 'a+)+', '\\', 'a{', '(?', '((']) expect(typeof isSafePattern(pattern), pattern).toBe('boolean');
  });

  it('skips an unsafe pattern, as an unreadable one: the check returns at once and fails nothing', () => {
    // Against (a+)+ this input has 2^24 paths; at 256 characters, more than the universe has time for.
    const input = `${'a'.repeat(24)}!`;
    for (const pattern of ['(a+)+', '(a|aa)+', '(.*a){12}']) {
      expect(failedValidators(input, { regularExpression: { regularExpression: pattern } })).toStrictEqual([]);
    }
    // A safe pattern still checks.
    expect(failedValidators('12a', { regularExpression: { regularExpression: '\\d+' } })).toStrictEqual(['regularExpression']);
  });
});
