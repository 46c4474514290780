// The platform's field validators, checked before anything is encrypted.
import type { ValidationIssue } from '../core/errors.js';
import { removeMask } from './mask.js';
import type { FieldValidators, PaymentProduct, PaymentProductField } from './schemas.js';

/** Names of the validators Baton checks; others a product declares are left to the platform. */
export type ValidatorName =
  | 'luhn' | 'length' | 'expirationDate' | 'regularExpression' | 'range' | 'fixedList' | 'emailAddress' | 'iban' | 'termsAndConditions';

/** Card number and expiry date are sent without spaces and slashes whatever the mask. */
const STRIPPED = new Set(['cardNumber', 'expiryDate']);

/** The value the platform expects for `field`: mask removed, spaces/slashes stripped where documented. */
export function unmaskValue(fieldId: string, value: string, mask?: string): string {
  let out = mask ? removeMask(value, mask) : value;
  if (STRIPPED.has(fieldId)) out = out.replace(/[\s/]/g, '');
  return out;
}

/** True when `digits` passes the Luhn (mod 10) check. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** True when `value` (MMYY or MMYYYY) is this month or later and at most 25 years ahead. */
export function isExpiryDateValid(value: string, now = new Date()): boolean {
  const match = /^(\d{2})(\d{2}|\d{4})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return false;
  const months = year * 12 + month - (now.getFullYear() * 12 + now.getMonth() + 1);
  return months >= 0 && months <= 25 * 12;
}

/** True when `value` is an IBAN with a valid ISO 7064 mod-97 check. */
export function isIbanValid(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const n = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (n > 9 ? 100 : 10) + n) % 97;
  }
  return remainder === 1;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The names of the validators `value` fails (empty when it passes). */
export function failedValidators(value: string, validators: FieldValidators, now = new Date()): ValidatorName[] {
  const failed: ValidatorName[] = [];
  const { length, range, regularExpression, fixedList } = validators;
  if (validators.luhn && !isLuhnValid(value)) failed.push('luhn');
  if (length) {
    const size = [...value].length;
    if ((length.minLength !== undefined && size < length.minLength) || (length.maxLength !== undefined && size > length.maxLength)) failed.push('length');
  }
  if (validators.expirationDate && !isExpiryDateValid(value, now)) failed.push('expirationDate');
  if (regularExpression && !matchesWhole(value, regularExpression.regularExpression)) failed.push('regularExpression');
  if (range) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || (range.minValue !== undefined && n < range.minValue) || (range.maxValue !== undefined && n > range.maxValue)) failed.push('range');
  }
  if (fixedList && !fixedList.allowedValues.includes(value)) failed.push('fixedList');
  if (validators.emailAddress && !EMAIL.test(value)) failed.push('emailAddress');
  if (validators.iban && !isIbanValid(value)) failed.push('iban');
  if (validators.termsAndConditions && value !== 'true') failed.push('termsAndConditions');
  return failed;
}

function matchesWhole(value: string, pattern: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`).test(value);
    } catch {
      return true; // A pattern this engine cannot read is left to the platform.
    }
  }
}

/**
 * Checks `values` (already unmasked) against the product's fields: required fields present, and
 * every declared validator passing. Returns one issue per failing field, `path` = the field id.
 *
 * @example
 * const issues = validateValues(product, { cardNumber: '4111111111111112' });
 * // [{ path: 'cardNumber', message: 'fails luhn' }, { path: 'expiryDate', message: 'is required' }, …]
 */
export function validateValues(
  product: Pick<PaymentProduct, 'fields'>,
  values: Readonly<Record<string, string>>,
  { skipRequired = false, now = new Date() }: { skipRequired?: boolean; now?: Date } = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of product.fields as readonly PaymentProductField[]) {
    const value = values[field.id];
    const { isRequired, validators } = field.dataRestrictions;
    if (value === undefined || value === '') {
      if (isRequired && !skipRequired) issues.push({ path: field.id, message: 'is required' });
      continue;
    }
    const failed = failedValidators(value, validators, now);
    if (failed.length) issues.push({ path: field.id, message: `fails ${failed.join(', ')}` });
  }
  return issues;
}
