// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of the URL
// guard that the other tests left open — which URL passes, which is refused, and what the refusal says.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { pageOriginPolicy, pathSegment, safeUrl, type UrlPolicy } from '../../../src/core/url-guard.js';

function refusal(run: () => unknown): UnsafeUrlError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeUrlError);
    return error as UnsafeUrlError;
  }
  throw new Error('expected an UnsafeUrlError, nothing was thrown');
}

function invalid(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

describe('url guard: loopback is the whole host', () => {
  it('plain http to a host that merely ends in "localhost" is refused', () => {
    expect(refusal(() => safeUrl('http://evillocalhost/', { allowedHosts: ['evillocalhost'] })).reason).toBe('plain http is allowed only for loopback hosts');
  });

  it('every 127.x.y.z address is loopback, with one to three digits per part', () => {
    for (const host of ['127.0.0.10', '127.10.200.1', '127.255.255.254']) {
      expect(safeUrl(`http://${host}:8080/x`, { allowedHosts: [host] }).hostname, host).toBe(host);
    }
  });
});

describe('url guard: default ports', () => {
  it('an explicit default port is the same host: :80 for http, :443 for https', () => {
    expect(safeUrl('http://localhost:80/x', { allowedHosts: ['localhost'] }).host).toBe('localhost');
    expect(safeUrl('https://pay.example.com:443/x', { allowedHosts: ['pay.example.com'] }).host).toBe('pay.example.com');
  });

  it('a pattern pinned to a default port matches that scheme only', () => {
    expect(safeUrl('http://localhost/x', { allowedHosts: ['localhost:80'] }).host).toBe('localhost');
    expect(refusal(() => safeUrl('http://localhost/x', { allowedHosts: ['localhost:443'] })).reason).toMatch(/allow-list/);
    expect(refusal(() => safeUrl('https://pay.example.com/x', { allowedHosts: ['pay.example.com:80'] })).reason).toMatch(/allow-list/);
  });

  it('a pattern pinned to :443 does not admit another port', () => {
    expect(refusal(() => safeUrl('https://pay.example.com:8443/x', { allowedHosts: ['pay.example.com:443'] })).reason).toMatch(/allow-list/);
  });

  it('a malformed port in a pattern matches nothing (it does not widen to the host)', () => {
    expect(refusal(() => safeUrl('https://pay.example.com:8443/x', { allowedHosts: ['pay.example.com:8443x'] })).reason).toMatch(/allow-list/);
  });

  it('a wildcard needs a label before the domain: "*.example.com" does not admit ".example.com"', () => {
    expect(refusal(() => safeUrl('https://.example.com/x', { allowedHosts: ['*.example.com'] })).reason).toMatch(/allow-list/);
  });
});

describe('url guard: credentials', () => {
  it('an empty userinfo ("@" or ":@") is refused as credentials', () => {
    for (const url of ['https://@secure.sectigo.com/', 'https://:@secure.sectigo.com/']) {
      expect(refusal(() => safeUrl(url, { allowedHosts: ['secure.sectigo.com'] })).reason, url).toBe('credentials in the URL');
    }
  });
});

describe('url guard: paths', () => {
  const sbc = { allowedHosts: ['gate.sbctech.ru'], pathPrefixes: ['/paynet/', '/api/v1/'] };

  it('any one of several prefixes admits the path', () => {
    expect(safeUrl('https://gate.sbctech.ru/paynet/form/1', sbc).pathname).toBe('/paynet/form/1');
    expect(safeUrl('https://gate.sbctech.ru/api/v1/status', sbc).pathname).toBe('/api/v1/status');
  });

  it('an empty prefix list admits no path', () => {
    expect(refusal(() => safeUrl('https://gate.sbctech.ru/paynet/x', { allowedHosts: ['gate.sbctech.ru'], pathPrefixes: [] })).reason).toBe(
      'path /paynet/x is outside ',
    );
  });

  it('the refusal names the path and every prefix', () => {
    expect(refusal(() => safeUrl('https://gate.sbctech.ru/admin', sbc)).reason).toBe('path /admin is outside /paynet/, /api/v1/');
  });

  it('segments that only contain or end with dots are not steps up', () => {
    for (const path of ['/paynet/.well-known/x', '/paynet/v1./x', '/paynet/..x/y', '/paynet/a;../b', '/paynet/...']) {
      expect(safeUrl(`https://gate.sbctech.ru${path}`, sbc).pathname, path).toBe(path);
    }
  });

  it('each path refusal says why', () => {
    expect(refusal(() => safeUrl('https://gate.sbctech.ru/paynet/%zz', sbc)).reason).toBe('path has broken percent-encoding');
    expect(refusal(() => safeUrl('https://gate.sbctech.ru/paynet/a%2fb', sbc)).reason).toBe('path has an encoded slash or backslash');
    expect(refusal(() => safeUrl('https://gate.sbctech.ru/paynet/..;/admin', sbc)).reason).toBe('path has a dot segment');
    expect(refusal(() => safeUrl('https://gate.sbctech.ru/paynet/.;x/a', sbc)).reason).toBe('path has a dot segment');
  });
});

describe('url guard: what a refusal says', () => {
  it('a value that is not a string or URL is named by its type', () => {
    const none = refusal(() => safeUrl(null as never, { allowedHosts: ['a.example'] }));
    expect([none.url, none.reason]).toStrictEqual(['[null]', 'not a string or URL']);
    const number = refusal(() => safeUrl(42 as never, { allowedHosts: ['a.example'] }));
    expect([number.url, number.reason]).toStrictEqual(['[number]', 'not a string or URL']);
    expect(refusal(() => safeUrl({} as never, { allowedHosts: ['a.example'] })).url).toBe('[object]');
  });

  it('a host off the list is named with the list, or "empty"', () => {
    expect(refusal(() => safeUrl('https://evil.example/', { allowedHosts: [] })).reason).toBe('host evil.example is not on the allow-list (empty)');
    expect(refusal(() => safeUrl('https://evil.example/', { allowedHosts: ['a.example', '*.b.example'] })).reason).toBe(
      'host evil.example is not on the allow-list (a.example, *.b.example)',
    );
  });

  it('a malformed policy is described, including a list with one non-string', () => {
    for (const bad of [{ allowedHosts: ['a.example', 1] }, { allowedHosts: ['a.example'], pathPrefixes: ['/x', null] }, 'a.example', null]) {
      expect(invalid(() => safeUrl('https://a.example/', bad as unknown as UrlPolicy)).issues, JSON.stringify(bad)).toStrictEqual([
        { path: 'allowedHosts', message: 'expected { allowedHosts: string[], pathPrefixes?: string[] }' },
      ]);
    }
    expect(invalid(() => safeUrl('https://a.example/', null as never)).message).toMatch(/^URL policy: /);
  });
});

describe('pathSegment', () => {
  it('says which id was refused and why', () => {
    for (const id of ['', '.', '..']) {
      const error = invalid(() => pathSegment(id, 'customerId'));
      expect(error.issues).toStrictEqual([{ path: '', message: 'cannot be empty, "." or ".." (it goes into a URL path)', received: id }]);
      expect(error.message).toMatch(/^customerId: /);
    }
  });
});

describe('pageOriginPolicy', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('outside a browser: loopback only', () => {
    expect(pageOriginPolicy()).toStrictEqual({ allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
    expect(safeUrl('http://127.0.0.1:4000/x', pageOriginPolicy()).port).toBe('4000');
    expect(refusal(() => safeUrl('https://shop.example/x', pageOriginPolicy())).reason).toMatch(/allow-list/);
  });

  it("in a page: the page's exact origin (host and port); loopback only from a loopback page", () => {
    vi.stubGlobal('location', new URL('https://shop.example:8443/pay'));
    expect(pageOriginPolicy()).toStrictEqual({ allowedHosts: ['shop.example:8443'] });
    expect(safeUrl('https://shop.example:8443/api', pageOriginPolicy()).host).toBe('shop.example:8443');
    expect(refusal(() => safeUrl('https://shop.example/api', pageOriginPolicy())).reason).toMatch(/allow-list/);
    expect(refusal(() => safeUrl('http://127.0.0.1:4000/api', pageOriginPolicy())).reason).toMatch(/allow-list/);
    vi.stubGlobal('location', new URL('https://shop.example/pay'));
    expect(pageOriginPolicy()).toStrictEqual({ allowedHosts: ['shop.example:443'] });
    expect(safeUrl('https://shop.example/api', pageOriginPolicy()).host).toBe('shop.example');
    expect(refusal(() => safeUrl('https://shop.example:8443/api', pageOriginPolicy())).reason).toMatch(/allow-list/);
    expect(refusal(() => safeUrl('http://shop.example/api', pageOriginPolicy())).reason).toMatch(/http/);
    vi.stubGlobal('location', new URL('http://localhost/'));
    expect(pageOriginPolicy().allowedHosts[0]).toBe('localhost:80');
    vi.stubGlobal('location', new URL('http://localhost:5173/'));
    expect(pageOriginPolicy()).toStrictEqual({ allowedHosts: ['localhost:5173', 'localhost', '127.0.0.1', '[::1]'] });
    // A blob: page has its creator's origin: that origin, not development's loopback.
    vi.stubGlobal('location', new URL('blob:https://shop.example/0b6f5b35-1c1d-4b6f-9a44-6f3c0c0b6b7e'));
    expect(pageOriginPolicy()).toStrictEqual({ allowedHosts: ['shop.example:443'] });
    // Not an http(s) page (a file: or about: document): as if there were none.
    vi.stubGlobal('location', new URL('file:///tmp/x.html'));
    expect(pageOriginPolicy()).toStrictEqual({ allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
  });
});
