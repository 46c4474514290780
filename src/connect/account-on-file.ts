// Accounts on file (stored cards) as a customer sees them: each stored value through its mask, as
// Worldline's client SDK shows them (connect-sdk-client-js 6.0.5: `AccountOnFile.
// getMaskedValueByAttributeKey` masks with the label template's `wildcardMask`, the mask with every
// `9` made `*`, so that a stored value with `*` or `X` in place of digits still shows).
import * as v from 'valibot';
import { list, shape, text } from '../core/options.js';
import { applyMask } from './mask.js';
import type { AccountOnFile } from './schemas.js';

/**
 * An account's `displayHints` (`AccountOnFileDisplayHintsJSON`: `labelTemplate`, the attributes
 * that name the account with their masks, and the `logo` under the session's asset URL).
 */
export interface AccountOnFileDisplayHints {
  /** The attributes that name the account (e.g. `cardNumber`), each with the mask it is shown through. */
  readonly labelTemplate?: readonly { readonly attributeKey: string; readonly mask?: string }[];
  /** The account's logo, a path under the session's asset URL. */
  readonly logo?: string;
}

// Core's `shape`, `list` and `text`: own keys only, and no valibot object/array/string functions in the bundle.
const DisplayHintsSchema = shape({
  labelTemplate: v.optional(list(shape({ attributeKey: text(), mask: v.optional(text()) }))),
  logo: v.optional(text()),
});

/** The account's display hints; hints the schema refuses show as none (the values still show, unmasked). */
export function displayHintsOf(account: AccountOnFile): AccountOnFileDisplayHints {
  const result = v.safeParse(DisplayHintsSchema, (account as { displayHints?: unknown }).displayHints);
  return result.success ? (result.output as AccountOnFileDisplayHints) : {};
}

/** `mask` with its `9` placeholders made `*` (any character): how stored values are shown. */
export const wildcardMask = (mask: string) => mask.replace(/\{\{(.*?)\}\}/g, (group) => group.replace(/9/g, '*'));

/**
 * The stored value of `key`, shown through the label template's mask for it (else `fieldMask`,
 * the product field's own), wildcarded. `''` when the account stores no value for `key`.
 *
 * @example
 * maskedAttribute(account, 'cardNumber'); // '**** **** **** 1111' (stored '************1111', mask '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}')
 */
export function maskedAttribute(account: AccountOnFile, key: string, fieldMask?: string): string {
  const value = account.attributes.find((attribute) => attribute.key === key)?.value ?? '';
  const mask = displayHintsOf(account).labelTemplate?.find((element) => element.attributeKey === key)?.mask ?? fieldMask;
  return mask && value ? applyMask(value, wildcardMask(mask)) : value;
}

/** The account's name for a customer: its label template's values, masked, in order (e.g. `'**** **** **** 1111'`). */
export function accountLabel(account: AccountOnFile): string {
  return (displayHintsOf(account).labelTemplate ?? [])
    .map((element) => maskedAttribute(account, element.attributeKey))
    .filter(Boolean)
    .join(' ');
}
