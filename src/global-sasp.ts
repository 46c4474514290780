// Script-tag entry for Sectigo SASP alone (dist/baton-sasp.iife.min.js): `window.Baton` is the core
// (errors, safeUrl, navigate, …) plus `Baton.sasp`, so a page using only Sectigo SASP downloads nothing else.
export * from './core/index.js';
export * as sasp from './sasp/index.js';
