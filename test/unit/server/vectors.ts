// The published vectors in /work/shared/vectors (copied to test/fixtures/server-vectors/ so the repo is self-contained).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/server-vectors/', import.meta.url));
export const vectors = JSON.parse(readFileSync(`${dir}server-vectors.json`, 'utf8'));
export const vectorFile = (name: string): Uint8Array => new Uint8Array(readFileSync(`${dir}${name}`));
