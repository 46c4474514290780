// The merchant server's own URLs (initiate sale, preauth relay, status): resolved against the page,
// query added; `request` checks that exact URL where it is sent.
import { UnsafeUrlError } from '../core/errors.js';
import { pageOriginPolicy, resolveUrl, type UrlPolicy } from '../core/url-guard.js';
import { checkList } from './config.js';

/** A merchant URL and the policy it must pass (hand both to `request`). */
export interface MerchantTarget {
  readonly url: string;
  readonly policy: UrlPolicy;
}

/**
 * The URL Baton will call on the merchant's server: `input` resolved against the page (checked as
 * written, `resolveUrl`), `query` set. Policy: `allowedHosts` when given, else the page's exact
 * origin (`pageOriginPolicy`). `request` then checks the final URL before anything is sent.
 */
export function merchantUrl(
  input: string | URL,
  allowedHosts: readonly string[] | undefined,
  what: string,
  query: Record<string, string> = {},
): MerchantTarget {
  const policy = allowedHosts === undefined ? pageOriginPolicy() : { allowedHosts: checkList(allowedHosts, 'allowedHosts', [], `${what} options`) };
  const raw = typeof input === 'string' ? input : input.href;
  const url = resolveUrl(raw, policy);
  if (!url) throw new UnsafeUrlError(raw, 'not a valid URL');
  const pairs = Object.entries(query);
  for (const [key, value] of pairs) url.searchParams.set(key, value);
  // URLSearchParams writes a space as '+', which only form decoders read as a space; %20 means a
  // space to every decoder (a literal '+' is already %2B), so "ORD 001" arrives as it was.
  if (pairs.length) url.search = url.search.replace(/\+/g, '%20');
  return { url: url.href, policy };
}
