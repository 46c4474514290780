// npm run bench — Baton vs Worldline's connect-sdk-client-js, side by side, in one run.
// Needs `npm install && npm run build` first (it measures dist/) and Chromium at /usr/bin/chromium
// (or CHROMIUM_PATH). Not part of CI. Prints a table, writes bench/RESULTS.md, and exits 1 when card
// encryption is under ENCRYPT_GOAL× Worldline's speed.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const f of ['dist/connect/index.js', 'dist/sasp/index.js', 'dist/baton.iife.min.js', 'dist/baton-connect.iife.min.js']) {
  if (!existsSync(join(here, '..', f))) {
    console.error(`bench: ${f} is missing — run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { measureSizes, WORLDLINE_VERSION } = await import('./sizes.mjs');
const { measureBrowser } = await import('./browser.mjs');
const { measureParse } = await import('./parse.mjs');
const { measureProviderData } = await import('./provider-data.mjs');

// Issue 13: card encryption stays at least this many times faster than Worldline's in Chromium.
const ENCRYPT_GOAL = 4;
// Issue 24: within this many times a bare WebCrypto JWE of the same wire format (the floor).
const FLOOR_GOAL = 1.5;
const started = Date.now();
console.log('bench: bundle sizes…');
const sizes = await measureSizes();
console.log('bench: Chromium (encryption, script evaluation)…');
const browser = await measureBrowser();
console.log('bench: status parse + validate…');
const parse = await measureParse();
console.log('bench: provider data (regularExpression, large products)…');
const provider = await measureProviderData();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(3)} ms`;
const us = (n) => `${n.toFixed(1)} µs`;
const x = (n) => `${n.toFixed(2)}×`;

const rows = [
  ...sizes.flatMap((s) => [
    [`${s.name}: minified`, kb(s.baton.min), kb(s.worldline.min), `${x(s.worldline.min / s.baton.min)} smaller`],
    [`${s.name}: gzip -9`, kb(s.baton.gzip), kb(s.worldline.gzip), `${x(s.worldline.gzip / s.baton.gzip)} smaller (Baton = ${(s.baton.gzip / s.worldline.gzip).toFixed(3)} of Worldline)`],
  ]),
  [`encrypt card data, Chromium, median of ${browser.encrypt.iterations}`, ms(browser.encrypt.baton), ms(browser.encrypt.worldline), `${x(browser.encrypt.worldline / browser.encrypt.baton)} faster (goal ≥ ${ENCRYPT_GOAL}×)`],
  [`encrypt card data vs the bare-WebCrypto floor, median of ${browser.encrypt.iterations}`, ms(browser.encrypt.baton), `floor ${ms(browser.encrypt.floor)}`, `${x(browser.encrypt.baton / browser.encrypt.floor)} the floor (goal ≤ ${FLOOR_GOAL}×)`],
  [`script-tag evaluation, Chromium, median of ${browser.evaluate.samples}`, ms(browser.evaluate.baton), ms(browser.evaluate.worldline), `${x(browser.evaluate.worldline / browser.evaluate.baton)} faster`],
];
const parseRows = [
  ['JSON.parse alone', us(parse.jsonUs), `${Math.round(parse.jsonOps).toLocaleString('en')} /s`],
  ['sasp.parseStatusResponse (JSON.parse + validate)', us(parse.batonUs), `${Math.round(parse.batonOps).toLocaleString('en')} /s`],
];
const overhead = parse.batonUs / parse.jsonUs;
const { regex, form } = provider;
const providerRows = [
  [`regularExpression: ${regex.patterns} evil patterns, ${regex.inputLength}-character input, worst pattern (median of 9) / worst first check`, `${ms(regex.worstMs)} / ${ms(regex.coldMs)}`, '≤ 50 ms'],
  ['the same patterns run as they are, 22 characters, worst (what the check avoids)', ms(regex.rawMs), 'grows ×2 per character'],
  ['product at the limit (100 fields, 256-character masks): mount + submit, Chromium', ms(form.mountSubmitMs), '< 200 ms'],
  ['keystroke in a field with a 256-character mask: median / worst of 50', `${ms(form.keyMedianMs)} / ${ms(form.keyMaxMs)}`, '< 16 ms'],
  ['product with 2,000 fields: refused (ValidationError)', ms(form.fields2000.ms), form.fields2000.message.replace(/^.*: /, '')],
  ['field with a 32,000-character mask: refused (ValidationError)', ms(form.mask32000.ms), form.mask32000.message.replace(/^.*: /, '')],
];
const partsOf = (p) => Object.entries(p).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ');
const breakdown = [`Baton: ${partsOf(sizes[0].baton.parts)}`, `Worldline (node-forge inlined in its dist): ${partsOf(sizes[0].worldline.parts)}`];

const table = (head, body) => {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
};
console.log(`\n${table(['measure', 'Baton', `Worldline ${WORLDLINE_VERSION}`, 'ratio'], rows)}\n`);
console.log(`${table(['Sectigo status example (' + parse.bytes + ' B), Node ' + parse.node, 'per call', 'throughput'], parseRows)}`);
console.log(`validation overhead: ${x(overhead)} the time of JSON.parse alone\n`);
console.log(`${table(['provider data cannot freeze the page', 'measured', 'bound'], providerRows)}\n`);
console.log(`session + encrypt, minified bytes by origin — ${breakdown.join('; ')}`);
for (const note of browser.notes) console.log(`note: ${note}`);

const md = (head, body) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const out = `# Benchmark results

Measured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
Chromium ${browser.chromium} (headless, \`/usr/bin/chromium\`), ${cpus().length} × ${cpu}.
Reproduce from a fresh clone: \`npm install && npm run build && npm run bench\` (Chromium installed; no
network beyond 127.0.0.1). Not part of CI's pass/fail; numbers vary with the machine — compare the ratios.

## Baton vs Worldline \`connect-sdk-client-js\` ${WORLDLINE_VERSION}

${md(['measure', 'Baton', `Worldline ${WORLDLINE_VERSION}`, 'ratio'], rows)}

Session + encrypt, minified bytes by origin (before gzip): ${breakdown.join('; ')}.
${browser.notes.length ? `\nSeen while checking the ciphertexts (both decrypted with the private key, tag verified):\n${browser.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
## Sectigo \`!getPostPaymentStatus\` example: parse + validate vs \`JSON.parse\` (Node)

${md(['Sectigo status example (' + parse.bytes + ' B)', 'per call (median)', 'throughput'], parseRows)}

Validation overhead: **${x(overhead)}** the time of \`JSON.parse\` alone (median of ${parse.rounds} rounds × ${parse.perRound} calls, rounds alternating).

## Provider data cannot freeze the page

${md(['measure', 'measured', 'bound'], providerRows)}

## How each number is taken

- **session + encrypt**: one entry per SDK doing the same thing (start a session, get the card product /
  key, encrypt card values) — Baton \`import { createClientSession } from 'baton-sdk/connect'\` (resolved to
  \`dist/connect/index.js\`, ky and valibot bundled in), Worldline \`import { Session, PaymentRequest } from
  'connect-sdk-client-js'\` (its ESM entry; node-forge is inlined, tree-shaking removes almost nothing).
  Both bundled by esbuild with \`bundle: true, minify: true, format: 'esm', platform: 'browser'\`, then gzip -9.
- **script-tag file**: \`dist/baton.iife.min.js\` (all three providers + status/upload UI) vs
  \`${sizes[1].files[1]}\`, both as shipped (already minified), gzip -9.
- **Connect-only script tag**: \`dist/baton-connect.iife.min.js\` (core + Connect) vs the same Worldline file.
- **encrypt**: one cross-origin-isolated page (performance.now() resolution ${browser.resolution}) loads both
  script-tag files; both sessions point at a local Client API stand-in with one RSA-2048 key and the
  same card product (Luhn/length/expiry/regex validators). Per call: Baton \`session.encrypt({ paymentProductId,
  product, values })\`; Worldline a new \`PaymentRequest\` with the product and 4 values, then
  \`session.getEncryptor().encrypt(request)\` (the key is cached by both after the first call). Both validate
  the values and return a compact JWE (RSA-OAEP + A256CBC-HS512); the last JWE of each is decrypted in Node
  with the private key (tag checked) and must carry the unmasked card values. The **floor** is a bare
  WebCrypto JWE of the same wire format and plaintext in the same page (RSA key imported once, no
  validation, the three independent operations in parallel), timed in the same rotation. ${browser.encrypt.warmup} warm-up rounds, then
  ${browser.encrypt.iterations} rounds alternating the two SDKs call by call (order flipped every round).
- **script-tag evaluation**: a fresh browser context per sample, a blank page, then the file's source appended as an
  inline \`<script>\` (runs synchronously: parse + compile + top-level execution) timed with performance.now();
  each source gets a unique trailing comment so V8's compilation cache cannot help; the two files alternate.
- **provider data** (bench/provider-data.mjs): \`failedValidators\` from \`dist/connect/index.js\` in Node (V8, Chromium's
  regex engine) with each evil pattern (nested quantifiers, overlapping alternations, OWASP's ReDoS examples) on
  ${regex.inputLength - 1} repeats of its attack character and a final \`!\`; Baton judges them unsafe and skips them
  (docs/hardening.md). The form rows mount \`dist/baton-connect.iife.min.js\`'s \`mountPaymentForm\` in Chromium with a
  product at Baton's limits (every field required, with length and regex validators), fill every field (not timed),
  and time the submit until \`onSubmit\` (a stub session's \`encrypt\`); keystrokes are \`input\` events at the end of
  a masked field. Products over the limits are refused when mounted, before anything is drawn.
- **status parse**: \`parseStatusResponse\` from \`dist/sasp/index.js\` (JSON.parse + the valibot status schema, the same
  path \`getPostPaymentStatus\` takes after fetching) on \`bench/fixtures/sasp-status.json\` — the successful
  response from Sectigo's \`!getPostPaymentStatus\` document, its page-split fragments re-joined.
`;
writeFileSync(join(here, 'RESULTS.md'), out);
console.log(`bench: wrote bench/RESULTS.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const speedup = browser.encrypt.worldline / browser.encrypt.baton;
const overFloor = browser.encrypt.baton / browser.encrypt.floor;
if (overFloor > FLOOR_GOAL) console.error(`bench: encryption is ${x(overFloor)} the bare-WebCrypto floor, over the ${FLOOR_GOAL}× goal`);
if (speedup < ENCRYPT_GOAL || overFloor > FLOOR_GOAL) {
  console.error(`bench: encryption is ${x(speedup)} Worldline's speed, under the ${ENCRYPT_GOAL}× goal`);
  process.exit(1);
}
