import { describe, expect, it } from 'vitest';
import { ProviderError, SecretError, UnsafeUrlError, ValidationError, parseSessionResponse, postPaymentUrl } from '../../../src/sasp/index.js';

const codes: Array<[number, string]> = [
  [-1, 'Request was not made over https!'],
  [-2, "'foo' is an unrecognized argument!"],
  [-3, "The 'orderNumber' argument is missing!"],
  [-4, "The value of the 'orderNumber' argument is invalid!"],
  [-14, 'An unknown error occurred!'],
  [-16, 'Permission denied!'],
  [-17, 'Request used GET rather than POST!'],
  [-42, 'Call limit reached! Please try again later.'],
];

function providerErrorOf(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

describe('parseSessionResponse, format 0 (new-line delimited)', () => {
  it('reads the SID', () => {
    expect(parseSessionResponse('0\nA1b2C3d4E5f6G7h8\n', { format: 0 })).toStrictEqual({ sid: 'A1b2C3d4E5f6G7h8' });
  });
  it('reads CRLF lines and the order number on line 3', () => {
    expect(parseSessionResponse('0\r\nabc123\r\n700002\r\n', { format: 0 })).toStrictEqual({ sid: 'abc123', orderNumber: '700002' });
  });
  it('defaults to format 0', () => {
    expect(parseSessionResponse('0\nabc')).toStrictEqual({ sid: 'abc' });
  });
  it.each(codes)('turns %i into a ProviderError with the message', (code, message) => {
    const error = providerErrorOf(() => parseSessionResponse(`${code}\r\n${message}\r\n`, { format: 0 }));
    expect(error.code).toBe(code);
    expect(error.provider).toBe('sasp');
    expect(error.providerMessage).toBe(message);
    expect(error.message).toContain(String(code));
  });
  it('uses the documented message when the line is missing', () => {
    expect(providerErrorOf(() => parseSessionResponse('-42', { format: 0 })).providerMessage).toMatch(/Call limit/);
  });
  it.each([
    ['an HTML error page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', /HTML/],
    ['an empty body', '', /empty/],
    ['whitespace only', ' \r\n ', /empty/],
    ['a urlencoded body', 'errorCode=0&SID=abc', /format 1/],
    ['a positive code', '1\nabc', /errorCode must be 0 or negative/],
    ['success without SID', '0\n', /SID/],
    ['a SID longer than 16', '0\n12345678901234567', /16/],
    ['a SID with markup', '0\n<b>x</b>', /SID/],
  ])('refuses %s with a ValidationError', (_name, body, message) => {
    expect(() => parseSessionResponse(body, { format: 0 })).toThrow(ValidationError);
    expect(() => parseSessionResponse(body, { format: 0 })).toThrow(message);
  });
  it('refuses a non-string body and a bad format with a ValidationError', () => {
    expect(() => parseSessionResponse(42 as unknown as string)).toThrow(ValidationError);
    expect(() => parseSessionResponse('0\nabc', { format: 2 as 0 })).toThrow(ValidationError);
  });
});

describe('parseSessionResponse, format 1 (urlencoded)', () => {
  it('reads SID and orderNumber', () => {
    expect(parseSessionResponse('errorCode=0&SID=abc123&orderNumber=654824', { format: 1 })).toStrictEqual({ sid: 'abc123', orderNumber: '654824' });
  });
  it('reads names case-insensitively', () => {
    expect(parseSessionResponse('ERRORCODE=0&sid=abc', { format: 1 })).toStrictEqual({ sid: 'abc' });
  });
  it.each(codes)('turns %i into a ProviderError with the message', (code, message) => {
    const body = new URLSearchParams({ errorCode: String(code), errorMessage: message }).toString();
    const error = providerErrorOf(() => parseSessionResponse(body, { format: 1 }));
    expect(error.code).toBe(code);
    expect(error.providerMessage).toBe(message);
  });
  it.each([
    ['an HTML page', '<html><body>oops</body></html>'],
    ['an empty body', ''],
    ['no errorCode', 'SID=abc'],
    ['a text-format body', '0\nabc'],
  ])('refuses %s with a ValidationError', (_name, body) => {
    expect(() => parseSessionResponse(body, { format: 1 })).toThrow(ValidationError);
  });
});

describe('postPaymentUrl', () => {
  it('builds the documented URL', () => {
    expect(postPaymentUrl({ sid: 'abc123', orderNumber: '654824' }).href).toBe(
      'https://secure.sectigo.com/products/postPayment1a?SID=abc123&orderNumber=654824',
    );
  });
  it('encodes the values and accepts a numeric order number', () => {
    const url = postPaymentUrl({ sid: 'a-b_c.d~e', orderNumber: 'A&B=C #1' });
    expect(url.search).toBe('?SID=a-b_c.d%7Ee&orderNumber=A%26B%3DC+%231');
    expect(url.searchParams.get('orderNumber')).toBe('A&B=C #1');
    expect(postPaymentUrl({ sid: 'abc', orderNumber: 654824 }).searchParams.get('orderNumber')).toBe('654824');
  });
  it('takes another endpoint only through the URL guard', () => {
    const url = postPaymentUrl({ sid: 'abc', orderNumber: '1' }, { endpoint: 'https://secure.trust-provider.com/products/postPayment1a?x=1#y' });
    expect(url.href).toBe('https://secure.trust-provider.com/products/postPayment1a?SID=abc&orderNumber=1');
    expect(() => postPaymentUrl({ sid: 'abc', orderNumber: '1' }, { endpoint: 'https://evil.example/products/postPayment1a' })).toThrow(UnsafeUrlError);
    expect(() => postPaymentUrl({ sid: 'abc', orderNumber: '1' }, { endpoint: 'https://secure.sectigo.com/other/page' })).toThrow(UnsafeUrlError);
    expect(() => postPaymentUrl({ sid: 'abc', orderNumber: '1' }, { endpoint: 'javascript:alert(1)' })).toThrow(UnsafeUrlError);
    expect(
      postPaymentUrl({ sid: 'abc', orderNumber: '1' }, { endpoint: 'http://127.0.0.1:5173/sectigo/products/postPayment1a', allowedHosts: ['127.0.0.1'], pathPrefixes: ['/sectigo/products/'] }).host,
    ).toBe('127.0.0.1:5173');
  });
  it('gives a ValidationError on bad input, never a TypeError', () => {
    for (const input of [undefined, null, {}, { sid: '' }, { sid: 'abc' }, { sid: 'a b', orderNumber: '1' }, { sid: 'abc', orderNumber: '' }, { sid: 'x'.repeat(17), orderNumber: '1' }]) {
      expect(() => postPaymentUrl(input as never)).toThrow(ValidationError);
    }
  });
  it('refuses login fields', () => {
    expect(() => postPaymentUrl({ sid: 'abc', orderNumber: '1', loginPassword: 'x' } as never)).toThrow(SecretError);
    expect(() => postPaymentUrl({ sid: 'abc', orderNumber: '1', loginName: 'x' } as never)).toThrow(SecretError);
  });
});
