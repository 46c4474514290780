// The unit project alone, for StrykerJS: the browser and e2e projects need Chromium and servers,
// and the mutated files are all exercised by unit tests.
import { defineConfig } from 'vitest/config';
import { batonAliases } from './vite.aliases.js';

export default defineConfig({
  resolve: { alias: batonAliases('src') },
  test: {
    globalSetup: ['test/global-setup.ts'], include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000,
    // Property tests at CI's 10 000 runs take minutes under instrumentation; 200 still kill mutants.
    env: { BATON_FUZZ_RUNS: '200' },
  },
});
