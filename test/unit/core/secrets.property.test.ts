// Properties of the secrets guard: a secret name in any casing, position or syntax is refused.
// From the first hardening pass (was test/unit/hardening/secrets.property.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../../../src/core/errors.js';
import { assertNoSecrets } from '../../../src/core/secrets.js';
import { RUNS } from '../../helpers/property-runs.js';

const secretNames = ['loginPassword', 'merchant_control', 'control', 'merchantControl', 'apiSecret', 'secretApiKey'];

// Providers read field names case-insensitively, so every casing must be caught.
const anyCasing = fc
  .tuple(fc.constantFrom(...secretNames), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
  .map(([name, flips]) => [...name].map((char, i) => (flips[i] ? char.toUpperCase() : char.toLowerCase())).join(''));

/** Hides `key: 'x'` somewhere inside a random JSON-like value. */
function bury(value: unknown, key: string, path: number[]): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return { wrapper: value, [key]: 'FAKE' };
  const [step, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const index = step! % (copy.length + 1);
    copy[index] = bury(copy[index], key, rest);
    return copy;
  }
  const keys = Object.keys(value);
  const target = keys[step! % (keys.length + 1)] ?? 'nested';
  return { ...value, [target]: bury((value as Record<string, unknown>)[target], key, rest) };
}

describe('secrets guard properties', () => {
  it('refuses a forbidden key at any depth, in any casing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), anyCasing, fc.array(fc.nat(), { maxLength: 5 }), (value, key, path) => {
        expect(() => assertNoSecrets(bury(value, key, path))).toThrow(SecretError);
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts values without secret keys', () => {
    const safeKey = fc.string().filter((key) => !/control|password|secret|private|signing|hmac/i.test(key.replace(/[-_\s]/g, '')));
    fc.assert(
      fc.property(fc.dictionary(safeKey, fc.jsonValue({ maxDepth: 2 })), (value) => {
        const hasSecretInside = JSON.stringify(value).match(/"(?:[^"]*(?:control|password|secret|private|signing|hmac)[^"]*)":/i);
        fc.pre(!hasSecretInside);
        expect(() => assertNoSecrets(value)).not.toThrow();
      }),
      { numRuns: Math.min(RUNS, 5_000) },
    );
  });
});
