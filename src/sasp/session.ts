import * as v from 'valibot';
import { ProviderError, ValidationError } from '../core/errors.js';
import { navigate, navigationTargetOf, type Navigation, type NavigationTarget } from '../core/navigate.js';
import { safeUrl } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { refuseLogin } from './no-login.js';
import { lookup } from '../core/lookup.js';
import { policyOf, urlOptionsEntries, type SaspUrlOptions } from './policy.js';
import { convert, oneOf, optionsShape, shape } from '../core/options.js';
import { orderNumberSchema, sidSchema } from './ids.js';

/** A SASP session for one order, as minted by the merchant server. */
export interface SaspSession {
  /** SASP session handle (`SID`, ≤ 16 characters). */
  readonly sid: string;
  /**
   * Order number Sectigo returned with the session (line 3 of the text format; for an order with
   * replacements, the most recent replacement). Use it for the post-payment URL when present.
   */
  readonly orderNumber?: string;
}

/** Response format of `!initCustomerSession`: 0 = new-line delimited (default), 1 = urlencoded. */
export type SessionResponseFormat = 0 | 1;

/** Messages Sectigo documents for `!initCustomerSession`, used when an answer carries none. */
export const SESSION_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  '-1': 'Request was not made over https!',
  '-2': 'Unrecognized argument!',
  '-3': 'An argument is missing!',
  '-4': 'The value of an argument is invalid!',
  '-14': 'An unknown error occurred!',
  '-16': 'Permission denied!',
  '-17': 'Request used GET rather than POST!',
  '-42': 'Call limit reached! Please try again later.',
};

const WHAT = 'initCustomerSession answer';
const answerSchema = shape({ sid: sidSchema, orderNumber: v.optional(orderNumberSchema) });
const formatSchema = optionsShape({
  format: v.optional(
    v.pipe(oneOf([0, 1, '0', '1'], 'format must be 0 or 1'), convert(Number)),
    0,
  ),
});

/**
 * Parses Sectigo's `!initCustomerSession` answer that your server relayed unchanged (your server
 * calls it with the reseller login; the browser never does).
 *
 * @param body The raw response text.
 * @param options `format`: 0 = new-line delimited (`\n` or `\r\n`, the default), 1 = urlencoded.
 * @returns `{ sid, orderNumber? }`.
 * @throws ProviderError with Sectigo's `code` (`-1`, `-2`, `-3`, `-4`, `-14`, `-16`, `-17`, `-42`) and message.
 * @throws ValidationError when the body is not such an answer (an HTML error page, an empty body).
 *
 * @example
 * const body = await myServer.postText('/my-server/sectigo-session'); // Sectigo's answer, relayed unchanged
 * const { sid, orderNumber } = sasp.parseSessionResponse(body, { format: 0 });
 */
export function parseSessionResponse(body: string, options: { format?: SessionResponseFormat } = {}): SaspSession {
  const { format } = parseWith(formatSchema, options ?? {}, 'parseSessionResponse options');
  if (typeof body !== 'string') throw invalid('expected the response text (a string)', typeof body);
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!text) throw invalid('the answer is empty', '');
  // The errorCode, the message, the SID and the order number; where the errorCode was looked for
  // (and a hint at the likely mistake) goes into a refusal.
  let fields: Array<string | undefined>;
  let where: string;
  if (format === 1) {
    if (!/^[^\s<>]*$/.test(text)) throw invalid('not a urlencoded answer', text);
    const params = [...new URLSearchParams(text)];
    // Sectigo treats names case-insensitively: read them so.
    fields = ['errorcode', 'errormessage', 'sid', 'ordernumber'].map((name) => params.find(([key]) => key.toLowerCase() === name)?.[1]);
    if (fields[0] === undefined) throw invalid('no errorCode in the answer', text);
    where = 'in the errorCode field';
  } else {
    const lines = text.split(/\r?\n/).map((line) => line.trim());
    fields = [lines[0], lines.slice(1).join('\n'), lines[1], lines[2]];
    where = `on the first line${/^\s*</.test(text) ? ' (an HTML page: is the URL right?)' : /^errorCode=/i.test(text) ? ' (urlencoded: use format 1)' : ''}`;
  }
  const [rawCode = '', message, sid, orderNumber] = fields;
  if (!/^-?\d+$/.test(rawCode)) throw invalid(`expected an errorCode ${where}`, rawCode);
  const code = Number(rawCode);
  if (code > 0) throw invalid('errorCode must be 0 or negative', rawCode);
  if (code !== 0) throw new ProviderError('sasp', code, message?.trim() || lookup(SESSION_ERROR_MESSAGES, String(code)) || 'Unknown error', { body: text });
  const parsed = parseWith(answerSchema, { sid: sid ?? '', orderNumber: orderNumber || undefined }, WHAT);
  return parsed.orderNumber === undefined ? { sid: parsed.sid } : parsed;
}

function invalid(message: string, received: string): ValidationError {
  return new ValidationError(WHAT, [{ path: '', message, received: received.slice(0, 120) }]);
}

const LIVE_PAGE = 'https://secure.sectigo.com/products/postPayment1a';

const sessionSchema = shape({ sid: sidSchema, orderNumber: orderNumberSchema });
const urlOptionsSchema = optionsShape(urlOptionsEntries);

/**
 * Builds the URL of Sectigo's hosted post-payment page for a session and order, encoded.
 *
 * @param session `sid` from `parseSessionResponse`, and the order number (prefer the one it returned).
 * @param options `endpoint`, `allowedHosts`, `pathPrefixes` to use another host (e.g. a mock) — the URL guard applies.
 * @throws ValidationError on a missing or malformed `sid`/`orderNumber`; UnsafeUrlError on a refused endpoint.
 *
 * @example
 * sasp.postPaymentUrl({ sid: 'A1b2C3', orderNumber: '654824' }).href;
 * // 'https://secure.sectigo.com/products/postPayment1a?SID=A1b2C3&orderNumber=654824'
 */
export function postPaymentUrl(session: { sid: string; orderNumber: string | number }, options: SaspUrlOptions = {}): URL {
  return pageUrl(session, parseWith(urlOptionsSchema, options ?? {}, 'postPaymentUrl options'), 'postPaymentUrl(…, { allowedHosts })');
}

/** `postPaymentUrl` with its options already read once (`opts`); `option` names where `allowedHosts` is set. */
function pageUrl(session: { sid: string; orderNumber: string | number }, opts: SaspUrlOptions, option: string): URL {
  refuseLogin(session, 'session');
  const { sid, orderNumber } = parseWith(sessionSchema, session, 'postPaymentUrl session');
  const url = safeUrl(opts.endpoint ?? LIVE_PAGE, policyOf(opts, option));
  url.search = '';
  url.hash = '';
  url.searchParams.set('SID', sid);
  url.searchParams.set('orderNumber', orderNumber);
  return url;
}

/**
 * Sends the browser to Sectigo's hosted post-payment page, through the core URL guard (Sectigo
 * hosts, paths under `/products/`, unless overridden). Call it from a user action (a click):
 * `'popup'` needs one, and a repeated call within a second is dropped.
 *
 * @example
 * button.addEventListener('click', () => sasp.openPostPayment({ sid, orderNumber }, { target: 'popup' }));
 */
export function openPostPayment(
  session: { sid: string; orderNumber: string | number },
  options: SaspUrlOptions & { target?: NavigationTarget } = {},
): Navigation {
  // Read once: the URL, its check and the target come from the same copy.
  const opts = parseWith(urlOptionsSchema, options ?? {}, 'openPostPayment options');
  const target = navigationTargetOf(opts, 'openPostPayment options');
  const option = 'openPostPayment(…, { allowedHosts })';
  return navigate(pageUrl(session, opts, option), policyOf(opts, option), { target });
}
