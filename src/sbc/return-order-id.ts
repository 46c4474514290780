import { BatonError, ValidationError } from '../core/errors.js';
import { checkUrl } from '../core/options.js';

/**
 * The order references read from a return URL. Anyone can type a URL: they prove nothing, and
 * the status must come from the merchant server (`awaitFinalStatus`).
 */
export interface ReturnOrderId {
  /** The merchant's own order id: `orderId` (your return page), `client_orderid` or `merchant_order`. */
  readonly merchantOrderId: string | undefined;
  /** The gateway's order id: `orderid` (PaynetEasy's return and callback field) or `paynet-order-id`. */
  readonly gatewayOrderId: string | undefined;
  /**
   * For compatibility: `merchantOrderId` when the URL has one, else `gatewayOrderId`. When only the
   * gateway's id came back, your status endpoint receives that id as `orderId`.
   */
  readonly orderId: string;
  readonly trusted: false;
}

// PaynetEasy's client library reads the merchant's id from merchant-order-id, client_orderid,
// merchant_order and the gateway's from orderid, paynet-order-id (Transport/Response.php).
const MERCHANT_PARAMS = ['orderId', 'client_orderid', 'merchant_order'];
const GATEWAY_PARAMS = ['orderid', 'paynet-order-id'];
// specs: client_orderid is a String of up to 128 characters, so any text of 1–128 characters is a
// merchant id ("2026/00042", "ORD 001", Cyrillic); only control characters are refused. Counted in
// code points, as the gateway counts characters. The value stays untrusted text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Whether `value` is a well-formed order reference: 1–128 characters, none a control character. */
export function isOrderId(value: unknown): value is string {
  if (typeof value !== 'string' || CONTROL.test(value)) return false;
  const length = [...value].length;
  return length >= 1 && length <= 128;
}

/**
 * Reads the order references from the return page's URL (default: the current location) and
 * marks them untrusted: the merchant's id and the gateway's id, each named for what it is (on the
 * gateway's return, `orderid` is the gateway's id and `client_orderid` the merchant's). The status
 * in that URL is ignored on purpose: ask the merchant server with `awaitFinalStatus`. Throws
 * `ValidationError` when there is no well-formed reference.
 *
 * @example
 * const { merchantOrderId, orderId } = sbc.readReturnOrderId(); // from ?orderId=902B4FF5
 * const answer = await sbc.awaitFinalStatus({ statusUrl: '/api/sbc/status', orderId });
 */
export function readReturnOrderId(url?: string | URL): ReturnOrderId {
  const page = typeof location === 'undefined' ? undefined : location.href;
  const href = url === undefined ? page : checkUrl(url, 'return URL', '');
  if (href === undefined) throw new BatonError('readReturnOrderId needs a URL outside a browser');
  let parsed: URL;
  try {
    parsed = new URL(href, page);
  } catch {
    throw new ValidationError('return URL', [{ path: '', message: 'not a valid URL' }]);
  }
  const merchantOrderId = firstOf(parsed.searchParams, MERCHANT_PARAMS);
  const gatewayOrderId = firstOf(parsed.searchParams, GATEWAY_PARAMS);
  const orderId = merchantOrderId ?? gatewayOrderId;
  if (orderId === undefined) {
    throw new ValidationError('return URL', [{ path: 'orderId', message: `no order reference (${[...MERCHANT_PARAMS, ...GATEWAY_PARAMS].join(', ')})` }]);
  }
  return Object.freeze({ merchantOrderId, gatewayOrderId, orderId, trusted: false as const });
}

/**
 * The first of `names` present and not empty (an empty `orderid=` must not hide a good id in
 * another parameter); a present but malformed reference is an error, not skipped.
 */
function firstOf(query: URLSearchParams, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = query.get(name);
    if (value === null || value === '') continue;
    if (!isOrderId(value)) throw new ValidationError('return URL', [{ path: name, message: 'expected 1–128 characters, no control characters' }]);
    return value;
  }
  return undefined;
}
