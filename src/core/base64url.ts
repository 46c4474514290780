/** Base64url (RFC 4648 §5, no padding) for JWT and JWE. */

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes base64url, padding optional (`atob` is forgiving about it). Throws on characters outside
 * the alphabet. Only for reading a token's claims, which servers verify anyway.
 */
export function decodeBase64Url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
}
