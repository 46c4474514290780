// Library builds: ESM per entry (valibot external) + d.ts, and one minified IIFE (`window.Baton`)
// with everything inlined and its SRI hash written next to it.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const entries = {
  index: 'src/index.ts',
  sasp: 'src/sasp/index.ts',
  connect: 'src/connect/index.ts',
  sbc: 'src/sbc/index.ts',
};
const external = (id) => id === 'valibot' || id.startsWith('valibot/');
const ts = () => typescript({ tsconfig: './tsconfig.build.json' });
const IIFE = 'dist/baton.iife.min.js';

// Start from an empty dist/: hashed chunk names change, and stale ones would ship.
rmSync('dist', { recursive: true, force: true });

/** Writes `<file>.sri` (sha384) and prints it, so embedders can copy the integrity attribute. */
function sri() {
  return {
    name: 'baton-sri',
    // writeBundle runs after the file is on disk, so the hash is of what ships.
    writeBundle() {
      const hash = `sha384-${createHash('sha384').update(readFileSync(IIFE)).digest('base64')}`;
      writeFileSync(`${IIFE}.sri`, `${hash}\n`);
      console.log(`\n${IIFE}\nintegrity="${hash}"\n`);
    },
  };
}

export default [
  {
    input: entries,
    external,
    plugins: [ts()],
    output: { dir: 'dist', format: 'esm', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  {
    input: entries,
    external,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: { dir: 'dist', format: 'esm', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
  {
    input: 'src/global.ts',
    plugins: [nodeResolve({ browser: true }), ts(), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }), sri()],
    output: { file: IIFE, format: 'iife', name: 'Baton', sourcemap: true },
  },
];
