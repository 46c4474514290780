import { BatonError, ValidationError } from '../core/errors.js';
import { own } from '../core/own.js';
import { hostPatternIssue, type UrlPolicy } from '../core/url-guard.js';

/** Where the SBC gateway (a PaynetEasy white label) serves its hosted payment pages. */
export interface SbcConfig {
  /** Gateway hosts the browser may be sent to. Default `gate.sbctech.ru`, `sandbox.sbctech.ru`. */
  readonly allowedHosts: readonly string[];
  /** Path prefixes of the gateway's pages. Default `/paynet/`. */
  readonly pathPrefixes: readonly string[];
}

const DEFAULTS: SbcConfig = Object.freeze({
  allowedHosts: Object.freeze(['gate.sbctech.ru', 'sandbox.sbctech.ru']),
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
 * sbc.configure({ allowedHosts: ['gate.example-gateway.com'], pathPrefixes: ['/paynet/'] });
 */
export function configure(config: Partial<SbcConfig>): SbcConfig {
  // Own properties only, each read once: an inherited `allowedHosts` is no configuration.
  const given = own(config);
  if ('hosts' in given) {
    // The one name for an allow-list across Baton is `allowedHosts`; say so rather than ignore it.
    throw new ValidationError('sbc configuration', [{ path: 'hosts', message: 'renamed: use allowedHosts' }]);
  }
  const next: SbcConfig = Object.freeze({
    allowedHosts: checkList(given.allowedHosts, 'allowedHosts', DEFAULTS.allowedHosts, true),
    pathPrefixes: checkList(given.pathPrefixes, 'pathPrefixes', DEFAULTS.pathPrefixes),
  });
  if (configured && JSON.stringify(current) !== JSON.stringify(next)) {
    throw new BatonError('sbc.configure was already called with other values; call it once, at start-up');
  }
  current = next;
  configured = true;
  return current;
}

/** The gateway configuration in force (the defaults until `configure` is called). */
export function getConfig(): SbcConfig {
  return current;
}

/**
 * URL policy for navigating to a gateway page; `allowedHosts` (checked by the caller's options
 * schema, `hostsOption`) overrides the configured hosts.
 */
export function gatewayPolicy(allowedHosts?: readonly string[]): UrlPolicy {
  return {
    allowedHosts: allowedHosts ?? current.allowedHosts,
    pathPrefixes: current.pathPrefixes,
    allowedHostsOption: allowedHosts ? 'openHostedForm(…, { allowedHosts })' : 'sbc.configure({ allowedHosts })',
  };
}

/** A non-empty list of non-empty strings (of hosts, with `hosts`), copied and frozen; `fallback` when `undefined`. */
function checkList(list: unknown, name: string, fallback: readonly string[], hosts = false): readonly string[] {
  if (list === undefined) return fallback;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new ValidationError('sbc configuration', [{ path: name, message: 'expected a non-empty list of non-empty strings' }]);
  }
  const issue = hosts ? list.map(hostPatternIssue).find(Boolean) : undefined;
  if (issue) throw new ValidationError('sbc configuration', [{ path: name, message: issue }]);
  return Object.freeze([...(list as string[])]);
}
