// Saved cards stay out of apps that do not use them: bundling the card form (or the session alone)
// the way an app's bundler would carries none of the saved-card form's code; mountSavedCardForm does.
import { describe, expect, it } from 'vitest';
import { bundleLikeAnApp } from '../../esbuild-bundle.js';

// Strings only the saved-card modules hold (its options' name, the picker's class).
const SAVED_MARKERS = ['mountSavedCardForm options', 'baton-saved'];
const bundle = (names: string) => bundleLikeAnApp(`export { ${names} } from './src/connect/index.ts';`);

describe('saved-card form tree-shaking', () => {
  it('the card form and the session carry no saved-card code; mountSavedCardForm does', async () => {
    for (const names of ['createClientSession', 'createClientSession, mountPaymentForm']) {
      const code = await bundle(names);
      expect(SAVED_MARKERS.filter((marker) => code.includes(marker))).toEqual([]);
    }
    const saved = await bundle('createClientSession, mountSavedCardForm');
    expect(SAVED_MARKERS.filter((marker) => saved.includes(marker))).toEqual(SAVED_MARKERS);
  });
});
