import { ValidationError } from '../core/errors.js';
import { ConfigError } from './errors.js';

/** Reads `key` once, as an own property only (a prototype cannot inject a value). */
export function own<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** A required non-empty string from the merchant's configuration. */
export function secretOf(config: object, key: string, where: string): string {
  const value = own(config as Record<string, unknown>, key);
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${where}.${key}`, 'is required (a non-empty string from your configuration)');
  return value;
}

/** Checks a config object is a plain object. */
export function configObject<T>(config: T, where: string): T {
  if (config === null || typeof config !== 'object') throw new ConfigError(where, 'expected a configuration object');
  return config;
}

/** A string field of 1…max characters with no control characters; `ValidationError` otherwise. */
export function field(value: unknown, what: string, path: string, max: number): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(what, [{ path, message: 'is required' }]);
  if (value.length > max) throw new ValidationError(what, [{ path, message: `is longer than ${max} characters`, received: `${value.length} characters` }]);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new ValidationError(what, [{ path, message: 'contains control characters' }]);
  return value;
}

