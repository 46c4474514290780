// Client-side encryption: a compact JWE (RSA-OAEP + A256CBC-HS512, RFC 7516/7518) built with
// WebCrypto only. The platform (or your test) decrypts it with the session's private key.
import { encodeBase64Url } from '../core/base64url.js';
import { BatonError, ValidationError } from '../core/errors.js';
import type { PublicKey } from './schemas.js';

/** The plaintext the platform expects inside the JWE. */
export interface EncryptedCustomerInput {
  readonly clientSessionId: string;
  readonly nonce: string;
  readonly paymentProductId: number;
  readonly tokenize: boolean;
  readonly paymentValues: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  readonly accountOnFileId?: number;
  readonly collectedDeviceInformation?: DeviceInformation;
}

/**
 * What the browser tells the platform for 3-D Secure (`collectedDeviceInformation`), the same
 * fields Worldline's own client SDK sends. Types follow the Connect API reference
 * (`CustomerDevice`, `BrowserData`, as Worldline's generated server SDKs show them, e.g.
 * https://rubydoc.info/gems/connect-sdk-ruby/Worldline/Connect/SDK/V1/Domain/BrowserData):
 * `colorDepth` is an integer, the offset and sizes are strings, the flags booleans. (The client
 * SDK sends numbers.)
 */
export interface DeviceInformation {
  readonly timezoneOffsetUtcMinutes: string;
  readonly locale: string;
  readonly browserData: {
    readonly javaScriptEnabled: boolean;
    readonly javaEnabled: boolean;
    readonly colorDepth: number;
    readonly screenHeight: string;
    readonly screenWidth: string;
    readonly innerHeight: string;
    readonly innerWidth: string;
  };
}

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new BatonError('Encryption needs crypto.subtle: serve the page over https or from localhost');
  return api;
}

/** `count` random bytes from the platform's CSPRNG. */
export function randomBytes(count: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

/** A fresh random nonce, hex. */
export function randomNonce(): string {
  return [...randomBytes(16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What a browser can tell about itself for 3-D Secure; `undefined` outside a browser. */
export function collectDeviceInformation(): DeviceInformation | undefined {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return undefined;
  const { screen, innerHeight, innerWidth } = window;
  return {
    timezoneOffsetUtcMinutes: String(new Date().getTimezoneOffset()),
    locale: navigator.language,
    browserData: {
      javaScriptEnabled: true,
      // EMV 3-D Secure asks for it; every current browser answers false.
      javaEnabled: typeof navigator.javaEnabled === 'function' ? navigator.javaEnabled() : false,
      colorDepth: screen.colorDepth,
      screenHeight: String(screen.height),
      screenWidth: String(screen.width),
      innerHeight: String(innerHeight),
      innerWidth: String(innerWidth),
    },
  };
}

/**
 * Encrypts `plaintext` (any JSON-able value, encoded as UTF-8) for the holder of `key`'s private
 * half. Returns a compact JWE: header `{"alg":"RSA-OAEP","enc":"A256CBC-HS512","kid":keyId}`,
 * a fresh 64-byte content key wrapped with RSA-OAEP (SHA-1) and a fresh 16-byte IV per call.
 *
 * @example
 * const jwe = await encryptJwe({ hello: 'Łukasz 王' }, await session.getPublicKey());
 */
export async function encryptJwe(plaintext: unknown, key: PublicKey): Promise<string> {
  const crypto = subtle();
  const encode = (text: string) => new TextEncoder().encode(text);
  let rsa: CryptoKey;
  try {
    // Imported once per key (the session hands the same key object every time): importing is most
    // of a call's cost after the first. `atob` throws on text that is not base64: refused like a
    // key WebCrypto cannot read.
    rsa = await (imported.get(key) ?? imported.set(key, crypto.importKey('spki', Uint8Array.from(atob(key.publicKey.replace(/\s/g, '')), (char) => char.charCodeAt(0)), { name: 'RSA-OAEP', hash: 'SHA-1' }, false, ['encrypt'])).get(key)!);
  } catch (cause) {
    throw new ValidationError('public key', [{ path: 'publicKey', message: 'is not a base64 RSA public key (SPKI)' }], { cause });
  }
  const header = encodeBase64Url(encode(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512', kid: key.keyId })));
  const cek = randomBytes(64);
  const iv = randomBytes(16);
  const macKey = await crypto.importKey('raw', cek.slice(0, 32), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
  const encKey = await crypto.importKey('raw', cek.slice(32), 'AES-CBC', false, ['encrypt']);
  const wrapped = await crypto.encrypt({ name: 'RSA-OAEP' }, rsa, cek);
  cek.fill(0);
  const ciphertext = new Uint8Array(await crypto.encrypt({ name: 'AES-CBC', iv }, encKey, encode(JSON.stringify(plaintext))));
  const aad = encode(header); // ASCII: the header is base64url
  // MAC input: AAD, IV, ciphertext and AL, the AAD length in bits as a 64-bit big-endian integer (RFC 7518 §5.2.2.1).
  const signed = new Uint8Array([...aad, ...iv, ...ciphertext, 0, 0, 0, 0, 0, 0, 0, 0]);
  new DataView(signed.buffer).setUint32(signed.length - 4, aad.length * 8);
  const mac = new Uint8Array(await crypto.sign('HMAC', macKey, signed));

  return [header, ...[new Uint8Array(wrapped), iv, ciphertext, mac.slice(0, 32)].map((part) => encodeBase64Url(part))].join('.');
}

const imported = new WeakMap<PublicKey, Promise<CryptoKey>>();
