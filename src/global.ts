// Script-tag entry: rollup's IIFE output assigns these exports to `window.Baton`.
export * from './index.js';
