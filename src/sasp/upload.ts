import * as v from 'valibot';
import { convert, callback, flagOption, hostsOption, matching, optionsShape, signalOption, text, timeoutOption, urlInput } from '../core/options.js';
import { NetworkError, ProviderError, ValidationError } from '../core/errors.js';
import { assertNotExpired } from '../core/jwt.js';
import { httpFailure, request } from '../core/http.js';
import { safeUrl, type UrlPolicy } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { refuseLogin } from './no-login.js';
import { own } from '../core/own.js';
import { httpUrlText } from './ids.js';

/** Hosts Sectigo's upload API is served from (the documented example uses `avspartners.sectigolabs.com`). */
export const UPLOAD_HOSTS = ['*.sectigolabs.com', '*.sectigo.com', 'secure.sectigo.com', 'secure.trust-provider.com'] as const;

export interface UploadProgress {
  /** Bytes sent so far: exact with `byteProgress`, else 0 while sending and `total` once answered. */
  readonly loaded: number;
  /** Total bytes of the chosen files, when known. */
  readonly total: number | undefined;
  /** 0–1 when known; `undefined` means "sending, amount unknown" (show an indeterminate bar). */
  readonly fraction: number | undefined;
}

export interface UploadDocumentsOptions {
  /** `uploadDocumentUrl` from the status. */
  readonly url: string | URL;
  /** `uploadDocumentToken` from the status (a JWT; refused before sending when expired). */
  readonly token: string;
  readonly files: readonly Blob[] | FileList;
  readonly comment?: string;
  /** Sent as the form's `successURL`/`errorURL` fields (where a plain form post would land). */
  readonly successURL?: string;
  readonly errorURL?: string;
  /** Called when sending starts (`fraction` undefined) and when the answer arrived (`fraction` 1); with `byteProgress`, as bytes go out. */
  readonly onProgress?: (progress: UploadProgress) => void;
  /**
   * Report real byte progress by sending with `XMLHttpRequest` instead of `fetch`. Default `false`.
   *
   * **Risk:** an XHR follows redirects and cannot be told not to. If the endpoint answers a 3xx
   * to another host, the browser re-sends the token and the files there before Baton can see
   * it; Baton then refuses the answer (`UnsafeUrlError`), but the other host was contacted.
   * Use it only for an endpoint you trust not to redirect, ideally with a page CSP whose
   * `connect-src` lists only the upload host. The default (`fetch`) never follows a redirect.
   */
  readonly byteProgress?: boolean;
  readonly signal?: AbortSignal;
  /** Hosts `url` may be on. Default: Sectigo's hosts (`*.sectigolabs.com`, `*.sectigo.com`, …). */
  readonly allowedHosts?: readonly string[];
  /** Default 120 000 ms. */
  readonly timeoutMs?: number;
}

/** What the upload endpoint answered. */
export interface UploadResult {
  readonly status: number;
  /** URL of the answer (the upload URL: redirects are not followed). */
  readonly url: string;
  /** The answer parsed as JSON when it was JSON, else its text. */
  readonly body: unknown;
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

const optionsSchema = optionsShape({
  url: urlInput('url must be the uploadDocumentUrl'),
  token: v.pipe(text('token must be the uploadDocumentToken'), convert((token) => token.trim()), matching(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'token is not a JWT')),
  files: v.pipe(
    v.custom<readonly Blob[] | FileList>((value) => (Array.isArray(value) || (typeof FileList !== 'undefined' && value instanceof FileList)) && [...(value as ArrayLike<unknown> & Iterable<unknown>)].every(isBlob), 'files must be a list of File/Blob'),
    convert((list) => [...(list as Iterable<Blob>)]),
    v.custom<Blob[]>((list) => (list as Blob[]).length > 0, 'choose at least one file'),
  ),
  comment: v.optional(text()),
  successURL: v.optional(httpUrlText),
  errorURL: v.optional(httpUrlText),
  onProgress: v.optional(callback<(progress: UploadProgress) => void>()),
  byteProgress: flagOption,
  signal: signalOption,
  allowedHosts: hostsOption,
  timeoutMs: timeoutOption,
});

type Options = v.InferOutput<typeof optionsSchema>;

/**
 * Uploads documents to Sectigo's upload API by script (the documented multipart form: `token`,
 * `successURL`, `errorURL`, `file` × n, `comment`). Sends `Accept: application/json` so an
 * endpoint that can answer JSON does.
 *
 * **Needs CORS:** the endpoint must allow your page's origin. Sectigo documents the endpoint as a
 * plain HTML form target and promises no CORS: unless you know it is allowed, use
 * `mountUploadForm` (a real form post, which needs none).
 *
 * A redirect is never followed (`UnsafeUrlError`; the documents may have arrived — check the
 * status). Nothing is retried automatically: an upload may have taken effect.
 *
 * @throws ValidationError on bad arguments, no files, or a token whose JWT `exp` has passed (nothing is sent).
 * @throws UnsafeUrlError when `url` is not an allowed https URL, or the endpoint answered a redirect.
 * @throws NetworkError (`offline` — also when CORS is refused —, `timeout`, `aborted`, `http`) and ProviderError (the endpoint's error document).
 *
 * @example
 * const result = await sasp.uploadDocuments({
 *   url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!,
 *   files: input.files!, comment: 'Articles of incorporation',
 * });
 */
export async function uploadDocuments(options: UploadDocumentsOptions): Promise<UploadResult> {
  // Read once: the login check and the options schema read the same copy (a getter is asked one time).
  const given = options !== null && typeof options === 'object' ? own(options) : options;
  refuseLogin(given, 'options');
  const opts = parseWith(optionsSchema, given, 'uploadDocuments options');
  assertNotExpired(opts.token, { what: 'uploadDocumentToken' });
  const policy = { allowedHosts: opts.allowedHosts ?? UPLOAD_HOSTS, allowedHostsOption: 'uploadDocuments({ allowedHosts })' };
  const url = safeUrl(opts.url, policy);

  const form = new FormData();
  form.append('token', opts.token);
  if (opts.successURL) form.append('successURL', opts.successURL);
  if (opts.errorURL) form.append('errorURL', opts.errorURL);
  for (const file of opts.files) form.append('file', file, (file as File).name || 'document');
  form.append('comment', opts.comment ?? '');
  refuseLogin(form, 'form');

  const total = opts.files.reduce((sum, file) => sum + file.size, 0);
  if (opts.byteProgress) {
    if (typeof XMLHttpRequest === 'undefined') throw new ValidationError('uploadDocuments', [{ path: 'byteProgress', message: 'needs a browser (XMLHttpRequest)' }]);
    return sendXhr(url, form, opts, policy);
  }
  opts.onProgress?.({ loaded: 0, total, fraction: undefined });
  const response = await request(url, {
    policy,
    method: 'POST',
    body: form,
    headers: { accept: 'application/json' },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs ?? 120_000,
    retry: { limit: 0 },
    unreachableHint: '; use mountUploadForm instead',
    // An error document may come with a 4xx/5xx: read it.
    acceptStatus: (status) => status >= 400,
  });
  const result = answer(response.status, response.headers.get('content-type'), response.text, url.href, response.url);
  opts.onProgress?.({ loaded: total, total, fraction: 1 });
  return result;
}

// Byte progress stays on XHR: ky 1.x reports upload progress only with a streaming request body,
// which browsers send only over HTTP/2 and which a multipart FormData is not.
function sendXhr(url: URL, form: FormData, opts: Options, policy: UrlPolicy): Promise<UploadResult> {
  const info = { method: 'POST', url: url.href };
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new NetworkError('aborted', info, { cause: opts.signal.reason }));
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = (result: () => UploadResult) => {
      opts.signal?.removeEventListener('abort', onAbort);
      try {
        resolve(result());
      } catch (error) {
        reject(error);
      }
    };
    xhr.open('POST', url.href);
    xhr.timeout = opts.timeoutMs ?? 120_000;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      const total = event.lengthComputable ? event.total : undefined;
      opts.onProgress?.({ loaded: event.loaded, total, fraction: total ? event.loaded / total : undefined });
    });
    xhr.addEventListener('load', () =>
      done(() => {
        // The XHR may have followed a redirect: never use an answer from a host the policy refuses.
        if (xhr.responseURL && xhr.responseURL !== url.href) safeUrl(xhr.responseURL, policy);
        const result = answer(xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText ?? '', url.href, xhr.responseURL);
        if (xhr.responseURL && fits(opts.errorURL, xhr.responseURL) >= Math.max(0, fits(opts.successURL, xhr.responseURL))) {
          throw new ProviderError('sasp', 'upload-failed', 'The upload endpoint redirected to errorURL', { url: xhr.responseURL });
        }
        return result;
      }),
    );
    xhr.addEventListener('error', () => done(() => { throw new NetworkError('offline', info); }));
    xhr.addEventListener('timeout', () => done(() => { throw new NetworkError('timeout', info); }));
    xhr.addEventListener('abort', () => done(() => { throw new NetworkError('aborted', info, { cause: opts.signal?.reason }); }));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

/**
 * How well `landed` (an XHR's final URL: it has no fragment) fits `page`: -1 when it is not that
 * page (origin and path, every query pair of `page`; the service may add its own), else the number
 * of `page`'s pairs, so the more specific of successURL and errorURL wins (`/back` vs `/back?r=err`)
 * and pages that differ only by query are told apart. A tie (they differ only by fragment) is errorURL:
 * never a success that cannot be shown.
 */
function fits(page: string | undefined, landed: string): number {
  if (!page) return -1;
  const want = new URL(page);
  const at = new URL(landed);
  const pairs = [...want.searchParams];
  return want.origin + want.pathname === at.origin + at.pathname && pairs.every(([key, value]) => at.searchParams.getAll(key).includes(value)) ? pairs.length : -1;
}

function answer(status: number, contentType: string | null, text: string, requested: string, finalUrl: string): UploadResult {
  // JSON when the endpoint says so and it parses; else the text.
  const body = (/json/i.test(contentType ?? '') && readJson(text)) || text;
  // An error document: `{ errorCode: <non-zero>, errorMessage }` or `{ error, message }`.
  // Own keys only: a text answer, or a JSON one without `errorCode`, inherits nothing from a polluted prototype.
  const { errorCode, error, errorMessage, message } = typeof body === 'object' ? own(body) : {};
  const code = errorCode ?? error;
  if (code !== undefined && code !== 0 && code !== '0' && code !== null && code !== false) {
    const said = errorMessage ?? message;
    throw new ProviderError('sasp', typeof code === 'number' || typeof code === 'string' ? code : 'error', typeof said === 'string' ? said : 'Upload failed', body);
  }
  if (status < 200 || status >= 300) throw httpFailure({ method: 'POST', url: requested }, { status, text });
  return { status, url: finalUrl || requested, body };
}
