import { SecretError } from './errors.js';

/**
 * Field names that only a merchant server may hold, normalised (lower case, no `_`/`-`):
 * the providers treat field names case-insensitively, so Baton does too.
 */
const FORBIDDEN = new Set([
  'loginpassword',
  'merchantcontrol',
  'control',
  'controlkey',
  'apisecret',
  'secretapikey',
  'apikeysecret',
  'secretkey',
  'signingkey',
  'hmackey',
  'privatekey',
  'clientsecret',
]);

const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/** True when `key` names a merchant secret. */
export function isSecretKey(key: string): boolean {
  return FORBIDDEN.has(normalize(key));
}

/**
 * Throws a `SecretError` if `value` carries a merchant secret at any depth: plain objects,
 * arrays, `Map`, `URLSearchParams`, `FormData` and `Headers` are searched. Call it on everything
 * a public function is about to send, before sending.
 */
export function assertNoSecrets(value: unknown, path = 'input'): void {
  walk(value, path, new WeakSet());
}

function walk(value: unknown, path: string, seen: WeakSet<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, child] of entries(value)) {
    const childPath = `${path}.${key}`;
    if (isSecretKey(key)) throw new SecretError(childPath);
    walk(child, childPath, seen);
  }
}

function entries(value: object): Iterable<[string, unknown]> {
  if (Array.isArray(value)) return value.map((item, index) => [String(index), item]);
  if (value instanceof Map) return [...value].map(([key, item]) => [String(key), item]);
  if (isKeyValueList(value)) return [...value.entries()];
  return Object.entries(value);
}

function isKeyValueList(value: object): value is { entries(): Iterable<[string, unknown]> } {
  return (
    (typeof URLSearchParams !== 'undefined' && value instanceof URLSearchParams) ||
    (typeof FormData !== 'undefined' && value instanceof FormData) ||
    (typeof Headers !== 'undefined' && value instanceof Headers)
  );
}
