// In real Chromium: the JWE carries the device information Worldline's SDK collects, read from
// the browser itself. Decrypted here with WebCrypto and a key pair made for the test.
import { describe, expect, it, vi } from 'vitest';
import { createClientSession } from 'baton-sdk/connect';

const b64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

describe('collectedDeviceInformation in real Chromium', () => {
  it('is inside the JWE with every field, read from this browser', async () => {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },
      true,
      ['encrypt', 'decrypt'],
    );
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const session = createClientSession({
      clientSessionId: 'f084372052fb47d9a766ec35bfa0e6bd',
      customerId: '9991-0b67467b30df4c6d8649c8adc568fd0f',
      clientApiUrl: 'https://eu.api-ingenico.com/client',
      assetUrl: 'https://assets.pay1.secured-by-ingenico.com/',
    });
    vi.spyOn(session, 'getPublicKey').mockResolvedValue({ keyId: 'k', publicKey: btoa(String.fromCharCode(...spki)) });

    const jwe = await session.encrypt({ paymentProductId: 1, values: { cvv: '１２３' } });
    const [, wrapped, iv, ciphertext] = jwe.split('.') as [string, string, string, string];
    const cek = new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, pair.privateKey, b64url(wrapped)));
    const aes = await crypto.subtle.importKey('raw', cek.slice(32), 'AES-CBC', false, ['decrypt']);
    const body = JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: b64url(iv) }, aes, b64url(ciphertext))));

    expect(body.paymentValues).toEqual([{ key: 'cvv', value: '123' }]);
    expect(body.collectedDeviceInformation).toStrictEqual({
      timezoneOffsetUtcMinutes: String(new Date().getTimezoneOffset()),
      locale: navigator.language,
      browserData: {
        javaScriptEnabled: true,
        javaEnabled: navigator.javaEnabled(),
        colorDepth: screen.colorDepth,
        screenHeight: String(screen.height),
        screenWidth: String(screen.width),
        innerHeight: String(window.innerHeight),
        innerWidth: String(window.innerWidth),
      },
    });
  });
});
