// The text shown under a field that fails its checks: one rule for every Connect form (the
// payment form and a SHOW_FORM action), so a translator's texts mean the same everywhere.
import { fill } from '../core/messages.js';
import { lookup } from '../core/lookup.js';
import type { PaymentProductField } from './schemas.js';
import { failedValidators } from './validators.js';

/** The texts a field error is made of. Placeholder: `{label}`, the field's label. */
export interface FieldErrorMessages {
  readonly required: string;
  /** A value that fails a validator without its own text (`length`, `regularExpression`, …). */
  readonly invalid: string;
  readonly luhn: string;
  readonly expirationDate: string;
}

/** Why `value` (unmasked, known to fail) is refused: empty is "required", else the first failed validator with a text of its own, else "invalid". */
export function fieldError(messages: FieldErrorMessages, field: PaymentProductField, label: string, value: string): string {
  if (!value) return fill(messages.required, { label });
  const named = failedValidators(value, field.dataRestrictions.validators).find((name) => lookup(messages as unknown as Record<string, string>, name) !== undefined);
  return fill(named ? (messages as unknown as Record<string, string>)[named]! : messages.invalid, { label });
}
