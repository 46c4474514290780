import { describe, expect, it, vi } from 'vitest';
import { UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { pathSegment, safeUrl, type UrlPolicy } from '../../../src/core/url-guard.js';

const policy: UrlPolicy = {
  allowedHosts: ['secure.sectigo.com', 'secure.trust-provider.com', '*.sbctech.ru', 'localhost', '127.0.0.1', '[::1]'],
};

const good = [
  'https://secure.sectigo.com/products/postPayment1a?SID=abc&orderNumber=1',
  'https://SECURE.sectigo.com/products/x',
  'https://secure.trust-provider.com/products/postPayment1a',
  'https://secure.sectigo.com:443/products/x',
  'https://gate.sbctech.ru/paynet/form/1',
  'https://sandbox.sbctech.ru/paynet/form/1#frag',
  'http://localhost:5173/return',
  'http://127.0.0.1:4000/x',
  'http://[::1]:8080/',
  new URL('https://secure.sectigo.com/products/x'),
];

const hostile: Array<[string, RegExp]> = [
  ['javascript:alert(1)', /absolute http/],
  ['JaVaScRiPt:alert(1)', /absolute http/],
  ['data:text/html,<script>alert(1)</script>', /absolute http/],
  ['blob:https://secure.sectigo.com/uuid', /absolute http/],
  ['vbscript:msgbox(1)', /absolute http/],
  ['file:///etc/passwd', /scheme file/],
  ['ftp://secure.sectigo.com/x', /scheme ftp/],
  ['//evil.example/x', /absolute http/],
  ['/relative/path', /absolute http/],
  ['http://secure.sectigo.com/products/x', /plain http/],
  ['https://evil.example/products/x', /allow-list/],
  ['https://secure.sectigo.com.evil.example/', /allow-list/],
  ['https://evilsecure.sectigo.com/', /allow-list/],
  ['https://sbctech.ru/', /allow-list/], // wildcard covers sub-domains, not the apex
  ['https://user:pass@secure.sectigo.com/', /credentials/],
  ['https://secure.sectigo.com@evil.example/', /credentials/],
  ['https://evil.example\\@secure.sectigo.com/', /backslash/],
  ['https://evil.example\\.secure.sectigo.com/', /backslash/],
  ['https:\\\\evil.example', /backslash/],
  [' https://secure.sectigo.com/', /whitespace/],
  ['https://secure.sectigo.com/\n', /whitespace/],
  ['\u0000https://secure.sectigo.com/', /control/],
  ['https://secure.sectigo\u3002com/', /whitespace|read as/], // ideographic full stop
  ['https://secure.sectigo\uff0ecom/', /read as/], // fullwidth full stop
  ['https://secure.sectigo%2ecom/', /read as/],
  ['https://%73ecure.sectigo.com/', /read as/],
  ['https://sеcure.sectigo.com/', /read as/], // Cyrillic "е"
  ['https://secure.sectigo.com./', /allow-list/],
  ['https://0x7f.0.0.1/', /read as/],
  ['http://2130706433/', /read as/],
  ['http://127.1/', /read as/],
  ['http://0177.0.0.1/', /read as/],
  ['http://localhost.evil.example/', /plain http/],
  ['https:evil.example', /absolute http/],
  ['https:/evil.example', /absolute http/],
  ['https://secure.sectigo.com\u202e/', /bidi/],
  ['https://secure.sectigo.com\t.evil/', /whitespace/],
  ['https://[::ffff:7f00:1]/', /allow-list|read as/],
  ['', /absolute http/],
  ['https://evil.example#@secure.sectigo.com/', /allow-list/],
  ['https://evil.example?@secure.sectigo.com/', /allow-list/],
  ['https://evil.example/.secure.sectigo.com/', /allow-list/],
  ['https://secure.sectigo.com%2f@evil.example/', /credentials/],
  ['https://secure.sectigo.com%00.evil.example/', /read as|valid/],
  ['https://ＳＥＣＵＲＥ.sectigo.com/', /read as/], // fullwidth letters
  ['https://secure.sectigo.com%E3%80%82evil.example/', /read as|valid/],
  ['https://xn--scure-6ra.sectigo.com/', /allow-list/], // punycode look-alike
  ['https:///secure.sectigo.com/', /read as|valid/],
  ['https://secure.sectigo.com:0x1bb/', /valid/],
];

describe('safeUrl — the URL guard', () => {
  it.each(good.map((url) => [String(url), url]))('accepts %s', (_label, url) => {
    expect(safeUrl(url, policy)).toBeInstanceOf(URL);
  });

  it.each(hostile)('refuses %j', (url, reason) => {
    let error: unknown;
    try {
      safeUrl(url, policy);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as UnsafeUrlError).reason).toMatch(reason);
    expect((error as UnsafeUrlError).url).toBe(url);
  });

  it('refuses values that are not strings or URLs with an UnsafeUrlError, not a TypeError', () => {
    for (const value of [undefined, null, 42, {}, ['https://secure.sectigo.com/']]) {
      expect(() => safeUrl(value as never, policy)).toThrow(UnsafeUrlError);
    }
  });

  it('enforces path prefixes', () => {
    const sectigo = { allowedHosts: ['secure.sectigo.com'], pathPrefixes: ['/products/'] };
    expect(safeUrl('https://secure.sectigo.com/products/postPayment1a', sectigo).pathname).toBe('/products/postPayment1a');
    expect(() => safeUrl('https://secure.sectigo.com/admin', sectigo)).toThrow(/outside \/products\//);
    expect(() => safeUrl('https://secure.sectigo.com/products/../admin', sectigo)).toThrow(/outside/);
  });

  it('can forbid loopback http', () => {
    expect(() => safeUrl('http://localhost/', { allowedHosts: ['localhost'], allowLoopbackHttp: false })).toThrow(/plain http/);
  });

  it('matches host:port entries exactly', () => {
    const pinned = { allowedHosts: ['localhost:5173'] };
    expect(safeUrl('http://localhost:5173/x', pinned).port).toBe('5173');
    expect(() => safeUrl('http://localhost:5174/x', pinned)).toThrow(/allow-list/);
  });

  it('refuses paths a server would read as a step up out of a checked prefix', () => {
    const sbc = { allowedHosts: ['gate.sbctech.ru'], pathPrefixes: ['/paynet/'] };
    for (const path of ['/paynet/..;/admin', '/paynet/%2e%2e;/admin', '/paynet/..;x=1/admin', '/paynet/.%2e;/admin', '/paynet/..%2fadmin', '/paynet/..%5cadmin', '/paynet/a%2F..%2F..%2Fadmin', '/paynet/%zz']) {
      expect(() => safeUrl(`https://gate.sbctech.ru${path}`, sbc), path).toThrow(UnsafeUrlError);
    }
    expect(safeUrl('https://gate.sbctech.ru/paynet/form/init/AB12', sbc).pathname).toBe('/paynet/form/init/AB12');
    expect(safeUrl('https://gate.sbctech.ru/paynet/a..b/c.d', sbc).pathname).toBe('/paynet/a..b/c.d');
  });

  it('matches *.host:port patterns on that port only', () => {
    const wild = { allowedHosts: ['*.example.com:8443'] };
    expect(safeUrl('https://pay.example.com:8443/x', wild).host).toBe('pay.example.com:8443');
    expect(() => safeUrl('https://pay.example.com/x', wild)).toThrow(/allow-list/);
    expect(() => safeUrl('https://pay.example.com:9443/x', wild)).toThrow(/allow-list/);
    expect(() => safeUrl('https://example.com:8443/x', wild)).toThrow(/allow-list/);
    expect(() => safeUrl('https://evilexample.com:8443/x', wild)).toThrow(/allow-list/);
    expect(safeUrl('https://pay.example.com/x', { allowedHosts: ['pay.example.com:443'] }).host).toBe('pay.example.com');
  });

  it('a missing or malformed policy is a ValidationError, not a TypeError', () => {
    for (const bad of [undefined, null, {}, { allowedHosts: 'a.com' }, { allowedHosts: [1] }, { allowedHosts: [], pathPrefixes: '/x' }]) {
      expect(() => safeUrl('https://a.com/', bad as never)).toThrow(ValidationError);
    }
  });

  it('loopback means the whole host, not a prefix of it', () => {
    expect(() => safeUrl('http://localhost.evil.example/', { allowedHosts: ['*.evil.example'] })).toThrow(/plain http/);
    expect(() => safeUrl('http://127.0.0.1.evil.example/', { allowedHosts: ['*.evil.example'] })).toThrow(/plain http/);
    expect(() => safeUrl('http://evil127.0.0.1/', { allowedHosts: ['evil127.0.0.1'] })).toThrow(UnsafeUrlError);
  });

  it('pathSegment encodes ids and refuses ., .. and empty', () => {
    expect(pathSegment('a/b?c#d', 'id')).toBe('a%2Fb%3Fc%23d');
    expect(pathSegment(42, 'id')).toBe('42');
    for (const id of ['', '.', '..']) expect(() => pathSegment(id, 'id')).toThrow(ValidationError);
  });

  it('refuses every case of the open-redirect corpus', () => {
    for (const [url] of hostile) expect(() => safeUrl(url, policy), url).toThrow(UnsafeUrlError);
  });
});

// Issue 23 §7: every refusal carries a machine-readable `rule` (no code matches on message text),
// and a host that is not on the list names the option that allows it.
describe('UnsafeUrlError: rule and fix', () => {
  const policy = { allowedHosts: ['example.com'], pathPrefixes: ['/ok/'] };
  const ruleOf = (url: string) => {
    try {
      safeUrl(url, policy);
    } catch (error) {
      return (error as UnsafeUrlError).rule;
    }
    return 'allowed';
  };

  it('names the rule that refused', () => {
    expect(ruleOf('https://example.com/ok/x')).toBe('allowed');
    expect(ruleOf('https://evil.example/ok/x')).toBe('host');
    expect(ruleOf('http://example.com/ok/x')).toBe('scheme');
    expect(ruleOf('javascript:alert(1)')).toBe('scheme');
    expect(ruleOf('https://example.com/other')).toBe('path');
    expect(ruleOf('https://example.com/ok/%2e%2e/x')).toBe('path');
    expect(ruleOf('https://user:pw@example.com/ok/')).toBe('credentials');
    expect(ruleOf('https://example.com\t/ok/')).toBe('rewritten');
    expect(ruleOf('https://0x7f.0.0.1/ok/')).toBe('rewritten');
  });

  it('a host off the list names the option that allows it', async () => {
    const { createClientSession } = await import('../../../src/connect/index.js');
    const { getPostPaymentStatus } = await import('../../../src/sasp/index.js');
    const { initiateSale } = await import('../../../src/sbc/index.js');
    const refusal = (run: () => unknown) => Promise.resolve().then(run).then(() => undefined, (error: unknown) => error as UnsafeUrlError);

    const connect = await refusal(() => createClientSession({ clientSessionId: 'a', customerId: 'c', clientApiUrl: 'https://evil.example/client', assetUrl: 'https://evil.example/a' }));
    expect(connect).toMatchObject({ rule: 'host' });
    expect(connect!.message).toContain('allow it with createClientSession(…, { allowedHosts })');

    const sasp = await refusal(() => getPostPaymentStatus({ relay: 'https://evil.example/relay', orderNumber: '1' }));
    expect(sasp!.message).toContain('getPostPaymentStatus({ relay, allowedHosts })');

    const sale = { accessToken: 'T'.repeat(40), device: { serialNumber: 'S' }, transaction: { amountCentis: 1, currency: 'EUR' } };
    const sbc = await refusal(() => initiateSale({ ...sale, url: 'https://evil.example/sale' }));
    expect(sbc!.message).toContain('initiateSale({ allowedHosts })');

    expect((await refusal(() => safeUrl('https://evil.example/', { allowedHosts: [] })))!.message).toContain("the policy's allowedHosts");
  });

  it('a redirect is rule "redirect"', async () => {
    const { request } = await import('../../../src/core/http.js');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }));
    const error = await request('https://example.com/ok/x', { policy }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toMatchObject({ name: 'UnsafeUrlError', rule: 'redirect' });
  });
});
