// Library builds:
// - ESM, one file per source module (preserveModules), so `export * as sasp from './sasp/index.js'`
//   stays a real ES re-export that Vite/rolldown and webpack shake member by member (a bundled
//   entry would freeze each namespace into an object no bundler can shake). ky and valibot stay
//   external: the app's bundler dedupes them.
// - d.ts bundled per entry (shared declarations in dist/chunks/).
// - Minified IIFEs (`window.Baton`), dependencies inlined, each with its SRI hash beside it:
//   everything, and one per provider (the core plus that provider).
// - dist/baton.css, copied from src/style.css.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// Keys are the output paths under dist/ (mirroring src/), so `baton-sdk/sasp` is dist/sasp/index.js.
const entries = {
  index: 'src/index.ts',
  'sasp/index': 'src/sasp/index.ts',
  'connect/index': 'src/connect/index.ts',
  'sbc/index': 'src/sbc/index.ts',
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

const isDependency = (id) => /^(ky|valibot)(\/|$)/.test(id);
// Type-checking is `npm run typecheck`'s job; the builds only transpile (much faster, same output).
const ts = () => typescript({ tsconfig: './tsconfig.build.json', noCheck: true });

// Start from an empty dist/: hashed chunk names change, and stale ones would ship.
rmSync('dist', { recursive: true, force: true });

/** Writes `<file>.sri` (sha384) and prints it, so embedders can copy the integrity attribute. */
function sri(file) {
  return {
    name: 'baton-sri',
    // writeBundle runs after the file is on disk, so the hash is of what ships.
    writeBundle() {
      const hash = `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
      writeFileSync(`${file}.sri`, `${hash}\n`);
      console.log(`\n${file}\nintegrity="${hash}"\n`);
    },
  };
}

/** Copies the stylesheet to dist/baton.css (`baton-sdk/style.css`). */
function stylesheet() {
  return {
    name: 'baton-style',
    writeBundle() {
      mkdirSync('dist', { recursive: true });
      copyFileSync(STYLE.from, STYLE.to);
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
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: { dir: 'dist', format: 'esm', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
  ...Object.entries(scriptTags).map(([name, input]) => {
    const file = `dist/${name}.iife.min.js`;
    return {
      input,
      plugins: [nodeResolve({ browser: true }), ts(), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }), sri(file)],
      output: { file, format: 'iife', name: 'Baton', sourcemap: true },
    };
  }),
];
