// Starts the mock providers on a random loopback port for every test project; tests read the
// URL with `inject('mockUrl')`. For the e2e project it also starts one Chromium for the whole run
// (`inject('chromiumWs')`): each e2e file connects and opens its own pages and contexts, instead of
// launching a browser of its own.
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../demo/mock/app.js';
import { chromiumLaunchOptions } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    /** The shared Chromium's endpoint: e2e project only (empty elsewhere). */
    chromiumWs: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startMockServer();
  project.provide('mockUrl', server.url);
  let browser: BrowserServer | undefined;
  if (project.name === 'e2e') {
    browser = await chromium.launchServer(chromiumLaunchOptions);
    project.provide('chromiumWs', browser.wsEndpoint());
  } else {
    project.provide('chromiumWs', '');
  }
  return async () => {
    await browser?.close();
    await server.close();
  };
}
