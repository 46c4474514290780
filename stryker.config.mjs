// Mutation testing of the guard files (issue 14): `npm run mutation`. Too slow for CI's pass/fail
// (about 20 minutes on 2 cores); run it before changing a guard and record the scores in SECURITY.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/core/url-guard.ts',
    'src/core/secrets.ts',
    'src/core/jwt.ts',
    'src/core/http.ts',
    'src/sbc/form-response.ts',
    'src/sasp/session.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: the forbidden names, LOOPBACK) run every test each;
  // BATON_MUTATION_STATIC=1 includes them (pair it with BATON_MUTATION_TESTS and --mutate file:lines).
  ignoreStatic: process.env.BATON_MUTATION_STATIC !== '1',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
