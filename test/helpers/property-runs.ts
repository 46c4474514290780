// Property-test run counts: 10k in CI by default, more with BATON_FUZZ_RUNS=100000.
export const RUNS = Number(process.env.BATON_FUZZ_RUNS ?? 10_000);
