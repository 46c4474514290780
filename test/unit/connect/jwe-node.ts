// Test helper: decrypts a compact JWE (RSA-OAEP/SHA-1 + A256CBC-HS512) with Node's own crypto,
// independently of Baton and of the mock, verifying the authentication tag.
import { constants, createDecipheriv, createHmac, privateDecrypt, timingSafeEqual, type KeyObject } from 'node:crypto';

export interface Decrypted {
  readonly header: Record<string, unknown>;
  readonly plaintext: string;
  readonly cek: Buffer;
  readonly iv: Buffer;
  readonly encryptedKey: Buffer;
}

export function decryptWithNode(jwe: string, privateKey: KeyObject): Decrypted {
  const parts = jwe.split('.');
  if (parts.length !== 5) throw new Error(`expected 5 parts, got ${parts.length}`);
  const [h, ek, ivText, ct, tagText] = parts as [string, string, string, string, string];
  for (const part of parts) if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new Error(`not base64url: ${part}`);
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
  const encryptedKey = Buffer.from(ek, 'base64url');
  const cek = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, encryptedKey);
  if (cek.length !== 64) throw new Error(`CEK is ${cek.length} bytes`);
  const iv = Buffer.from(ivText, 'base64url');
  if (iv.length !== 16) throw new Error(`IV is ${iv.length} bytes`);
  const ciphertext = Buffer.from(ct, 'base64url');
  const aad = Buffer.from(h, 'ascii');
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length) * 8n);
  const mac = createHmac('sha512', cek.subarray(0, 32)).update(Buffer.concat([aad, iv, ciphertext, al])).digest().subarray(0, 32);
  const tag = Buffer.from(tagText, 'base64url');
  if (tag.length !== 32 || !timingSafeEqual(tag, mac)) throw new Error('tag mismatch');
  const decipher = createDecipheriv('aes-256-cbc', cek.subarray(32), iv);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  return { header, plaintext, cek, iv, encryptedKey };
}
