import * as v from 'valibot';

const FINAL = ['approved', 'declined', 'filtered', 'error'] as const;
/** Final transaction statuses; `processing` and `unknown` are not final. */
export type FinalStatus = (typeof FINAL)[number];
export const FINAL_STATUSES: readonly string[] = FINAL;

const str = (min: number, max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.minLength(min, `must be ${min}–${max} characters`),
    v.maxLength(max, `must be ${min}–${max} characters`),
  );

// v.number refuses NaN; ±Infinity fails the range.
const range = (limit: number) =>
  v.pipe(v.number('must be a number'), v.minValue(-limit, `must be −${limit}…${limit}`), v.maxValue(limit, `must be −${limit}…${limit}`));

/** What `initiateSale` accepts (besides `url` and `signal`), per the initiate-sale document. */
export const InitiateSaleInput = v.object({
  accessToken: str(32, 128),
  device: v.object({
    serialNumber: str(1, 50),
    imei: v.optional(str(14, 16)),
  }, 'must be an object'),
  transaction: v.object({
    amountCentis: v.pipe(
      v.number('must be a number of centis'),
      v.integer('must be an integer number of centis (1.00 EUR = 100), not major units'),
      v.minValue(1, 'must be positive'),
      v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
    ),
    currency: v.pipe(v.string('must be a string'), v.regex(/^[A-Z]{3}$/, 'must be three upper-case letters (ISO 4217)')),
  }, 'must be an object'),
  location: v.optional(
    v.object({
      lat: range(90),
      lng: range(180),
    }, 'must be an object'),
  ),
  ipAddresses: v.optional(v.array(str(7, 15), 'must be a list')),
});

const id = v.pipe(
  v.custom<string | number>((value) => typeof value === 'string' || Number.isSafeInteger(value), 'must be a string'),
  v.transform(String),
  v.minLength(1, 'must not be empty'),
);
const token = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'));

/** The merchant server's success answer to initiate sale. */
export const InitiateSaleSuccess = v.object({
  endpointId: id,
  invoiceId: id,
  session: v.object({ nonce: token, signature: token }, 'must be an object'),
});

/** A failure answer: `{ error: { cause, code, message } }`. Unknown causes are kept. */
export const InitiateSaleFailure = v.object({
  error: v.object({
    cause: v.pipe(v.string(), v.minLength(1)),
    code: v.optional(v.custom<string | number>((value) => typeof value === 'string' || Number.isFinite(value), 'must be a string or a number'), ''),
    message: v.optional(v.string(), ''),
  }),
});

/**
 * The merchant server's view of an order, as `awaitFinalStatus` reads it. Extra fields are kept;
 * `orderId` is kept as sent (null, '' or a number too): only `status` decides.
 */
export const StatusAnswer = v.looseObject({
  status: v.pipe(v.string('must be a string'), v.transform((s) => s.trim().toLowerCase()), v.minLength(1, 'must not be empty')),
  orderId: v.optional(v.unknown()),
});
