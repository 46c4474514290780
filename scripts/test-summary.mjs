// Prints the one closing line CI reads: "N passed, N failed", from vitest's JSON report.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const failed = report.numFailedTests;
// A file that fails to load has no test results but must still count as a failure.
const suitesFailed = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
console.log(`${report.numPassedTests} passed, ${failed + suitesFailed} failed`);
process.exit(failed + suitesFailed > 0 || report.numPassedTests === 0 ? 1 : 0);
