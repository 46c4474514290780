import * as v from 'valibot';
import { callback, oneOf, urlInput } from '../core/schemas.js';
import { NetworkError, UnsafeUrlError, ValidationError } from '../core/errors.js';
import { assertNotExpired } from '../core/jwt.js';
import { assertNoSecretsInUrl } from '../core/secrets.js';
import { safeUrl } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { refuseLogin } from './no-login.js';
import { httpUrlText, shape } from './schemas.js';
import { UPLOAD_HOSTS, uploadDocuments } from './upload.js';
import { flagOption, stringsOption, timeoutOption } from './policy.js';
import { elementFactory } from './element.js';
import { mountTarget, type MountTarget } from '../core/mount-target.js';

/**
 * How the upload form is sent.
 * - `'frame'` (default): the real form post, into a hidden frame. Needs no CORS. The frame's
 *   landing on `successURL` / `errorURL` (your own pages: give them on this page's origin) tells
 *   how it went; elsewhere, the form says the documents were sent but unconfirmed.
 * - `'page'`: the real form post in the page itself, which lands on `successURL` / `errorURL`.
 * - `'script'`: `uploadDocuments` (fetch; `byteProgress` for XHR). Only when the endpoint is
 *   known to allow this page's origin by CORS: Sectigo promises no CORS.
 */
export type UploadTransport = 'frame' | 'page' | 'script';

/** What `onSuccess` receives. */
export interface UploadFormResult {
  readonly transport: UploadTransport;
  /** The page the frame landed on (`successURL`), or the upload URL for `'script'`. */
  readonly url: string;
  /** The endpoint's answer (`'script'` only). */
  readonly status?: number;
  readonly body?: unknown;
}

export interface UploadFormOptions {
  /** `uploadDocumentUrl` from the status: the form's `action`. */
  readonly url: string | URL;
  /** `uploadDocumentToken` from the status. */
  readonly token: string;
  /** Your page for a successful upload (same origin as this page, for `'frame'` to confirm it). */
  readonly successURL?: string;
  /** Your page for a failed upload (same origin as this page, for `'frame'` to read it). */
  readonly errorURL?: string;
  /** Hosts `url` may be on. Default: Sectigo's upload hosts. */
  readonly allowedHosts?: readonly string[];
  /** Default `'frame'`. */
  readonly transport?: UploadTransport;
  /** With `'script'`: real byte progress by XHR, which follows redirects (see `uploadDocuments`). */
  readonly byteProgress?: boolean;
  /** How long to wait for an answer. Default 120 000 ms. */
  readonly timeoutMs?: number;
  /** Called after a confirmed upload (the form stays; nothing navigates). */
  readonly onSuccess?: (result: UploadFormResult) => void;
}

const optionsSchema = shape({
  url: urlInput(),
  token: v.pipe(v.string('token must be the uploadDocumentToken'), v.transform((token) => token.trim()), v.custom<string>((token) => token !== '', 'token is empty')),
  successURL: v.optional(httpUrlText),
  errorURL: v.optional(httpUrlText),
  allowedHosts: stringsOption,
  transport: v.optional(oneOf(['frame', 'page', 'script'] as const, "transport must be 'frame', 'page' or 'script'"), 'frame'),
  byteProgress: flagOption,
  timeoutMs: timeoutOption,
  onSuccess: v.optional(callback<(result: UploadFormResult) => void>()),
});

/** How one attempt ended. `unconfirmed`: sent, but no answer could be read. */
type Outcome = { kind: 'done'; result: UploadFormResult } | { kind: 'failed'; reason: string } | { kind: 'unconfirmed'; reason: string };

let frames = 0;

/** The native submit (not `form.submit`, which a control named "submit" would shadow): a real form post. */
function postNatively(form: HTMLFormElement): void {
  const view = form.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  (view ?? globalThis).HTMLFormElement.prototype.submit.call(form);
}

/**
 * Mounts Sectigo's document upload form into `container`: the documented
 * `<form method="post" enctype="multipart/form-data" action="url">` with its fields (`token`,
 * `successURL`, `errorURL`, `file` multiple, `comment`). By default it is posted as a real form
 * into a hidden frame, so it works with an endpoint that sends no CORS headers, and the page stays:
 * an indeterminate `<progress>` and the selected size while sending, spoken status (`aria-live`),
 * one log line per upload. On failure the chosen files and comment are kept and the button offers
 * a retry; when the documents were sent but no answer could be read, the form says so. A second
 * submit while one is running is ignored.
 *
 * What is sent is checked as sent: at each submit, the form's `action` passes the URL guard, its
 * fields the secrets guard, and the token's `exp`; nothing is sent otherwise.
 *
 * Class names: `.baton-sasp-upload` (form, `data-state` = `idle|uploading|done|failed|unconfirmed`),
 * `__files`, `__comment`, `__submit`, `__progress`, `__status` (live), `__log` with `__attempt` items
 * (`data-state`), `__frame`.
 *
 * @returns The form element.
 * @throws ValidationError / UnsafeUrlError on bad options (checked when mounting).
 *
 * @example
 * sasp.mountUploadForm(document.querySelector('#documents')!, {
 *   url: status.uploadDocumentUrl!, token: status.uploadDocumentToken!,
 *   successURL: `${location.origin}/documents/sent`, errorURL: `${location.origin}/documents/failed`,
 * });
 */
export function mountUploadForm(target: MountTarget, options: UploadFormOptions): HTMLFormElement {
  const container = mountTarget(target, 'mountUploadForm container');
  const el = elementFactory(container, 'mountUploadForm container');
  refuseLogin(options, 'options');
  const opts = parseWith(optionsSchema, options, 'mountUploadForm options');
  const policy = { allowedHosts: opts.allowedHosts ?? UPLOAD_HOSTS };
  const action = safeUrl(opts.url, policy);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const hidden = (name: string, value: string) => Object.assign(el('input'), { type: 'hidden', name, value });

  const form = el('form', 'baton-sasp-upload');
  form.method = 'post';
  form.enctype = 'multipart/form-data';
  form.action = action.href;
  form.dataset.state = 'idle';
  const tokenField = hidden('token', opts.token);
  form.append(tokenField);
  if (opts.successURL) form.append(hidden('successURL', opts.successURL));
  if (opts.errorURL) form.append(hidden('errorURL', opts.errorURL));

  const files = Object.assign(el('input', 'baton-sasp-upload__files'), { type: 'file', name: 'file', multiple: true, required: true });
  const comment = Object.assign(el('input', 'baton-sasp-upload__comment'), { type: 'text', name: 'comment', size: 64 });
  const submit = Object.assign(el('button', 'baton-sasp-upload__submit', 'Upload'), { type: 'submit' });
  const progress = Object.assign(el('progress', 'baton-sasp-upload__progress'), { max: 1, value: 0, hidden: true });
  progress.setAttribute('aria-label', 'Upload progress');
  const status = el('p', 'baton-sasp-upload__status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const log = el('ol', 'baton-sasp-upload__log');
  log.setAttribute('aria-label', 'Uploads');
  /** A labelled input on its own line. */
  const row = (text: string, input: HTMLInputElement) => {
    const p = el('p');
    const label = el('label', undefined, text);
    label.append(input);
    p.append(label);
    return p;
  };
  form.append(row('Documents ', files), row('Comment ', comment), submit, progress, status, log);

  let busy = false;
  let attempts = 0;
  let frame: HTMLIFrameElement | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    void upload();
  });

  /** The checks at the point of egress: the exact action, fields and token the browser will send. */
  function checkEgress(): void {
    assertNoSecretsInUrl(safeUrl(form.action, policy), 'form.action');
    if (form.method !== 'post' || form.enctype !== 'multipart/form-data') {
      throw new ValidationError('upload form', [{ path: '', message: 'must stay a multipart POST' }]);
    }
    refuseLogin(new FormData(form), 'form');
    assertNotExpired(tokenField.value, { what: 'uploadDocumentToken' });
  }

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
    // Indeterminate until bytes are known to be counted (only the XHR transport counts them).
    progress.removeAttribute('value');
    const names = chosen.map((file) => file.name).join(', ');
    const size = formatSize(chosen.reduce((sum, file) => sum + file.size, 0));
    const entry = el('li', 'baton-sasp-upload__attempt');
    const describe = (state: string, text: string) => {
      entry.dataset.state = state;
      entry.textContent = `Upload ${attempts} (${names}, ${size}): ${text}`;
    };
    describe('uploading', 'sending…');
    log.append(entry);
    status.textContent = `Sending ${chosen.length} ${chosen.length === 1 ? 'document' : 'documents'} (${size})…`;

    let outcome: Outcome;
    try {
      checkEgress();
      outcome = opts.transport === 'script' ? await viaScript(chosen, describe) : opts.transport === 'page' ? viaPage() : await viaFrame();
    } catch (error) {
      outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    if (opts.transport === 'page' && outcome.kind === 'unconfirmed') return; // the page is leaving

    form.dataset.state = outcome.kind;
    if (outcome.kind === 'done') {
      progress.value = 1;
      describe('done', 'uploaded');
      status.textContent = 'Documents uploaded.';
      submit.textContent = 'Upload';
      files.value = '';
      comment.value = '';
      opts.onSuccess?.(outcome.result);
    } else if (outcome.kind === 'unconfirmed') {
      // Everything may have arrived: say so rather than invite a blind duplicate.
      progress.hidden = true;
      describe('unconfirmed', `sent, unconfirmed — ${outcome.reason}`);
      status.textContent = `The documents were sent but no answer could be read (${outcome.reason}); they may have arrived. Check the order status before sending them again. Your files and comment are kept.`;
      submit.textContent = 'Upload again';
    } else {
      progress.hidden = true;
      describe('failed', `failed — ${outcome.reason}`);
      status.textContent = `Upload failed: ${outcome.reason}. Your files and comment are kept; press “Retry upload” to try again.`;
      submit.textContent = 'Retry upload';
    }
    busy = false;
    submit.disabled = false;
    form.removeAttribute('aria-busy');
  }

  /** The real form post into a hidden, script-less frame; its landing is read when it is ours. */
  function viaFrame(): Promise<Outcome> {
    frame?.remove();
    const name = `baton-sasp-upload-${++frames}`;
    const target = Object.assign(el('iframe', 'baton-sasp-upload__frame'), { name, hidden: true, title: 'Upload answer', tabIndex: -1 });
    target.setAttribute('aria-hidden', 'true');
    // Same origin kept so our own successURL/errorURL can be read; no scripts run there.
    target.setAttribute('sandbox', 'allow-same-origin');
    form.append(target);
    frame = target;
    return new Promise((resolve) => {
      // The first outcome counts: a promise settles once.
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ kind: 'unconfirmed', reason: `no answer within ${Math.ceil(timeoutMs / 1000)} s` }), timeoutMs);
      target.addEventListener('load', () => {
        let landed: string | undefined;
        try {
          landed = target.contentWindow?.location.href;
        } catch {
          landed = undefined; // another origin: the upload service's own page, or a browser error page
        }
        if (landed === 'about:blank') return; // the frame's initial document
        finish(landingOutcome(landed));
      });
      form.target = name;
      postNatively(form);
      form.removeAttribute('target');
    });
  }

  function landingOutcome(landed: string | undefined): Outcome {
    if (landed === undefined) return { kind: 'unconfirmed', reason: 'the upload service answered with a page this page may not read' };
    const at = new URL(landed);
    const same = (page: string | undefined) => {
      if (!page) return false;
      const expected = new URL(page);
      return expected.origin === at.origin && expected.pathname === at.pathname;
    };
    if (same(opts.errorURL)) {
      const added = [...at.searchParams].filter(([key]) => !new URL(opts.errorURL!).searchParams.has(key));
      const detail = added.map(([key, value]) => `${key} ${value}`).join(', ');
      return { kind: 'failed', reason: `the upload service refused it${detail ? ` (${detail})` : ''}` };
    }
    if (same(opts.successURL)) return { kind: 'done', result: { transport: 'frame', url: landed } };
    return { kind: 'unconfirmed', reason: 'the upload service answered with a page that is neither successURL nor errorURL' };
  }

  function viaPage(): Outcome {
    form.removeAttribute('target');
    postNatively(form);
    return { kind: 'unconfirmed', reason: '' }; // the page is leaving: nothing is shown
  }

  async function viaScript(chosen: File[], describe: (state: string, text: string) => void): Promise<Outcome> {
    let spoken = 0;
    try {
      const result = await uploadDocuments({
        url: form.action,
        token: tokenField.value,
        files: chosen,
        comment: comment.value,
        successURL: opts.successURL,
        errorURL: opts.errorURL,
        allowedHosts: policy.allowedHosts,
        byteProgress: opts.byteProgress,
        timeoutMs,
        onProgress: ({ fraction }) => {
          if (fraction === undefined) return;
          progress.value = fraction;
          const percent = Math.floor(fraction * 100);
          describe('uploading', `${percent}%`);
          // Speak every quarter, not every event.
          if (percent - spoken >= 25 && percent < 100) status.textContent = `Uploading: ${(spoken = percent - (percent % 25))}%`;
        },
      });
      return { kind: 'done', result: { transport: 'script', url: result.url, status: result.status, body: result.body } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Sent, but the answer was a redirect (not followed) or unreadable (network failure or no CORS).
      if (error instanceof UnsafeUrlError && /redirect/.test(error.reason)) return { kind: 'unconfirmed', reason };
      if (error instanceof NetworkError && error.kind === 'offline') return { kind: 'unconfirmed', reason: `${reason} (or the endpoint does not allow this page by CORS)` };
      throw error;
    }
  }

  // Mounting again replaces the earlier form, as renderStatus replaces its earlier output.
  container.replaceChildren(form);
  return form;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
