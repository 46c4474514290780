// The platform's input masks: placeholders inside `{{ }}` (`9` a digit, `*` any character),
// everything else literal; literals inside the braces belong to the value (`{{99.99}}` keeps its
// dot when unmasked). `{{9999}} {{9999}}` formats a card number, `{{99}}/{{99}}` an expiry
// date. Same answers as Worldline's own MaskingUtil, except: full-width digits count as digits,
// `9` and `*` outside braces are literals, and an emoji is one character (never split in two).
import { ValidationError } from '../core/errors.js';
import { asciiDigits } from './digits.js';

type Token = { readonly literal: string; readonly inValue?: boolean } | { readonly accepts: (char: string) => boolean };

const anyChar = () => true;
const digit = (c: string) => c >= '0' && c <= '9';

function tokenize(mask: string): Token[] {
  const tokens: Token[] = [];
  const group = /\{\{(.*?)\}\}/gu;
  let at = 0;
  for (const match of mask.matchAll(group)) {
    for (const char of mask.slice(at, match.index)) tokens.push({ literal: char });
    for (const char of match[1]!) tokens.push(char === '9' ? { accepts: digit } : char === '*' ? { accepts: anyChar } : { literal: char, inValue: true });
    at = match.index + match[0].length;
  }
  for (const char of mask.slice(at)) tokens.push({ literal: char });
  return tokens;
}

function check(value: unknown, mask: unknown): void {
  if (typeof value !== 'string') throw new ValidationError('value', [{ path: '', message: 'must be a string', received: typeof value }]);
  if (mask !== undefined && typeof mask !== 'string') throw new ValidationError('mask', [{ path: '', message: 'must be a string', received: typeof mask }]);
}

/**
 * Walks `value` along the mask: a placeholder takes the next character it accepts (dropping
 * the ones it does not), a literal is copied (and consumed when typed). Stops when the value or
 * the mask runs out, so a literal is added only once something follows it (backspace works).
 */
function walk(value: string, mask: string, keepLiterals: boolean): string {
  const tokens = tokenize(mask);
  if (!tokens.some((token) => 'accepts' in token)) return value;
  const input = [...asciiDigits(value)];
  let out = '';
  let i = 0;
  for (let t = 0; t < tokens.length && i < input.length; ) {
    const token = tokens[t]!;
    const char = input[i]!;
    if ('literal' in token) {
      if (keepLiterals || token.inValue) out += token.literal;
      if (char === token.literal) i++;
      t++;
    } else if (token.accepts(char)) {
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
