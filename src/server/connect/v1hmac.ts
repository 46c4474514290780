// Worldline Connect v1HMAC request signing, as the reference SDKs define it:
// connect-sdk-java V1HMACAuthenticator (toDataToSign, toCanonicalizeHeaderValue,
// toCanonicalizedResource) and connect-sdk-nodejs src/utils/authentication.ts (getV1HMACSignature).
import { ValidationError } from '../../core/errors.js';
import { hmac, toBase64, utf8 } from '../crypto.js';

/** One request header as it will be sent. Repeated names are separate entries. */
export type HeaderList = Headers | Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;

export interface V1HmacRequest {
  /** HTTP method; signed in upper case (Java: `httpMethod.toUpperCase()`). */
  readonly method: string;
  /**
   * The URL exactly as sent: a `URL`, an absolute URL string, or the path and query as sent
   * (`/v1/9991/tokens/123?x=1`). The path is signed as sent (percent-encoded); the query decoded.
   */
  readonly url: string | URL;
  /** All headers sent. `Content-Type` and `Date` are read from here; `X-GCS-*` headers are signed. */
  readonly headers: HeaderList;
}

export interface V1HmacCredentials {
  /** The API key id (public: it appears in the `Authorization` header). */
  readonly apiKeyId: string;
  /** The secret API key. Its UTF-8 bytes are the HMAC key, as given (not base64-decoded). */
  readonly secretApiKey: string;
}

// Java: Pattern.compile("\r?\n[\\s&&[^\r\n]]*"): a line break and the white space AFTER it.
const LINE_BREAK = /\r?\n[ \t\u000b\f]*/g;

/**
 * A header value as Connect signs it: each line break with the white space after it becomes one
 * space, then the value is trimmed as Java's `String.trim()` does (every code unit ≤ U+0020).
 */
export function canonicalHeaderValue(value: string): string {
  const joined = value.replace(LINE_BREAK, ' ');
  let start = 0;
  let end = joined.length;
  while (start < end && joined.charCodeAt(start) <= 0x20) start++;
  while (end > start && joined.charCodeAt(end - 1) <= 0x20) end--;
  return joined.slice(start, end);
}

/**
 * The string a v1HMAC signature covers:
 * `METHOD\n` `Content-Type\n` (empty line when none) `Date\n`, then one `name:value\n` line per
 * header whose lower-cased name starts with `x-gcs`, sorted by that name, then the resource: the
 * path as sent, and `?` with the percent-decoded query when the URL has one.
 */
export function v1HmacDataToSign(request: V1HmacRequest): string {
  const what = 'v1HMAC request';
  if (typeof request.method !== 'string' || !/^[A-Za-z]+$/.test(request.method)) {
    throw new ValidationError(what, [{ path: 'method', message: 'expected an HTTP method' }]);
  }
  let contentType: string | undefined;
  let date: string | undefined;
  const gcs: Array<[string, string]> = [];
  for (const [name, value] of headerEntries(request.headers)) {
    const lower = name.toLowerCase();
    // Java keeps the last Content-Type and Date it sees, unchanged; they never become header lines.
    if (lower === 'content-type') contentType = value;
    else if (lower === 'date') date = value;
    else if (lower.startsWith('x-gcs')) gcs.push([lower, canonicalHeaderValue(value)]);
  }
  if (date === undefined || date === '') throw new ValidationError(what, [{ path: 'headers.Date', message: 'is required (RFC 1123, as sent)' }]);
  // A stable sort by the lower-cased name, comparing UTF-16 code units (Java's String.compareTo).
  gcs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lines = gcs.map(([name, value]) => `${name}:${value}\n`).join('');
  return `${request.method.toUpperCase()}\n${contentType ?? ''}\n${date}\n${lines}${canonicalResource(request.url)}\n`;
}

/** `base64(HMAC-SHA256(UTF-8 secretApiKey, UTF-8 dataToSign))`. */
export async function v1HmacSignature(dataToSign: string, secretApiKey: string): Promise<string> {
  return toBase64(await hmac('SHA-256', utf8(secretApiKey), dataToSign));
}

/**
 * The `Authorization` header value for a request: `GCS v1HMAC:<apiKeyId>:<signature>`.
 *
 * @example
 * const authorization = await v1HmacAuthorization({ apiKeyId, secretApiKey }, { method: 'GET', url, headers });
 */
export async function v1HmacAuthorization(credentials: V1HmacCredentials, request: V1HmacRequest): Promise<string> {
  return `GCS v1HMAC:${credentials.apiKeyId}:${await v1HmacSignature(v1HmacDataToSign(request), credentials.secretApiKey)}`;
}

function headerEntries(headers: HeaderList): Array<readonly [string, string]> {
  if (headers instanceof Headers) return [...headers];
  if (Array.isArray(headers)) return headers as Array<readonly [string, string]>;
  return Object.entries(headers as Record<string, string>);
}

/** Java `URI.getRawPath()` + `?` + `URI.getQuery()` (decoded), for the URL as it goes out. */
function canonicalResource(input: string | URL): string {
  let rest: string;
  if (input instanceof URL) {
    rest = input.href.slice(input.origin.length);
  } else {
    // An absolute URL: drop scheme and authority, keep the rest exactly as written.
    const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(input);
    rest = absolute ? input.slice(absolute[0].length) : input;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const mark = rest.indexOf('?');
  if (mark < 0) return rest;
  return `${rest.slice(0, mark)}?${percentDecode(rest.slice(mark + 1))}`;
}

/** `%XX` escapes to bytes, read as UTF-8 (malformed sequences become U+FFFD, as in Java); `+` stays `+`. */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      bytes.push(...utf8(char));
      i += char.length - 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
