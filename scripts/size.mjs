// Size budgets (npm run size, part of CI): bundle each use of Baton with its dependencies the way
// an app's bundler would (tree-shaken, minified), gzip -9, and fail over budget with the numbers.
// Also proves that importing one provider pulls in none of the others.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const KB = 1024;
// Issue 7's budgets, enforced. The script tag's 18 KB goal is not met yet (see README "Size"):
// its enforced limit is a ratchet at today's size, so it can only shrink.
const budgets = [
  {
    name: 'baton-sdk/connect (session + encrypt)',
    code: "import { createClientSession } from './src/connect/index.ts'; export { createClientSession };",
    limit: 10 * KB,
    provider: 'connect',
  },
  {
    name: 'baton-sdk/sasp (no UI)',
    code: "export { parseSessionResponse, postPaymentUrl, openPostPayment, getPostPaymentStatus, uploadDocuments } from './src/sasp/index.ts';",
    limit: 11 * KB,
    provider: 'sasp',
  },
  { name: 'baton-sdk/sbc', code: "export * from './src/sbc/index.ts';", limit: 11 * KB, provider: 'sbc' },
];
const PROVIDERS = ['sasp', 'connect', 'sbc'];

function entry(code) {
  return {
    name: 'size-entry',
    resolveId: (id) => (id === 'size-entry' ? id : null),
    load: (id) => (id === 'size-entry' ? code : null),
  };
}

async function measure({ code }) {
  const bundle = await rollup({
    input: 'size-entry',
    plugins: [entry(code), nodeResolve({ browser: true }), typescript({ tsconfig: './tsconfig.build.json', outDir: undefined, sourceMap: false, noEmitOnError: false })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm', plugins: [terser()] });
  await bundle.close();
  const modules = Object.keys(output[0].modules);
  return { gzip: gzipSync(output[0].code, { level: 9 }).length, modules };
}

const rows = [];
let failed = false;
for (const budget of budgets) {
  const { gzip, modules } = await measure(budget);
  const leaked = PROVIDERS.filter((p) => p !== budget.provider && modules.some((id) => id.includes(`/src/${p}/`)));
  const ok = gzip <= budget.limit && leaked.length === 0;
  failed ||= !ok;
  rows.push({ name: budget.name, gzip, limit: budget.limit, ok, note: leaked.length ? `pulls in ${leaked.join(', ')}` : '' });
}

const iife = gzipSync(readFileSync('dist/baton.iife.min.js'), { level: 9 }).length;
const iifeLimit = 20.25 * KB;
rows.push({ name: 'script tag (dist/baton.iife.min.js)', gzip: iife, limit: iifeLimit, ok: iife <= iifeLimit, note: 'goal 18 KB' });
failed ||= iife > iifeLimit;

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
for (const row of rows) {
  console.log(`${row.ok ? 'ok  ' : 'OVER'}  ${row.name.padEnd(40)} ${kb(row.gzip).padStart(9)} gzip / budget ${kb(row.limit)}${row.note ? `  (${row.note})` : ''}`);
}
if (failed) {
  console.error('\nSize budget exceeded (or a provider entry pulls in another provider).');
  process.exit(1);
}
