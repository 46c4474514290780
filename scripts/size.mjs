// Size budgets (npm run size, part of CI; needs `npm run build` first). Each use of Baton is bundled
// from the built package (dist/, through package.json `exports`) the way an app's bundler would:
// esbuild, tree-shaken, minified, ky and valibot included, then gzip -9 (bench/sizes.mjs, the same
// code `npm run bench` uses). The script-tag files are measured as shipped. Fails when:
// - an entry is over its ratchet or its ceiling (issue 20 §3);
// - a provider's entry or script tag pulls in another provider;
// - with Vite (rolldown), `import { sasp } from 'baton-sdk'` costs more than `baton-sdk/sasp` (issue 13 §3).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { SESSION_ENCRYPT, WORLDLINE_VERSION, bundle, file, resolveBaton, root } from '../bench/sizes.mjs';

const KB = 1024;
// `npm run size -- --modules`: also print what each module costs, per entry.
const MODULES = process.argv.includes('--modules');
const PROVIDERS = ['sasp', 'connect', 'sbc'];

// Ceilings (issue 20 §3): ky and the egress layer stay; each entry stays under its ceiling. CI
// enforces each entry's ratchet, its size when last measured plus 3 %, never above the ceiling.
// Lower a ratchet whenever an entry gets smaller; raise it only in a commit that says which feature
// the bytes buy, and never past the ceiling.
const RATCHETS = {
  // gzip -9 bytes measured on 2026-12-04 after issue 20 + 3 %, capped at the ceiling.
  'connect': 16293,            // 16236 measured (ceiling 0.19 × Worldline = 16293)
  'sasp': 15360,               // 15265 measured (ceiling 15 KB)
  'sbc': 15258,                // 14813 measured
  'baton-sasp.iife': 22016,    // 21402 measured with issue 26's message catalogues and dates (ceiling 21.5 KiB)
  'baton-connect.iife': 21251, // 20632 measured after issue 26 (form events, co-brands, messages, Intl, product groups)
  'baton-sbc.iife': 15583,     // 15129 measured
  'baton.iife': 35249,         // 34222 measured after issue 26 (form events, co-brands, catalogues, Intl)
  // Issue 26: the parts an app imports on their own.
  'connect-form': 20473,       // 19876 measured (issue 26: the form with its events, messages and co-brand choice)
  'locales/de': 1772,          // 1720 measured (German for the payment form, the Sectigo status and upload)
};

// Worldline's connect-sdk-client-js doing the same session + encrypt, bundled the same way.
const worldline = await bundle(SESSION_ENCRYPT.worldline);
const CONNECT_SHARE = 0.19;
const dist = (path) => join(root, 'dist', path);
// What every script tag exposes besides its providers: the root entry's exports but the namespaces.
const CORE = existsSync(dist('index.js')) ? Object.keys(await import(dist('index.js'))).filter((name) => !PROVIDERS.includes(name)) : [];

/** `measure` returns `{ gzip, files, modules? }` (files: bundled sources, to spot a leaked provider). */
const budgets = [
  {
    id: 'connect',
    name: 'baton-sdk/connect: session + encrypt (no form)',
    measure: () => bundle(SESSION_ENCRYPT.baton),
    ceiling: Math.floor(CONNECT_SHARE * worldline.gzip),
    ceilingNote: `${CONNECT_SHARE} × Worldline ${WORLDLINE_VERSION}'s ${kb(worldline.gzip)}`,
    provider: 'connect',
  },
  {
    id: 'sasp',
    name: 'baton-sdk/sasp without the UI',
    measure: () => bundle("export { parseSessionResponse, postPaymentUrl, openPostPayment, getPostPaymentStatus, uploadDocuments } from 'baton-sdk/sasp';"),
    ceiling: 15 * KB,
    provider: 'sasp',
  },
  { id: 'sbc', name: 'baton-sdk/sbc (everything)', measure: () => bundle("export * from 'baton-sdk/sbc';"), ceiling: 15 * KB, provider: 'sbc' },
  {
    id: 'connect-form',
    name: 'baton-sdk/connect: session + the payment form',
    measure: () => bundle("export { createClientSession, mountPaymentForm } from 'baton-sdk/connect';"),
    ceiling: 24 * KB,
    provider: 'connect',
  },
  {
    id: 'locales/de',
    name: 'baton-sdk/locales/de (every German catalogue)',
    measure: () => bundle("export * from 'baton-sdk/locales/de';"),
    ceiling: 4 * KB,
    // Texts only: a locale that pulled in a provider's code would be a leak.
    provider: 'locales',
  },
  // Issue 26 ceilings: the connect script tag carries the form, its new parts, the wallets and the
  // Connect action views within 24 KiB; sasp stays within 21.5 KiB with its messages; all 38 KiB.
  ...[
    ['sasp', 21.5],
    ['connect', 24],
    ['sbc', 15.5],
  ].map(([provider, ceilingKb]) => scriptTag(`baton-${provider}`, ceilingKb, provider, `export * as ${provider} from 'baton-sdk/${provider}';`)),
  scriptTag('baton', 38, undefined, PROVIDERS.map((p) => `export * as ${p} from 'baton-sdk/${p}';`).join('\n')),
];

/**
 * A script-tag file as shipped; its source map lists what went into it. Its module breakdown comes
 * from esbuild bundling the same entry as an IIFE (terser's output has no per-module metafile).
 */
function scriptTag(name, ceilingKb, provider, entry) {
  const path = dist(`${name}.iife.min.js`);
  return {
    id: `${name}.iife`,
    name: `dist/${name}.iife.min.js`,
    measure: () => ({ ...file(path), files: JSON.parse(readFileSync(`${path}.map`, 'utf8')).sources }),
    breakdown: async () => (await bundle(`export { ${CORE.join(', ')} } from 'baton-sdk';\n${entry}`, 'iife')).modules(),
    ceiling: ceilingKb * KB,
    provider,
  };
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(2)} KB`;
}

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('size: dist/ is missing — run `npm run build` first.');
  process.exit(1);
}

const rows = [];
const breakdowns = [];
for (const budget of budgets) {
  const measured = await budget.measure();
  const { gzip, files } = measured;
  const limit = Math.min(RATCHETS[budget.id], budget.ceiling);
  const leaked = budget.provider ? PROVIDERS.filter((p) => p !== budget.provider && files.some((f) => new RegExp(`(^|/)(src|dist)/${p}/`).test(f))) : [];
  const notes = [];
  // No inputs listed would make the leak check pass vacuously.
  let status = !files.length ? 'NO INPUTS' : gzip > budget.ceiling ? 'OVER CEILING' : gzip > limit ? 'OVER RATCHET' : 'ok';
  if (leaked.length) {
    status = status === 'ok' ? 'LEAK' : `${status}, LEAK`;
    notes.push(`pulls in ${leaked.join(', ')}`);
  }
  const next = Math.min(Math.ceil(gzip * 1.03), budget.ceiling);
  if (next < limit * 0.98) notes.push(`smaller now: lower the ratchet to ${next}`);
  if (budget.ceilingNote) notes.push(`ceiling = ${budget.ceilingNote}`);
  rows.push({ status, name: budget.name, gzip, limit, ceiling: budget.ceiling, notes });
  if (MODULES) breakdowns.push({ name: budget.name, gzip, modules: await (budget.breakdown?.() ?? measured.modules()) });
}

// Issue 13 §3: with Vite (rolldown), a member of a root namespace costs what its subpath costs.
const SHAKE_TOLERANCE = 0.03;
const shakeRows = [];
for (const [provider, member] of [
  ['sasp', 'getPostPaymentStatus'],
  ['connect', 'createClientSession'],
  ['sbc', 'initiateSale'],
]) {
  const subpath = await viteLib(`export { ${member} } from 'baton-sdk/${provider}';`);
  const namespaced = await viteLib(`import { ${provider} } from 'baton-sdk';\nexport const ${member} = ${provider}.${member};`);
  const ok = namespaced <= subpath * (1 + SHAKE_TOLERANCE);
  shakeRows.push({ ok, what: `${provider}.${member}`, subpath, namespaced });
}

/** Vite lib build (minified, es) of a tiny entry, `baton-sdk*` resolved through `exports` to dist/; gzip -9 bytes. */
async function viteLib(code) {
  const { gzipSync } = await import('node:zlib');
  const entryId = '\0baton-size-entry';
  const result = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    root,
    publicDir: false,
    plugins: [
      {
        name: 'baton-size',
        enforce: 'pre',
        resolveId: (id) => (id.endsWith('baton-size-entry.js') ? entryId : /^baton-sdk(\/|$)/.test(id) ? resolveBaton(id) : null),
        load: (id) => (id === entryId ? code : null),
      },
    ],
    build: { write: false, minify: true, lib: { entry: 'baton-size-entry.js', formats: ['es'], fileName: 'entry' } },
  });
  const [chunk] = (Array.isArray(result) ? result[0] : result).output;
  return gzipSync(chunk.code, { level: 9 }).length;
}

const table = (head, body) => {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const right = (i) => /^(gzip|limit|ceiling|minified|subpath|root|diff)$/.test(head[i]);
  const line = (r) => r.map((c, i) => (right(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
};

console.log('\nSize budgets (esbuild, minified, gzip -9; script tags as shipped; limit = the ratchet, never above the ceiling):\n');
console.log(
  table(
    ['status', 'entry', 'gzip', 'limit', 'ceiling', 'notes'],
    rows.map((r) => [r.status, r.name, kb(r.gzip), kb(r.limit), kb(r.ceiling), r.notes.join('; ')]),
  ),
);
console.log(`\nNamespaced import vs subpath (Vite ${(await import('vite')).version} lib build, minified, gzip -9; allowed +${SHAKE_TOLERANCE * 100}%):\n`);
console.log(
  table(
    ['status', 'member', 'subpath', 'root', 'diff'],
    shakeRows.map((r) => [r.ok ? 'ok' : 'NOT SHAKEN', r.what, kb(r.subpath), kb(r.namespaced), `${(((r.namespaced - r.subpath) / r.subpath) * 100).toFixed(1)}%`]),
  ),
);

if (MODULES) {
  // One table, a column per entry: what each module costs there (gzip bytes; '·' = not in it). The
  // README's Size section shows this table.
  const cost = breakdowns.map(({ modules }) => new Map(modules.map((m) => [m.name.replace(/^src\//, ''), m.gzip])));
  const names = [...new Set(cost.flatMap((c) => [...c.keys()]))].sort((a, b) => Math.max(...cost.map((c) => c.get(b) ?? 0)) - Math.max(...cost.map((c) => c.get(a) ?? 0)));
  const cell = (value) => (value === undefined ? '·' : String(value));
  console.log('\nWhat each module costs, per entry (gzip bytes: how much the gzipped bundle shrinks without it; script tags from an esbuild build of the same entry):\n');
  console.log(`| module | ${budgets.map((b) => b.id).join(' | ')} |`);
  console.log(`|---|${budgets.map(() => '---:').join('|')}|`);
  for (const name of names) console.log(`| ${name} | ${cost.map((c) => cell(c.get(name))).join(' | ')} |`);
  console.log(`| **the bundle measured (gzip)** | ${breakdowns.map((b) => `**${b.gzip}**`).join(' | ')} |`);
}
const failed = rows.filter((r) => r.status !== 'ok').length + shakeRows.filter((r) => !r.ok).length;
if (failed) {
  console.error(`\nsize: ${failed} check(s) failed (over a ratchet or ceiling, a provider pulling in another, or a namespace that does not shake).`);
  process.exit(1);
}
console.log('\nsize: all budgets met.');
