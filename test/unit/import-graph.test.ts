// The floors of the code base: imports run from the entries to the providers to core, never back
// up, and no folder has an import cycle — type-only imports included (issue 27 found one in the
// demo's mock: `Route` in demo/mock/app.ts, now in demo/mock/route.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `root` → the files it imports with a relative specifier (`import type` too). */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) graph.set(resolve(path), []);
    }
  };
  walk(root);
  for (const [file, imports] of graph) {
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName).replace(/\.m?js$/, (ext) => (ext === '.mjs' ? '.mts' : '.ts'));
      imports.push(graph.has(target) ? target : resolve(target, 'index.ts'));
    }
  }
  return graph;
}

/** Each cycle found by a depth-first walk, as repo-relative paths (first file repeated at the end). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((p) => relative('.', p)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

/** `src/<folder>/…` → folder; a file directly in src/ is an entry. */
const floorOf = (file: string) => {
  const parts = relative('src', file).split(sep);
  return parts.length > 1 ? parts[0]! : 'entry';
};

describe('import graph', () => {
  it.each(['src', 'demo', 'test'])('%s/ has no import cycle, type-only imports included', (root) => {
    expect(cycles(importGraph(root))).toStrictEqual([]);
  });

  it('core imports nothing outside core; sasp, connect and sbc import only core and themselves', () => {
    const climbing: string[] = [];
    for (const [file, imports] of importGraph('src')) {
      const from = floorOf(file);
      if (!['core', 'sasp', 'connect', 'sbc'].includes(from)) continue;
      for (const target of imports) {
        const to = floorOf(target);
        if (to !== from && to !== 'core') climbing.push(`${relative('.', file)} -> ${relative('.', target)}`);
      }
    }
    expect(climbing).toStrictEqual([]);
  });

  it('finds a cycle when there is one (the walk itself is checked)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(cycles(graph)).toHaveLength(1);
    expect(cycles(graph)[0]).toHaveLength(4);
  });
});
