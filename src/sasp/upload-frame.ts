// The upload form's default transport: the real form post into a hidden frame, and what the
// frame's landing page says about the outcome.
import type { ElementFactory } from '../core/element.js';
import type { UploadFormOptions, UploadFormResult } from './upload-form-options.js';

/** How one attempt ended. `unconfirmed`: sent, but no answer could be read. */
export type Outcome = { kind: 'done'; result: UploadFormResult } | { kind: 'failed'; reason: string } | { kind: 'unconfirmed'; reason: string };

/** The merchant's own pages the upload service redirects to. */
export type LandingPages = Pick<UploadFormOptions, 'successURL' | 'errorURL'>;

/**
 * A frame name no one else holds or can guess: random (so two copies of Baton on one page, or a
 * foreign frame, never pick it), and checked free in this window.
 */
function freshFrameName(view: Window | null): string {
  for (;;) {
    // getRandomValues, not randomUUID: it works on plain-http pages too. 128 bits.
    const name = `baton-sasp-upload-${Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('-')}`;
    // A frame or window of that name already reachable from here would receive the post.
    if (!view || (!(name in view) && !view.document.getElementsByName(name).length)) return name;
  }
}

/** The native submit (not `form.submit`, which a control named "submit" would shadow): a real form post. */
export function postNatively(form: HTMLFormElement): void {
  const view = form.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  (view ?? globalThis).HTMLFormElement.prototype.submit.call(form);
}

/** The real form post into a hidden, script-less frame; its landing is read when it is ours. */
export function viaFrame(form: HTMLFormElement, el: ElementFactory, timeoutMs: number, pages: LandingPages): { frame: HTMLIFrameElement; outcome: Promise<Outcome> } {
  const name = freshFrameName(form.ownerDocument.defaultView);
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
  const error = fit(pages.errorURL, at);
  const success = fit(pages.successURL, at);
  // Both fit (one page is a prefix of the other, e.g. `/back` and `/back?r=err`): the more specific wins.
  if (error > success) {
    const added = [...at.searchParams].filter(([key]) => !new URL(pages.errorURL!).searchParams.has(key));
    const detail = added.map(([key, value]) => `${key} ${value}`).join(', ');
    return { kind: 'failed', reason: `the upload service refused it${detail ? ` (${detail})` : ''}` };
  }
  if (success > error) return { kind: 'done', result: { transport: 'frame', url: landed } };
  return { kind: 'unconfirmed', reason: 'the upload service answered with a page that is neither successURL nor errorURL' };
}

/**
 * How well the landing `at` fits `page`: 0 when it is not that page; else 1, plus one per query
 * pair of `page` found in it, plus one for `page`'s fragment. The same origin and path, every pair
 * of `page`'s query (the service may add its own) and `page`'s fragment, if it has one, exactly.
 */
function fit(page: string | undefined, at: URL): number {
  if (!page) return 0;
  const expected = new URL(page);
  if (expected.origin !== at.origin || expected.pathname !== at.pathname || (expected.hash && expected.hash !== at.hash)) return 0;
  const pairs = [...expected.searchParams];
  const found = [...at.searchParams];
  // Each expected pair consumes one landed pair, so `?a=1&a=1` needs two.
  for (const [key, value] of pairs) {
    const index = found.findIndex(([k, v]) => k === key && v === value);
    if (index < 0) return 0;
    found.splice(index, 1);
  }
  return 1 + pairs.length + (expected.hash ? 1 : 0);
}
