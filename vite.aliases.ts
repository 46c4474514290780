import { fileURLToPath } from 'node:url';

/**
 * Resolves `baton`, `baton/sasp`, … to the sources (`'src'`, demo and tests) or to the built
 * package (`'dist'`, what the e2e tests exercise), so code imports Baton by package name.
 */
export function batonAliases(from: 'src' | 'dist') {
  const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const file = (name: string) => (from === 'src' ? at(`./src/${name === 'index' ? 'index' : `${name}/index`}.ts`) : at(`./dist/${name}.js`));
  return [
    { find: /^baton\/sasp$/, replacement: file('sasp') },
    { find: /^baton\/connect$/, replacement: file('connect') },
    { find: /^baton\/sbc$/, replacement: file('sbc') },
    { find: /^baton$/, replacement: file('index') },
  ];
}
