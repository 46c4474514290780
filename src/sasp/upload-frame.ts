// The upload form's default transport: the real form post into a hidden frame, and what the
// frame's landing page says about the outcome.
import type { ElementFactory } from '../core/element.js';
import type { UploadFormOptions, UploadFormResult } from './upload-form-options.js';

/** How one attempt ended. `unconfirmed`: sent, but no answer could be read. */
export type Outcome = { kind: 'done'; result: UploadFormResult } | { kind: 'failed'; reason: string } | { kind: 'unconfirmed'; reason: string };

/** The merchant's own pages the upload service redirects to. */
export type LandingPages = Pick<UploadFormOptions, 'successURL' | 'errorURL'>;

let frames = 0;

/** The native submit (not `form.submit`, which a control named "submit" would shadow): a real form post. */
export function postNatively(form: HTMLFormElement): void {
  const view = form.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  (view ?? globalThis).HTMLFormElement.prototype.submit.call(form);
}

/** The real form post into a hidden, script-less frame; its landing is read when it is ours. */
export function viaFrame(form: HTMLFormElement, el: ElementFactory, timeoutMs: number, pages: LandingPages): { frame: HTMLIFrameElement; outcome: Promise<Outcome> } {
  const name = `baton-sasp-upload-${++frames}`;
  const target = Object.assign(el('iframe', 'baton-sasp-upload__frame'), { name, hidden: true, title: 'Upload answer', tabIndex: -1 });
  target.setAttribute('aria-hidden', 'true');
  // Same origin kept so our own successURL/errorURL can be read; no scripts run there.
  target.setAttribute('sandbox', 'allow-same-origin');
  form.append(target);
  const outcome = new Promise<Outcome>((resolve) => {
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
      finish(landingOutcome(landed, pages));
    });
    form.target = name;
    postNatively(form);
    form.removeAttribute('target');
  });
  return { frame: target, outcome };
}

/** How the frame's landing reads: our errorURL, our successURL, or a page that tells nothing. */
export function landingOutcome(landed: string | undefined, pages: LandingPages): Outcome {
  if (landed === undefined) return { kind: 'unconfirmed', reason: 'the upload service answered with a page this page may not read' };
  const at = new URL(landed);
  const same = (page: string | undefined) => {
    if (!page) return false;
    const expected = new URL(page);
    return expected.origin === at.origin && expected.pathname === at.pathname;
  };
  if (same(pages.errorURL)) {
    const added = [...at.searchParams].filter(([key]) => !new URL(pages.errorURL!).searchParams.has(key));
    const detail = added.map(([key, value]) => `${key} ${value}`).join(', ');
    return { kind: 'failed', reason: `the upload service refused it${detail ? ` (${detail})` : ''}` };
  }
  if (same(pages.successURL)) return { kind: 'done', result: { transport: 'frame', url: landed } };
  return { kind: 'unconfirmed', reason: 'the upload service answered with a page that is neither successURL nor errorURL' };
}
