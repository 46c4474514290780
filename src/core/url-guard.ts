import { UnsafeUrlError, ValidationError, type UrlRule } from './errors.js';
import { own } from './own.js';

/** Where a module may send the browser or its requests. */
export interface UrlPolicy {
  /**
   * Hosts allowed, compared with the parsed URL: `example.com` (any port), `example.com:8443`
   * (that port only), `*.example.com` (any sub-domain, not the apex) or `*.example.com:8443`.
   */
  readonly allowedHosts: readonly string[];
  /** If set, the path must start with one of these (e.g. `/products/`). */
  readonly pathPrefixes?: readonly string[];
  /** Allow plain `http:` for loopback hosts (development). Default `true`. */
  readonly allowLoopbackHttp?: boolean;
  /**
   * Where the user sets these hosts, named when a host is refused: `createClientSession(…, { allowedHosts })`.
   * Default: "the policy's allowedHosts".
   */
  readonly allowedHostsOption?: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** True for `localhost`, `127.x.x.x` and `[::1]`, the whole host name only. */
export const isLoopbackHost = (hostname: string) => LOOPBACK.test(hostname);

// Parsers strip or reinterpret these; what a browser would do with them is not what was checked.
const REWRITTEN = /[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;
const REWRITTEN_REASON = 'contains whitespace, control, bidi or backslash characters';

// Scheme and authority as written, before the WHATWG parser gets to normalise anything.
const AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i;

/** The port a URL without one uses. */
const defaultPort = (url: URL) => (url.protocol === 'https:' ? '443' : '80');

/**
 * The one URL guard. Returns the parsed URL when `input` is an absolute https URL (or http on a
 * loopback host), carries no credentials, names its host exactly as the parser reads it, and the
 * host (and path) is allowed by `policy`. Anything else throws an `UnsafeUrlError` saying why.
 *
 * @example
 * safeUrl('https://secure.sectigo.com/products/postPayment1a?SID=1', {
 *   allowedHosts: ['secure.sectigo.com'], pathPrefixes: ['/products/'],
 * });
 */
export function safeUrl(input: string | URL, given: UrlPolicy): URL {
  // Read once: a getter cannot answer one thing to the check and another to the use.
  const policy = checkPolicy(given);
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  if (raw === undefined) throw new UnsafeUrlError(`[${input === null ? 'null' : typeof input}]`, 'not a string or URL', 'scheme');
  const refuse = (reason: string, rule: UrlRule = 'path', fix?: string) => new UnsafeUrlError(raw, reason, rule, fix);

  if (REWRITTEN.test(raw)) throw refuse(REWRITTEN_REASON, 'rewritten');
  const written = AUTHORITY.exec(raw);
  if (!written) throw refuse('not an absolute http(s) URL', 'scheme');
  const authority = written[2]!;

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('not a valid URL', 'host');
  }

  // Any user or password needs an `@` in the authority as written.
  if (authority.includes('@')) throw refuse('credentials in the URL', 'credentials');
  const writtenHost = authority.toLowerCase().replace(new RegExp(`:${defaultPort(url)}$`), '');
  if (writtenHost !== url.host) throw refuse(`host ${JSON.stringify(authority)} is read as ${url.host}`, 'rewritten');

  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:') {
    if (!loopback || policy.allowLoopbackHttp === false) throw refuse('plain http is allowed only for loopback hosts', 'scheme');
  } else if (url.protocol !== 'https:') {
    throw refuse(`scheme ${url.protocol} is not allowed`, 'scheme');
  }

  if (!policy.allowedHosts.some((pattern) => hostMatches(url, pattern.toLowerCase()))) {
    throw refuse(`host ${url.host} is not on the allow-list (${policy.allowedHosts.join(', ') || 'empty'})`, 'host', `allow it with ${policy.allowedHostsOption ?? "the policy's allowedHosts"}`);
  }
  // The parser resolves `.`, `..` and `%2e` segments; servers may also read `..;`, `%2e%2e;x` or
  // an encoded slash as a step up, which would leave a checked prefix.
  for (const segment of url.pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw refuse('path has broken percent-encoding');
    }
    if (/[/\\]/.test(decoded)) throw refuse('path has an encoded slash or backslash');
    if (/^\.{1,2}$/.test(decoded.split(';')[0]!)) throw refuse('path has a dot segment');
  }
  if (policy.pathPrefixes && !policy.pathPrefixes.some((prefix) => url.pathname.startsWith(prefix))) {
    throw refuse(`path ${url.pathname} is outside ${policy.pathPrefixes.join(', ')}`);
  }
  return url;
}

/** A validated copy of the policy, each field read once and only as an own property. */
function checkPolicy(policy: unknown): UrlPolicy {
  let copy: { allowedHosts: string[] | null; pathPrefixes?: string[] | null; allowLoopbackHttp?: unknown; allowedHostsOption?: unknown } | undefined;
  try {
    // Copied before they are checked: what is checked is what is used.
    const { allowedHosts, pathPrefixes, allowLoopbackHttp, allowedHostsOption } = own(policy) as Partial<UrlPolicy>;
    copy = { allowedHosts: strings(allowedHosts), pathPrefixes: pathPrefixes === undefined ? undefined : strings(pathPrefixes), allowLoopbackHttp, allowedHostsOption };
  } catch {
    // a getter or proxy threw
  }
  if (!copy?.allowedHosts || copy.pathPrefixes === null) {
    throw new ValidationError('URL policy', [{ path: 'allowedHosts', message: 'expected { allowedHosts: string[], pathPrefixes?: string[] }' }]);
  }
  const issue = copy.allowedHosts.map(hostPatternIssue).find(Boolean);
  if (issue) throw new ValidationError('URL policy', [{ path: 'allowedHosts', message: issue }]);
  return copy as UrlPolicy;
}

/**
 * Why `entry` is no host pattern (`example.com`, `example.com:8443`, `*.example.com`, `[::1]`),
 * or `undefined` when it is one. A URL in its place is the usual mistake: say which host to give.
 */
export function hostPatternIssue(entry: unknown): string | undefined {
  if (typeof entry !== 'string' || /^$|[\s/?#@\\]/.test(entry)) return `${JSON.stringify(entry)} is not a host: give the host (and port), not a URL`;
}

/** A copy of `list` when it is an array of strings, else `null`. */
function strings(list: unknown): string[] | null {
  const copy = Array.isArray(list) ? [...(list as unknown[])] : null;
  return copy?.every((item) => typeof item === 'string') ? (copy as string[]) : null;
}

function hostMatches(url: URL, pattern: string): boolean {
  const wildcard = pattern.startsWith('*.');
  const name = wildcard ? pattern.slice(1) : pattern;
  const port = /^(.*[^:]):(\d+)$/.exec(name);
  // `[::1]` alone has colons but no port.
  const [host, wanted] = port && !name.endsWith(']') ? [port[1]!, port[2]!] : [name, undefined];
  if (wanted !== undefined && url.port !== wanted && !(url.port === '' && wanted === defaultPort(url))) return false;
  return wildcard ? url.hostname.endsWith(host) && url.hostname.length > host.length : url.hostname === host;
}

/** Loopback hosts, for plain-http development servers. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The page, when it is an http(s) page a relative URL can be resolved against. */
const page = () => (typeof location !== 'undefined' && /^https?:$/.test(location.protocol) ? location : undefined);

/**
 * The one default for requests to the merchant's own server: the page's exact origin (its host and
 * port, so another port is refused), plus any loopback host while the page itself is on loopback
 * or there is no page (development and tests).
 */
export function pageOriginPolicy(): UrlPolicy {
  let here: URL;
  try {
    // The page's origin, not its URL: a `blob:` or `about:srcdoc` page has its creator's origin; an
    // opaque one ('null', a `file:` page) or no page at all is development.
    here = new URL(location.origin);
  } catch {
    return { allowedHosts: LOOPBACK_HOSTS };
  }
  const origin = `${here.hostname}:${here.port || defaultPort(here)}`;
  return { allowedHosts: isLoopbackHost(here.hostname) ? [origin, ...LOOPBACK_HOSTS] : [origin] };
}

/**
 * The policy for a URL the caller chose (a relay, a proxy, the merchant's own server): exactly
 * `allowedHosts` when given (an options schema has checked it: `hostsOption`), else `extraHosts`
 * and the page's origin (`pageOriginPolicy`). `option` names where the user sets `allowedHosts`.
 */
export function policyFor(allowedHosts: readonly string[] | undefined, option: string, extraHosts: readonly string[] = []): UrlPolicy {
  return { allowedHosts: allowedHosts ?? [...extraHosts, ...pageOriginPolicy().allowedHosts], allowedHostsOption: option };
}

/**
 * `raw` resolved against the page, as a request reads it: absolute input must also pass the URL
 * guard as written (the parser would hide a rewritten host); relative input may not hold characters
 * a parser strips or rewrites. `undefined` when it does not parse. The final URL is checked where it
 * is sent (`request`).
 */
export function resolveUrl(raw: string, policy: UrlPolicy): URL | undefined {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(raw);
  if (!absolute && REWRITTEN.test(raw)) throw new UnsafeUrlError(raw, REWRITTEN_REASON, 'rewritten');
  const base = page()?.href;
  // No page, no host: a relative URL is on no allowed host.
  if (!absolute && !base) throw new UnsafeUrlError(raw, 'relative, with no page', 'host');
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (absolute) safeUrl(raw, policy);
  return url;
}

/**
 * `path` as a URL under `base`'s directory, on `base`'s own host (an asset under a session's asset
 * URL). Only a relative path: no scheme, no `//host`, none of the characters the guard refuses as
 * rewritten (a parser strips whitespace, so "\t//host" would become "//host"); and the final URL
 * must stay under `base`, so no `..`, `..;` or encoded slash climbs out.
 */
export function pathUnder(base: URL, path: unknown, what: string): string {
  const text = String(path);
  if (typeof path !== 'string' || REWRITTEN.test(path) || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) {
    throw new UnsafeUrlError(text, `not a path relative to ${what}`, typeof path === 'string' && REWRITTEN.test(path) ? 'rewritten' : 'path');
  }
  return safeUrl(new URL(path.replace(/^\/+/, ''), base).href, { allowedHosts: [base.host], pathPrefixes: [base.pathname] }).href;
}

/**
 * One path segment from an id (a customer id, a payment id): percent-encoded, and never `.`,
 * `..` or empty, which would move the URL it is put into.
 */
export function pathSegment(id: string | number, what: string): string {
  const text = String(id);
  if (text === '' || text === '.' || text === '..') {
    throw new ValidationError(what, [{ path: '', message: 'cannot be empty, "." or ".." (it goes into a URL path)', received: text }]);
  }
  return encodeURIComponent(text);
}
