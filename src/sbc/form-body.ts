// The order `startHostedForm` posts: serialised once, checked as serialised, sent as checked.
import { ValidationError, type ValidationIssue } from '../core/errors.js';
import { assertNoSecrets } from '../core/secrets.js';
import { checkObject } from '../core/options.js';
import { kindOf } from '../core/own.js';
import { CENTIS_MESSAGE, CURRENCY, CURRENCY_MESSAGE } from './schemas.js';

/** What `startHostedForm` accepts as the order. */
export type HostedFormBody = Record<string, string | number | boolean | undefined> | URLSearchParams;

const CENTIS = /^[1-9]\d{0,15}$/;

/**
 * Serialises `body` to the urlencoded pairs that will be sent and checks those pairs: every
 * `amountCentis` an integer number of centis (as `initiateSale` wants it, `1042` for 10.42),
 * every `currency` three upper-case letters (ISO 4217), no merchant secret. Key spellings such as
 * `amount_centis` or `order[amountCentis]` count too. Throws `ValidationError` or `SecretError`.
 */
export function serializeFormBody(body: unknown, what: string): URLSearchParams {
  const params = new URLSearchParams();
  if (body instanceof URLSearchParams) {
    // A copy: a subclass or a later change to the caller's object cannot alter what was checked.
    try {
      for (const [key, value] of URLSearchParams.prototype.entries.call(body)) params.append(key, value);
    } catch {
      throw new ValidationError(what, [{ path: '', message: 'expected a plain URLSearchParams' }]);
    }
  } else {
    for (const [key, value] of Object.entries(checkObject(body, what))) {
      if (value === undefined) continue;
      if (value === null || typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') {
        throw new ValidationError(what, [{ path: key, message: 'expected a string, number or boolean', received: kindOf(value) }]);
      }
      params.append(key, String(value));
    }
  }
  const issues: ValidationIssue[] = [];
  for (const [key, value] of params) {
    const name = lastSegment(key);
    if (name === 'amountcentis' && !(CENTIS.test(value) && Number.isSafeInteger(Number(value)))) {
      issues.push({ path: key, message: CENTIS_MESSAGE, received: value.slice(0, 32) });
    } else if (name === 'currency' && !CURRENCY.test(value)) {
      issues.push({ path: key, message: CURRENCY_MESSAGE, received: value.slice(0, 32) });
    }
  }
  if (issues.length) throw new ValidationError(what, issues);
  assertNoSecrets(params, what);
  return params;
}

/** `order[amount_centis]` → `amountcentis`: the last name segment, lower case, without `-`/`_`. */
function lastSegment(key: string): string {
  const parts = key.split(/[[\].]+/).filter(Boolean);
  return (parts[parts.length - 1] ?? '').toLowerCase().replace(/[-_\s]/g, '');
}
