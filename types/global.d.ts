// `baton-sdk/global`: types for the script-tag files, which set `window.Baton`. Reference it once,
// e.g. `/// <reference types="baton-sdk/global" />` or `import type {} from 'baton-sdk/global';`.
// It types the whole file (baton.iife.min.js); a per-provider file has the core and its provider only.
import type * as BatonModule from './index.js';

declare global {
  /** What a Baton script tag puts on `window`. */
  // eslint-disable-next-line no-var -- a global is declared with var
  var Baton: typeof BatonModule;
}

export {};
