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

/**
 * esbuild (bundle, minify, browser; `esm`, or `iife` for a script tag) + gzip -9. `files` are the
 * bundled inputs, relative to the repo; `modules` what each costs (see `moduleCosts`).
 */
export async function bundle(contents, format = 'esm') {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format,
    globalName: format === 'iife' ? 'Baton' : undefined,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [batonDist],
    metafile: true,
    sourcemap: 'external',
    outfile: join(root, 'size-entry.js'),
  });
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map')).text);
  const code = result.outputFiles.find((f) => f.path.endsWith('.js')).contents;
  // Minified bytes by origin: the SDK's own code vs each bundled dependency.
  const parts = {};
  const files = [];
  for (const [path, { bytesInOutput }] of Object.entries(Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'))[1].inputs)) {
    if (path === '<stdin>') continue; // the few bytes of entry glue
    files.push(path);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'baton (dist/)';
    parts[pkg] = (parts[pkg] ?? 0) + bytesInOutput;
  }
  const gzip = gzipSync(code, { level: 9 }).length;
  return { min: code.length, gzip, parts, files, modules: () => moduleCosts(Buffer.from(code).toString(), map, gzip) };
}

/**
 * What each module costs in a minified bundle: its minified characters (from the source map) and
 * its gzip cost, measured as how much smaller the gzipped bundle gets without its code. ky and
 * valibot count as one module each. Sorted by gzip cost, largest first.
 */
function moduleCosts(code, map, gzip) {
  const owner = (index) => {
    const source = map.sources[index] ?? '';
    if (source === '<stdin>') return '(glue)'; // the entry's own few statements
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
    return pkg ?? source.replace(/^(\.\.\/)+/, '').replace(/^dist\//, '');
  };
  // Who wrote each character: a mapping segment owns the text up to the next segment.
  const owners = new Array(code.length).fill('(glue)');
  const lines = code.split('\n');
  let offset = 0;
  let source = 0;
  decodeMappings(map.mappings).forEach((segments, line) => {
    segments.forEach(([column, sourceDelta], i) => {
      if (sourceDelta !== undefined) source += sourceDelta;
      const end = segments[i + 1]?.[0] ?? lines[line].length;
      if (sourceDelta !== undefined) owners.fill(owner(source), offset + column, offset + end);
    });
    offset += lines[line].length + 1;
  });
  const texts = {};
  for (let i = 0; i < code.length; i++) texts[owners[i]] = (texts[owners[i]] ?? 0) + 1;
  return Object.keys(texts)
    .map((name) => {
      const without = [...code].filter((_, i) => owners[i] !== name).join('');
      return { name, min: texts[name], gzip: gzip - gzipSync(without, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** Source map `mappings` → per line, segments `[column, sourceDelta?]` (column absolute in its line). */
function decodeMappings(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = B64.indexOf(char);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = shift = 0;
          }
        }
        column += values[0];
        return [column, values[1]];
      });
  });
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
