// The URL guard's newer parts, each pinned by what a caller sees: the `rule` of every refusal,
// host patterns (an `allowedHosts` entry that is a URL), `policyFor`, a relative URL with no page,
// and `pathUnder` (an asset path under the session's asset URL). Cases from the mutation run of
// 2026-12-05: each one failed a mutant that the other url-guard tests let live.
import { describe, expect, it } from 'vitest';
import { UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { hostPatternIssue, pathUnder, policyFor, resolveUrl, safeUrl } from '../../../src/core/url-guard.js';
import { caught } from '../../helpers/caught.js';

const policy = { allowedHosts: ['pay.example'] };
const refusal = (run: () => unknown) => caught(run) as UnsafeUrlError;

describe('UnsafeUrlError.rule for each refusal', () => {
  it.each([
    ['not a string or URL', () => safeUrl(42 as never, policy), 'scheme'],
    ['not a valid URL', () => safeUrl('https://[oops/x', policy), 'host'],
    ['another scheme', () => safeUrl('ftp://pay.example/x', policy), 'scheme'],
    ['a relative URL with characters a parser rewrites', () => resolveUrl('/a\tb', policy), 'rewritten'],
    ['a relative URL with no page to resolve it against', () => resolveUrl('/status', policy), 'host'],
  ])('%s', (_name, run, rule) => {
    const error = refusal(run);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(error.rule).toBe(rule);
  });

  it('a relative URL with no page says so', () => {
    expect(refusal(() => resolveUrl('/status', policy)).reason).toBe('relative, with no page');
  });
});

describe('host patterns', () => {
  it.each(['example.com', 'example.com:8443', '*.example.com', '[::1]', 'localhost'])('%j is a host', (entry) => {
    expect(hostPatternIssue(entry)).toBeUndefined();
  });

  it.each([42, null])('%j is not a host', (entry) => {
    expect(hostPatternIssue(entry)).toBe(`${JSON.stringify(entry)} is not a host: give the host (and port), not a URL`);
  });

  it.each(['https://example.com', 'http://127.0.0.1:5174', 'example.com/pay', 'a b', 'example.com?x', 'example.com#x', 'user@example.com', 'ex\\ample', ''])(
    '%j is not, and a policy holding it is a ValidationError saying to give the host',
    (entry) => {
      expect(hostPatternIssue(entry)).toBe(`${JSON.stringify(entry)} is not a host: give the host (and port), not a URL`);
      const error = caught(() => safeUrl('https://example.com/', { allowedHosts: ['example.com', entry as string] })) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues).toEqual([expect.objectContaining({ path: 'allowedHosts', message: hostPatternIssue(entry) })]);
      expect(error.message).toMatch(/^URL policy/);
    },
  );
});

describe('policyFor', () => {
  it('is exactly the allowedHosts given, naming the option that sets them', () => {
    expect(policyFor(['merchant.example'], 'x({ allowedHosts })', ['extra.example'])).toEqual({ allowedHosts: ['merchant.example'], allowedHostsOption: 'x({ allowedHosts })' });
    const error = refusal(() => safeUrl('https://elsewhere.example/', policyFor(['merchant.example'], 'x({ allowedHosts })')));
    expect(error.fix).toBe('allow it with x({ allowedHosts })');
  });

  it('without allowedHosts: the extra hosts and the page (no page here: loopback)', () => {
    const { allowedHosts } = policyFor(undefined, 'x({ allowedHosts })', ['extra.example']);
    expect(allowedHosts[0]).toBe('extra.example');
    expect(allowedHosts).toContain('localhost');
    expect(allowedHosts).not.toContain('pay.example');
  });
});

describe('pathUnder: an asset path under the asset URL', () => {
  const base = new URL('https://assets.pay.example/pay/');

  it.each([
    ['images/visa.png', 'https://assets.pay.example/pay/images/visa.png'],
    ['/images/visa.png', 'https://assets.pay.example/pay/images/visa.png'],
    // A colon or a double slash later in the path is no scheme and no host.
    ['images/v1:visa.png', 'https://assets.pay.example/pay/images/v1:visa.png'],
    ['images//visa.png', 'https://assets.pay.example/pay/images//visa.png'],
  ])('%j is %s', (path, url) => {
    expect(pathUnder(base, path, 'the session assetUrl')).toBe(url);
  });

  it.each([
    ['//evil.example/x.png', 'path'],
    ['///evil.example/x.png', 'path'],
    ['https://evil.example/x.png', 'path'],
    ['javascript:alert(1)', 'path'],
    ['data:image/png,x', 'path'],
    ['\t//evil.example/x.png', 'rewritten'],
    [42, 'path'],
  ])('%j is refused (rule %s) as no relative path, naming what it had to be under', (path, rule) => {
    const error = refusal(() => pathUnder(base, path, 'the session assetUrl'));
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(error.rule).toBe(rule);
    expect(error.reason).toBe('not a path relative to the session assetUrl');
  });

  it.each(['../other/x.png', '%2e%2e/other/x.png'])('%j climbs out of the asset path: refused by the guard', (path) => {
    const error = refusal(() => pathUnder(base, path, 'the session assetUrl'));
    expect(error.rule).toBe('path');
    expect(error.reason).toBe('path /other/x.png is outside /pay/');
  });

  it('stays on the asset host and under its path', () => {
    expect(refusal(() => pathUnder(new URL('https://assets.pay.example/pay/'), 'x/../../y.png', 'the asset URL')).rule).toBe('path');
  });
});
