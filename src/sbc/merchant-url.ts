// The merchant server's own URLs (initiate sale, preauth relay, status): the final URL is built
// first — resolved against the page, query added — and that exact URL is checked and sent.
import { UnsafeUrlError } from '../core/errors.js';
import { assertNoSecretsInUrl } from '../core/secrets.js';
import { isLoopbackHost, LOOPBACK_HOSTS, safeUrl, type UrlPolicy } from '../core/url-guard.js';
import { checkList } from './config.js';

// What a URL parser strips or reinterprets in a relative reference (tabs, newlines, `\` as `/`).
const AMBIGUOUS = /[\u0000-\u0020\u007f-\u009f\\]/;

/** A checked merchant URL and the policy it passed (hand both to `request`). */
export interface MerchantTarget {
  readonly url: string;
  readonly policy: UrlPolicy;
}

/**
 * The URL Baton will call on the merchant's server, after the URL guard: `input` resolved against
 * the page, `query` set, then checked as a whole (`safeUrl`, and no merchant secret in the query).
 * Send exactly the returned `url`, under the returned `policy`.
 *
 * Policy: `allowedHosts` when given. Otherwise the page's own origin — scheme, host and port —
 * (https, or http on a loopback page), plus any loopback host while the page itself is on loopback
 * or there is no page (development and tests). Throws `UnsafeUrlError` for anything else
 * (`data:`, `javascript:`, plain http to a public host, credentials, another origin or port) and
 * `SecretError` for a secret in the query.
 */
export function merchantUrl(
  input: string | URL,
  allowedHosts: readonly string[] | undefined,
  what: string,
  query: Record<string, string> = {},
): MerchantTarget {
  const page = typeof location === 'undefined' || !/^https?:$/.test(location.protocol) ? undefined : location;
  const policy: UrlPolicy =
    allowedHosts === undefined ? defaultPolicy(page) : { allowedHosts: checkList(allowedHosts, 'allowedHosts', [], `${what} options`) };
  const raw = typeof input === 'string' ? input : input.href;
  // Absolute input is also checked as written: the guard refuses hosts a parser would rewrite.
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) safeUrl(raw, policy);
  else if (AMBIGUOUS.test(raw)) throw new UnsafeUrlError(raw, 'contains whitespace, control or backslash characters');

  let url: URL;
  try {
    url = new URL(raw, page?.href);
  } catch {
    throw new UnsafeUrlError(raw, page ? 'not a valid URL' : 'not an absolute http(s) URL (there is no page to resolve it against)');
  }
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  // URLSearchParams writes a space as '+', which only form decoders read as a space; %20 means a
  // space to every decoder (a literal '+' is already %2B), so "ORD 001" arrives as it was.
  if (Object.keys(query).length) url.search = url.search.replace(/\+/g, '%20');

  const checked = safeUrl(url.href, policy);
  assertNoSecretsInUrl(checked, `${what} url`);
  return { url: checked.href, policy };
}

/** The page's exact origin (`host:port`, so another port is refused), plus loopback in development. */
function defaultPolicy(page: Location | undefined): UrlPolicy {
  if (!page) return { allowedHosts: LOOPBACK_HOSTS };
  const origin = `${page.hostname}:${page.port || (page.protocol === 'https:' ? '443' : '80')}`;
  return { allowedHosts: isLoopbackHost(page.hostname) ? [origin, ...LOOPBACK_HOSTS] : [origin] };
}
