// Importing Baton during server-side rendering must not touch browser globals or start work.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entries = ['index', 'sasp', 'connect', 'sbc'];
const touched: string[] = [];

beforeAll(() => {
  for (const name of ['window', 'document', 'navigator', 'location', 'screen']) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
});
afterAll(() => {
  for (const name of ['window', 'document', 'navigator', 'location', 'screen']) delete (globalThis as Record<string, unknown>)[name];
});

describe('SSR import of the built package', () => {
  it('dist is built (npm test builds first)', () => {
    expect(existsSync('dist/index.js')).toBe(true);
  });

  it.each(entries)('dist/%s.js imports without touching window/document', async (entry) => {
    touched.length = 0;
    const module = await import(/* @vite-ignore */ `${process.cwd()}/dist/${entry}.js`);
    expect(Object.keys(module).length).toBeGreaterThan(0);
    expect(touched).toEqual([]);
  });
});
