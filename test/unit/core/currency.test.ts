// ISO 4217 exponents and exact minor-to-major conversion (what wallets and the form's "Pay" show).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, formatAmount, toMajorUnits } from '../../../src/core/currency.js';

describe('currency amounts', () => {
  it('uses ISO 4217 exponents: JPY 0, EUR 2, KWD 3, CLF 4 (where Intl/CLDR would say otherwise too)', () => {
    expect(['JPY', 'KRW', 'ISK', 'EUR', 'USD', 'IDR', 'KWD', 'BHD', 'TND', 'CLF'].map(currencyExponent)).toEqual([0, 0, 0, 2, 2, 2, 3, 3, 3, 4]);
    expect(toMajorUnits(1000, 'EUR')).toBe('10.00');
    expect(toMajorUnits(1000, 'JPY')).toBe('1000');
    expect(toMajorUnits(1000, 'KWD')).toBe('1.000');
    expect(toMajorUnits(5, 'EUR')).toBe('0.05');
    expect(toMajorUnits(0, 'KWD')).toBe('0.000');
    expect(toMajorUnits(-1234, 'EUR')).toBe('-12.34');
  });

  it('converts exactly: the decimal string times 10^exponent is the minor amount, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        const text = toMajorUnits(amount, currency);
        expect(BigInt(text.replace('.', ''))).toBe(BigInt(amount));
        expect(text.split('.')[1]?.length ?? 0).toBe(currencyExponent(currency));
      }),
    );
  });

  it('formats for people with Intl in the locale given', () => {
    expect(formatAmount(1000, 'EUR', 'en-GB')).toBe('€10.00');
    expect(formatAmount(1000, 'EUR', 'de-DE')).toBe('10,00\u00a0€');
    expect(formatAmount(1000, 'JPY', 'en-US')).toBe('¥1,000');
    expect(formatAmount(1000, 'KWD', 'en-GB')).toBe('KWD\u00a01.000');
  });
});
