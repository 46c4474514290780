// Every TypeScript snippet of README.md and docs/*.md compiles under strict tsc against the built
// package's types, and the check fails when one does not (a check that cannot fail proves nothing).
// One compiler program for every case below (each snippet is its own module): a program costs
// seconds, so the cases share it and each test reads the errors of its own files.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSnippets, documentedSnippets, extractSnippets, type Snippet } from '../../scripts/check-snippets.mjs';

const documented = documentedSnippets();
// The README's snippets with one export misspelt: each snippet using it must fail.
const broken = extractSnippets(readFileSync('README.md', 'utf8'), 'broken/README.md')
  .filter((snippet) => /\bgetPostPaymentStatus\b/.test(snippet.code))
  .map((snippet) => ({ ...snippet, code: snippet.code.replace(/\bgetPostPaymentStatus\b/g, 'getPostPaymentStatuss') }));
const cases: Record<string, Snippet> = {
  placeholder: { file: 'case/placeholder.md', line: 10, code: "import { sasp } from 'baton-sdk';\nawait sasp.getPostPaymentStatus({ relay: '/status', orderNumber });\n" },
  optionType: { file: 'case/option-type.md', line: 1, code: "import { connect } from 'baton-sdk';\nconnect.applyMask('4111', '{{9999}}');\nconnect.applyMask(1234, '{{9999}}');\n" },
  global: {
    file: 'case/global.md',
    line: 1,
    code: `import type {} from 'baton-sdk/global';
import 'baton-sdk/style.css';
declare const status: Parameters<typeof Baton.sasp.renderStatus>[1];
Baton.sasp.renderStatus('#status', status, { onAction: () => undefined });
const error: unknown = new window.Baton.ValidationError('x', []);
if (error instanceof Baton.BatonError) console.log(error.message);
`,
  },
  globalMisused: { file: 'case/global-misused.md', line: 1, code: "import type {} from 'baton-sdk/global';\nBaton.sasp.renderStatus(42, null, {});\n" },
  noGlobal: { file: 'case/no-global.md', line: 1, code: 'Baton.sasp.renderStatus;\n' },
  css: { file: 'case/css.md', line: 1, code: "import 'baton-sdk/style.css';\nimport 'baton-sdk/styles.css';\n" },
};

let errors: string[] = [];
beforeAll(() => {
  errors = checkSnippets([...documented, ...broken, ...Object.values(cases)]);
}, 120_000);
const errorsIn = (file: string) => errors.filter((error) => error.startsWith(`${file}:`));

describe('documentation snippets', () => {
  it('every ```ts snippet in README.md and docs/*.md compiles under strict tsc against dist/', () => {
    expect(documented.length).toBeGreaterThanOrEqual(7);
    expect(errors.filter((error) => error.startsWith('README.md') || error.startsWith('docs/'))).toEqual([]);
  });

  it('fails, naming the file and line, when a README snippet stops compiling', () => {
    expect(broken.length).toBeGreaterThan(0);
    for (const snippet of broken) {
      const found = errorsIn(snippet.file).filter((error) => Number(error.split(':')[1]) >= snippet.line);
      expect(found.join('\n')).toMatch(/getPostPaymentStatuss/);
    }
  });

  it('fails on an undeclared placeholder and on a wrong argument type, at their lines', () => {
    expect(errorsIn('case/placeholder.md')).toEqual([expect.stringMatching(/^case\/placeholder\.md:11:\d+: .*'orderNumber'/)]);
    expect(errorsIn('case/option-type.md')).toEqual([expect.stringMatching(/^case\/option-type\.md:3:\d+: .*'number'.*'string'/)]);
  });

  it('types window.Baton for script-tag users (baton-sdk/global), only where imported, and resolves the stylesheet', () => {
    expect(errorsIn('case/global.md')).toEqual([]);
    expect(errorsIn('case/global-misused.md').length).toBeGreaterThan(0);
    expect(errorsIn('case/no-global.md')).toEqual([expect.stringMatching(/Cannot find name 'Baton'/)]);
    // The real stylesheet resolves; a misspelt one is an error (TypeScript 6 checks side-effect imports).
    expect(errorsIn('case/css.md')).toEqual([expect.stringMatching(/^case\/css\.md:2:\d+: .*baton-sdk\/styles\.css/)]);
  });
});
