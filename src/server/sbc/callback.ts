// The payer's return and the server callback carry control = sha1(status + orderid +
// client_orderid + merchant_control) (php-library-payneteasy-api Callback/AbstractCallback.php,
// validateSignature), compared in constant time here.
import { ValidationError } from '../../core/errors.js';
import { constantTimeEqual, sha1Hex } from '../crypto.js';
import { ConfigError, SignatureError } from '../errors.js';
import type { BatonStore } from '../store.js';

/** Final statuses a callback may carry (AbstractCallback::$allowedStatuses). */
export const CALLBACK_STATUSES = ['approved', 'declined', 'filtered', 'error'] as const;

export interface VerifiedReturn {
  readonly status: (typeof CALLBACK_STATUSES)[number];
  /** PaynetEasy's order id. */
  readonly orderid: string;
  /** Your order id. */
  readonly clientOrderId: string;
}

/** How long a handled callback is remembered, to refuse its replay. */
const SEEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Checks a return or callback's `control` in constant time, then its status. With `store`, a
 * second arrival of the same (orderid, status, control) throws `SignatureError` `replayed`: a
 * handler answers it as already done and acts on it once only.
 * Throws `SignatureError` (`missing`, `mismatch`, `replayed`) or `ValidationError` (a status that is not final).
 */
export async function verifyPaynetReturn(fields: ReadonlyMap<string, string> | Readonly<Record<string, string>>, merchantControl: string, store?: BatonStore, scope: 'callback' | 'return' = 'callback'): Promise<VerifiedReturn> {
  if (typeof merchantControl !== 'string' || merchantControl === '') throw new ConfigError('merchantControl', 'is required');
  const get = (key: string) => (fields instanceof Map ? fields.get(key) : Object.prototype.hasOwnProperty.call(fields, key) ? (fields as Record<string, string>)[key] : undefined) ?? '';
  const what = 'PaynetEasy return';
  const [status, orderid, clientOrderId, control] = [get('status'), get('orderid'), get('client_orderid'), get('control')];
  if (!control) throw new SignatureError(what, 'missing', 'control is missing');
  const expected = await sha1Hex(status + orderid + clientOrderId + merchantControl);
  if (!constantTimeEqual(control, expected)) throw new SignatureError(what, 'mismatch', 'control does not match');
  if (!(CALLBACK_STATUSES as readonly string[]).includes(status)) {
    throw new ValidationError(what, [{ path: 'status', message: `expected one of ${CALLBACK_STATUSES.join(', ')}`, received: status.slice(0, 32) }]);
  }
  if (!orderid || !clientOrderId) throw new ValidationError(what, [{ path: orderid ? 'client_orderid' : 'orderid', message: 'is missing' }]);
  if (store && !(await store.add(`baton:sbc:${scope}:${orderid}:${status}:${control}`, '1', SEEN_TTL_MS))) {
    throw new SignatureError(what, 'replayed', `this ${status} for order ${orderid} was already handled`);
  }
  return { status: status as VerifiedReturn['status'], orderid, clientOrderId };
}
