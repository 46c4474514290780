import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../src/core/base64url.js';
import { ValidationError } from '../../../src/core/errors.js';
import { assertNotExpired, readJwtExpiry } from '../../../src/core/jwt.js';

const part = (value: unknown) => encodeBase64Url(new TextEncoder().encode(JSON.stringify(value)));
const jwt = (payload: unknown) => `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2ln`;

describe('jwt', () => {
  it('reads exp without verifying', () => {
    expect(readJwtExpiry(jwt({ exp: 1_900_000_000, sub: 'Łukasz' }))).toBe(1_900_000_000);
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', `${part({})}.!!!.x`, `${part({})}.${part('str')}.x`, jwt({ exp: '1900000000' }), jwt({})])(
    'returns undefined for %j',
    (token) => {
      expect(readJwtExpiry(token)).toBeUndefined();
    },
  );

  it('refuses an expired token with a ValidationError saying when it expired', () => {
    const now = Date.UTC(2026, 0, 1);
    const token = jwt({ exp: now / 1000 - 60 });
    expect(() => assertNotExpired(token, { what: 'upload token', now })).toThrow(ValidationError);
    expect(() => assertNotExpired(token, { what: 'upload token', now })).toThrow(/upload token: expired at 2025-12-31T23:59:00\.000Z/);
  });

  it('accepts a fresh token, one without exp, and one inside the clock skew', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(() => assertNotExpired(jwt({ exp: now / 1000 + 60 }), { now })).not.toThrow();
    expect(() => assertNotExpired(jwt({ sub: 'x' }), { now })).not.toThrow();
    expect(() => assertNotExpired(jwt({ exp: now / 1000 - 2 }), { now, skewSeconds: 5 })).not.toThrow();
  });

  it('an exp outside the Date range is expired, as a ValidationError (not a RangeError)', () => {
    for (const exp of [-1e20, -8.64e12 - 1]) expect(() => assertNotExpired(jwt({ exp }))).toThrow(ValidationError);
    expect(() => assertNotExpired(jwt({ exp: 1e20 }))).not.toThrow();
  });

  it('the skew boundary: exactly skew seconds ago is expired, a millisecond later is not', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(() => assertNotExpired(jwt({ exp: now / 1000 - 5 }), { now, skewSeconds: 5 })).toThrow(ValidationError);
    expect(() => assertNotExpired(jwt({ exp: now / 1000 - 5 }), { now: now - 1, skewSeconds: 5 })).not.toThrow();
    expect(() => assertNotExpired(jwt({ exp: now / 1000 }), { now })).not.toThrow();
  });
});
