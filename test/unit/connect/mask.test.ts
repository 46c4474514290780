import { describe, expect, it } from 'vitest';
import { applyMask, removeMask } from '../../../src/connect/mask.js';
import { ValidationError } from '../../../src/core/errors.js';

const CARD = '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}';
const EXPIRY = '{{99}}/{{99}}';

// Inputs and answers of Worldline's connect-sdk-client-js MaskingUtil tests
// (src/__tests__/unit/MaskingUtil.test.ts), written against Baton's API.
describe("Worldline's MaskingUtil cases", () => {
  const expiry = '{{99}}-{{99}}';
  const card: Array<[string, string]> = [
    ['1', '1'], ['12', '12'], ['123', '123'], ['1234', '1234'], ['12345', '1234 5'], ['123456', '1234 56'],
    ['1234567', '1234 567'], ['12345678', '1234 5678'], ['123456789', '1234 5678 9'], ['1234567890', '1234 5678 90'],
    ['12345678901', '1234 5678 901'], ['123456789012', '1234 5678 9012'], ['1234567890123', '1234 5678 9012 3'],
    ['12345678901234', '1234 5678 9012 34'], ['123456789012345', '1234 5678 9012 345'], ['1234567890123456', '1234 5678 9012 3456'],
    ['12345678901234567', '1234 5678 9012 3456 7'], ['123456789012345678', '1234 5678 9012 3456 78'],
    ['1234567890123456789', '1234 5678 9012 3456 789'], ['12345678901234567890', '1234 5678 9012 3456 789'],
  ];

  it.each([['1', '1'], ['12', '12'], ['123', '12-3'], ['1234', '12-34'], ['12345', '12-34']])('expiry: applyMask(%j) = %j', (value, masked) => {
    expect(applyMask(value, expiry)).toBe(masked);
  });
  it.each(card)('card: applyMask(%j) = %j', (value, masked) => {
    expect(applyMask(value, CARD)).toBe(masked);
  });
  it.each(['1', '12', '123', '1234', '12345'])('no mask: applyMask(%j, undefined) is the value', (value) => {
    expect(applyMask(value, undefined)).toBe(value);
  });

  it.each([['1', '1'], ['12', '12'], ['12-3', '123'], ['12-34', '1234'], ['12-345', '1234']])('expiry: removeMask(%j) = %j', (masked, value) => {
    expect(removeMask(masked, expiry)).toBe(value);
  });
  it.each([...card.map(([value, masked]) => [masked, value.slice(0, 19)]), ['1234 5678 9012 3456 7890', '1234567890123456789']])(
    'card: removeMask(%j) = %j',
    (masked, value) => {
      expect(removeMask(masked!, CARD)).toBe(value);
    },
  );
  it.each([['1', '1'], ['12', '12'], ['12-3', '12-3'], ['12-34', '12-34'], ['12-345', '12-345']])('no mask: removeMask(%j, undefined) = %j', (masked, value) => {
    expect(removeMask(masked, undefined)).toBe(value);
  });
});

describe('applyMask', () => {
  it.each([
    ['4111111111111111', CARD, '4111 1111 1111 1111'],
    ['4111 1111 1111 1111', CARD, '4111 1111 1111 1111'],
    ['4111-1111-1111-1111', CARD, '4111 1111 1111 1111'],
    ['41111', CARD, '4111 1'],
    ['4111', CARD, '4111'], // a literal is added once something follows it, so backspace works
    ['4111 ', CARD, '4111 '], // a literal the customer typed stays
    ['4111111111111111999', CARD, '4111 1111 1111 1111 999'],
    ['41111111111111119999', CARD, '4111 1111 1111 1111 999'], // beyond the mask is dropped
    ['', CARD, ''],
    ['abc', CARD, ''],
    ['1230', EXPIRY, '12/30'],
    ['12/30', EXPIRY, '12/30'],
    ['1', EXPIRY, '1'],
    ['12', EXPIRY, '12'],
    ['123', EXPIRY, '12/3'],
    ['12a', EXPIRY, '12/'], // as Worldline's: the literal is written before the rejected "a" is dropped
    ['x9', '{{**}}', 'x9'],
    ['Łukasz', '{{******}}', 'Łukasz'],
    ['🙂🙂', '{{*}}', '🙂'], // a character is a code point: an emoji is never cut in half
    ['ab12', '{{ab99}}', 'ab12'], // inside braces only 9 and * are placeholders
    ['12', '9{{9}}', '91'], // outside braces 9 is a literal
    ['anything', 'no placeholders', 'anything'],
  ])('applyMask(%j, %j) = %j', (value, mask, expected) => {
    expect(applyMask(value, mask)).toBe(expected);
  });

  it.each([
    ['４１１１１１１１１１１１１１１１', CARD, '4111 1111 1111 1111'], // full-width (IME) digits
    ['１２３０', EXPIRY, '12/30'],
    ['𝟏𝟐𝟑𝟎', EXPIRY, '12/30'], // mathematical bold digits
    ['١٢٣٠', EXPIRY, ''], // Arabic-Indic digits have no ASCII form: refused
  ])('turns decimal digits NFKC maps to ASCII into ASCII: applyMask(%j, %j) = %j', (value, mask, expected) => {
    expect(applyMask(value, mask)).toBe(expected);
  });
});

describe('removeMask', () => {
  it.each([
    ['4111 1111 1111 1111', CARD, '4111111111111111'],
    ['4111 1', CARD, '41111'],
    ['12/30', EXPIRY, '1230'],
    ['１２/３０', EXPIRY, '1230'],
    ['', EXPIRY, ''],
    [' ab ', '{{****}}', 'ab'], // trimmed, as Worldline's
    ['12.34', '{{99.99}}', '12.34'], // a literal inside the braces is part of the value
    ['1234', '€ {{99.99}}', '12.34'],
    ['  jan@voorbeeld.nl ', undefined, 'jan@voorbeeld.nl'],
  ])('removeMask(%j, %j) = %j', (value, mask, expected) => {
    expect(removeMask(value, mask)).toBe(expected);
  });

  it('is the inverse of applyMask for digits', () => {
    for (const digits of ['4', '41111111', '4111111111111111', '1234567890123456789']) {
      expect(removeMask(applyMask(digits, CARD), CARD)).toBe(digits);
    }
  });

  it('refuses values or masks that are not strings with a ValidationError', () => {
    expect(() => applyMask(4111 as unknown as string, CARD)).toThrow(ValidationError);
    expect(() => removeMask('1', null as unknown as string)).toThrow(ValidationError);
    expect(() => applyMask('1', 99 as unknown as string)).toThrow(ValidationError);
  });
});
