// Script-tag entry for SBC alone (dist/baton-sbc.iife.min.js): `window.Baton` is the core
// (errors, safeUrl, navigate, …) plus `Baton.sbc`, so a page using only SBC downloads nothing else.
export * from './core/index.js';
export * as sbc from './sbc/index.js';
