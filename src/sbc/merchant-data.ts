import { SecretError, ValidationError, type ValidationIssue } from '../core/errors.js';
import { isSecretKey } from '../core/secrets.js';
import { checkObject } from '../core/options.js';

const ALNUM = /^[a-zA-Z0-9]*$/;
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * Encodes `merchant_form_data` the way the preauth-form document shows it: names and values of
 * `[a-zA-Z0-9]` only, joined with `=` and `&`, then url-encoded (`theme%3Dlight%26lang%3Den`),
 * at most 2 MB. Anything else throws a `ValidationError` listing every bad entry.
 * The hosted form sees each pair as the macro `$MFD_<name>`.
 *
 * @example
 * sbc.encodeMerchantFormData({ testparam: 'test1', mynewparam: 'test2' });
 * // → 'testparam%3Dtest1%26mynewparam%3Dtest2'
 */
export function encodeMerchantFormData(record: Readonly<Record<string, string | number>>): string {
  checkObject(record, 'merchant form data');
  const issues: ValidationIssue[] = [];
  const pairs: string[] = [];
  for (const [name, raw] of Object.entries(record)) {
    // The gateway decodes these pairs into names: a secret's name is refused here as anywhere.
    if (isSecretKey(name)) throw new SecretError(`merchant_form_data.${name}`);
    const value = Number.isSafeInteger(raw) && (raw as number) >= 0 ? String(raw) : raw;
    if (name === '' || !ALNUM.test(name)) issues.push({ path: name, message: 'names may hold only a-z, A-Z, 0-9', received: name.slice(0, 50) });
    if (typeof value !== 'string') issues.push({ path: name, message: 'values must be strings (or non-negative integers)' });
    else if (!ALNUM.test(value)) issues.push({ path: name, message: 'values may hold only a-z, A-Z, 0-9', received: value.slice(0, 50) });
    else pairs.push(`${name}=${value}`);
  }
  if (issues.length) throw new ValidationError('merchant form data', issues);
  const encoded = encodeURIComponent(pairs.join('&'));
  if (encoded.length > MAX_BYTES) {
    throw new ValidationError('merchant form data', [{ path: '', message: `must be at most 2 MB encoded (is ${encoded.length} bytes)` }]);
  }
  return encoded;
}
