// Parse + validate throughput of Sectigo's documented !getPostPaymentStatus answer in Node:
// Baton's `parseStatusResponse` (JSON.parse + valibot schema) vs `JSON.parse` alone.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEXT = readFileSync(join(root, 'bench/fixtures/sasp-status.json'), 'utf8');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function measureParse({ rounds = 9, perRound = 5000 } = {}) {
  const { parseStatusResponse } = await import(join(root, 'dist/sasp/index.js'));
  if (typeof parseStatusResponse !== 'function') throw new Error('dist/sasp/index.js has no parseStatusResponse: run npm run build');
  const check = parseStatusResponse(TEXT);
  if (check.dcvStatus?.domains?.length !== 3) throw new Error('parseStatusResponse did not read the example');
  let sink = 0;
  const jobs = {
    'JSON.parse': () => { sink += JSON.parse(TEXT).data.productType; },
    parseStatusResponse: () => { sink += parseStatusResponse(TEXT).productType === 410 ? 1 : 0; },
  };
  const perOp = { 'JSON.parse': [], parseStatusResponse: [] };
  for (const fn of Object.values(jobs)) for (let i = 0; i < 2000; i++) fn(); // warm-up (JIT)
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? ['JSON.parse', 'parseStatusResponse'] : ['parseStatusResponse', 'JSON.parse'];
    for (const name of order) {
      const fn = jobs[name];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) fn();
      perOp[name].push(Number(process.hrtime.bigint() - t0) / 1e3 / perRound); // µs per call
    }
  }
  if (!sink) throw new Error('unreachable');
  const json = median(perOp['JSON.parse']);
  const baton = median(perOp.parseStatusResponse);
  return { bytes: Buffer.byteLength(TEXT), rounds, perRound, jsonUs: json, batonUs: baton, jsonOps: 1e6 / json, batonOps: 1e6 / baton, node: process.version };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureParse());
