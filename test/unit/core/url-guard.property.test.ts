// Properties of the URL guard: over URLs built from the pieces attackers combine, only BatonErrors
// are thrown and nothing off the policy passes. From the first hardening pass (was
// test/unit/hardening/url-guard.property.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatonError, UnsafeUrlError } from '../../../src/core/errors.js';
import { safeUrl } from '../../../src/core/url-guard.js';
import { RUNS } from '../../helpers/property-runs.js';

const allowed = ['secure.sectigo.com', 'gate.sbctech.ru', 'localhost'];
const policy = { allowedHosts: allowed };

// Pieces attackers combine: schemes, separators, look-alike characters, encodings.
const piece = fc.constantFrom(
  'https://', 'http://', '//', '\\\\', 'https:', 'javascript:', 'data:', 'blob:', '@', ':', '/', '\\', '?', '#', '%2e', '%40',
  '.', '\u3002', '\uff0e', '\u200b', '\u202e', ' ', '\t', '\n', 'secure.sectigo.com', 'gate.sbctech.ru', 'localhost',
  'evil.example', '127.0.0.1', '0x7f.1', 'xn--scure-6ra.sectigo.com', 'sеcure', ':443', ':80', 'user:pw@',
);

function check(input: string): void {
  let url: URL;
  try {
    url = safeUrl(input, policy);
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeUrlError);
    return;
  }
  const loopback = url.hostname === 'localhost';
  expect(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)).toBe(true);
  expect(url.username + url.password).toBe('');
  expect(allowed).toContain(url.hostname);
  // What the browser will load is what the string says: the written host is the parsed host.
  expect(input.toLowerCase()).toContain(`//${url.hostname}`);
}

describe('URL guard properties', () => {
  it('any accepted URL is https (or loopback http), has no credentials and an allow-listed host', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), check), { numRuns: RUNS });
  });

  it('holds for arbitrary strings and generated web URLs', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), check), { numRuns: RUNS });
  });

  it('never throws anything but a BatonError, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          safeUrl(value as string, policy);
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
        }
      }),
      { numRuns: Math.min(RUNS, 5_000) },
    );
  });
});
