import { ProviderError, ValidationError } from '../core/errors.js';
import { kindOf } from '../core/own.js';

/** A parsed `async-form-response`: where to send the payer. */
export interface FormResponse {
  readonly type: 'async-form-response';
  readonly serialNumber: string | undefined;
  readonly merchantOrderId: string | undefined;
  readonly paynetOrderId: string;
  /** The hosted payment form. Not yet checked: `openHostedForm` runs it through the URL guard. */
  readonly redirectUrl: string;
}

/**
 * Parses the gateway's preauth-form answer as the merchant server relayed it: urlencoded pairs
 * separated by `&`, with or without line breaks (the document's layout).
 *
 * Returns the `async-form-response` fields; throws `ProviderError` (`code` = `error-code`,
 * `providerMessage` = `error-message`, `details.serialNumber`) for `validation-error`, `error`
 * and any answer with `status=error`, and `ValidationError` for anything else — an unknown `type` is refused even when it
 * carries a `redirect-url`. As PaynetEasy's own client library does, `type` is compared without
 * regard to case and `error_message`/`error_code` are read where `error-message`/`error-code`
 * are absent. Keys such as `__proto__` are just data.
 *
 * @example
 * const form = sbc.parseFormResponse(await myServer.postText('/api/sbc/preauth', order)); // relayed unchanged
 * sbc.openHostedForm(form);
 */
export function parseFormResponse(body: string): FormResponse {
  if (typeof body !== 'string') {
    throw new ValidationError('preauth-form answer', [{ path: '', message: 'expected a string', received: kindOf(body) }]);
  }
  const fields = parsePairs(body);
  // payneteasy/php-library-payneteasy-api, Transport/Response.php: getType() is strtolower('type');
  // getErrorMessage()/getErrorCode() read error_message/error-message and error_code/error-code.
  const type = (fields.get('type') ?? '').toLowerCase();
  const serialNumber = fields.get('serial-number');

  // specs/sbc-preauth-form.txt: "error-message: If status is error this parameter contains the
  // reason"; PaynetEasy's Response::isError() counts status == 'error' as an error whatever the type,
  // so an async-form-response with status=error never opens a form, redirect-url or not.
  const status = (fields.get('status') ?? '').toLowerCase();
  if (type === 'validation-error' || type === 'error' || status === 'error') {
    const code = fields.get('error-code') || fields.get('error_code') || type;
    const message = fields.get('error-message') || fields.get('error_message') || `the gateway answered ${type}`;
    throw new ProviderError('sbc', code, message, { type, serialNumber, merchantOrderId: fields.get('merchant-order-id'), fields: Object.fromEntries(fields) });
  }
  if (type !== 'async-form-response' && type !== 'async-response') {
    throw new ValidationError('preauth-form answer', [{ path: 'type', message: 'expected async-form-response, validation-error or error', received: type || 'nothing' }]);
  }
  const issues = ['paynet-order-id', 'redirect-url']
    .filter((key) => !fields.get(key))
    .map((key) => ({ path: key, message: 'missing' }));
  if (issues.length) throw new ValidationError('preauth-form answer', issues);

  return Object.freeze({
    type: 'async-form-response',
    serialNumber,
    merchantOrderId: fields.get('merchant-order-id'),
    paynetOrderId: fields.get('paynet-order-id')!,
    redirectUrl: fields.get('redirect-url')!,
  });
}

/** Pairs into a Map (no prototype to pollute); keys and values trimmed; the first of a repeated key wins. */
function parsePairs(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [rawKey, rawValue] of new URLSearchParams(body)) {
    const key = rawKey.trim();
    if (key && !fields.has(key)) fields.set(key, rawValue.trim());
  }
  return fields;
}
