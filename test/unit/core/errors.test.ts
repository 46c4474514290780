import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { BatonError, NetworkError, ProviderError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { parseWith } from '../../../src/core/validate.js';

describe('error model', () => {
  it('every subclass is a BatonError and an Error, with its own name', () => {
    const errors = [
      new ValidationError('input', [{ path: 'a', message: 'bad' }]),
      new ProviderError('sasp', -42, 'Call limit reached!'),
      new NetworkError('timeout', { method: 'POST', url: 'https://x.test/' }),
      new UnsafeUrlError('javascript:alert(1)', 'not an absolute http(s) URL', 'scheme'),
      new SecretError('body.loginPassword'),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(BatonError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(error.constructor.name);
    }
  });

  it('ProviderError keeps the documented code, message and raw details', () => {
    const error = new ProviderError('connect', 'INVALID_REQUEST', 'bad', { errorId: 'e1' });
    expect(error).toMatchObject({ provider: 'connect', code: 'INVALID_REQUEST', providerMessage: 'bad', details: { errorId: 'e1' } });
    expect(error.message).toBe('connect answered INVALID_REQUEST: bad');
  });

  it('NetworkError says what failed and carries the HTTP status', () => {
    const error = new NetworkError('http', { method: 'GET', url: 'https://x.test/a' }, { status: 503, body: 'down' });
    expect(error.message).toBe('GET https://x.test/a answered HTTP 503');
    expect(error).toMatchObject({ kind: 'http', status: 503, body: 'down' });
  });

  it('parseWith throws a ValidationError with every issue as data and a readable summary', () => {
    const schema = v.object({ sid: v.pipe(v.string(), v.maxLength(16)), order: v.object({ id: v.number() }) });
    const fail = () => parseWith(schema, { sid: 'x'.repeat(17), order: { id: 'no' } }, 'session');
    expect(fail).toThrow(ValidationError);
    try {
      fail();
    } catch (error) {
      const e = error as ValidationError;
      expect(e.issues.map((issue) => issue.path)).toStrictEqual(['sid', 'order.id']);
      expect(e.message).toMatch(/^session: sid: .+; order\.id: .+/);
    }
  });

  it('parseWith returns the typed output on success', () => {
    expect(parseWith(v.object({ a: v.number() }), { a: 1 }, 'x')).toStrictEqual({ a: 1 });
  });
});
