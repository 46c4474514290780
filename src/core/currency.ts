// Amounts in minor units (what Worldline's `amount` and most payment APIs carry) per ISO 4217's
// exponent: JPY has none, KWD three. Intl's own digits follow CLDR, which differs from ISO 4217
// for some currencies (IDR, ISK, …), so the exponent comes from this table, not from Intl.
import { lookup } from './lookup.js';

/** ISO 4217 currencies whose minor unit is not 2 (list one, 2024-06 amendment 177). */
const EXPONENTS: Readonly<Record<string, number>> = {
  ...Object.fromEntries('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0])),
  ...Object.fromEntries('BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

/** The ISO 4217 exponent of `currency` (`'JPY'` → 0, `'EUR'` → 2, `'KWD'` → 3). */
export const currencyExponent = (currency: string): number => lookup(EXPONENTS, currency) ?? 2;

/**
 * `amount` minor units as a decimal string in the currency's major unit, exact (no floating
 * point): `toMajorUnits(1000, 'EUR')` → `'10.00'`, `(1000, 'JPY')` → `'1000'`, `(1000, 'KWD')` → `'1.000'`.
 */
export function toMajorUnits(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(Math.trunc(amount))).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return `${amount < 0 ? '-' : ''}${whole}${exponent ? `.${digits.slice(-exponent)}` : ''}`;
}

/** `amount` minor units of `currency` for people, in `locale` (`undefined`: the browser's). */
export function formatAmount(amount: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(
    Number(toMajorUnits(amount, currency)),
  );
}

/** A Connect locale (`en_GB`) as a BCP 47 tag (`en-GB`) for Intl; `undefined` stays. */
export const bcp47 = (locale: string | undefined): string | undefined => locale?.replace(/_/g, '-');
