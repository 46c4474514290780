import { BatonError, SecretError, ValidationError } from './errors.js';
import { readJson } from './validate.js';

/**
 * Field names that only a merchant server may hold, normalised (lower case, letters and digits
 * only): the providers treat field names case-insensitively, so Baton does too.
 */
const FORBIDDEN = new Set(
  'loginpassword merchantcontrol control controlkey apisecret secretapikey apikeysecret secretkey signingkey hmackey privatekey clientsecret merchantkey apikey'.split(' '),
);

/** Deeper than this is not a request body anyone means to send; refusing it also bounds the walk. */
const MAX_DEPTH = 64;

const bare = (text: string) => text.replace(/[^a-z0-9]/g, '');

/**
 * True when `key` names a merchant secret, in any spelling a server framework would read as one:
 * case, `_`/`-`/space, full-width letters (NFKC), and nesting syntax (`merchant[control]`,
 * `control[]`, `merchant.control`, `a:loginPassword`) where any part is a secret name.
 */
export function isSecretKey(key: string): boolean {
  // Upper then lower case: a server comparing case-insensitively reads `ı` as `i` and `ſ` as `s`.
  const text = String(key).normalize('NFKC').toUpperCase().toLowerCase();
  return FORBIDDEN.has(bare(text)) || text.split(/[[\].:/;]+/).some((part) => FORBIDDEN.has(bare(part)));
}

/**
 * Throws a `SecretError` if `value` carries a merchant secret at any depth: plain objects,
 * arrays, `Map`, `URLSearchParams`, `FormData` and `Headers` are searched. Call it on everything
 * a public function is about to send, before sending. A structure deeper than 64 levels, or one
 * whose getters throw, is a `ValidationError`.
 */
export function assertNoSecrets(value: unknown, path = 'input'): void {
  const seen = new WeakSet<object>();
  // Iterative, so a 200 000-level structure cannot overflow the stack.
  const stack: [unknown, string, number][] = [[value, path, 0]];
  try {
    while (stack.length) {
      const [item, at, depth] = stack.pop()!;
      // A text value may be decoded into names by its receiver (`merchant_form_data=control%3D…`,
      // a `successURL` with a query): its own pairs are checked too.
      if (typeof item === 'string') assertNoSecretsInValue(item, at);
      if (item === null || typeof item !== 'object' || seen.has(item)) continue;
      if (depth >= MAX_DEPTH) throw new ValidationError(path, [{ path: at, message: `nested deeper than ${MAX_DEPTH} levels` }]);
      seen.add(item);
      for (const [key, child] of entries(item)) {
        const childPath = `${at}.${key}`;
        if (isSecretKey(key)) throw new SecretError(childPath);
        stack.push([child, childPath, depth + 1]);
      }
    }
  } catch (error) {
    if (error instanceof BatonError) throw error;
    throw new ValidationError(path, [{ path: '', message: 'could not be read (a getter or proxy threw)' }]);
  }
}

/** Checks the query and fragment of the exact URL that will be requested or navigated to. */
export function assertNoSecretsInUrl(url: URL, path = 'url'): void {
  assertNoSecretsInParams(url.search, `${path}?`);
  assertNoSecretsInParams(url.hash.slice(1), `${path}#`);
}

/**
 * Checks a body exactly as it will be sent, with the reader its declared type gets on the server:
 * JSON (`…/json`, `…+json`: parsed, or, for a lenient parser's input with a BOM or trailing comma,
 * every `"name":` in the text, and pairs), multipart (each `name="…"`), anything else as urlencoded
 * pairs (`&` or `;` separated); and any body that parses as JSON, as JSON, whatever its type.
 * `FormData` is checked by its entries.
 */
export function assertNoSecretsInBody(body: string | FormData | undefined, contentType: string | null, path = 'body'): void {
  if (typeof body !== 'string') return body && assertNoSecrets(body, path);
  const type = String(contentType).split(';')[0]!.trim().toLowerCase();
  const json = /[/+]json$/.test(type);
  if (type === 'multipart/form-data') {
    for (const [, name] of body.matchAll(/\bname\*?="([^"]*)"/gi)) if (isSecretKey(name!)) throw new SecretError(`${path}.${name}`);
  } else if (!json) assertNoSecretsInParams(body, `${path}.`);
  // Any type: Go's json.NewDecoder, PHP's json_decode(php://input) or Django's json.loads(body)
  // read a body as JSON whatever its declared type.
  if (assertNoSecretsInJson(body, path, json)) return;
  // Labelled JSON that is not: pairs too, for a mislabelled form.
  if (json) assertNoSecretsInParams(body, `${path}.`);
}

/**
 * Reads `text` as JSON when it parses, and checks what it holds; when it does not parse but looks
 * like JSON (or `lenient`), checks every name a lenient parser (JSON5, YAML, a JS eval) would read:
 * `"name":`, `'name':` and `name:`. True when the text was strict JSON.
 */
function assertNoSecretsInJson(text: string, path: string, lenient: boolean): boolean {
  const trimmed = text.replace(/^[\s\ufeff]+/, '');
  if (!lenient && !/^["[{]/.test(trimmed)) return false;
  const parsed = readJson(trimmed);
  if (parsed !== undefined) {
    assertNoSecrets(parsed, path);
    return true;
  }
  // A lenient parser reads names only inside an object or array.
  if (!lenient && trimmed[0] === '"') return false;
  for (const [, double, single, bare] of trimmed.matchAll(/"((?:[^"\\]|\\.)*)"\s*:|'((?:[^'\\]|\\.)*)'\s*:|([\p{L}\p{N}_$-]+)\s*:/gu)) {
    // Escapes as a parser reads them: `\u0063ontrol` is `control`.
    const quoted = double ?? single?.replace(/\\'/g, "'").replace(/"/g, '\\"');
    const key = bare ?? String(readJson(`"${quoted}"`) ?? quoted);
    if (isSecretKey(key)) throw new SecretError(`${path}.${key}`);
  }
  return false;
}

function assertNoSecretsInParams(text: string, path: string, depth = 0): void {
  // `;` separates pairs for Rack before 3, Perl CGI and older Python: read both ways. Values are
  // read as pairs one level down only: each level is shorter, but a long run of `=` would be deep.
  for (const source of [text, text.replace(/;/g, '&')]) {
    for (const [key, value] of new URLSearchParams(source)) {
      if (isSecretKey(key)) throw new SecretError(`${path}${key}`);
      if (depth === 0) assertNoSecretsInValue(value, `${path}${key}`);
    }
  }
}

/** A value that is itself a query (`control=…`) or a URL with a query: its names are checked. */
function assertNoSecretsInValue(raw: string, path: string): void {
  let value = raw;
  // A receiver may decode once more (`control%3D…` inside a form field).
  try {
    value = decodeURIComponent(value);
  } catch {
    // not percent-encoded after all
  }
  // Pairs in the text itself, or in the query or fragment of a URL, absolute or relative.
  if (value.includes('=')) assertNoSecretsInParams(value.replace(/[?#]/g, '&'), `${path}:`, 1);
  // Text that a receiver may read as JSON (strict or lenient), raw or decoded.
  assertNoSecretsInJson(raw, path, false);
  if (value !== raw) assertNoSecretsInJson(value, path, false);
}

function entries(value: object): Iterable<[string, unknown]> {
  if (value instanceof Map) return [...Map.prototype.entries.call(value)].map(([key, item]) => [String(key), item]);
  // The prototypes' own methods: a subclass cannot hide entries by overriding them.
  if (value instanceof URLSearchParams) return URLSearchParams.prototype.entries.call(value);
  if (value instanceof FormData) return FormData.prototype.entries.call(value);
  if (value instanceof Headers) return Headers.prototype.entries.call(value);
  // Object.keys skips the holes of a sparse array and reads each property once.
  return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
}
