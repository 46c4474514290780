// The platform's input masks: literal characters outside `{{ }}`, placeholders inside
// (`9` a digit, `a` a letter, `*` or anything else any character). `{{9999}} {{9999}}` formats
// a card number, `{{99}}/{{99}}` an expiry date.
import { ValidationError } from '../core/errors.js';

type Token = { readonly literal: string } | { readonly accepts: (char: string) => boolean };

const DIGIT = /^\p{Nd}$/u;
const LETTER = /^\p{L}$/u;

function placeholder(char: string): Token {
  if (char === '9') return { accepts: (c) => DIGIT.test(c) };
  if (char === 'a') return { accepts: (c) => LETTER.test(c) };
  return { accepts: () => true };
}

function tokenize(mask: string): Token[] {
  if (typeof mask !== 'string') throw new ValidationError('mask', [{ path: '', message: 'must be a string', received: typeof mask }]);
  const tokens: Token[] = [];
  const group = /\{\{(.*?)\}\}/gu;
  let at = 0;
  for (const match of mask.matchAll(group)) {
    for (const char of mask.slice(at, match.index)) tokens.push({ literal: char });
    for (const char of match[1]!) tokens.push(placeholder(char));
    at = match.index + match[0].length;
  }
  for (const char of mask.slice(at)) tokens.push({ literal: char });
  return tokens;
}

function walk(value: string, mask: string, keepLiterals: boolean): string {
  if (typeof value !== 'string') throw new ValidationError('value', [{ path: '', message: 'must be a string', received: typeof value }]);
  const tokens = tokenize(mask);
  if (!tokens.some((token) => 'accepts' in token)) return value;
  const input = [...value];
  let out = '';
  // Trailing literals are dropped: they appear once something follows them, so backspace works.
  let kept = 0;
  let i = 0;
  for (const token of tokens) {
    if (i >= input.length) break;
    if ('literal' in token) {
      if (keepLiterals) out += token.literal;
      if (input[i] === token.literal) i++;
      continue;
    }
    while (i < input.length && !token.accepts(input[i]!)) i++;
    if (i < input.length) {
      out += input[i++];
      kept = out.length;
    }
  }
  return out.slice(0, kept);
}

/**
 * Formats `value` with a Connect mask, dropping characters a placeholder does not accept and
 * anything beyond the mask.
 *
 * @example
 * applyMask('4111111111111111', '{{9999}} {{9999}} {{9999}} {{9999}}'); // '4111 1111 1111 1111'
 * applyMask('1230', '{{99}}/{{99}}'); // '12/30'
 */
export function applyMask(value: string, mask: string): string {
  return walk(value, mask, true);
}

/**
 * The value without the mask's literal characters — what the platform expects.
 *
 * @example
 * removeMask('4111 1111 1111 1111', '{{9999}} {{9999}} {{9999}} {{9999}}'); // '4111111111111111'
 */
export function removeMask(value: string, mask: string): string {
  return walk(value, mask, false);
}
