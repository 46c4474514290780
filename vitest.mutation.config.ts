// The unit project alone, for StrykerJS: the browser and e2e projects need Chromium and servers,
// and the mutated files are all exercised by unit tests. BATON_MUTATION_TESTS (comma-separated
// globs) narrows the suite, e.g. for a static-mutant run where every mutant runs every test: a
// mutant killed by a subset is killed by the whole suite, so the score is a lower bound.
import { defineConfig } from 'vitest/config';
import { batonAliases } from './vite.aliases.js';

export default defineConfig({
  resolve: { alias: batonAliases('src') },
  test: {
    globalSetup: ['test/global-setup.ts'], include: process.env.BATON_MUTATION_TESTS?.split(',') ?? ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000,
    // Property tests at CI's 10 000 runs take minutes under instrumentation; 200 still kill mutants.
    env: { BATON_FUZZ_RUNS: '200' },
  },
});
