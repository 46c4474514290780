// Connect webhooks: X-GCS-Signature = base64(HMAC-SHA256(secret of X-GCS-KeyId, raw body bytes))
// (connect-sdk-nodejs src/webhooks/validation.ts), checked before the body is parsed.
import { ValidationError } from '../../core/errors.js';
import { constantTimeEqual, hmac, toBase64, utf8 } from '../crypto.js';
import { SignatureError } from '../errors.js';

/** The webhook secrets by key id, from your configuration; or a lookup (a secrets manager). */
export type WebhookKeys = Readonly<Record<string, string>> | ((keyId: string) => Promise<string | undefined> | string | undefined);

/**
 * Verifies a webhook's signature over `body` exactly as received (bytes, or the text as received),
 * then parses it. Throws `SignatureError` (`missing`, `unknown-key`, `mismatch`) or, for a
 * verified body that is not JSON, `ValidationError`.
 *
 * @example
 * const event = await verifyWebhook(new Uint8Array(await request.arrayBuffer()), request.headers, { [keyId]: secret });
 */
export async function verifyWebhook(body: Uint8Array | string, headers: Headers, keys: WebhookKeys): Promise<unknown> {
  const what = 'Connect webhook';
  const signature = headers.get('x-gcs-signature');
  const keyId = headers.get('x-gcs-keyid');
  if (!signature || !keyId) throw new SignatureError(what, 'missing', 'X-GCS-Signature and X-GCS-KeyId are required');
  const secret = typeof keys === 'function' ? await keys(keyId) : Object.prototype.hasOwnProperty.call(keys, keyId) ? keys[keyId] : undefined;
  if (typeof secret !== 'string' || secret === '') throw new SignatureError(what, 'unknown-key', 'X-GCS-KeyId names no configured secret');
  const expected = toBase64(await hmac('SHA-256', utf8(secret), body));
  if (!constantTimeEqual(signature, expected)) throw new SignatureError(what, 'mismatch', 'X-GCS-Signature does not match the body');
  try {
    return JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch (error) {
    throw new ValidationError(what, [{ path: '', message: 'the verified body is not JSON' }], { cause: error });
  }
}
