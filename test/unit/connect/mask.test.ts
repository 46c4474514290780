import { describe, expect, it } from 'vitest';
import { applyMask, removeMask } from '../../../src/connect/mask.js';
import { ValidationError } from '../../../src/core/errors.js';

const CARD = '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}';
const EXPIRY = '{{99}}/{{99}}';

describe('applyMask', () => {
  it.each([
    ['4111111111111111', CARD, '4111 1111 1111 1111'],
    ['4111 1111 1111 1111', CARD, '4111 1111 1111 1111'],
    ['4111-1111-1111-1111', CARD, '4111 1111 1111 1111'],
    ['41111', CARD, '4111 1'],
    ['4111', CARD, '4111'], // no trailing literal: backspace keeps working
    ['4111 ', CARD, '4111'],
    ['4111111111111111999', CARD, '4111 1111 1111 1111 999'],
    ['41111111111111119999', CARD, '4111 1111 1111 1111 999'], // beyond the mask is dropped
    ['', CARD, ''],
    ['abc', CARD, ''],
    ['1230', EXPIRY, '12/30'],
    ['12/30', EXPIRY, '12/30'],
    ['1', EXPIRY, '1'],
    ['12', EXPIRY, '12'],
    ['123', EXPIRY, '12/3'],
    ['AB12', '{{aa}}-{{99}}', 'AB-12'],
    ['1B12', '{{aa}}-{{99}}', 'B'], // a placeholder skips what it does not accept,
    ['x9', '{{**}}', 'x9'],
    ['Łukasz', '{{aaaaaa}}', 'Łukasz'],
    ['anything', 'no placeholders', 'anything'],
  ])('applyMask(%j, %j) = %j', (value, mask, expected) => {
    expect(applyMask(value, mask)).toBe(expected);
  });
});

describe('removeMask', () => {
  it.each([
    ['4111 1111 1111 1111', CARD, '4111111111111111'],
    ['4111 1', CARD, '41111'],
    ['12/30', EXPIRY, '1230'],
    ['AB-12', '{{aa}}-{{99}}', 'AB12'],
    ['', EXPIRY, ''],
  ])('removeMask(%j, %j) = %j', (value, mask, expected) => {
    expect(removeMask(value, mask)).toBe(expected);
  });

  it('is the inverse of applyMask for digits', () => {
    for (const digits of ['4', '41111111', '4111111111111111', '1234567890123456789']) {
      expect(removeMask(applyMask(digits, CARD), CARD)).toBe(digits);
    }
  });

  it('refuses values that are not strings with a ValidationError', () => {
    expect(() => applyMask(4111 as unknown as string, CARD)).toThrow(ValidationError);
    expect(() => removeMask('1', null as unknown as string)).toThrow(ValidationError);
  });
});
