import * as v from 'valibot';
import { hostsOption, stringsOption, urlInput } from '../core/options.js';
import type { UrlPolicy } from '../core/url-guard.js';

/** Sectigo's interchangeable hosts for hosted pages and the client APIs. */
export const SECTIGO_HOSTS = ['secure.sectigo.com', 'secure.trust-provider.com'] as const;

/** Hosted pages and APIs live under this path. */
export const SECTIGO_PATHS = ['/products/'] as const;

/** Where a sasp call may go: override for a same-origin proxy or a local mock. */
export interface SaspUrlOptions {
  /**
   * Full URL of the page or API, instead of Sectigo's live one (e.g. your own proxy).
   * Must pass the URL guard with `allowedHosts`/`pathPrefixes`.
   */
  readonly endpoint?: string | URL;
  /** Hosts allowed. Default `['secure.sectigo.com', 'secure.trust-provider.com']`. */
  readonly allowedHosts?: readonly string[];
  /** Path prefixes allowed. Default `['/products/']`. */
  readonly pathPrefixes?: readonly string[];
}

export const urlOptionsEntries = {
  endpoint: v.optional(urlInput()),
  allowedHosts: hostsOption,
  pathPrefixes: stringsOption,
};

/** The policy for Sectigo's hosted pages, from options an `urlOptionsEntries` schema has read. */
export function policyOf(options: SaspUrlOptions, option: string): UrlPolicy {
  return {
    allowedHosts: options.allowedHosts ?? SECTIGO_HOSTS,
    pathPrefixes: options.pathPrefixes ?? SECTIGO_PATHS,
    allowedHostsOption: option,
  };
}
