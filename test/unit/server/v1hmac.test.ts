// v1HMAC through the public API against the published vectors and the reference SDKs' own tests.
import { describe, expect, it } from 'vitest';
import { canonicalHeaderValue, v1HmacAuthorization, v1HmacDataToSign, v1HmacSignature, ValidationError } from 'baton-sdk/server';
import { vectors } from './vectors.js';

const { connect_v1hmac: v1 } = vectors;

describe('v1HMAC signing (connect-sdk-java V1HMACAuthenticator, connect-sdk-nodejs getV1HMACSignature)', () => {
  it.each(v1.vectors.map((vector: any) => [vector.source, vector]) as Array<[string, any]>)('published vector: %s', async (_source, vector) => {
    const headers: Array<[string, string]> = [['Date', vector.date], ...vector.headers.map((h: any) => [h.key, h.value])];
    if (vector.contentType) headers.push(['Content-Type', vector.contentType]);
    const data = v1HmacDataToSign({ method: vector.method, url: vector.path, headers });
    expect(data).toBe(vector.dataToSign);
    expect(await v1HmacSignature(data, vector.secretApiKey)).toBe(vector.expected);
    expect(await v1HmacAuthorization({ apiKeyId: 'EC36A74A98D21', secretApiKey: vector.secretApiKey }, { method: vector.method, url: vector.path, headers })).toBe(
      `GCS v1HMAC:EC36A74A98D21:${vector.expected}`,
    );
  });

  it('canonicalises header values as the Java test does', () => {
    for (const group of v1.canonicalization.filter((c: any) => c.cases)) {
      for (const [input, expected] of group.cases) expect(canonicalHeaderValue(input)).toBe(expected);
    }
  });

  it('keeps the path percent-encoded, decodes the query, leaves out Content-Type/Date/User-Agent lines', () => {
    const c = v1.canonicalization.find((c: any) => c.uri);
    const data = v1HmacDataToSign({ method: c.method, url: c.uri, headers: c.headers.map((h: any) => [h.key, h.value]) });
    expect(data.startsWith(c.expectedStart)).toBe(true);
    expect(data.endsWith(c.expectedEnd)).toBe(true);
    expect(data).toBe(`POST\napplication/json\nMon, 07 Jul 2014 12:12:40 GMT\n${c.expectedEnd}`);
    // The same from a URL object: what fetch sends.
    expect(v1HmacDataToSign({ method: 'post', url: new URL(c.uri), headers: c.headers.map((h: any) => [h.key, h.value]) })).toBe(data);
  });

  // connect-sdk-java V1HMACAuthenticatorTest.testCreateAuthenticationSignatureFromApiReference1–3: the
  // secret is used as its UTF-8 text even though it looks like base64.
  it.each([
    ['GET\n\nFri, 06 Jun 2014 13:39:43 GMT\n/v1/9991/tokens/123456789\n', 'J5LjfSBvrQNhu7gG0gvifZt+IWNDReGCmHmBmth6ueI='],
    ['GET\n\nFri, 06 Jun 2014 13:39:43 GMT\n/v1/consumer/ANDR%C3%89E/?q=na%20me\n', '3XV7LMYus9q7fp87/D4Qih2bKNtz20iqsttdrgJ09AU='],
    ['GET\n\nFri, 06 Jun 2014 13:39:43 GMT\n/v1/consumer/ANDR%C3%89E/?q=na me\n', 'x9S2hQmLhLTbpK0YdTuYCD8TB4D+Kf60tNW0Xw5Xls0='],
    [
      'DELETE\napplication/json\nFri, 06 Jun 2014 13:39:43 GMT\nx-gcs-clientmetainfo:processed header value\nx-gcs-customerheader:processed header value\nx-gcs-servermetainfo:processed header value\n/v1/9991/tokens/123456789\n',
      'jGWLz3ouN4klE+SkqO5gO+KkbQNM06Rric7E3dcfmqw=',
    ],
  ])('Java API-reference case %#', async (data, expected) => {
    expect(await v1HmacSignature(data, 'I42Zf4pVnRdroHfuHnRiJjJ2B6+22h0yQt/R3nZR8Xg=')).toBe(expected);
  });

  it('signs a UTF-8 path as sent and its decoded query (API reference 2, built from a request)', async () => {
    const data = v1HmacDataToSign({ method: 'GET', url: 'https://api.example/v1/consumer/ANDR%C3%89E/?q=na%20me', headers: { Date: 'Fri, 06 Jun 2014 13:39:43 GMT' } });
    expect(await v1HmacSignature(data, 'I42Zf4pVnRdroHfuHnRiJjJ2B6+22h0yQt/R3nZR8Xg=')).toBe('x9S2hQmLhLTbpK0YdTuYCD8TB4D+Kf60tNW0Xw5Xls0=');
  });

  it('only line breaks and the white space after them fold (Java regex \\r?\\n[\\s&&[^\\r\\n]]*)', () => {
    expect(canonicalHeaderValue('a  \n\t b')).toBe('a   b');
    expect(canonicalHeaderValue('a\r\n\r\nb')).toBe('a  b');
    expect(canonicalHeaderValue('\u0001x\u0000')).toBe('x');
  });

  it('sorts X-GCS lines by lower-cased name, keeps repeated names in order, `+` in a query stays', () => {
    const data = v1HmacDataToSign({
      method: 'GET',
      url: '/p?a=1+2&b=%E2%82%AC',
      headers: [['X-GCS-b', '2'], ['x-gcs-A', '1'], ['X-GCS-b', '3'], ['Date', 'd'], ['X-Other', 'no']],
    });
    expect(data).toBe('GET\n\nd\nx-gcs-a:1\nx-gcs-b:2\nx-gcs-b:3\n/p?a=1+2&b=€\n');
  });

  it('refuses a request without a Date, or without a method', () => {
    expect(() => v1HmacDataToSign({ method: 'GET', url: '/x', headers: {} })).toThrow(ValidationError);
    expect(() => v1HmacDataToSign({ method: '', url: '/x', headers: { Date: 'd' } })).toThrow(ValidationError);
  });
});
