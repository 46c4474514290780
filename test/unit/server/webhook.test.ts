// Connect webhooks through the public API: the published bodies, a tampered body, a wrong key id.
import { describe, expect, it } from 'vitest';
import { SignatureError, verifyWebhook } from 'baton-sdk/server';
import { vectorFile, vectors } from './vectors.js';

const [valid, invalid] = vectors.connect_webhook_signature.vectors;
const headers = (signature: string, keyId = valid.keyId) => new Headers({ 'X-GCS-Signature': signature, 'X-GCS-KeyId': keyId });

describe('verifyWebhook (connect-sdk-nodejs src/webhooks/validation.ts)', () => {
  it('accepts the published valid body, over its raw bytes', async () => {
    const body = vectorFile(valid.bodyFile);
    expect(body.length).toBe(valid.bodyBytes);
    const event = (await verifyWebhook(body, headers(valid.expected), { [valid.keyId]: valid.secretKey })) as { type: string };
    expect(event.type).toBe('payment.paid');
    // With a key lookup function too.
    await expect(verifyWebhook(body, headers(valid.expected), async (id) => (id === valid.keyId ? valid.secretKey : undefined))).resolves.toBeTruthy();
  });

  it('refuses the published invalid body with the same headers', async () => {
    const failing = verifyWebhook(vectorFile(invalid.bodyFile), headers(invalid.signatureHeader), { [invalid.keyId]: invalid.secretKey });
    await expect(failing).rejects.toBeInstanceOf(SignatureError);
    await expect(failing).rejects.toMatchObject({ reason: 'mismatch' });
  });

  it('refuses a body changed by one byte, re-serialised JSON, and a wrong key id', async () => {
    const body = vectorFile(valid.bodyFile);
    const tampered = body.slice();
    tampered[100] = tampered[100]! ^ 1;
    await expect(verifyWebhook(tampered, headers(valid.expected), { [valid.keyId]: valid.secretKey })).rejects.toMatchObject({ reason: 'mismatch' });
    const reserialised = JSON.stringify(JSON.parse(new TextDecoder().decode(body)));
    await expect(verifyWebhook(reserialised, headers(valid.expected), { [valid.keyId]: valid.secretKey })).rejects.toMatchObject({ reason: 'mismatch' });
    await expect(verifyWebhook(body, headers(valid.expected, 'other-key'), { [valid.keyId]: valid.secretKey })).rejects.toMatchObject({ reason: 'unknown-key' });
    await expect(verifyWebhook(body, headers(valid.expected, '__proto__'), { [valid.keyId]: valid.secretKey })).rejects.toMatchObject({ reason: 'unknown-key' });
    await expect(verifyWebhook(body, new Headers(), { [valid.keyId]: valid.secretKey })).rejects.toMatchObject({ reason: 'missing' });
  });
});
