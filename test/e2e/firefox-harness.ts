// The demo and Debian's Firefox ESR (puppeteer-core over WebDriver BiDi) for one test file:
// started before its tests, closed after. One place for what every Firefox file needs.
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { firefoxLaunchOptions } from '../firefox.js';
import { startDemo, type DemoServer } from './harness.js';

export interface FirefoxEnv {
  readonly demo: DemoServer;
  readonly browser: Browser;
}

export function useDemoInFirefox(): FirefoxEnv {
  const env = {} as { demo: DemoServer; browser: Browser };
  beforeAll(async () => {
    env.demo = await startDemo();
    env.browser = await puppeteer.launch(firefoxLaunchOptions);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.demo?.close();
  });
  return env;
}

/** A selector for the element with `role` and accessible name `name` (puppeteer's ARIA query). */
export const ariaSelector = (roleName: string, name: string) => `::-p-aria([role="${roleName}"][name="${name.replace(/"/g, '\\"')}"])`;
