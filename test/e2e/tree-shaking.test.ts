// On the package `npm test` has just built, resolved through its `exports`: an app importing only
// `createClientSession` from `baton-sdk/connect` carries none of the payment form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleLikeAnApp, FORM_MARKERS } from '../esbuild-bundle.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, { default: string }> };
const bundle = (names: string) => bundleLikeAnApp(`export { ${names} } from './${pkg.exports['./connect']!.default}';`, 'js');

describe('the built baton-sdk/connect', () => {
  it('createClientSession carries no form; mountPaymentForm does', async () => {
    const session = await bundle('createClientSession');
    expect(FORM_MARKERS.filter((marker) => session.includes(marker))).toStrictEqual([]);
    const form = await bundle('mountPaymentForm');
    expect(FORM_MARKERS.filter((marker) => form.includes(marker))).toStrictEqual(FORM_MARKERS);
  });
});
