// Test helper: Worldline's connect-sdk-client-js 6.0.6 (a devDependency) run as in a browser.
// Its bundled node-forge takes Node for a browser without `crypto.randomBytes` and fails to
// encrypt, so the UMD build runs in a fresh VM context that has only browser globals.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

export interface BrowserValues {
  readonly language: string;
  readonly screen: { readonly colorDepth: number; readonly height: number; readonly width: number };
  readonly innerHeight: number;
  readonly innerWidth: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the reference's classes, used loosely */
type Constructor = new (...args: any[]) => any;
export interface ReferenceSdk {
  readonly Session: Constructor;
  readonly PaymentRequest: Constructor;
  readonly PaymentProductField: Constructor;
}

export function loadReferenceInBrowser(browser: BrowserValues): ReferenceSdk {
  const file = join(dirname(createRequire(import.meta.url).resolve('connect-sdk-client-js')), 'connect-sdk-client-js.umd.js');
  const context: Record<string, unknown> = {
    navigator: { language: browser.language, userAgent: 'TestAgent/1', javaEnabled: () => false },
    screen: browser.screen,
    innerHeight: browser.innerHeight,
    innerWidth: browser.innerWidth,
    crypto: globalThis.crypto,
    TextEncoder,
    TextDecoder,
    URL,
    setTimeout,
  };
  context.window = context;
  context.self = context;
  vm.createContext(context);
  vm.runInContext(readFileSync(file, 'utf8'), context);
  return context.connectsdk as ReferenceSdk;
}
