// The payment form stays out of apps that only use the session: bundling `createClientSession`
// the way an app's bundler would (esbuild, tree-shaken) carries none of the form's code.
// The same check on the built package is in test/e2e/tree-shaking.test.ts.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Texts only the form's modules contain. */
const FORM_MARKERS = ['baton-form', 'baton-brand', 'Please use another card', 'must be a session from createClientSession'];

async function bundle(from: string, names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from '${from}';`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('payment form tree-shaking', () => {
  it('createClientSession from the sources carries no form; mountPaymentForm does', async () => {
    const session = await bundle('./src/connect/index.ts', 'createClientSession');
    expect(FORM_MARKERS.filter((marker) => session.includes(marker))).toEqual([]);
    const form = await bundle('./src/connect/index.ts', 'mountPaymentForm');
    expect(FORM_MARKERS.filter((marker) => form.includes(marker))).toEqual(FORM_MARKERS);
  });
});
