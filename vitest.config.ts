import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './test/chromium.js';
import { batonAliases } from './vite.aliases.js';

export default defineConfig({
  resolve: { alias: batonAliases('src') },
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Two test files at a time (vitest's default is CPUs − 1, one file at a time on 2 CPUs): the
    // browser and end-to-end files spend most of their time waiting for a browser, a dev server or
    // a mock, so two overlap well. Files never share state: each e2e file has its own demo server.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Property tests run 10 000 cases each: CPU-bound, so a machine other jobs load can take
        // minutes (one took 188 s at load average 24 on 2 CPUs). The limit only catches a hang.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 600_000 },
      },
      {
        extends: true,
        // The mock providers themselves: they must do what the documents say (not library code).
        test: { name: 'mock', include: ['test/mock/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Pre-bundled up front: re-optimising on the first run reloads the page mid-test.
        optimizeDeps: { include: ['@testing-library/dom', '@testing-library/user-event', 'axe-core'] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/browser-setup.ts'],
          // Polls wait for what a user would see; the default 1 s is too short for a loaded machine.
          expect: { poll: { timeout: 20_000 } },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: chromiumLaunchOptions }),
          },
        },
      },
      {
        extends: true,
        // A whole flow in a real browser, on a machine other jobs may load: generous limits (each
        // step waits for an observable outcome, so they only matter when something is wrong).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
