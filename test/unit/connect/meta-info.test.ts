import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectMetaInfo, encodeMetaInfo, SDK_IDENTIFIER } from '../../../src/connect/meta-info.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('X-GCS-ClientMetaInfo', () => {
  it('is base64 of UTF-8 JSON (non-ASCII app names survive)', () => {
    const header = encodeMetaInfo(collectMetaInfo('Kasa Łódź 王/1.0'));
    expect(header).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(header, 'base64').toString('utf8'))).toMatchObject({
      sdkIdentifier: SDK_IDENTIFIER,
      sdkCreator: 'Baton',
      appIdentifier: 'Kasa Łódź 王/1.0',
    });
  });

  it('reads screen size and user agent from the window only when called', () => {
    vi.stubGlobal('window', { innerWidth: 390, innerHeight: 844 });
    vi.stubGlobal('navigator', { userAgent: 'TestAgent/1' });
    expect(collectMetaInfo()).toEqual({ screenSize: '390x844', platformIdentifier: 'TestAgent/1', sdkIdentifier: SDK_IDENTIFIER, sdkCreator: 'Baton' });
  });

  it('does not touch window or document on import (SSR safe)', async () => {
    const touched: string[] = [];
    for (const name of ['window', 'document', 'navigator', 'screen']) {
      vi.stubGlobal(name, new Proxy({}, { get: (_t, key) => (touched.push(`${name}.${String(key)}`), undefined) }));
    }
    await import('../../../src/connect/index.js');
    expect(touched).toEqual([]);
  });
});
