// The platform's input masks: placeholders inside `{{ }}` (`9` a digit, `*` any character),
// everything else literal; literals inside the braces belong to the value (`{{99.99}}` keeps its
// dot when unmasked). `{{9999}} {{9999}}` formats a card number, `{{99}}/{{99}}` an expiry
// date. Same answers as Worldline's own MaskingUtil, except: full-width digits count as digits,
// `9` and `*` outside braces are literals, and an emoji is one character (never split in two).
import { ValidationError } from '../core/errors.js';
import { asciiDigits } from './digits.js';

/** A mask character, and whether it sits inside `{{ }}` (where `9` and `*` are placeholders). */
type Token = readonly [char: string, inGroup: boolean];

function check(value: unknown, mask: unknown): void {
  for (const [what, given] of [['value', value], ['mask', mask === undefined ? '' : mask]] as const) {
    if (typeof given !== 'string') throw new ValidationError(what, [{ path: '', message: 'must be a string', received: typeof given }]);
  }
}

/**
 * Walks `value` along the mask: a placeholder takes the next character it accepts (dropping
 * the ones it does not), a literal is copied (and consumed when typed). Stops when the value or
 * the mask runs out, so a literal is added only once something follows it (backspace works).
 */
function walk(value: string, mask: string, keepLiterals: boolean): string {
  // `split` with a capture group: the groups' contents sit at the odd indices.
  const tokens = mask.split(/\{\{(.*?)\}\}/u).flatMap((part, index) => [...part].map((char): Token => [char, index % 2 === 1]));
  const isPlaceholder = ([char, inGroup]: Token) => inGroup && (char === '9' || char === '*');
  if (!tokens.some(isPlaceholder)) return value;
  const input = [...asciiDigits(value)];
  let out = '';
  let i = 0;
  for (let t = 0; t < tokens.length && i < input.length; ) {
    const token = tokens[t]!;
    const [literal, inGroup] = token;
    const char = input[i]!;
    if (!isPlaceholder(token)) {
      if (keepLiterals || inGroup) out += literal;
      if (char === literal) i++;
      t++;
    } else if (literal === '*' || (char >= '0' && char <= '9')) {
      out += char;
      i++;
      t++;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Formats `value` with a Connect mask, dropping characters a placeholder does not accept and
 * anything beyond the mask. Without a mask, returns `value` as it is.
 *
 * @example
 * applyMask('4111111111111111', '{{9999}} {{9999}} {{9999}} {{9999}}'); // '4111 1111 1111 1111'
 * applyMask('1230', '{{99}}/{{99}}'); // '12/30'
 * applyMask('１２３０', '{{99}}/{{99}}'); // '12/30' (full-width digits become ASCII)
 */
export function applyMask(value: string, mask?: string): string {
  check(value, mask);
  return mask ? walk(value, mask, true) : value;
}

/**
 * The value without the mask's literal characters, trimmed — what the platform expects.
 * Without a mask, `value` trimmed.
 *
 * @example
 * removeMask('4111 1111 1111 1111', '{{9999}} {{9999}} {{9999}} {{9999}}'); // '4111111111111111'
 */
export function removeMask(value: string, mask?: string): string {
  check(value, mask);
  return (mask ? walk(value, mask, false) : value).trim();
}
