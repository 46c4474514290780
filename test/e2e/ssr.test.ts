// Importing Baton during server-side rendering must not touch browser globals or start work.
// In the e2e project: it runs on the package `npm test` has just built, through its `exports`.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, { default?: string } | string> };
// Every JavaScript entry the package exports (not package.json or the stylesheet).
const entries = Object.entries(pkg.exports)
  .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.default] as const)
  .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && entry[1].endsWith('.js'));
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
  it('every export is built (npm test builds first)', () => {
    expect(entries.map(([subpath]) => subpath)).toEqual(expect.arrayContaining(['.', './sasp', './connect', './sbc']));
    for (const [, file] of entries) expect(existsSync(file), file).toBe(true);
  });

  it.each(entries.map(([subpath, file]) => [`baton-sdk${subpath.slice(1)}`, file]))('%s imports without touching window/document', async (_name, file) => {
    touched.length = 0;
    const module = await import(/* @vite-ignore */ `${process.cwd()}/${file}`);
    expect(Object.keys(module).length).toBeGreaterThan(0);
    expect(touched).toEqual([]);
  });
});
