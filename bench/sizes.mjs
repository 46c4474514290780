// Bundle bytes of equivalent entries, Baton vs Worldline's connect-sdk-client-js, bundled by esbuild
// with the same settings (bundle, minify, esm, browser), then gzip -9. `npm run size` (scripts/size.mjs)
// measures its budgets with the same functions, so the bench and CI agree.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const worldlineDir = join(dirname(require.resolve('connect-sdk-client-js')), '..'); // dist/… → package root
const worldlinePkg = JSON.parse(readFileSync(join(worldlineDir, 'package.json'), 'utf8'));
export const WORLDLINE_VERSION = worldlinePkg.version;
export const WORLDLINE_UMD = join(worldlineDir, worldlinePkg.unpkg);
export const BATON_IIFE = join(root, 'dist/baton.iife.min.js');

/** The same use in both SDKs: start a client session, fetch the key, encrypt card data. */
export const SESSION_ENCRYPT = {
  baton:
    "import { createClientSession } from 'baton-sdk/connect';\n" +
    'export async function run(s, product, values) { const session = createClientSession(s); return session.encrypt({ paymentProductId: 1, product, values }); }',
  worldline:
    "import { Session, PaymentRequest } from 'connect-sdk-client-js';\n" +
    'export async function run(s, values) { const session = new Session(s); const product = await session.getPaymentProduct(1, {}); ' +
    'const request = new PaymentRequest(s.clientSessionId); request.setPaymentProduct(product); ' +
    'for (const [k, v] of Object.entries(values)) request.setValue(k, v); return session.getEncryptor().encrypt(request); }',
};

const exportsMap = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports;

/**
 * `baton-sdk` and `baton-sdk/<subpath>` → the built file package.json `exports` names, exactly what an
 * app installing the package gets (so a wrong `exports` entry fails here too).
 */
export function resolveBaton(specifier) {
  const key = specifier === 'baton-sdk' ? '.' : `.${specifier.slice('baton-sdk'.length)}`;
  const target = exportsMap[key];
  const file = typeof target === 'string' ? target : target?.default;
  if (!file) throw new Error(`package.json exports has no ${JSON.stringify(key)} (for ${specifier})`);
  return join(root, file);
}

const batonDist = {
  name: 'baton-dist',
  setup(b) {
    b.onResolve({ filter: /^baton-sdk(\/.*)?$/ }, (args) => ({ path: resolveBaton(args.path) }));
  },
};

/** esbuild (bundle, minify, esm, browser) + gzip -9; `files` are the bundled inputs, relative to the repo. */
export async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [batonDist],
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  // Minified bytes by origin: the SDK's own code vs each bundled dependency.
  const parts = {};
  const files = [];
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    if (path === '<stdin>') continue; // the few bytes of entry glue
    files.push(path);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'baton (dist/)';
    parts[pkg] = (parts[pkg] ?? 0) + bytesInOutput;
  }
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, parts, files };
}

/** A file as shipped (already minified): its bytes and gzip -9. */
export function file(path) {
  const code = readFileSync(path);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function measureSizes() {
  // (a) The same use: start a client session, fetch the key, encrypt card data.
  const baton = await bundle(SESSION_ENCRYPT.baton);
  const worldline = await bundle(SESSION_ENCRYPT.worldline);
  // (b) The script-tag files as shipped (both already minified by their own builds).
  const batonIife = file(BATON_IIFE);
  const connectIife = file(join(root, 'dist/baton-connect.iife.min.js'));
  const worldlineUmd = file(WORLDLINE_UMD);
  const worldlineFile = `connect-sdk-client-js/${worldlinePkg.unpkg.replace(/^\.\//, '')}`;
  return [
    { name: 'session + encrypt (esbuild, min)', baton, worldline },
    { name: 'script-tag file as shipped', baton: batonIife, worldline: worldlineUmd, files: ['dist/baton.iife.min.js', worldlineFile] },
    { name: 'Connect-only script tag as shipped', baton: connectIife, worldline: worldlineUmd, files: ['dist/baton-connect.iife.min.js', worldlineFile] },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureSizes());
