/**
 * Baton: the browser leg of server-minted payment and certificate sessions.
 *
 * @example
 * import { sasp, connect, sbc, BatonError } from 'baton-sdk';
 */
export * from './core/index.js';
export * as sasp from './sasp/index.js';
export * as connect from './connect/index.js';
export * as sbc from './sbc/index.js';
