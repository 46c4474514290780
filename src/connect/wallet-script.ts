// Loads a wallet's script on demand, once per URL. Nothing runs at import (server rendering is
// safe); the URL passes the URL guard first; a CSP nonce is set when given. Trusted Types: the
// page's default policy, if it has one, decides; otherwise Baton's own policy `baton-wallet`, which
// passes only URLs that passed the guard; a page whose CSP does not allow that name gets the plain
// URL (accepted wherever Trusted Types are not enforced).
import { safeUrl } from '../core/url-guard.js';
import { WalletError, type WalletName } from './wallet-error.js';

const loads = new Map<string, Promise<void>>();
// URLs that passed the guard: the only ones the Trusted Types policy turns into script URLs.
const checked = new Set<string>();
let policy: { createScriptURL(url: string): unknown } | undefined;

interface TrustedTypesFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

function scriptUrl(url: string): unknown {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || factory.defaultPolicy) return url;
  try {
    policy ??= factory.createPolicy('baton-wallet', {
      createScriptURL(input) {
        if (!checked.has(input)) throw new TypeError(`baton-wallet: ${input} is not a wallet script Baton checked`);
        return input;
      },
    });
  } catch {
    return url;
  }
  return policy.createScriptURL(url);
}

/**
 * Adds `<script async src=url>` to the document once and waits for it to load. A failed load is
 * forgotten, so a later call tries again.
 */
export async function loadWalletScript(wallet: WalletName, url: string | URL, allowedHosts: readonly string[], nonce?: string): Promise<void> {
  if (typeof document === 'undefined') throw new WalletError(wallet, 'unavailable', 'needs a browser document (call it from the page, not during server rendering)');
  const src = safeUrl(url, { allowedHosts }).href;
  checked.add(src);
  let loading = loads.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.async = true;
      if (nonce) script.nonce = nonce;
      try {
        script.src = scriptUrl(src) as string;
      } catch (cause) {
        reject(new WalletError(wallet, 'script', `Trusted Types refused ${src}: allow the policy name baton-wallet in your trusted-types directive`, { cause }));
        return;
      }
      script.onload = () => resolve();
      script.onerror = () => reject(new WalletError(wallet, 'script', `${src} did not load (offline, blocked, or refused by the page's Content-Security-Policy)`));
      document.head.append(script);
    });
    loads.set(src, loading);
    loading.catch(() => loads.delete(src));
  }
  return loading;
}
