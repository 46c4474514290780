// What the Google Pay and Apple Pay requests share: the amount in the currency's ISO 4217 major
// unit (JPY 1000 → "1000", EUR 1000 → "10.00", KWD 1000 → "1.000"; Worldline's example divides by
// 100 for every currency), the product's own wallet data, and options read once, as own properties.
import * as v from 'valibot';
import { toMajorUnits } from '../core/currency.js';
import { ValidationError, type ValidationIssue } from '../core/errors.js';
import { urlInput } from '../core/options.js';

const check = <T>(test: (value: unknown) => boolean, message: string) => v.custom<T>(test, message);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
export const Text = check<string>(isText, 'must be a non-empty string');
const Country = check<string>((value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value), 'must be an ISO 3166-1 alpha-2 code such as NL');
const Texts = (message: string) => check<string[]>((value) => Array.isArray(value) && value.length > 0 && value.every(isText), message);

/** The options both wallets take: the amount, and where and how their script is loaded. */
const walletEntries = {
  amount: check<number>((value) => Number.isSafeInteger(value) && (value as number) >= 0, 'must be a whole number of minor units (1000 is EUR 10.00 or JPY 1000)'),
  currencyCode: check<string>((value) => typeof value === 'string' && /^[A-Z]{3}$/.test(value), 'must be an ISO 4217 code such as EUR'),
  countryCode: v.optional(Country),
  scriptUrl: v.optional(urlInput()),
  allowedHosts: v.optional(Texts('must be a list of host names')),
  nonce: v.optional(Text),
};

/** The amount and where its script comes from, as every wallet helper takes them. */
export interface WalletOptions {
  /** Integer minor units, as Connect's `amount` (JPY 1000 is ¥1000, EUR 1000 is €10.00, KWD 1000 is 1.000 KD). */
  readonly amount: number;
  /** ISO 4217, e.g. `EUR`. */
  readonly currencyCode: string;
  /** ISO 3166-1 alpha-2. Used when the product has no `acquirerCountry` (which wins, as in Worldline's SDK). */
  readonly countryCode?: string;
  /** The wallet's script (default: the wallet's own URL); for a test double or a proxy. */
  readonly scriptUrl?: string | URL;
  /** Hosts `scriptUrl` may be on. Default: the wallet's own host. */
  readonly allowedHosts?: readonly string[];
  /** The CSP nonce for the script element, when your `script-src` uses nonces. */
  readonly nonce?: string;
}

type Output<T extends v.ObjectEntries> = { [K in keyof T]: v.InferOutput<T[K]> };

/**
 * Each key of `entries` read once from `value`, and only if it is `value`'s own property (a value
 * on a polluted `Object.prototype`, or a getter answering twice, is never what is checked and
 * used), into an object without a prototype. Issues carry `prefix` + the key as their path.
 */
function readOwn<T extends v.ObjectEntries>(entries: T, value: unknown, issues: ValidationIssue[], prefix = ''): Output<T> {
  const out = Object.create(null) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null) issues.push({ path: prefix.slice(0, -1), message: 'expected an object' });
  else
    for (const key of Object.keys(entries)) {
      const result = v.safeParse(entries[key]!, Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
      if (result.success) out[key] = result.output;
      else issues.push({ path: prefix + key, message: result.issues[0].message });
    }
  return out as Output<T>;
}

function done<T>(out: T, issues: ValidationIssue[], what: string): T {
  if (issues.length) throw new ValidationError(what, issues);
  return out;
}

/** `options` read once, own properties only (`ValidationError` naming each bad option); the major-unit amount as `total`. */
export function readWalletOptions<const T extends v.ObjectEntries>(entries: T, options: unknown, what: string) {
  const issues: ValidationIssue[] = [];
  const read = readOwn({ ...walletEntries, ...entries }, options, issues);
  return done(Object.assign(read, { total: issues.length ? '' : toMajorUnits(read.amount, read.currencyCode) }), issues, what);
}

/**
 * The product's wallet data (`paymentProduct320SpecificData` / `302`), read as own properties
 * only: the id must be `id`, the networks a non-empty list.
 */
export function readWalletProduct<const T extends v.ObjectEntries>(product: unknown, id: 320 | 302, specific: T, what: string) {
  const key = `paymentProduct${id}SpecificData`;
  const issues: ValidationIssue[] = [];
  const read = readOwn(
    { id: check<number>((value) => Number(value) === id, `must be ${id}`), acquirerCountry: v.optional(Country), [key]: v.unknown() },
    product,
    issues,
  );
  const data = readOwn({ networks: Texts('must list at least one network'), ...specific }, read[key], issues, `${key}.`);
  return done({ acquirerCountry: read.acquirerCountry, data }, issues, what);
}
