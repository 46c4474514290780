// The exact request `request` sends: final URL, headers and body, built once and checked as built
// (URL guard, secrets guard).
import { BatonError, SecretError, ValidationError } from './errors.js';
import type { HttpRequest } from './http-types.js';
import { assertNoSecretsInBody, assertNoSecretsInUrl, isSecretKey } from './secrets.js';
import { pageOriginPolicy, resolveUrl, safeUrl, type UrlPolicy } from './url-guard.js';

export interface Egress {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | FormData | undefined;
  /** De-duplication key (the request and every option that changes its result); `undefined` for multipart bodies. */
  readonly key: string | undefined;
}

/** The exact request: final URL, headers and body, checked against the URL policy and the secrets guard. */
export function buildEgress(url: string | URL, options: HttpRequest): Egress {
  const { json, form, searchParams } = options;
  const method = options.method ?? (json !== undefined || form || options.body !== undefined ? 'POST' : 'GET');
  const policy = options.policy ?? pageOriginPolicy();
  const href = requestUrl(url, policy, searchParams);

  const headers = new Headers();
  for (const [name, value] of snapshot(options.headers ?? {}, 'headers')) headers.set(name, String(value));
  let body: string | FormData | undefined;
  if (json !== undefined) {
    body = stringify(json);
    headers.set('content-type', 'application/json');
  } else if (form !== undefined) {
    body = formText(form);
    headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
  } else if (typeof options.body === 'string') {
    body = options.body;
  } else if (options.body instanceof FormData) {
    // A copy through FormData's own methods: a subclass or later change cannot alter what is sent.
    body = new FormData();
    for (const [name, value] of FormData.prototype.entries.call(options.body)) body.append(name, value);
  } else if (options.body !== undefined) {
    throw new ValidationError('request', [{ path: 'body', message: 'expected FormData or text' }]);
  }

  // The checks run on the final values, which are sent unchanged below.
  const final = safeUrl(href.href, policy);
  assertNoSecretsInUrl(final, 'url');
  for (const name of headers.keys()) if (isSecretKey(name.replace(/^x-/, ''))) throw new SecretError(`headers.${name}`);
  assertNoSecretsInBody(body, headers.get('content-type'), 'body');

  const headerText = [...headers].map(([name, value]) => `${name}:${value}`).join('\n');
  const key = typeof body === 'object' ? undefined : `${method} ${final.href}\n${headerText}\n${resultOptions(options)}\n\n${body ?? ''}`;
  return { method, url: final.href, headers, body, key };
}

// Functions are compared by identity: each gets a number the first time it is seen.
const functionIds = new WeakMap<object, number>();
let functionCount = 0;

/**
 * Every option that changes what a caller gets back: two requests share one in flight only when
 * these are equal too (a caller asking for 1 s, one retry or a small `maxBytes` gets what it asked).
 */
const resultOptions = ({ timeoutMs, maxBytes, retry, acceptStatus, retryWhen }: HttpRequest): string =>
  JSON.stringify([timeoutMs, maxBytes, retry, acceptStatus, retryWhen], (_, value: unknown) =>
    typeof value === 'function' ? (functionIds.get(value) ?? (functionIds.set(value, ++functionCount), functionCount)) : value,
  );

/** Own enumerable entries, read once (a getter or Proxy is asked exactly one time). */
function snapshot(value: unknown, path: string): [string, unknown][] {
  try {
    if (value === null || typeof value !== 'object') throw new TypeError();
    if (value instanceof URLSearchParams) return [...URLSearchParams.prototype.entries.call(value)];
    return Object.entries(value);
  } catch (error) {
    if (error instanceof BatonError) throw error;
    throw new ValidationError('request', [{ path, message: 'expected an object of names and values' }]);
  }
}

function formText(form: HttpRequest['form']): string {
  const params = new URLSearchParams();
  for (const [key, value] of snapshot(form, 'form')) if (value !== undefined) params.append(key, String(value));
  return params.toString();
}

function stringify(json: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(json);
  } catch {
    // too deep, circular, a BigInt, or a getter that throws
  }
  if (text === undefined) throw new ValidationError('request', [{ path: 'json', message: 'cannot be sent as JSON' }]);
  return text;
}

/**
 * The URL a request goes to: `url` resolved against the page (an absolute one checked as written),
 * with `searchParams` set. The one query builder: a space is `%20`, which every decoder reads as a
 * space (`URLSearchParams` writes `+`, which only form decoders do; a literal `+` is `%2B`).
 */
export function requestUrl(url: string | URL, policy: UrlPolicy, searchParams?: HttpRequest['searchParams']): URL {
  const raw = typeof url === 'string' ? url : url instanceof URL ? url.href : undefined;
  const href = raw === undefined ? undefined : resolveUrl(raw, policy);
  if (!href) throw new ValidationError('request', [{ path: 'url', message: 'not a valid URL', received: String(raw ?? typeof url).slice(0, 120) }]);
  if (searchParams !== undefined) {
    const pairs = snapshot(searchParams, 'searchParams').filter(([, value]) => value !== undefined);
    for (const [key, value] of pairs) href.searchParams.set(key, String(value));
    if (pairs.length) href.search = href.search.replace(/\+/g, '%20');
  }
  return href;
}
