import * as v from 'valibot';
import { callback, httpUrlText, urlInput } from '../core/schemas.js';
import { NetworkError, ValidationError } from '../core/errors.js';
import { safeUrl } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { refuseLogin } from './no-login.js';
import { UPLOAD_HOSTS, uploadDocuments, type UploadResult } from './upload.js';
import { elementFactory } from './element.js';

export interface UploadFormOptions {
  /** `uploadDocumentUrl` from the status: the form's `action`. */
  readonly url: string | URL;
  /** `uploadDocumentToken` from the status. */
  readonly token: string;
  /** Where a plain (non-JavaScript) form post lands after success / failure. */
  readonly successURL?: string;
  readonly errorURL?: string;
  /** Hosts `url` may be on. Default: Sectigo's upload hosts. */
  readonly allowedHosts?: readonly string[];
  /** Called after an enhanced upload succeeded (the form stays; nothing navigates). */
  readonly onSuccess?: (result: UploadResult) => void;
}

const optionsSchema = v.object({
  url: urlInput(),
  token: v.pipe(v.string('token must be the uploadDocumentToken'), v.trim(), v.minLength(1, 'token is empty')),
  successURL: v.optional(httpUrlText),
  errorURL: v.optional(httpUrlText),
  allowedHosts: v.optional(v.array(v.string())),
  onSuccess: v.optional(callback<(result: UploadResult) => void>()),
});

/**
 * Mounts Sectigo's document upload form into `container`: a real
 * `<form method="post" enctype="multipart/form-data" action="url">` with the documented fields
 * (`token`, `successURL`, `errorURL`, `file` multiple, `comment`) that a browser can post as is,
 * enhanced to upload in place with a `<progress>` bar, spoken progress (`aria-live`), one log
 * line per upload, and on failure the chosen files and comment kept and the button offering a
 * retry. A second submit while one is running is ignored.
 *
 * Class names: `.baton-sasp-upload` (form, `data-state` = `idle|uploading|done|failed`),
 * `__files`, `__comment`, `__submit`, `__progress`, `__status` (live), `__log` with `__attempt` items
 * (`data-state`).
 *
 * @returns The form element.
 * @throws ValidationError / UnsafeUrlError on bad options (checked when mounting).
 *
 * @example
 * sasp.mountUploadForm(document.querySelector('#documents')!, {
 *   url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!,
 *   successURL: 'https://shop.example/documents/sent', errorURL: 'https://shop.example/documents/failed',
 * });
 */
export function mountUploadForm(container: HTMLElement, options: UploadFormOptions): HTMLFormElement {
  if (!container || typeof (container as Partial<HTMLElement>).append !== 'function') {
    throw new ValidationError('mountUploadForm container', [{ path: '', message: 'expected an HTML element' }]);
  }
  refuseLogin(options, 'options');
  const opts = parseWith(optionsSchema, options, 'mountUploadForm options');
  const action = safeUrl(opts.url, { allowedHosts: opts.allowedHosts ?? UPLOAD_HOSTS });
  const el = elementFactory(container.ownerDocument);
  const hidden = (name: string, value: string) => Object.assign(el('input'), { type: 'hidden', name, value });

  const form = el('form', 'baton-sasp-upload');
  form.method = 'post';
  form.enctype = 'multipart/form-data';
  form.action = action.href;
  form.dataset.state = 'idle';
  form.append(hidden('token', opts.token));
  if (opts.successURL) form.append(hidden('successURL', opts.successURL));
  if (opts.errorURL) form.append(hidden('errorURL', opts.errorURL));

  const files = Object.assign(el('input', 'baton-sasp-upload__files'), { type: 'file', name: 'file', multiple: true, required: true });
  const comment = Object.assign(el('input', 'baton-sasp-upload__comment'), { type: 'text', name: 'comment', size: 64 });
  const filesLabel = el('label', undefined, 'Documents ');
  filesLabel.append(files);
  const commentLabel = el('label', undefined, 'Comment ');
  commentLabel.append(comment);
  const submit = Object.assign(el('button', 'baton-sasp-upload__submit', 'Upload'), { type: 'submit' });
  const progress = Object.assign(el('progress', 'baton-sasp-upload__progress'), { max: 1, value: 0, hidden: true });
  progress.setAttribute('aria-label', 'Upload progress');
  const status = el('p', 'baton-sasp-upload__status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const log = el('ol', 'baton-sasp-upload__log');
  log.setAttribute('aria-label', 'Uploads');
  const row = (label: HTMLElement) => {
    const p = el('p');
    p.append(label);
    return p;
  };
  form.append(row(filesLabel), row(commentLabel), submit, progress, status, log);

  let busy = false;
  let attempts = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    void upload();
  });

  async function upload() {
    const chosen = [...(files.files ?? [])];
    if (!chosen.length) {
      status.textContent = 'Choose at least one document.';
      files.focus();
      return;
    }
    busy = true;
    attempts += 1;
    submit.disabled = true;
    form.dataset.state = 'uploading';
    form.setAttribute('aria-busy', 'true');
    progress.hidden = false;
    progress.value = 0;
    const names = chosen.map((file) => file.name).join(', ');
    const entry = el('li', 'baton-sasp-upload__attempt');
    const describe = (state: string, text: string) => {
      entry.dataset.state = state;
      entry.textContent = `Upload ${attempts} (${names}): ${text}`;
    };
    describe('uploading', 'sending…');
    log.append(entry);
    status.textContent = `Uploading ${chosen.length} ${chosen.length === 1 ? 'document' : 'documents'}…`;
    let spoken = 0;
    try {
      const result = await uploadDocuments({
        url: action,
        token: opts.token,
        files: chosen,
        comment: comment.value,
        successURL: opts.successURL,
        errorURL: opts.errorURL,
        allowedHosts: opts.allowedHosts ?? UPLOAD_HOSTS,
        onProgress: ({ fraction }) => {
          if (fraction === undefined) return;
          progress.value = fraction;
          const percent = Math.floor(fraction * 100);
          describe('uploading', `${percent}%`);
          // Speak every quarter, not every event.
          if (percent >= spoken + 25) status.textContent = `Uploading: ${(spoken = percent - (percent % 25))}%`;
        },
      });
      progress.value = 1;
      describe('done', 'uploaded');
      status.textContent = 'Documents uploaded.';
      form.dataset.state = 'done';
      submit.textContent = 'Upload';
      files.value = '';
      comment.value = '';
      opts.onSuccess?.(result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Everything was sent but no answer could be read (e.g. a redirect the page may not read):
      // the documents may have arrived, so say so rather than invite a blind duplicate.
      const maybeReceived = error instanceof NetworkError && error.kind === 'offline' && progress.value >= 1;
      describe('failed', `failed — ${reason}`);
      status.textContent = maybeReceived
        ? `The documents were sent but no answer could be read (${reason}); they may have arrived. Check the order status before retrying. Your files and comment are kept.`
        : `Upload failed: ${reason}. Your files and comment are kept; press “Retry upload” to try again.`;
      form.dataset.state = 'failed';
      submit.textContent = 'Retry upload';
      progress.hidden = true;
    } finally {
      busy = false;
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  container.append(form);
  return form;
}
