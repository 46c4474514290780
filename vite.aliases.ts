import { fileURLToPath } from 'node:url';

/**
 * Resolves `baton-sdk`, `baton-sdk/sasp`, … to the sources (`'src'`, demo and tests) or to the built
 * package (`'dist'`, what the e2e tests exercise), so code imports Baton by package name.
 */
export function batonAliases(from: 'src' | 'dist') {
  const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const file = (name: string) => (from === 'src' ? at(`./src/${name === 'index' ? 'index' : `${name}/index`}.ts`) : at(`./dist/${name}.js`));
  return [
    { find: /^baton-sdk\/sasp$/, replacement: file('sasp') },
    { find: /^baton-sdk\/connect$/, replacement: file('connect') },
    { find: /^baton-sdk\/sbc$/, replacement: file('sbc') },
    { find: /^baton-sdk$/, replacement: file('index') },
  ];
}
