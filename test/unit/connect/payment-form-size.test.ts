// The payment form stays out of apps that only use the session: bundling `createClientSession`
// the way an app's bundler would (esbuild, tree-shaken) carries none of the form's code.
// The same check on the built package is in test/e2e/tree-shaking.test.ts.
import { describe, expect, it } from 'vitest';
import { bundleLikeAnApp, FORM_MARKERS } from '../../esbuild-bundle.js';

const bundle = (from: string, names: string) => bundleLikeAnApp(`export { ${names} } from '${from}';`);

describe('payment form tree-shaking', () => {
  it('createClientSession from the sources carries no form; mountPaymentForm does', async () => {
    const session = await bundle('./src/connect/index.ts', 'createClientSession');
    expect(FORM_MARKERS.filter((marker) => session.includes(marker))).toEqual([]);
    const form = await bundle('./src/connect/index.ts', 'mountPaymentForm');
    expect(FORM_MARKERS.filter((marker) => form.includes(marker))).toEqual(FORM_MARKERS);
  });
});
