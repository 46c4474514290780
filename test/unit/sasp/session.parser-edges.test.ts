// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of the
// SASP session parser that the other tests left open — what counts as an errorCode, which
// message a ProviderError carries, and the exact shape of what is returned.
import { describe, expect, it } from 'vitest';
import { ProviderError, SecretError, ValidationError, parseSessionResponse, postPaymentUrl } from '../../../src/sasp/index.js';
import { SESSION_ERROR_MESSAGES } from '../../../src/sasp/session.js';
import { caught } from '../../helpers/caught.js';


describe('parseSessionResponse: the errorCode is the whole first line or field', () => {
  it.each(['x-42', '0abc', '-42x', '--1', '0.5', '+0', ''])('%j is not an errorCode (format 0)', (first) => {
    const error = caught(() => parseSessionResponse(`${first}\nabc123`, { format: 0 }));
    // An empty first line is trimmed away with the text; either way it is not an answer.
    expect(error).toBeInstanceOf(ValidationError);
  });

  it.each(['x-42', '0abc', '-42x'])('%j is not an errorCode (format 1)', (code) => {
    const error = caught(() => parseSessionResponse(`errorCode=${code}&SID=abc123`, { format: 1 }));
    expect(error).toBeInstanceOf(ValidationError);
    // Not the format-0 hint "use format 1": this is format 1.
    expect((error as ValidationError).issues).toStrictEqual([{ path: '', message: 'expected an errorCode in the errorCode field', received: code }]);
  });

  it('says what it got instead, and hints at the likely mistake', () => {
    const issue = (body: string, format: 0 | 1 = 0) => (caught(() => parseSessionResponse(body, { format })) as ValidationError).issues[0];
    expect(issue('  <html><body>502</body></html>')).toStrictEqual({
      path: '',
      message: 'expected an errorCode on the first line (an HTML page: is the URL right?)',
      received: '<html><body>502</body></html>',
    });
    expect(issue('ErrorCode=0&SID=abc')).toStrictEqual({
      path: '',
      message: 'expected an errorCode on the first line (urlencoded: use format 1)',
      received: 'ErrorCode=0&SID=abc',
    });
    // Neither hint when the text only contains those somewhere.
    expect(issue('oops <b>\nerrorCode=0')?.message).toBe('expected an errorCode on the first line');
    expect(issue('x errorCode=0')?.message).toBe('expected an errorCode on the first line');
    expect(issue('7\nabc')).toStrictEqual({ path: '', message: 'errorCode must be 0 or negative', received: '7' });
    expect(issue('<html>', 1)).toStrictEqual({ path: '', message: 'not a urlencoded answer', received: '<html>' });
    expect(issue('SID=abc', 1)).toStrictEqual({ path: '', message: 'no errorCode in the answer', received: 'SID=abc' });
    expect(issue('', 1)).toStrictEqual({ path: '', message: 'the answer is empty', received: '' });
  });

  it('quotes at most 120 characters of what it got, under "initCustomerSession answer"', () => {
    const error = caught(() => parseSessionResponse(`<html>${'x'.repeat(300)}`, { format: 1 })) as ValidationError;
    expect(error.issues[0]?.received).toHaveLength(120);
    expect(error.message).toMatch(/^initCustomerSession answer: /);
  });

  it('a body starting with a byte-order mark is read', () => {
    expect(parseSessionResponse('\uFEFF0\nabc123', { format: 0 })).toStrictEqual({ sid: 'abc123' });
    expect(parseSessionResponse('\uFEFFerrorCode=0&SID=abc123', { format: 1 })).toStrictEqual({ sid: 'abc123' });
  });
});

describe('parseSessionResponse: the message of a ProviderError', () => {
  it.each(Object.entries({
    '-1': 'Request was not made over https!',
    '-2': 'Unrecognized argument!',
    '-3': 'An argument is missing!',
    '-4': 'The value of an argument is invalid!',
    '-14': 'An unknown error occurred!',
    '-16': 'Permission denied!',
    '-17': 'Request used GET rather than POST!',
    '-42': 'Call limit reached! Please try again later.',
  }))('%s with no message of its own carries the documented one', (code, message) => {
    for (const [body, format] of [[code, 0], [`${code}\n   `, 0], [`errorCode=${code}`, 1], [`errorCode=${code}&errorMessage=+`, 1]] as const) {
      const error = caught(() => parseSessionResponse(body, { format }));
      expect(error, body).toBeInstanceOf(ProviderError);
      expect(error, body).toMatchObject({ provider: 'sasp', code: Number(code), providerMessage: message, details: { body: body.trim() } });
    }
    expect(SESSION_ERROR_MESSAGES[code]).toBe(message);
  });

  it('an undocumented code with no message says "Unknown error"; its own message wins over the table', () => {
    expect(caught(() => parseSessionResponse('-99', { format: 0 }))).toMatchObject({ code: -99, providerMessage: 'Unknown error' });
    expect(caught(() => parseSessionResponse('-42\nSlow down\nplease', { format: 0 }))).toMatchObject({ providerMessage: 'Slow down\nplease' });
    expect(caught(() => parseSessionResponse('errorCode=-42&errormessage=Slow+down', { format: 1 }))).toMatchObject({ providerMessage: 'Slow down' });
  });
});

describe('parseSessionResponse: what is returned', () => {
  it('no orderNumber key at all when there is none (not one set to undefined)', () => {
    expect(parseSessionResponse('0\nabc123', { format: 0 })).toStrictEqual({ sid: 'abc123' });
    expect(parseSessionResponse('errorCode=0&SID=abc123&orderNumber=', { format: 1 })).toStrictEqual({ sid: 'abc123' });
    expect(parseSessionResponse('0\nabc123\n654824', { format: 0 })).toStrictEqual({ sid: 'abc123', orderNumber: '654824' });
  });

  it('format may be given as the text "0" or "1", as it would come from a form or a query', () => {
    expect(parseSessionResponse('errorCode=0&SID=abc123', { format: '1' as never })).toStrictEqual({ sid: 'abc123' });
    expect(parseSessionResponse('0\nabc123', { format: '0' as never })).toStrictEqual({ sid: 'abc123' });
    expect(caught(() => parseSessionResponse('0\nabc123', { format: '1 ' as never }))).toBeInstanceOf(ValidationError);
  });

  it('a missing SID on success is a ValidationError saying the SID is empty', () => {
    for (const [body, format] of [['errorCode=0', 1], ['0', 0]] as const) {
      const error = caught(() => parseSessionResponse(body, { format })) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/^initCustomerSession answer: sid: SID is empty/);
    }
  });

  it('lines are read without their surrounding spaces', () => {
    expect(parseSessionResponse('0 \n abc123 \n654824 ', { format: 0 })).toStrictEqual({ sid: 'abc123', orderNumber: '654824' });
  });

  it('only a leading byte-order mark is dropped: one inside the SID is refused', () => {
    expect(caught(() => parseSessionResponse('0\nabc\uFEFF123', { format: 0 }))).toBeInstanceOf(ValidationError);
  });

  it('no HTML hint for text that merely contains "<" on its first line', () => {
    expect((caught(() => parseSessionResponse('oops<b>', { format: 0 })) as ValidationError).issues[0]?.message).toBe('expected an errorCode on the first line');
  });
});

describe('each refusal names what was refused', () => {
  const message = (run: () => unknown) => (caught(run) as Error).message;

  it('parseSessionResponse: the body, the options', () => {
    expect(message(() => parseSessionResponse(42 as never))).toBe('initCustomerSession answer: expected the response text (a string)');
    expect(message(() => parseSessionResponse('0\nabc', { format: 2 as never }))).toBe('parseSessionResponse options: format: format must be 0 or 1');
  });

  it('postPaymentUrl: the session, its login fields, the options', () => {
    expect(message(() => postPaymentUrl({ sid: 'a b', orderNumber: '1' }))).toMatch(/^postPaymentUrl session: sid: /);
    expect(message(() => postPaymentUrl({ sid: 'ab', orderNumber: '1' }, { endpoint: 5 as never }))).toMatch(/^postPaymentUrl options: endpoint: /);
    const secret = caught(() => postPaymentUrl({ sid: 'ab', orderNumber: '1', loginPassword: 'p' } as never));
    expect(secret).toBeInstanceOf(SecretError);
    expect((secret as SecretError).path).toBe('session.loginPassword');
  });
});
