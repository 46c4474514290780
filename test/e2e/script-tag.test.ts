// The script-tag builds in a real page: each loads with its SRI hash under a strict CSP and exposes
// window.Baton — the full file all three providers, each per-provider file its provider alone.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { launchChromium } from './harness.js';

/** dist/<file>.iife.min.js → the provider namespaces it must expose. */
const FILES = {
  baton: ['sasp', 'connect', 'sbc'],
  'baton-sasp': ['sasp'],
  'baton-connect': ['connect'],
  'baton-sbc': ['sbc'],
} as const;
type FileName = keyof typeof FILES;

let browser: Browser;
let server: LoopbackServer;
let origin: string;

beforeAll(async () => {
  const built = new Map(
    Object.keys(FILES).map((name) => [
      name,
      { script: readFileSync(`dist/${name}.iife.min.js`), integrity: readFileSync(`dist/${name}.iife.min.js.sri`, 'utf8').trim() },
    ]),
  );
  server = await startLoopbackServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const script = /^\/(.+)\.js$/.exec(url.pathname)?.[1];
    if (script && built.has(script)) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(built.get(script)!.script);
    }
    // /?file=baton-sasp (default baton); &tampered makes the integrity attribute wrong.
    const name = url.searchParams.get('file') ?? 'baton';
    const integrity = url.searchParams.has('tampered') ? 'sha384-AAAA' : built.get(name)?.integrity;
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" });
    res.end(`<!doctype html><title>x</title><script src="/${name}.js" integrity="${integrity}" crossorigin="anonymous"></script>`);
  });
  origin = server.url;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a page script sees on window.Baton after loading `dist/<name>.iife.min.js`. */
async function loadAndInspect(name: FileName) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/?file=${name}`);
  const shape = await page.evaluate(() => {
    const baton = (window as unknown as { Baton: Record<string, unknown> }).Baton;
    const error = new (baton.ValidationError as new (w: string, i: unknown[]) => Error)('x', []);
    return {
      namespaces: ['sasp', 'connect', 'sbc'].filter((key) => key in baton),
      isBatonError: error instanceof (baton.BatonError as typeof Error),
      guard: (() => {
        try {
          (baton.safeUrl as (u: string, p: unknown) => URL)('javascript:alert(1)', { allowedHosts: [] });
          return 'accepted';
        } catch (e) {
          return (e as Error).name;
        }
      })(),
      // One documented entry point per provider, callable through the namespace.
      entryPoints: {
        sasp: typeof (baton.sasp as Record<string, unknown> | undefined)?.getPostPaymentStatus,
        connect: typeof (baton.connect as Record<string, unknown> | undefined)?.createClientSession,
        sbc: typeof (baton.sbc as Record<string, unknown> | undefined)?.initiateSale,
      },
    };
  });
  await page.close();
  return { shape, errors };
}

describe('script-tag builds', () => {
  it.each(Object.entries(FILES) as [FileName, readonly string[]][])('dist/%s.iife.min.js exposes Baton with the errors and only %j under a strict CSP', async (name, providers) => {
    const { shape, errors } = await loadAndInspect(name);
    expect(shape).toEqual({
      namespaces: [...providers],
      isBatonError: true,
      guard: 'UnsafeUrlError',
      entryPoints: {
        sasp: providers.includes('sasp') ? 'function' : 'undefined',
        connect: providers.includes('connect') ? 'function' : 'undefined',
        sbc: providers.includes('sbc') ? 'function' : 'undefined',
      },
    });
    expect(errors).toEqual([]);
  });

  it.each(Object.keys(FILES) as FileName[])('dist/%s.iife.min.js is refused by the browser when the integrity hash does not match', async (name) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?file=${name}&tampered`);
    expect(await page.evaluate(() => typeof (window as unknown as { Baton?: unknown }).Baton)).toBe('undefined');
    await page.close();
  });
});
