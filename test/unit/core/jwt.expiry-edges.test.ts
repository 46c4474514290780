// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of the
// JWT expiry check that the other tests left open.
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../src/core/base64url.js';
import { ValidationError } from '../../../src/core/errors.js';
import { assertNotExpired, readJwtExpiry } from '../../../src/core/jwt.js';

const text = (value: string) => encodeBase64Url(new TextEncoder().encode(value));
const header = text('{"alg":"HS256","typ":"JWT"}');
const payload = text('{"exp":1000000000}');

describe('jwt: only a three-part token is read', () => {
  it('a well-formed exp claim is read from a three-part token', () => {
    expect(readJwtExpiry(`${header}.${payload}.c2ln`)).toBe(1_000_000_000);
  });

  it('two, four or five parts are not a JWS, even when the second part is a payload with exp', () => {
    for (const token of [`${header}.${payload}`, `${header}.${payload}.c2ln.x`, `${header}.${payload}.a.b.c`]) {
      expect(readJwtExpiry(token), token).toBeUndefined();
      // Not read, so not refused: the server decides.
      expect(() => assertNotExpired(token, { now: 2_000_000_000_000 }), token).not.toThrow();
    }
  });

  it('an exp that JSON reads as Infinity (1e400) is not a number of seconds', () => {
    expect(readJwtExpiry(`${header}.${text('{"exp":1e400}')}.c2ln`)).toBeUndefined();
  });
});

describe('jwt: what the refusal says', () => {
  const expired = `${header}.${payload}.c2ln`;

  it('names the token "token" unless told otherwise', () => {
    let error: unknown;
    try {
      assertNotExpired(expired, { now: 2_000_000_000_000 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('token: expired at 2001-09-09T01:46:40.000Z; ask your server for a fresh one');
  });

  it('an exp outside the Date range is quoted as a number', () => {
    const token = `${header}.${text('{"exp":-1e20}')}.c2ln`;
    let error: unknown;
    try {
      assertNotExpired(token, { what: 'access token' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toStrictEqual([
      { path: '', message: 'expired at exp -100000000000000000000; ask your server for a fresh one', received: 'exp -100000000000000000000' },
    ]);
  });
});
