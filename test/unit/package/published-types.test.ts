// The published declarations (`dist/**/*.d.ts`, written by `npm run build`; `npm test` builds
// first): they name no valibot type (the schemas are internal; the public types are plain
// interfaces), and they compile for a user who type-checks libraries (`skipLibCheck: false`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));

function declarations(): string[] {
  expect(existsSync(dist), 'run npm run build first').toBe(true);
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => `${dist}${name}`);
  // Every entry of package.json's exports, the server half included, and the shared chunks.
  for (const entry of ['index.d.ts', 'sasp/index.d.ts', 'connect/index.d.ts', 'sbc/index.d.ts', 'server/index.d.ts', 'server/browser.d.ts', 'global.d.ts']) {
    expect(files).toContain(`${dist}${entry}`);
  }
  expect(files.some((file) => file.includes('/chunks/'))).toBe(true);
  return files.sort();
}

describe('the published .d.ts', () => {
  it('mention no valibot type, nor import valibot', () => {
    const offenders = declarations().filter((file) => /valibot|\bv\.(?:Infer|Generic|[A-Z]\w*Schema)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => file.slice(dist.length))).toStrictEqual([]);
  });

  it('compile under strict tsc without skipLibCheck', () => {
    const program = ts.createProgram(declarations(), {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.slice(dist.length)}: ` : '';
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    });
    expect(errors).toStrictEqual([]);
  });
});
