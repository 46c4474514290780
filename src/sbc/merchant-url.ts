// The merchant server's own URLs (initiate sale, preauth relay, status): the final URL is built
// first — resolved against the page, query added — and that exact URL is checked and sent.
import { UnsafeUrlError } from '../core/errors.js';
import { assertNoSecrets } from '../core/secrets.js';
import { safeUrl, type UrlPolicy } from '../core/url-guard.js';
import { checkList } from './config.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
// What a URL parser strips or reinterprets in a relative reference (tabs, newlines, `\` as `/`).
const AMBIGUOUS = /[\u0000-\u0020\u007f-\u009f\\]/;

/**
 * Returns the URL Baton will call on the merchant's server, after the URL guard: `input` resolved
 * against the page, `query` set, then checked as a whole (`safeUrl`, and no merchant secret in
 * the query). Send exactly the returned URL.
 *
 * Policy: `allowedHosts` when given. Otherwise the page's own origin (https, or http on a loopback
 * page), plus any loopback host while the page itself is on loopback or there is no page
 * (development and tests). Throws `UnsafeUrlError` for anything else (`data:`, `javascript:`,
 * plain http to another host, credentials, another origin) and `SecretError` for a secret in the
 * query.
 */
export function merchantUrl(
  input: string | URL,
  allowedHosts: readonly string[] | undefined,
  what: string,
  query: Record<string, string> = {},
): URL {
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

  const checked = safeUrl(url.href, policy);
  if (allowedHosts === undefined && page && !LOOPBACK.test(checked.hostname) && checked.origin !== page.origin) {
    throw new UnsafeUrlError(checked.href, `not the page's own origin (${page.origin}); pass allowedHosts to call another host`);
  }
  assertNoSecrets(checked.searchParams, `${what} query`);
  return checked;
}

function defaultPolicy(page: Location | undefined): UrlPolicy {
  if (!page) return { allowedHosts: LOOPBACK_HOSTS };
  return { allowedHosts: LOOPBACK.test(page.hostname) ? [...new Set([page.hostname, ...LOOPBACK_HOSTS])] : [page.hostname] };
}
