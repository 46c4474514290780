// `baton-sdk/global`: types for the script-tag files, which set `window.Baton`. Import it once,
// `import type {} from 'baton-sdk/global';` (types only: nothing is loaded).
// It types the whole file (baton.iife.min.js); a per-provider file has the core and its provider only.
import type * as BatonModule from './index.js';

declare global {
  /** What a Baton script tag puts on `window`. */
  // eslint-disable-next-line no-var -- a global is declared with var
  var Baton: typeof BatonModule;
}

export {};
