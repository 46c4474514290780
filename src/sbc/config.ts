import { BatonError, ValidationError } from '../core/errors.js';
import type { UrlPolicy } from '../core/url-guard.js';

/** Where the SBC gateway (a PaynetEasy white label) serves its hosted payment pages. */
export interface SbcConfig {
  /** Gateway hosts the browser may be sent to. Default `gate.sbctech.ru`, `sandbox.sbctech.ru`. */
  readonly hosts: readonly string[];
  /** Path prefixes of the gateway's pages. Default `/paynet/`. */
  readonly pathPrefixes: readonly string[];
}

const DEFAULTS: SbcConfig = Object.freeze({
  hosts: Object.freeze(['gate.sbctech.ru', 'sandbox.sbctech.ru']),
  pathPrefixes: Object.freeze(['/paynet/']),
});

let current: SbcConfig = DEFAULTS;
let configured = false;

/**
 * Sets the gateway hosts and path prefixes once, at start-up (other PaynetEasy white labels use
 * other hosts and paths). A second call with different values throws a `BatonError`: the
 * allow-list is configuration, never something data can change per call.
 *
 * @example
 * sbc.configure({ hosts: ['gate.example-gateway.com'], pathPrefixes: ['/paynet/'] });
 */
export function configure(config: Partial<SbcConfig>): SbcConfig {
  const next: SbcConfig = Object.freeze({
    hosts: Object.freeze([...checkList(config?.hosts, 'hosts', DEFAULTS.hosts)]),
    pathPrefixes: Object.freeze([...checkList(config?.pathPrefixes, 'pathPrefixes', DEFAULTS.pathPrefixes)]),
  });
  if (configured && !sameConfig(current, next)) {
    throw new BatonError('sbc.configure was already called with other values; configure the gateway once, at start-up');
  }
  current = next;
  configured = true;
  return current;
}

/** The gateway configuration in force (the defaults until `configure` is called). */
export function getConfig(): SbcConfig {
  return current;
}

/** URL policy for navigating to a gateway page; `allowedHosts` overrides the configured hosts. */
export function gatewayPolicy(allowedHosts?: readonly string[]): UrlPolicy {
  const hosts = allowedHosts === undefined ? current.hosts : checkList(allowedHosts, 'allowedHosts', []);
  return { allowedHosts: hosts, pathPrefixes: current.pathPrefixes };
}

function checkList(list: unknown, name: string, fallback: readonly string[]): readonly string[] {
  if (list === undefined) return fallback;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new ValidationError('sbc configuration', [{ path: name, message: 'expected a non-empty list of non-empty strings' }]);
  }
  return list as string[];
}

function sameConfig(a: SbcConfig, b: SbcConfig): boolean {
  return a.hosts.join('\n') === b.hosts.join('\n') && a.pathPrefixes.join('\n') === b.pathPrefixes.join('\n');
}
