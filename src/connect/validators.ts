// The platform's field validators, checked before anything is encrypted. Each answers what
// Worldline's own client SDK answers, except for the deliberate differences in the README
// ("Connect: where Baton differs from Worldline's SDK").
import { own } from '../core/own.js';
import { ValidationError, type ValidationIssue } from '../core/errors.js';
import { asciiDigits } from './digits.js';
import { removeMask } from './mask.js';
import { isSafePattern } from './regex-safety.js';
import type { AccountOnFile, FieldValidators, PaymentProduct, PaymentProductField } from './schemas.js';
import { lookup } from '../core/lookup.js';

/** Names of the validators Baton checks; others a product declares are left to the platform. */
export type ValidatorName =
  | 'luhn'
  | 'length'
  | 'expirationDate'
  | 'regularExpression'
  | 'range'
  | 'fixedList'
  | 'emailAddress'
  | 'iban'
  | 'termsAndConditions'
  | 'residentIdNumber'
  | 'boletoBancarioRequiredness';


/**
 * The value the platform expects for a field: mask removed, trimmed, decimal digits as ASCII
 * (full-width `１２３` → `123`), and spaces/slashes stripped from `cardNumber` and `expiryDate`.
 */
export function unmaskValue(fieldId: string, value: string, mask?: string): string {
  let out = asciiDigits(removeMask(value, mask));
  // Card number and expiry date are sent without spaces and slashes whatever the mask.
  if (fieldId === 'cardNumber' || fieldId === 'expiryDate') out = out.replace(/[\s/]/g, '');
  return out;
}

/** True when `digits` (ASCII digits only) passes the Luhn (mod 10) check; all zeros fail. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0 && sum > 0;
}

/** True when `value` (MMYY or MMYYYY) is this month or later, and at most in December 25 years from now. */
export function isExpiryDateValid(value: string, now = new Date()): boolean {
  const match = /^(\d{2})(\d{2}|\d{4})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const year = Number(match[2]) + (match[2]!.length === 2 ? 2000 : 0);
  if (month < 1 || month > 12) return false;
  const thisYear = now.getFullYear();
  return year * 12 + month >= thisYear * 12 + now.getMonth() + 1 && year <= thisYear + 25;
}

/**
 * True when `value` is an IBAN (15–34 characters, separators such as spaces, dashes or dots
 * ignored) with a valid ISO 7064 mod-97 check.
 */
export function isIbanValid(value: string): boolean {
  const iban = value.replace(/\W+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const n = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (n > 9 ? 100 : 10) + n) % 97;
  }
  return remainder === 1;
}

/**
 * True when `value` is a Chinese resident identity card number: 15 digits (first generation,
 * no check digit), or 17 digits and an ISO 7064 mod 11-2 check character (`0`–`9` or `X`).
 */
export function isResidentIdNumberValid(value: string): boolean {
  if (/^\d{15}$/.test(value)) return true;
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return value[17]!.toUpperCase() === (check === 10 ? 'X' : String(check));
}

const EMAIL = /^[^\s@.]+(\.[^\s@.]+)*@([^\s@.]+\.)*[^\s@.]+\.[^\s@.]{2,}$/u;

// `rule` is the validator's own entry (`length` → `{ minLength, maxLength }`), checked by the product schema.
type Rule = (value: string, rule: any, now: Date, values: Readonly<Record<string, string>>) => boolean;

/** When each validator fails, in the order `failedValidators` reports them. A declared validator is any truthy entry. */
const FAILS: Record<ValidatorName, Rule> = {
  luhn: (value) => !isLuhnValid(value),
  // UTF-16 units, as the platform and its SDKs count (see the README).
  length: (value, { minLength, maxLength }) => (minLength !== undefined && value.length < Number(minLength)) || (maxLength !== undefined && value.length > Number(maxLength)),
  expirationDate: (value, _, now) => !isExpiryDateValid(value, now),
  regularExpression: (value, rule) => !matchesWhole(value, rule.regularExpression),
  range: (value, { minValue, maxValue }) => {
    const n = Number(value);
    return value.trim() === '' || !Number.isFinite(n) || (minValue !== undefined && n < Number(minValue)) || (maxValue !== undefined && n > Number(maxValue));
  },
  fixedList: (value, rule) => !rule.allowedValues.includes(value),
  emailAddress: (value) => !EMAIL.test(value),
  iban: (value) => !isIbanValid(value),
  termsAndConditions: (value) => value !== 'true',
  residentIdNumber: (value) => !isResidentIdNumberValid(value),
  // Brazil's Boleto Bancário: the field is required when `fiscalNumber` has this length.
  boletoBancarioRequiredness: (value, rule, _, values) => value === '' && (lookup(values, 'fiscalNumber') ?? '').length === Number(rule.fiscalNumberLength),
};

/**
 * The names of the validators `value` fails (empty when it passes). `values` are the other
 * fields' values, for validators that depend on them (`boletoBancarioRequiredness` reads
 * `fiscalNumber`).
 *
 * @example
 * failedValidators('4111111111111112', { luhn: {}, length: { minLength: 12, maxLength: 19 } }); // ['luhn']
 */
export function failedValidators(
  value: string,
  // Validators Baton does not know yet (a product's own, say) are accepted and ignored.
  validators: FieldValidators | Readonly<Record<string, unknown>>,
  now = new Date(),
  values: Readonly<Record<string, string>> = {},
): ValidatorName[] {
  // Own entries only: an inherited `luhn` or `regularExpression` (a polluted prototype) declares nothing.
  return (Object.keys(FAILS) as ValidatorName[]).filter((name) => {
    const rule = lookup(validators as Record<string, unknown>, name);
    return rule && FAILS[name](value, rule, now, values);
  });
}

function matchesWhole(value: string, pattern: string): boolean {
  // A pattern that could freeze the page is left to the platform, as an unreadable one is.
  if (!isSafePattern(pattern)) return true;
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${pattern})$`, flags).test(value);
    } catch {
      // Not a pattern this engine reads with these flags: try without `u`.
    }
  }
  return true; // A pattern this engine cannot read is left to the platform.
}

/** Options of `validateValues`. */
export interface ValidateOptions {
  /** Skip every "is required" check. Default `false`. */
  readonly skipRequired?: boolean;
  /** The account on file paid with: its stored attributes need no value, its `MUST_WRITE` ones always do. */
  readonly accountOnFile?: AccountOnFile;
  /** "Today" for `expirationDate`. Default: now. */
  readonly now?: Date;
}

/**
 * Checks `values` (already unmasked; trimmed and given ASCII digits here again) against the
 * product's fields: required fields present, and every declared validator passing. An empty
 * value is "not given": a required field reports only `is required`, an optional one nothing
 * unless the account's `MUST_WRITE` attribute or `boletoBancarioRequiredness` makes it required.
 * Returns one issue per failing field, `path` = the field id. Throws a `ValidationError` without
 * a product.
 *
 * @example
 * const issues = validateValues(product, { cardNumber: '4111111111111112' });
 * // [{ path: 'cardNumber', message: 'fails luhn' }, { path: 'expiryDate', message: 'is required' }, …]
 */
export function validateValues(
  product: Pick<PaymentProduct, 'fields'> & { readonly id?: PaymentProduct['id'] },
  values: Readonly<Record<string, string>>,
  options: ValidateOptions = {},
): ValidationIssue[] {
  // Own properties only: an inherited `skipRequired` must not skip anything.
  const { skipRequired = false, now = new Date(), accountOnFile } = own(options) as ValidateOptions;
  if (!Array.isArray(product?.fields)) throw new ValidationError('product', [{ path: 'fields', message: 'is required' }]);
  const issues: ValidationIssue[] = [];
  const clean: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string') clean[key] = asciiDigits(value.trim());
    else issues.push({ path: key, message: 'must be a string', received: typeof value });
  }
  // An account on file of another product stores nothing for this one.
  const ownAccount = accountOnFile && (product.id === undefined || Number(accountOnFile.paymentProductId) === Number(product.id));
  const status = new Map(ownAccount ? accountOnFile.attributes.map((a) => [a.key, a.status]) : []);
  for (const field of product.fields as readonly PaymentProductField[]) {
    const value = lookup(clean, field.id) ?? '';
    const { isRequired, validators } = field.dataRestrictions;
    const failed = failedValidators(value, validators, now, clean);
    if (value === '') {
      // A MUST_WRITE attribute must be typed again, whether or not the field is required.
      if (!skipRequired && (status.get(field.id) === 'MUST_WRITE' || (isRequired && !status.has(field.id)))) issues.push({ path: field.id, message: 'is required' });
      else if (failed.includes('boletoBancarioRequiredness')) issues.push({ path: field.id, message: 'fails boletoBancarioRequiredness' });
    } else if (failed.length) issues.push({ path: field.id, message: `fails ${failed.join(', ')}` });
  }
  return issues;
}
