// The merchant server's own URLs (initiate sale, preauth relay, status): resolved against the page,
// query added; `request` checks that exact URL where it is sent.
import { pageOriginPolicy, pageUrl, type UrlPolicy } from '../core/url-guard.js';
import { checkList } from './config.js';

/** A merchant URL and the policy it must pass (hand both to `request`). */
export interface MerchantTarget {
  readonly url: string;
  readonly policy: UrlPolicy;
}

/**
 * The URL Baton will call on the merchant's server: `input` resolved against the page, `query` set.
 * Policy: `allowedHosts` when given, else the page's exact origin (`pageOriginPolicy`). Throws
 * `UnsafeUrlError` for input the guard refuses as written; `request` then checks the final URL
 * (`UnsafeUrlError`, `SecretError`) before anything is sent.
 */
export function merchantUrl(
  input: string | URL,
  allowedHosts: readonly string[] | undefined,
  what: string,
  query: Record<string, string> = {},
): MerchantTarget {
  const policy = allowedHosts === undefined ? pageOriginPolicy() : { allowedHosts: checkList(allowedHosts, 'allowedHosts', [], `${what} options`) };
  return { url: pageUrl(input, policy, query).href, policy };
}
