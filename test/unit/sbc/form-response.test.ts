import { describe, expect, it } from 'vitest';
import { ProviderError, ValidationError } from '../../../src/core/errors.js';
import { parseFormResponse } from '../../../src/sbc/index.js';
import { caught } from '../../helpers/caught.js';

// The document's success and fail examples, byte for byte (pairs on their own lines, `&` leading).
const DOC_SUCCESS = `type=async-form-response
&serial-number=00000000-0000-0000-0000-000002ddb0d3
&merchant-order-id=Test
&paynet-order-id=6863103
&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2Fform%2Finit%2FBB587546567A31587163597A68633370432F78675258396E6F78367975715973596936522B594B4F646168553D
`;
const DOC_FAIL = `type=validation-error
&serial-number=00000000-0000-0000-0000-000002ddb0d4
&error-message=Project+with+currency+RUB+does+not+apply+request+with+currency+USD
&error-code=16
`;

describe('parseFormResponse', () => {
  it('parses the documented success layout', () => {
    expect(parseFormResponse(DOC_SUCCESS)).toStrictEqual({
      type: 'async-form-response',
      serialNumber: '00000000-0000-0000-0000-000002ddb0d3',
      merchantOrderId: 'Test',
      paynetOrderId: '6863103',
      redirectUrl:
        'https://sandbox.sbctech.ru/paynet/form/init/BB587546567A31587163597A68633370432F78675258396E6F78367975715973596936522B594B4F646168553D',
    });
  });

  it('parses one line, CRLF line breaks and line breaks after the & as well', () => {
    const oneLine = DOC_SUCCESS.replace(/\n/g, '');
    const crlf = DOC_SUCCESS.replace(/\n/g, '\r\n');
    const trailing = DOC_SUCCESS.replace(/\n&/g, '&\n');
    for (const body of [oneLine, crlf, trailing, `\n\n${DOC_SUCCESS}\n\n`]) {
      expect(parseFormResponse(body)).toMatchObject({ paynetOrderId: '6863103', merchantOrderId: 'Test' });
    }
  });

  it('accepts the type spelled async-response (as the parameter table names it)', () => {
    expect(parseFormResponse(DOC_SUCCESS.replace('async-form-response', 'async-response')).type).toBe('async-form-response');
  });

  it('turns validation-error into a ProviderError with code, message and serial number', () => {
    const error = (() => {
      try {
        parseFormResponse(DOC_FAIL);
      } catch (e) {
        return e;
      }
    })() as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      provider: 'sbc',
      code: '16',
      providerMessage: 'Project with currency RUB does not apply request with currency USD',
      details: { type: 'validation-error', serialNumber: '00000000-0000-0000-0000-000002ddb0d4' },
    });
  });

  it('turns error into a ProviderError too, with a fallback message', () => {
    expect(() => parseFormResponse('type=error&error-code=300')).toThrow(ProviderError);
    expect(() => parseFormResponse('type=error')).toThrow(/sbc answered error: the gateway answered error/);
  });

  // specs/sbc-preauth-form.txt: "error-message: If status is error this parameter contains the
  // reason"; PaynetEasy's Response::isError() treats status == 'error' as an error.
  it.each([
    ['without redirect-url', 'type=async-form-response&status=error&error-message=Declined+by+bank&error-code=5&paynet-order-id=1'],
    ['with redirect-url', 'type=async-form-response&status=error&error-message=Declined+by+bank&error-code=5&paynet-order-id=1&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2Fform%2Finit%2FBB58'],
    ['status in upper case', 'type=async-form-response&status=ERROR&error-message=Declined+by+bank&error-code=5&paynet-order-id=1&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2Fform%2Finit%2FBB58'],
  ])('turns async-form-response with status=error (%s) into the gateway’s ProviderError', (_name, body) => {
    const error = caught(() => parseFormResponse(body));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'sbc', code: '5', providerMessage: 'Declined by bank' });
  });

  it('compares type without regard to case, as PaynetEasy’s client library does', () => {
    expect(parseFormResponse(DOC_SUCCESS.replace('async-form-response', 'ASYNC-Form-Response'))).toMatchObject({ type: 'async-form-response', paynetOrderId: '6863103' });
    expect(() => parseFormResponse(DOC_FAIL.replace('validation-error', 'Validation-Error'))).toThrow(ProviderError);
    expect(() => parseFormResponse('type=ERROR&error-code=300')).toThrow(/sbc answered 300/);
  });

  it('reads error_message and error_code where the hyphenated names are absent', () => {
    const underscored = DOC_FAIL.replace('error-message', 'error_message').replace('error-code', 'error_code');
    expect(() => parseFormResponse(underscored)).toThrow(ProviderError);
    try {
      parseFormResponse(underscored);
    } catch (error) {
      expect(error).toMatchObject({ code: '16', providerMessage: 'Project with currency RUB does not apply request with currency USD' });
    }
    // The documented spelling wins when both are there.
    expect(() => parseFormResponse('type=error&error_code=1&error-code=2&error_message=a&error-message=b')).toThrow('sbc answered 2: b');
  });

  it.each([
    ['an unknown type', 'type=surprise&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2F'],
    ['an unknown type with both fields', 'type=surprise&paynet-order-id=1&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2Fform%2Finit%2FAB'],
    ['a status-response with both fields', 'type=status-response&status=approved&paynet-order-id=1&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2F'],
    ['an empty type with both fields', 'type=&paynet-order-id=1&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2F'],
    ['no type', 'paynet-order-id=1&redirect-url=x'],
    ['an empty body', ''],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['no redirect-url', 'type=async-form-response&paynet-order-id=1'],
    ['no paynet-order-id', 'type=async-form-response&redirect-url=https%3A%2F%2Fsandbox.sbctech.ru%2Fpaynet%2F'],
  ])('throws ValidationError for %s', (_name, body) => {
    expect(() => parseFormResponse(body)).toThrow(ValidationError);
  });

  it.each([undefined, null, 42, {}, ['type=error']])('throws ValidationError, not TypeError, for %s', (body) => {
    expect(() => parseFormResponse(body as unknown as string)).toThrow(ValidationError);
  });

  const thrown = (body: string) => caught(() => parseFormResponse(body)) as ValidationError;

  it('says what is wrong, as data', () => {
    expect(thrown(7 as unknown as string)).toMatchObject({
      message: 'preauth-form answer: expected a string',
      issues: [{ path: '', message: 'expected a string', received: 'number' }],
    });
    expect(thrown('type=Surprise&paynet-order-id=1').issues).toStrictEqual([
      { path: 'type', message: 'expected async-form-response, validation-error or error', received: 'surprise' },
    ]);
    expect(thrown('paynet-order-id=1').message).toBe('preauth-form answer: type: expected async-form-response, validation-error or error');
    expect(thrown('paynet-order-id=1').issues).toStrictEqual([
      { path: 'type', message: 'expected async-form-response, validation-error or error', received: 'nothing' },
    ]);
    expect(thrown('type=async-form-response')).toMatchObject({
      message: 'preauth-form answer: paynet-order-id: missing; redirect-url: missing',
      issues: [
        { path: 'paynet-order-id', message: 'missing' },
        { path: 'redirect-url', message: 'missing' },
      ],
    });
  });

  it('keeps the merchant order id and every field of an error answer', () => {
    const error = thrown(`${DOC_FAIL}&merchant-order-id=902B4FF5`) as unknown as ProviderError;
    expect(error.details).toStrictEqual({
      type: 'validation-error',
      serialNumber: '00000000-0000-0000-0000-000002ddb0d4',
      merchantOrderId: '902B4FF5',
      fields: {
        type: 'validation-error',
        'serial-number': '00000000-0000-0000-0000-000002ddb0d4',
        'error-message': 'Project with currency RUB does not apply request with currency USD',
        'error-code': '16',
        'merchant-order-id': '902B4FF5',
      },
    });
  });

  it('treats __proto__, constructor and prototype keys as data (no pollution)', () => {
    const body = `${DOC_SUCCESS}&__proto__[polluted]=yes\n&__proto__=polluted\n&constructor=x\n&prototype=y\n&toString=z`;
    const parsed = parseFormResponse(body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed).sort()).toStrictEqual(['merchantOrderId', 'paynetOrderId', 'redirectUrl', 'serialNumber', 'type']);
    expect(() => parseFormResponse('type=error&__proto__=x&hasOwnProperty=1')).toThrow(ProviderError);
  });

  it('keeps the first of a repeated key: a smuggled second redirect-url does not win', () => {
    const body = `${DOC_SUCCESS}&redirect-url=https%3A%2F%2Fevil.example%2F`;
    expect(parseFormResponse(body).redirectUrl).toMatch(/^https:\/\/sandbox\.sbctech\.ru\//);
  });

  it('decodes + and %20 as spaces and survives a malformed escape', () => {
    const body = 'type=validation-error&error-message=a+b%20c%ZZ&error-code=2';
    expect(() => parseFormResponse(body)).toThrow(/a b c%ZZ/);
  });
});
