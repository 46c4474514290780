import * as v from 'valibot';
import { abortSignal, callback, httpUrlText, urlInput } from '../core/schemas.js';
import { NetworkError, ProviderError, ValidationError } from '../core/errors.js';
import { assertNotExpired } from '../core/jwt.js';
import { safeUrl } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { refuseLogin } from './no-login.js';

/** Hosts Sectigo's upload API is served from (the documented example uses `avspartners.sectigolabs.com`). */
export const UPLOAD_HOSTS = ['*.sectigolabs.com', '*.sectigo.com', 'secure.sectigo.com', 'secure.trust-provider.com'] as const;

export interface UploadProgress {
  readonly loaded: number;
  /** Total bytes, when known. */
  readonly total: number | undefined;
  /** 0–1, when `total` is known. */
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
  /** Called as the request body is sent. */
  readonly onProgress?: (progress: UploadProgress) => void;
  readonly signal?: AbortSignal;
  /** Hosts `url` may be on. Default: Sectigo's hosts (`*.sectigolabs.com`, `*.sectigo.com`, …). */
  readonly allowedHosts?: readonly string[];
  /** Default 120 000 ms. */
  readonly timeoutMs?: number;
}

/** What the upload endpoint answered. */
export interface UploadResult {
  readonly status: number;
  /** Final URL after redirects (the `successURL` when the endpoint redirected there). */
  readonly url: string;
  /** The answer parsed as JSON when it was JSON, else its text. */
  readonly body: unknown;
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

const optionsSchema = v.object({
  url: urlInput('url must be the uploadDocumentUrl'),
  token: v.pipe(v.string('token must be the uploadDocumentToken'), v.trim(), v.regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'token is not a JWT')),
  files: v.pipe(
    v.custom<readonly Blob[] | FileList>((value) => (Array.isArray(value) || (typeof FileList !== 'undefined' && value instanceof FileList)) && [...(value as ArrayLike<unknown> & Iterable<unknown>)].every(isBlob), 'files must be an array or FileList of File/Blob'),
    v.transform((list) => [...(list as Iterable<Blob>)]),
    v.minLength(1, 'choose at least one file'),
  ),
  comment: v.optional(v.string()),
  successURL: v.optional(httpUrlText),
  errorURL: v.optional(httpUrlText),
  onProgress: v.optional(callback<(progress: UploadProgress) => void>()),
  signal: v.optional(abortSignal),
  allowedHosts: v.optional(v.array(v.string())),
  timeoutMs: v.optional(v.pipe(v.number(), v.minValue(1))),
});

/**
 * Uploads documents to Sectigo's upload API (the documented multipart form: `token`, `successURL`,
 * `errorURL`, `file` × n, `comment`) with upload progress. Sends `Accept: application/json` so an
 * endpoint that can answer JSON does; one that redirects is followed (a landing on `errorURL`
 * counts as a failure). Nothing is retried automatically: an upload may have taken effect.
 *
 * @throws ValidationError on bad arguments, no files, or a token whose JWT `exp` has passed (nothing is sent).
 * @throws UnsafeUrlError when `url` is not an allowed https URL.
 * @throws NetworkError (`offline`, `timeout`, `aborted`, `http`) and ProviderError (the endpoint's error document).
 *
 * @example
 * const result = await sasp.uploadDocuments({
 *   url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!,
 *   files: input.files!, comment: 'Articles of incorporation',
 *   onProgress: ({ fraction }) => (bar.value = fraction ?? 0),
 * });
 */
export async function uploadDocuments(options: UploadDocumentsOptions): Promise<UploadResult> {
  refuseLogin(options, 'options');
  const opts = parseWith(optionsSchema, options, 'uploadDocuments options');
  assertNotExpired(opts.token, { what: 'uploadDocumentToken' });
  const url = safeUrl(opts.url, { allowedHosts: opts.allowedHosts ?? UPLOAD_HOSTS });

  const form = new FormData();
  form.append('token', opts.token);
  if (opts.successURL) form.append('successURL', opts.successURL);
  if (opts.errorURL) form.append('errorURL', opts.errorURL);
  for (const file of opts.files) form.append('file', file, (file as File).name || 'document');
  form.append('comment', opts.comment ?? '');
  refuseLogin(form, 'form');

  if (typeof XMLHttpRequest === 'undefined') throw new ValidationError('uploadDocuments', [{ path: '', message: 'needs a browser (XMLHttpRequest)' }]);
  return send(url, form, opts);
}

function send(url: URL, form: FormData, opts: v.InferOutput<typeof optionsSchema>): Promise<UploadResult> {
  const request = { method: 'POST', url: url.href };
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new NetworkError('aborted', request, { cause: opts.signal.reason }));
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
    xhr.addEventListener('load', () => done(() => answer(xhr, request, opts.errorURL)));
    xhr.addEventListener('error', () => done(() => { throw new NetworkError('offline', request); }));
    xhr.addEventListener('timeout', () => done(() => { throw new NetworkError('timeout', request); }));
    xhr.addEventListener('abort', () => done(() => { throw new NetworkError('aborted', request, { cause: opts.signal?.reason }); }));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

function answer(xhr: XMLHttpRequest, request: { method: string; url: string }, errorURL: string | undefined): UploadResult {
  const text = xhr.responseText ?? '';
  // JSON when the endpoint says so and it parses; else the text.
  const body = (/json/i.test(xhr.getResponseHeader('content-type') ?? '') && readJson(text)) || text;
  const error = errorOf(body);
  if (error) throw new ProviderError('sasp', error.code, error.message, body);
  if (xhr.status < 200 || xhr.status >= 300) throw new NetworkError('http', request, { status: xhr.status, body: text.slice(0, 4096) });
  if (errorURL && xhr.responseURL && xhr.responseURL.split('?')[0] === errorURL.split('?')[0]) {
    throw new ProviderError('sasp', 'upload-failed', 'The upload endpoint redirected to errorURL', { url: xhr.responseURL });
  }
  return { status: xhr.status, url: xhr.responseURL || request.url, body };
}

/** An error document: `{ errorCode: <non-zero>, errorMessage }` or `{ error, message }`. */
function errorOf(body: unknown): { code: string | number; message: string } | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const code = record.errorCode ?? record.error;
  if (code === undefined || code === 0 || code === '0' || code === null || code === false) return undefined;
  const message = record.errorMessage ?? record.message;
  return { code: typeof code === 'number' || typeof code === 'string' ? code : 'error', message: typeof message === 'string' ? message : 'Upload failed' };
}
