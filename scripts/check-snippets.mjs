// Type-checks every TypeScript snippet (```ts) of README.md and docs/*.md under strict tsc against
// the *built* package's types (dist/, through package.json's exports, as an app would see them).
// Each snippet is its own module: it must import what it uses and declare its placeholders.
// `npm run check:snippets` (after `npm run build`); test/e2e/snippets.test.ts runs it in `npm test`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The compiler options an app in strict mode would use (TypeScript 6's checked side-effect imports included). */
export const SNIPPET_OPTIONS = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noUncheckedSideEffectImports: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  skipLibCheck: true, // the package's own declarations are checked by its build; here, the snippets
  noEmit: true,
};

/** The ```ts / ```typescript blocks of a Markdown text, with the line each starts on (1-based). */
export function extractSnippets(markdown, file) {
  const snippets = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(ts|typescript)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 2;
    const body = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    snippets.push({ file, line: start, code: `${body.join('\n')}\n` });
  }
  return snippets;
}

/**
 * Compiles `snippets` in one program, each as a module under `dir` (inside this package, so
 * `baton-sdk/...` resolves to the package's own exports). Returns one readable line per error.
 */
export function checkSnippets(snippets, dir = 'test-results/snippets') {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const where = new Map();
  const files = snippets.map((snippet, index) => {
    const path = resolve(dir, `${basename(snippet.file).replace(/\W/g, '_')}-${snippet.line}-${index}.ts`);
    writeFileSync(path, snippet.code);
    where.set(path, snippet);
    return path;
  });
  // `baton-sdk/global` declares a global, which would leak into every file of its program: the
  // snippets importing it get a program of their own, so the others cannot use `Baton` unimported.
  const usesGlobal = (path) => /['"]baton-sdk\/global['"]/.test(where.get(path).code);
  const groups = [files.filter((path) => !usesGlobal(path)), files.filter(usesGlobal)].filter((group) => group.length);
  const diagnostics = groups.flatMap((group) => ts.getPreEmitDiagnostics(ts.createProgram(group, SNIPPET_OPTIONS)));
  return diagnostics.map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const snippet = diagnostic.file && where.get(resolve(diagnostic.file.fileName));
    if (!snippet || diagnostic.start === undefined) return `${diagnostic.file?.fileName ?? 'tsc'}: ${text}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${snippet.file}:${snippet.line + line}:${character + 1}: ${text}`;
  });
}

/** README.md and every docs/*.md. */
export function documentedSnippets(root = '.') {
  const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join('docs', name));
  return ['README.md', ...docs.sort()].flatMap((file) => extractSnippets(readFileSync(join(root, file), 'utf8'), file));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const snippets = documentedSnippets();
  const errors = checkSnippets(snippets);
  for (const error of errors) console.error(error);
  console.log(`${snippets.length} snippets, ${errors.length} errors`);
  process.exit(errors.length ? 1 : 0);
}
