// initiate-sale `session.signature`: hmac-sha1 over accessToken + consumer.device.serialNumber +
// endpointId + session.nonce + invoiceId + transaction.amountCentis + transaction.currency
// (specs/sbc-initiate-sale.txt). The seed omits its "Signature computation" section; PaynetEasy's
// public merchant proxy (payneteasy/paynet-transfer-merchant-proxy, util/StrUtil.java
// calcShaHash) hex-decodes the key (Guava base16: upper-case hex) and prints upper-case hex.
// No published vector exists, so the key's encoding is the caller's explicit choice.
import { ValidationError } from '../../core/errors.js';
import { fromHex, hmac, randomHex, toHex, utf8 } from '../crypto.js';
import { ConfigError } from '../errors.js';

/** The signing key and how its text is turned into bytes. */
export interface SaleSigningKey {
  readonly key: string;
  /** `'hex'`: the key is hex (as PaynetEasy's proxy reads it); `'utf8'`: its UTF-8 bytes. */
  readonly encoding: 'hex' | 'utf8';
}

export interface SaleSignatureInput {
  readonly accessToken: string;
  readonly serialNumber: string;
  readonly endpointId: string;
  readonly nonce: string;
  readonly invoiceId: string;
  readonly amountCentis: number;
  readonly currency: string;
}

/** Upper-case hex HMAC-SHA1 of the documented concatenation. */
export async function initiateSaleSignature(input: SaleSignatureInput, signingKey: SaleSigningKey): Promise<string> {
  const key = keyBytes(signingKey);
  const what = 'initiate-sale signature';
  if (!Number.isSafeInteger(input.amountCentis) || input.amountCentis <= 0) {
    throw new ValidationError(what, [{ path: 'amountCentis', message: 'must be a positive integer of minor units, never a float' }]);
  }
  for (const name of ['accessToken', 'serialNumber', 'endpointId', 'nonce', 'invoiceId', 'currency'] as const) {
    if (typeof input[name] !== 'string' || input[name] === '') throw new ValidationError(what, [{ path: name, message: 'is required' }]);
  }
  const data = `${input.accessToken}${input.serialNumber}${input.endpointId}${input.nonce}${input.invoiceId}${input.amountCentis}${input.currency}`;
  return toHex(await hmac('SHA-1', key, data)).toUpperCase();
}

/** A fresh nonce: 16 random bytes from `crypto.getRandomValues`, as hex. Never reused. */
export const newNonce = (): string => randomHex(16);

function keyBytes(signingKey: SaleSigningKey): Uint8Array {
  const option = 'sbc config.saleSigningKey';
  if (!signingKey || typeof signingKey.key !== 'string' || signingKey.key === '') throw new ConfigError(option, 'is required: { key, encoding: "hex" | "utf8" }');
  if (signingKey.encoding === 'utf8') return utf8(signingKey.key);
  if (signingKey.encoding !== 'hex') throw new ConfigError(`${option}.encoding`, 'must be "hex" or "utf8" (say which: no default guesses it)');
  const bytes = fromHex(signingKey.key);
  if (!bytes || bytes.length === 0) throw new ConfigError(`${option}.key`, 'is not hex');
  return bytes;
}
