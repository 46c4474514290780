// End-to-end harness: the demo (vite, mock providers as middleware) on a random loopback port,
// serving the *built* package (dist/), driven by Playwright in Debian's Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumLaunchOptions } from '../chromium.js';

export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startDemo(): Promise<DemoServer> {
  if (!existsSync('dist/index.js')) throw new Error('e2e tests run against the built package: run `npm run build` first');
  process.env.BATON_FROM = 'dist';
  const server: ViteDevServer = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  return { url, close: () => server.close() };
}

/**
 * The run's shared Chromium (started once by test/global-setup.ts), or a new one when there is
 * none. `close()` on the shared one closes only this file's pages and disconnects.
 */
export function launchChromium(): Promise<Browser> {
  const shared = inject('chromiumWs');
  return shared ? chromium.connect(shared) : chromium.launch(chromiumLaunchOptions);
}

/** Saves a screenshot of the flow's final state as a test artefact (test-results/, not committed). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * Starts the demo and Chromium once for the calling test file and closes both after it.
 * Read `env.demo` and `env.browser` inside tests (they are set in `beforeAll`).
 */
export function useDemoInChromium(): { readonly demo: DemoServer; readonly browser: Browser } {
  const env = {} as { demo: DemoServer; browser: Browser };
  beforeAll(async () => {
    env.demo = await startDemo();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.demo?.close();
  });
  return env;
}

/**
 * Opens the demo page in a new tab (with `pageOptions`: viewport, colour scheme, …), waits for
 * `section` and collects uncaught page errors.
 */
export async function openDemoSection(
  env: { readonly demo: DemoServer; readonly browser: Browser },
  section: string,
  pageOptions?: BrowserContextOptions,
): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage(pageOptions);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.demo.url}/`);
  await page.locator(section).waitFor({ state: 'visible' });
  return { page, errors };
}
