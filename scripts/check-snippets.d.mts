// Types for scripts/check-snippets.mjs (imported by test/e2e/snippets.test.ts).
export interface Snippet { readonly file: string; readonly line: number; readonly code: string }
export function extractSnippets(markdown: string, file: string): Snippet[];
export function checkSnippets(snippets: readonly Snippet[], dir?: string): string[];
export function documentedSnippets(root?: string): Snippet[];
