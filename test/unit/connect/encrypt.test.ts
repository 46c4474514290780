import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptJwe, randomNonce } from '../../../src/connect/encrypt.js';
import { ValidationError } from '../../../src/core/errors.js';
import { decryptWithNode } from './jwe-node.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = { keyId: 'kid-123', publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };

describe('encryptJwe', () => {
  it('produces a compact JWE Node decrypts, with the documented header', async () => {
    const jwe = await encryptJwe({ cardNumber: '4111111111111111', cvv: '123' }, key);
    const { header, plaintext } = decryptWithNode(jwe, privateKey);
    expect(header).toEqual({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512', kid: 'kid-123' });
    expect(JSON.parse(plaintext)).toEqual({ cardNumber: '4111111111111111', cvv: '123' });
  });

  it.each([
    ['Latin-1', 'Müller'],
    ['Polish, Chinese and German', 'Łukasz 王 Müller'],
    ['astral plane', '🙂 𝄞'],
    ['long', 'ż'.repeat(5000)],
  ])('keeps %s text intact (UTF-8)', async (_, name) => {
    const jwe = await encryptJwe({ cardholderName: name }, key);
    expect(JSON.parse(decryptWithNode(jwe, privateKey).plaintext)).toEqual({ cardholderName: name });
  });

  it('uses a fresh content key and IV every call', async () => {
    const a = decryptWithNode(await encryptJwe({ x: 1 }, key), privateKey);
    const b = decryptWithNode(await encryptJwe({ x: 1 }, key), privateKey);
    expect(a.cek.equals(b.cek)).toBe(false);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.encryptedKey.equals(b.encryptedKey)).toBe(false);
    expect(a.encryptedKey.length).toBe(256); // RSA-2048
  });

  it('fails the tag check when the ciphertext or the header is altered', async () => {
    const jwe = await encryptJwe({ x: 1 }, key);
    const parts = jwe.split('.');
    const flipped = parts[3]!.startsWith('A') ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(() => decryptWithNode([parts[0], parts[1], parts[2], flipped, parts[4]].join('.'), privateKey)).toThrow(/tag/);
    const otherHeader = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512', kid: 'other' })).toString('base64url');
    expect(() => decryptWithNode([otherHeader, ...parts.slice(1)].join('.'), privateKey)).toThrow(/tag/);
  });

  it('refuses a key that is not an RSA SPKI with a ValidationError', async () => {
    await expect(encryptJwe({}, { keyId: 'k', publicKey: 'AAAA' })).rejects.toThrow(ValidationError);
    await expect(encryptJwe({}, { keyId: 'k', publicKey: '!!!' })).rejects.toThrow(ValidationError);
  });

  it('makes 32-hex-digit nonces that differ', () => {
    const a = randomNonce();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(randomNonce()).not.toBe(a);
  });
});
