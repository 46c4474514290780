import { NetworkError, UnsafeUrlError, ValidationError } from '../core/errors.js';
import { elementFactory } from '../core/element.js';
import { assertNotExpired } from '../core/jwt.js';
import { fill } from '../core/messages.js';
import { assertNoSecretsInUrl } from '../core/secrets.js';
import { safeUrl } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { UPLOAD_MESSAGES } from './messages.js';
import { refuseLogin } from './no-login.js';
import { own } from '../core/own.js';
import { optionsSchema, type UploadFormOptions } from './upload-form-options.js';
import { postNatively, viaFrame, type Outcome } from './upload-frame.js';
import { UPLOAD_HOSTS, uploadDocuments } from './upload.js';
import { mountTarget, type MountTarget } from '../core/mount-target.js';

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
  // Read once: the login check and the options schema read the same copy (a getter is asked one time).
  const given = options !== null && typeof options === 'object' ? own(options) : options;
  refuseLogin(given, 'options');
  const opts = parseWith(optionsSchema, given, 'mountUploadForm options');
  const policy = { allowedHosts: opts.allowedHosts ?? UPLOAD_HOSTS, allowedHostsOption: 'mountUploadForm(…, { allowedHosts })' };
  const action = safeUrl(opts.url, policy);
  const timeoutMs = opts.timeoutMs ?? 120_000;
  if (opts.successURL && opts.successURL === opts.errorURL) {
    throw new ValidationError('mountUploadForm options', [{ path: 'errorURL', message: 'must differ from successURL: the landing could not tell success from failure' }]);
  }
  const m = { ...UPLOAD_MESSAGES, ...opts.messages };
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
  const submit = Object.assign(el('button', 'baton-sasp-upload__submit', m.upload), { type: 'submit' });
  const progress = Object.assign(el('progress', 'baton-sasp-upload__progress'), { max: 1, value: 0, hidden: true });
  progress.setAttribute('aria-label', m.progress);
  const status = el('p', 'baton-sasp-upload__status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const log = el('ol', 'baton-sasp-upload__log');
  log.setAttribute('aria-label', m.log);
  /** A labelled input on its own line. */
  const row = (text: string, input: HTMLInputElement) => {
    const p = el('p');
    const label = el('label', undefined, text);
    label.append(input);
    p.append(label);
    return p;
  };
  form.append(row(m.documents, files), row(m.comment, comment), submit, progress, status, log);

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
      status.textContent = m.chooseFirst;
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
      entry.textContent = fill(m.logLine, { attempt: attempts, names, size, text });
    };
    describe('uploading', m.logSending);
    log.append(entry);
    status.textContent = fill(chosen.length === 1 ? m.sendingOne : m.sendingMany, { count: chosen.length, size });

    let outcome: Outcome;
    try {
      checkEgress();
      outcome = opts.transport === 'script' ? await viaScript(chosen, describe) : opts.transport === 'page' ? viaPage() : await intoFrame();
    } catch (error) {
      outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    if (opts.transport === 'page' && outcome.kind === 'unconfirmed') return; // the page is leaving

    form.dataset.state = outcome.kind;
    if (outcome.kind === 'done') {
      progress.value = 1;
      describe('done', m.logDone);
      status.textContent = m.uploaded;
      submit.textContent = m.upload;
      files.value = '';
      comment.value = '';
      opts.onSuccess?.(outcome.result);
    } else if (outcome.kind === 'unconfirmed') {
      // Everything may have arrived: say so rather than invite a blind duplicate.
      progress.hidden = true;
      describe('unconfirmed', fill(m.logUnconfirmed, { reason: outcome.reason }));
      status.textContent = fill(m.unconfirmed, { reason: outcome.reason });
      submit.textContent = m.uploadAgain;
    } else {
      progress.hidden = true;
      describe('failed', fill(m.logFailed, { reason: outcome.reason }));
      status.textContent = fill(m.failed, { reason: outcome.reason });
      submit.textContent = m.retry;
    }
    busy = false;
    submit.disabled = false;
    form.removeAttribute('aria-busy');
  }

  function intoFrame(): Promise<Outcome> {
    frame?.remove();
    const sent = viaFrame(form, el, timeoutMs, opts);
    frame = sent.frame;
    return sent.outcome;
  }

  function viaPage(): Outcome {
    form.removeAttribute('target');
    postNatively(form);
    return { kind: 'unconfirmed', reason: '' }; // the page is leaving: nothing is shown
  }

  async function viaScript(chosen: File[], describe: (state: string, text: string) => void): Promise<Outcome> {
    let spoken = 0;
    let sent = 0;
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
          sent = fraction;
          progress.value = fraction;
          const percent = Math.floor(fraction * 100);
          describe('uploading', `${percent}%`);
          // Speak every quarter, not every event.
          if (percent - spoken >= 25 && percent < 100) status.textContent = fill(m.uploading, { percent: (spoken = percent - (percent % 25)) });
        },
      });
      return { kind: 'done', result: { transport: 'script', url: result.url, status: result.status, body: result.body } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Sent, but the answer was a redirect (not followed) or unreadable (network failure or no CORS).
      if (error instanceof UnsafeUrlError && error.rule === 'redirect') return { kind: 'unconfirmed', reason };
      if (error instanceof NetworkError && error.kind === 'offline') return { kind: 'unconfirmed', reason: `${reason} (or the endpoint does not allow this page by CORS)` };
      // A timeout once the whole body went out (or, with fetch, which cannot tell, at any point) is
      // what the frame says too: sent, unconfirmed. Only a body known to be cut short failed.
      if (error instanceof NetworkError && error.kind === 'timeout' && (!opts.byteProgress || sent === 1)) {
        return { kind: 'unconfirmed', reason: `no answer within ${Math.ceil(timeoutMs / 1000)} s` };
      }
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
