// PaynetEasy `control`: lower-case hex SHA-1 of fields concatenated in an order fixed per
// operation, then the merchant control key. Orders from payneteasy/php-library-payneteasy-api,
// source/PaynetEasy/PaynetEasyApi/Query/*Query.php `$signatureDefinition` (+ Prototype/PaymentFormQuery.php),
// where `payment.amountInCents` is the amount in minor units.
import { ValidationError } from '../../core/errors.js';
import { ConfigError } from '../errors.js';
import { sha1Hex } from '../crypto.js';

/** The fields a `control` may cover, by their request names (`amount` is in minor units here). */
export type ControlField = 'endpointid' | 'endpointgroupid' | 'client_orderid' | 'orderid' | 'amount' | 'email' | 'login' | 'currency' | 'cardrefid' | 'destination_cardrefid';

/** Operation → the fields its `control` covers, in order (the key comes last). */
export const CONTROL_FIELDS = {
  // SaleQuery, PreauthQuery and PaymentFormQuery (sale-form, preauth-form, transfer-form):
  // endPoint + endPointGroup (one of them is empty) + clientId + amountInCents + email.
  sale: ['endpointid', 'endpointgroupid', 'client_orderid', 'amount', 'email'],
  preauth: ['endpointid', 'endpointgroupid', 'client_orderid', 'amount', 'email'],
  'sale-form': ['endpointid', 'endpointgroupid', 'client_orderid', 'amount', 'email'],
  'preauth-form': ['endpointid', 'endpointgroupid', 'client_orderid', 'amount', 'email'],
  'transfer-form': ['endpointid', 'endpointgroupid', 'client_orderid', 'amount', 'email'],
  // AccountVerificationQuery, SyncAccountVerificationQuery: endPoint + clientId + email.
  'account-verification': ['endpointid', 'client_orderid', 'email'],
  'sync-account-verification': ['endpointid', 'client_orderid', 'email'],
  // StatusQuery, CreateCardRefQuery: login + clientId + paynetId.
  status: ['login', 'client_orderid', 'orderid'],
  'create-card-ref': ['login', 'client_orderid', 'orderid'],
  // CaptureQuery, ReturnQuery: login + clientId + paynetId + amountInCents + currency.
  capture: ['login', 'client_orderid', 'orderid', 'amount', 'currency'],
  return: ['login', 'client_orderid', 'orderid', 'amount', 'currency'],
  // GetCardInfoQuery: login + recurrentCardFrom.paynetId.
  'get-card-info': ['login', 'cardrefid'],
  // MakeRebillQuery: login + clientId + recurrentCardFrom.paynetId + amountInCents + currency.
  'make-rebill': ['login', 'client_orderid', 'cardrefid', 'amount', 'currency'],
  // TransferByRefQuery: login + clientId + recurrentCardFrom + recurrentCardTo + amountInCents + currency.
  'transfer-by-ref': ['login', 'client_orderid', 'cardrefid', 'destination_cardrefid', 'amount', 'currency'],
} as const satisfies Record<string, readonly ControlField[]>;

export type PaynetOperation = keyof typeof CONTROL_FIELDS;

/** The values to sign. `amountCentis` is integer minor units; a float is refused. */
export interface ControlInput {
  readonly endpointid?: string;
  readonly endpointgroupid?: string;
  readonly client_orderid?: string;
  readonly orderid?: string;
  /** Integer minor units (`1042` for 10.42). Never a float: `99.1` cannot be signed. */
  readonly amountCentis?: number;
  readonly email?: string;
  readonly login?: string;
  readonly currency?: string;
  readonly cardrefid?: string;
  readonly destination_cardrefid?: string;
}

/** Longest value PaynetEasy takes in any signed field (`order_desc` aside, which is not signed). */
const MAX_FIELD = 128;

/** The string `control` hashes (without the key): for tests and logs that must not show the key. */
export function controlString(operation: PaynetOperation, input: ControlInput): string {
  const what = `${operation} control`;
  const fields: readonly ControlField[] | undefined = Object.prototype.hasOwnProperty.call(CONTROL_FIELDS, operation) ? CONTROL_FIELDS[operation] : undefined;
  if (!fields) throw new ValidationError(what, [{ path: 'operation', message: `unknown operation; one of ${Object.keys(CONTROL_FIELDS).join(', ')}` }]);
  const has = (key: keyof ControlInput) => Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined && input[key] !== '';
  if (fields.includes('endpointid')) {
    const both = has('endpointid') && fields.includes('endpointgroupid') && has('endpointgroupid');
    if (both || !(has('endpointid') || (fields.includes('endpointgroupid') && has('endpointgroupid')))) {
      throw new ValidationError(what, [{ path: 'endpointid', message: fields.includes('endpointgroupid') ? 'give exactly one of endpointid and endpointgroupid' : 'is required' }]);
    }
  }
  return fields
    .map((name) => {
      if (name === 'amount') return String(minorUnitsOf(input.amountCentis, what));
      if (name === 'endpointid' || name === 'endpointgroupid') return has(name) ? text(input[name], what, name) : '';
      return text(input[name], what, name);
    })
    .join('');
}

/**
 * `control` for `operation`: `sha1(fields in the documented order + merchantControl)`, lower-case hex.
 *
 * @example
 * await paynetControl('preauth-form', { endpointid: '1111', client_orderid: '902B4FF5', amountCentis: 1042, email: 'john.smith@gmail.com' }, merchantControl);
 */
export async function paynetControl(operation: PaynetOperation, input: ControlInput, merchantControl: string): Promise<string> {
  if (typeof merchantControl !== 'string' || merchantControl === '') throw new ConfigError('merchantControl', 'is required (your merchant control key, from your configuration)');
  return sha1Hex(controlString(operation, input) + merchantControl);
}

/**
 * A decimal amount string in major units (`'10.42'`) to integer minor units (`1042`), exactly: by
 * its digits, never through a float. `exponent` is the currency's minor-unit digits (2 for EUR).
 */
export function minorUnitsFromDecimal(amount: string, exponent = 2): number {
  const match = typeof amount === 'string' ? /^(\d{1,15})(?:\.(\d+))?$/.exec(amount) : null;
  const fraction = match?.[2] ?? '';
  if (!match || fraction.length > exponent) {
    throw new ValidationError('amount', [{ path: 'amount', message: `expected a decimal of major units with at most ${exponent} decimals, such as "10.42"`, received: String(amount).slice(0, 32) }]);
  }
  const value = Number(match[1]! + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(value)) throw new ValidationError('amount', [{ path: 'amount', message: 'is too large' }]);
  return value;
}

/** Integer minor units to the decimal string PaynetEasy's `amount` field wants (`1042` → `'10.42'`). */
export function decimalFromMinorUnits(amountCentis: number, exponent = 2): string {
  const digits = String(minorUnitsOf(amountCentis, 'amount')).padStart(exponent + 1, '0');
  return exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
}

function minorUnitsOf(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError(what, [{ path: 'amountCentis', message: 'must be a positive integer of minor units (10.42 = 1042), never a float or a string', received: String(value).slice(0, 32) }]);
  }
  return value;
}

function text(value: unknown, what: string, path: string): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(what, [{ path, message: 'is required' }]);
  if (value.length > MAX_FIELD) throw new ValidationError(what, [{ path, message: `is longer than ${MAX_FIELD} characters` }]);
  return value;
}
