// Script-tag entry for Worldline Connect alone (dist/baton-connect.iife.min.js): `window.Baton` is the core
// (errors, safeUrl, navigate, …) plus `Baton.connect`, so a page using only Worldline Connect downloads nothing else.
export * from './core/index.js';
export * as connect from './connect/index.js';
