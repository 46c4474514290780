// Core in real Chromium: fetch across origins (CORS), errors mapped, secrets refused.
import { describe, expect, inject, it } from 'vitest';
import { NetworkError, SecretError } from '../../src/core/errors.js';
import { request } from '../../src/core/http.js';
import { safeUrl } from '../../src/core/url-guard.js';

const mockUrl = inject('mockUrl');

describe('core in Chromium', () => {
  it('reads a cross-origin answer from the mock servers', async () => {
    const response = await request(`${mockUrl}/merchant/secrets-held`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toContain('sectigo.loginPassword');
  });

  it('maps a 404 to a NetworkError with the status', async () => {
    const error = await request(`${mockUrl}/merchant/does-not-exist`, { retry: { limit: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'http', status: 404 });
  });

  it('refuses secrets in a FormData body before sending', async () => {
    const body = new FormData();
    body.append('merchant_control', 'x');
    await expect(request(`${mockUrl}/merchant/secrets-held`, { body })).rejects.toBeInstanceOf(SecretError);
  });

  it('the URL guard agrees with Chromium’s own URL parser on hostile hosts', () => {
    const policy = { allowedHosts: ['secure.sectigo.com'] };
    for (const url of ['https://secure.sectigo\uff0ecom/', 'https://0x7f.1/', 'https://secure.sectigo.com@evil.example/']) {
      expect(() => safeUrl(url, policy)).toThrow();
    }
    expect(safeUrl('https://secure.sectigo.com/products/', policy).host).toBe('secure.sectigo.com');
  });
});
