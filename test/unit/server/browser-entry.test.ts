// `baton-sdk/server` under the `browser` condition: the stub throws a clear error at import.
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

describe('baton-sdk/server in a browser', () => {
  it('the browser condition resolves to a module that throws at import, naming what to import instead', async () => {
    const target = pkg.exports['./server'];
    expect(target.browser).toBe('./dist/server/browser.js');
    await expect(import('../../../src/server/browser.js')).rejects.toThrow(/imported in a browser bundle.*baton-sdk\/connect/s);
  });
});
