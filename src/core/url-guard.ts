import { UnsafeUrlError } from './errors.js';

/** Where a module may send the browser or its requests. */
export interface UrlPolicy {
  /**
   * Hosts allowed, compared with the parsed URL: `example.com` (any port), `example.com:8443`
   * (that port only) or `*.example.com` (any sub-domain, not the apex).
   */
  readonly allowedHosts: readonly string[];
  /** If set, the path must start with one of these (e.g. `/products/`). */
  readonly pathPrefixes?: readonly string[];
  /** Allow plain `http:` for loopback hosts (development). Default `true`. */
  readonly allowLoopbackHttp?: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

// Scheme and authority as written, before the WHATWG parser gets to normalise anything.
const AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i;

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
export function safeUrl(input: string | URL, policy: UrlPolicy): URL {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  if (raw === undefined) throw new UnsafeUrlError(`[${input === null ? 'null' : typeof input}]`, 'not a string or URL');
  const refuse = (reason: string) => new UnsafeUrlError(raw, reason);

  // Parsers strip or reinterpret these; what a browser would do with them is not what we checked.
  if (/[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/.test(raw)) {
    throw refuse('contains whitespace, control, bidi or backslash characters');
  }
  const written = AUTHORITY.exec(raw);
  if (!written) throw refuse('not an absolute http(s) URL');
  const scheme = written[1]!.toLowerCase();
  const authority = written[2]!;

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('not a valid URL');
  }

  if (url.username || url.password || authority.includes('@')) throw refuse('credentials in the URL');
  if (scheme !== url.protocol.slice(0, -1)) throw refuse('scheme changed when parsed');
  const defaultPort = url.protocol === 'https:' ? ':443' : ':80';
  const writtenHost = authority.toLowerCase().replace(new RegExp(`${defaultPort}$`), '');
  if (writtenHost !== url.host) throw refuse(`host ${JSON.stringify(authority)} is read as ${url.host}`);

  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol === 'http:') {
    if (!loopback || policy.allowLoopbackHttp === false) throw refuse('plain http is allowed only for loopback hosts');
  } else if (url.protocol !== 'https:') {
    throw refuse(`scheme ${url.protocol} is not allowed`);
  }

  if (!policy.allowedHosts.some((pattern) => hostMatches(url, pattern.toLowerCase()))) {
    throw refuse(`host ${url.host} is not on the allow-list (${policy.allowedHosts.join(', ') || 'empty'})`);
  }
  if (policy.pathPrefixes && !policy.pathPrefixes.some((prefix) => url.pathname.startsWith(prefix))) {
    throw refuse(`path ${url.pathname} is outside ${policy.pathPrefixes.join(', ')}`);
  }
  return url;
}

function hostMatches(url: URL, pattern: string): boolean {
  if (pattern.startsWith('*.')) return url.hostname.endsWith(pattern.slice(1));
  return pattern.includes(':') && !pattern.startsWith('[') ? url.host === pattern : url.hostname === pattern;
}
