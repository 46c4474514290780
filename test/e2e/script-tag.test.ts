// The script-tag build in a real page: loads with its SRI hash and exposes window.Baton.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness.js';

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  const script = readFileSync('dist/baton.iife.min.js');
  const integrity = readFileSync('dist/baton.iife.min.js.sri', 'utf8').trim();
  server = createServer((req, res) => {
    if (req.url === '/baton.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(script);
    }
    const tampered = req.url === '/tampered';
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" });
    res.end(`<!doctype html><title>x</title><script src="/baton.js" integrity="${tampered ? 'sha384-AAAA' : integrity}" crossorigin="anonymous"></script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('script-tag build', () => {
  it('exposes Baton with the error classes and provider namespaces under a strict CSP', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    const shape = await page.evaluate(() => {
      const baton = (window as unknown as { Baton: Record<string, unknown> }).Baton;
      const error = new (baton.ValidationError as new (w: string, i: unknown[]) => Error)('x', []);
      return {
        namespaces: ['sasp', 'connect', 'sbc'].filter((name) => typeof baton[name] === 'object'),
        isBatonError: error instanceof (baton.BatonError as typeof Error),
        guard: (() => {
          try {
            (baton.safeUrl as (u: string, p: unknown) => URL)('javascript:alert(1)', { allowedHosts: [] });
            return 'accepted';
          } catch (e) {
            return (e as Error).name;
          }
        })(),
      };
    });
    expect(shape).toEqual({ namespaces: ['sasp', 'connect', 'sbc'], isBatonError: true, guard: 'UnsafeUrlError' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is refused by the browser when the integrity hash does not match', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/tampered`);
    expect(await page.evaluate(() => typeof (window as unknown as { Baton?: unknown }).Baton)).toBe('undefined');
    await page.close();
  });
});
