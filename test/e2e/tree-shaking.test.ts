// On the package `npm test` has just built, resolved through its `exports`: an app importing only
// `createClientSession` from `baton-sdk/connect` carries none of the payment form.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, { default: string }> };
/** Texts only the form's modules contain. */
const FORM_MARKERS = ['baton-form', 'baton-brand', 'Please use another card', 'must be a session from createClientSession'];

async function bundle(names: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from './${pkg.exports['./connect']!.default}';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the built baton-sdk/connect', () => {
  it('createClientSession carries no form; mountPaymentForm does', async () => {
    const session = await bundle('createClientSession');
    expect(FORM_MARKERS.filter((marker) => session.includes(marker))).toStrictEqual([]);
    const form = await bundle('mountPaymentForm');
    expect(FORM_MARKERS.filter((marker) => form.includes(marker))).toStrictEqual(FORM_MARKERS);
  });
});
