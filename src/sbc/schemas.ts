// What SBC's merchant server is sent and answers. Built from `v.custom` and `shape` (see
// docs/architecture.md, "Schemas and bundle size").
import * as v from 'valibot';
import { hostsOption, list, optionsShape, shape, signalOption, urlInput } from '../core/options.js';

/** Final transaction statuses; `processing` and `unknown` are not final. */
export type FinalStatus = 'approved' | 'declined' | 'filtered' | 'error';
/** The final statuses, as a list typed with its values (`typeof FINAL_STATUSES[number]` is `FinalStatus`). */
export const FINAL_STATUSES = ['approved', 'declined', 'filtered', 'error'] as const satisfies readonly FinalStatus[];

/** Integer centis, as `initiateSale` and the hosted-form order want them. */
export const CENTIS_MESSAGE = 'must be positive integer centis (1.00 EUR = 100), not major units';
/** An ISO 4217 alpha code in upper case. */
export const CURRENCY = /^[A-Z]{3}$/;
export const CURRENCY_MESSAGE = 'must be three upper-case letters (ISO 4217)';

/** A string of `min` to `max` characters (by default: any non-empty string). */
const isStringOfLength = (value: unknown, min = 1, max = Infinity): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

const str = (min: number, max: number) => v.custom<string>((value) => isStringOfLength(value, min, max), `must be a string of ${min}–${max} characters`);

// NaN and ±Infinity fail the range.
const range = (limit: number) => v.custom<number>((value) => typeof value === 'number' && Math.abs(value) <= limit, `must be a number −${limit}…${limit}`);

// Prototype-free: a nested option not given reads as `undefined`, never as an inherited value.
const object = <T extends v.ObjectEntries>(entries: T) => optionsShape(entries, { message: 'must be an object' });

/** What `initiateSale` accepts: the sale, per the initiate-sale document, and where to send it. */
export const InitiateSaleInputSchema = optionsShape({
  url: urlInput('expected a URL (string or URL)'),
  allowedHosts: hostsOption,
  signal: signalOption,
  accessToken: str(32, 128),
  device: object({
    serialNumber: str(1, 50),
    imei: v.optional(str(14, 16)),
  }),
  transaction: object({
    amountCentis: v.custom<number>((value) => Number.isSafeInteger(value) && (value as number) > 0, CENTIS_MESSAGE),
    currency: v.custom<string>((value) => typeof value === 'string' && CURRENCY.test(value), CURRENCY_MESSAGE),
  }),
  location: v.optional(object({ lat: range(90), lng: range(180) })),
  ipAddresses: v.optional(list(str(7, 15), 'must be a list')),
});

// An answer that is not JSON (an HTML error page, an empty body) reads as `undefined`.
const JSON_OBJECT = 'must be a JSON object';
const token = v.custom<string>((value) => isStringOfLength(value), 'must be a non-empty string');
// A string or a safe integer; `initiateSale` returns it as a string.
const id = v.custom<string | number>((value) => isStringOfLength(value) || Number.isSafeInteger(value), 'must be a non-empty string');

/** The merchant server's success answer to initiate sale. */
export const InitiateSaleSuccessSchema = shape(
  {
    endpointId: id,
    invoiceId: id,
    session: object({ nonce: token, signature: token }),
  },
  { message: JSON_OBJECT },
);

/** A failure answer: `{ error: { cause, code, message } }`. Unknown causes are kept. */
export const InitiateSaleFailureSchema = shape({
  error: shape({
    cause: token,
    code: v.optional(v.custom<string | number>((value) => typeof value === 'string' || Number.isFinite(value), 'must be a string or a number'), ''),
    message: v.optional(v.custom<string>((value) => typeof value === 'string', 'must be a string'), ''),
  }),
});

/**
 * The merchant server's view of an order, as `awaitFinalStatus` reads it. Extra fields are kept;
 * `orderId` is kept as sent (null, '' or a number too): only `status` decides.
 */
export const StatusAnswerSchema = shape(
  {
    // `awaitFinalStatus` compares it trimmed and in lower case.
    status: v.custom<string>((value) => typeof value === 'string' && value.trim() !== '', 'must be a non-empty string'),
  },
  { message: JSON_OBJECT },
);
