// WebCrypto only (no node:crypto): the server half runs unchanged on Node, Deno, Bun and workers.
const encoder = new TextEncoder();

/** The UTF-8 bytes of `text`, or `bytes` unchanged. */
export const utf8 = (input: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof input === 'string' ? encoder.encode(input) : new Uint8Array(input);

/** HMAC of `data` under `key` (raw bytes), with the given hash. */
export async function hmac(hash: 'SHA-1' | 'SHA-256', key: Uint8Array, data: string | Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(data)));
}

/** Lower-case hex SHA-1 of the UTF-8 bytes of `text` (PHP's `sha1()`). */
export async function sha1Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-1', utf8(text))));
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Hex to bytes; `undefined` unless `hex` is an even number of hex digits. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Compares two strings in time that depends only on their lengths, never on where they differ:
 * every code unit is visited. A signature's length is public, so an early exit on length is fine.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** `bytes` random bytes as lower-case hex, from `crypto.getRandomValues`. */
export function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}
