// Checks shared by the public functions: bad input becomes a ValidationError, never a TypeError.
import { ValidationError } from '../core/errors.js';

export function checkObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(what, [{ path: '', message: 'expected an object', received: describe(value) }]);
  }
  return value as Record<string, unknown>;
}

export function checkUrl(value: unknown, what: string, path: string): string {
  try {
    // A URL.prototype object that is no URL throws on `href`: a ValidationError below.
    if (value instanceof URL) return value.href;
  } catch {}
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new ValidationError(what, [{ path, message: 'expected a URL (string or URL)', received: describe(value) }]);
}

export function checkSignal(value: unknown, what: string): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return value;
  throw new ValidationError(what, [{ path: 'signal', message: 'expected an AbortSignal', received: describe(value) }]);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
