// Every TypeScript snippet of docs/checkout-ui.md compiles under the project's strict settings,
// against the package's own entry points (`baton-sdk/connect`, `baton-sdk/locales/de`, …).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DOC = 'docs/checkout-ui.md';

describe(DOC, () => {
  // A whole type-check of the sources the snippets import: slow on a shared machine.
  it('has snippets, and each compiles under strict tsc', { timeout: 180_000 }, () => {
    const snippets = [...readFileSync(DOC, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    const dir = mkdtempSync(join(tmpdir(), 'baton-doc-'));
    const files = snippets.map((code, index) => {
      const file = join(dir, `snippet-${index}.ts`);
      writeFileSync(file, code);
      return file;
    });
    const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram(files, { ...config.options, noEmit: true, strict: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => `${d.file!.fileName.replace(dir, '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });
});
