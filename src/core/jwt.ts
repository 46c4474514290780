import { decodeBase64Url } from './base64url.js';
import { ValidationError } from './errors.js';

/**
 * Reads the `exp` claim (seconds since the epoch) of a JWT **without verifying it** — only to
 * warn before using a token that has already expired. Returns `undefined` when the token is not
 * a JWT or has no numeric `exp`.
 */
export function readJwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(new TextDecoder().decode(decodeBase64Url(parts[1])));
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: `null.exp` throws into the catch below, a primitive has no `exp`; both give undefined.
    if (payload === null || typeof payload !== 'object') return undefined;
    const exp = (payload as { exp?: unknown }).exp;
    // Stryker disable next-line ConditionalExpression: equivalent: Number.isFinite is already false for anything but a number.
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Throws a `ValidationError` when `token` is a JWT whose `exp` is at or before `now`
 * (allowing `skewSeconds` for clock drift). Tokens without `exp` pass: the server decides.
 */
export function assertNotExpired(
  token: string,
  { what = 'token', now = Date.now(), skewSeconds = 5 }: { what?: string; now?: number; skewSeconds?: number } = {},
): void {
  const exp = readJwtExpiry(token);
  if (exp === undefined || exp * 1000 > now - skewSeconds * 1000) return;
  // An `exp` far outside the Date range (±8.64e15 ms) has no ISO form; it is expired all the same.
  const date = new Date(exp * 1000);
  const at = Number.isNaN(date.getTime()) ? `exp ${exp}` : date.toISOString();
  throw new ValidationError(what, [
    { path: '', message: `expired at ${at}; ask your server for a fresh one`, received: at },
  ]);
}
