import { fileURLToPath } from 'node:url';

/**
 * Resolves `baton-sdk`, `baton-sdk/sasp`, … to the sources (`'src'`, demo and tests) or to the built
 * package (`'dist'`, what the e2e tests exercise), so code imports Baton by package name.
 */
export function batonAliases(from: 'src' | 'dist') {
  const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  // dist/ mirrors src/ (the ESM build preserves modules), so only the extension differs.
  const file = (name: string) => {
    const path = name === 'index' ? 'index' : `${name}/index`;
    return from === 'src' ? at(`./src/${path}.ts`) : at(`./dist/${path}.js`);
  };
  return [
    { find: /^baton-sdk\/style\.css$/, replacement: from === 'src' ? at('./src/style.css') : at('./dist/baton.css') },
    { find: /^baton-sdk\/sasp$/, replacement: file('sasp') },
    { find: /^baton-sdk\/connect$/, replacement: file('connect') },
    { find: /^baton-sdk\/sbc$/, replacement: file('sbc') },
    { find: /^baton-sdk\/server$/, replacement: file('server') },
    { find: /^baton-sdk\/locales\/de$/, replacement: from === 'src' ? at('./src/locales/de.ts') : at('./dist/locales/de.js') },
    { find: /^baton-sdk$/, replacement: file('index') },
  ];
}
