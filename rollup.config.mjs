// Library builds:
// - ESM, one file per source module (TypeScript transpiled by esbuild, file by file) (preserveModules), so `export * as sasp from './sasp/index.js'`
//   stays a real ES re-export that Vite/rolldown and webpack shake member by member (a bundled
//   entry would freeze each namespace into an object no bundler can shake). ky and valibot stay
//   external: the app's bundler dedupes them.
// - d.ts bundled per entry (shared declarations in dist/chunks/).
// - Minified IIFEs (`window.Baton`), dependencies inlined, each with its SRI hash beside it:
//   everything, and one per provider (the core plus that provider).
// - dist/baton.css, copied from src/style.css, with types/ (the `baton-sdk/global` types for
//   script-tag users, and an empty declaration so TypeScript resolves `import 'baton-sdk/style.css'`).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import { dts } from 'rollup-plugin-dts';

// Keys are the output paths under dist/ (mirroring src/), so `baton-sdk/sasp` is dist/sasp/index.js.
const entries = {
  index: 'src/index.ts',
  'sasp/index': 'src/sasp/index.ts',
  'connect/index': 'src/connect/index.ts',
  'sbc/index': 'src/sbc/index.ts',
  // The merchant server's half; `browser` resolves to server/browser (throws at import).
  'server/index': 'src/server/index.ts',
  'server/browser': 'src/server/browser.ts',
  // One catalogue per language, outside the providers' entries: no app pays for a language it does not use.
  'locales/de': 'src/locales/de.ts',
};
/** Script-tag files: `dist/<name>.iife.min.js` from `src/<entry>`. */
const scriptTags = {
  baton: 'src/global.ts',
  'baton-sasp': 'src/global-sasp.ts',
  'baton-connect': 'src/global-connect.ts',
  'baton-sbc': 'src/global-sbc.ts',
};
const STYLE = { from: 'src/style.css', to: 'dist/baton.css' };
/** Hand-written declarations, copied as they are (`baton-sdk/global` is types only: nothing to load). */
const TYPES = { 'types/global.d.ts': 'dist/global.d.ts', 'types/style.css.d.ts': 'dist/baton.css.d.ts' };

const isDependency = (id) => /^(ky|valibot)(\/|$)/.test(id);
/**
 * TypeScript → JavaScript, one file at a time with esbuild (type-checking is `npm run typecheck`'s
 * job). The TypeScript compiler API took ~4 s of CPU per build, five builds per `npm run build`.
 * Sources import `./x.js`, which is `./x.ts` on disk.
 */
const ts = () => ({
  name: 'baton-ts',
  async resolveId(source, importer, options) {
    if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
    return this.resolve(source.replace(/\.js$/, '.ts'), importer, { ...options, skipSelf: true });
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    // ES2022 keeps class fields as defined fields, as tsc does for this target.
    const out = await transform(code, { loader: 'ts', format: 'esm', target: 'es2022', sourcemap: true, sourcefile: id, tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true } } });
    return { code: out.code, map: out.map };
  },
});

// Start from an empty dist/: hashed chunk names change, and stale ones would ship.
rmSync('dist', { recursive: true, force: true });

/** Why each script-tag file exists: PCI DSS 4.0 6.4.3 asks every payment-page script to be listed with its reason. */
const SCRIPT_PURPOSE = {
  baton: 'window.Baton with every provider (Sectigo SASP, Worldline Connect, SBC)',
  'baton-sasp': 'window.Baton.sasp: Sectigo post-payment status, DCV actions, document upload',
  'baton-connect': 'window.Baton.connect: Worldline Connect client session and card encryption (SAQ A-EP page)',
  'baton-sbc': 'window.Baton.sbc: SBC initiate sale, hosted payment form, final status',
};

/**
 * Writes `<file>.sri` (sha384) and prints it, so embedders can copy the integrity attribute, and
 * adds the file to dist/sri.json: the inventory of Baton's scripts (file, purpose, bytes, integrity).
 */
function sri(file, name) {
  return {
    name: 'baton-sri',
    // writeBundle runs after the file is on disk, so the hash is of what ships.
    writeBundle() {
      const bytes = readFileSync(file);
      const hash = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
      writeFileSync(`${file}.sri`, `${hash}\n`);
      const inventory = existsSync('dist/sri.json') ? JSON.parse(readFileSync('dist/sri.json', 'utf8')) : {};
      inventory[file.replace(/^dist\//, '')] = { purpose: SCRIPT_PURPOSE[name], bytes: bytes.length, integrity: hash };
      const sorted = Object.fromEntries(Object.keys(inventory).sort().map((key) => [key, inventory[key]]));
      writeFileSync('dist/sri.json', `${JSON.stringify(sorted, null, 2)}\n`);
      console.log(`\n${file}\nintegrity="${hash}"\n`);
    },
  };
}

/** Copies the stylesheet to dist/baton.css (`baton-sdk/style.css`) and the hand-written types. */
function stylesheet() {
  return {
    name: 'baton-style',
    writeBundle() {
      mkdirSync('dist', { recursive: true });
      copyFileSync(STYLE.from, STYLE.to);
      for (const [from, to] of Object.entries(TYPES)) copyFileSync(from, to);
    },
  };
}

/**
 * rollup-plugin-dts writes a namespace (`export * as connect`) member whose type comes from another
 * declaration chunk as `declare const index_PublicKey: typeof PublicKey;`: a value, for what is an
 * interface there, and a compile error for every user without `skipLibCheck`. When the chunk it
 * comes from exports the name as a type (`export type { … }`), this drops that line and has the
 * namespace export the imported type itself (`export { PublicKey as PublicKey }`; generics such as
 * `Open<T>` included). test/unit/package/published-types.test.ts compiles the result.
 */
function namespaceTypes() {
  const names = (list) => list.split(',').map((item) => item.trim().split(/\s+as\s+/)).filter(([name]) => name);
  return {
    name: 'baton-namespace-types',
    generateBundle(_, bundle) {
      const typeExports = new Map();
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const exported = new Set();
        for (const [, list] of chunk.code.matchAll(/^export type \{([^}]*)\};?$/gm)) for (const [name, as = name] of names(list)) exported.add(as);
        typeExports.set(file, exported);
      }
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const types = new Set();
        for (const [, list, from] of chunk.code.matchAll(/^import \{([^}]*)\} from '(\.[^']+)\.js';$/gm)) {
          const source = typeExports.get(posix.join(posix.dirname(file), `${from}.d.ts`));
          for (const [name, local = name] of names(list)) if (source?.has(name)) types.add(local);
        }
        const members = new Map();
        chunk.code = chunk.code.replace(/^declare const ([\w$]+): typeof ([\w$]+);\n/gm, (line, member, name) => {
          if (!types.has(name)) return line;
          members.set(member, name);
          return '';
        });
        chunk.code = chunk.code.replace(/(?<![\w$])([\w$]+) as (?=[\w$]+[,\s])/g, (whole, member) => (members.has(member) ? `${members.get(member)} as ` : whole));
      }
    },
  };
}

export default [
  {
    input: entries,
    external: isDependency,
    plugins: [ts(), stylesheet()],
    output: {
      dir: 'dist',
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
  },
  {
    input: entries,
    external: isDependency,
    plugins: [dts({ tsconfig: './tsconfig.build.json' }), namespaceTypes()],
    // A declaration file has no side effects: without this, every source file that imports valibot
    // leaves an empty `import 'valibot'` in the published types (which name no valibot type).
    treeshake: { moduleSideEffects: (id, external) => !external },
    output: { dir: 'dist', format: 'esm', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
  ...Object.entries(scriptTags).map(([name, input]) => {
    const file = `dist/${name}.iife.min.js`;
    return {
      input,
      plugins: [nodeResolve({ browser: true }), ts(), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }), sri(file, name)],
      output: { file, format: 'iife', name: 'Baton', sourcemap: true },
    };
  }),
];
