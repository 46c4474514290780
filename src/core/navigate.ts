import { monotonicNow } from './clock.js';
import { BatonError, ValidationError } from './errors.js';
import { assertNoSecretsInBody, assertNoSecretsInUrl } from './secrets.js';
import { own } from './own.js';
import { safeUrl, type UrlPolicy } from './url-guard.js';

/**
 * How to navigate:
 * - `'auto'` (default): this tab, or the top window when the page is framed (hosted pages refuse
 *   to be framed); a new tab if the top window cannot be navigated.
 * - `'self'`: this frame. `'replace'`: this frame, replacing the history entry.
 * - `'top'`: the top window. `'popup'`: a new tab or window, opened without an opener; when the
 *   browser blocks it (no user gesture), falls back to `'auto'`.
 */
export type NavigationTarget = 'auto' | 'self' | 'replace' | 'top' | 'popup';

/** Every `NavigationTarget`, for checks (`navigationTargetOf`, and `renderStatus`'s `target` option). */
export const NAVIGATION_TARGETS: readonly NavigationTarget[] = ['auto', 'self', 'replace', 'top', 'popup'];

/** What happened: where the browser went and how. */
export interface Navigation {
  readonly url: URL;
  readonly via: 'self' | 'replace' | 'top' | 'popup' | 'form';
  /** True when this call repeated the previous successful navigation within a second and was dropped. */
  readonly duplicate: boolean;
}

// One navigation per user action: a double click must not open two popups or post twice.
// Only a navigation that happened counts: after a failure, an immediate retry goes ahead.
const REPEAT_WINDOW_MS = 1000;
let last: { key: string; at: number } | undefined;

const isRepeat = (key: string) => last !== undefined && last.key === key && monotonicNow() - last.at < REPEAT_WINDOW_MS;
const remember = (key: string) => void (last = { key, at: monotonicNow() });

function browserWindow(): Window {
  if (typeof window === 'undefined') throw new BatonError('Navigation needs a browser window');
  return window;
}

/**
 * Sends the browser to `input` after the URL guard (`safeUrl`) accepts it for `policy`.
 * The only place in Baton that assigns `location` or calls `window.open`.
 */
export function navigate(input: string | URL, policy: UrlPolicy, options?: { target?: NavigationTarget } | null): Navigation {
  const target = navigationTargetOf(options, 'navigate');
  const url = safeUrl(input, policy);
  assertNoSecretsInUrl(url);
  const key = `GET ${url.href}`;
  if (isRepeat(key)) return { url, via: viaFor(target), duplicate: true };
  const via = go(browserWindow(), url.href, target);
  remember(key);
  return { url, via, duplicate: false };
}

/**
 * Navigates by submitting a POST form with `fields` to `input` (after the URL guard) — for hosted
 * pages that take their parameters as a form post. `target` as in `navigate`.
 */
export function postForm(
  input: string | URL,
  fields: Record<string, string>,
  policy: UrlPolicy,
  options?: { target?: NavigationTarget } | null,
): Navigation {
  const target = navigationTargetOf(options, 'postForm');
  const url = safeUrl(input, policy);
  assertNoSecretsInUrl(url);
  // Read the fields once, as strings: what is checked is exactly what the form posts.
  const list = formFields(fields);
  const body = `${new URLSearchParams(list)}`;
  // The body as the receiver reads it: names, and values that decode to pairs, URLs or JSON.
  assertNoSecretsInBody(body, 'application/x-www-form-urlencoded', 'fields');
  const key = `POST ${url.href} ${body}`;
  if (isRepeat(key)) return { url, via: 'form', duplicate: true };
  const win = browserWindow();
  const doc = win.document;
  const form = doc.createElement('form');
  form.method = 'POST';
  form.action = url.href;
  form.hidden = true;
  form.target = target === 'popup' ? '_blank' : target === 'top' || (target === 'auto' && isFramed(win)) ? '_top' : '_self';
  if (form.target === '_blank') form.rel = 'noopener';
  for (const [name, value] of list) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    // The prototypes' methods: a field named `submit`, `append` or `remove` shadows the form's own.
    Element.prototype.append.call(form, input);
  }
  doc.body.append(form);
  try {
    HTMLFormElement.prototype.submit.call(form);
  } finally {
    Element.prototype.remove.call(form);
  }
  remember(key);
  return { url, via: 'form', duplicate: false };
}

/** The navigation target in `options` (default `'auto'`); anything else is a `ValidationError` naming `what`. */
export function navigationTargetOf(options: unknown, what: string): NavigationTarget {
  // Own property only: an inherited `target` is no option.
  const target = own(options).target ?? 'auto';
  if (NAVIGATION_TARGETS.includes(target as NavigationTarget)) return target as NavigationTarget;
  throw new ValidationError(what, [{ path: 'target', message: `must be ${NAVIGATION_TARGETS.join(', ')}`, received: String(target).slice(0, 40) }]);
}

function formFields(fields: unknown): [string, string][] {
  try {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new TypeError();
    return Object.entries(fields).map(([name, value]) => {
      if (typeof value !== 'string') throw new TypeError();
      return [name, value];
    });
  } catch {
    throw new ValidationError('postForm', [{ path: 'fields', message: 'expected an object of field names and string values' }]);
  }
}

function viaFor(target: NavigationTarget): Navigation['via'] {
  return target === 'auto' ? 'self' : target;
}

function isFramed(win: Window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}

function go(win: Window, href: string, target: NavigationTarget): Navigation['via'] {
  if (target === 'self' || target === 'replace') {
    win.location[target === 'self' ? 'assign' : 'replace'](href);
    return target;
  }
  if (target === 'popup') return openTab(win, href) ? 'popup' : go(win, href, 'auto');
  // 'top' and 'auto'
  if (!isFramed(win)) {
    win.location.assign(href);
    return 'self';
  }
  try {
    win.top!.location.href = href;
    return 'top';
  } catch {
    // A sandboxed frame without allow-top-navigation: a new tab is the only way out.
    if (openTab(win, href)) return 'popup';
    throw new BatonError(`Could not navigate to ${href}: the frame is sandboxed and popups are blocked`);
  }
}

/** A new tab without an opener; false when the browser blocked it. */
function openTab(win: Window, href: string): boolean {
  // Open blank first: with `noopener`, window.open returns null even when the tab opened, which would hide a block.
  const tab = win.open('about:blank', '_blank');
  if (tab) {
    tab.opener = null;
    tab.location.href = href;
  }
  return !!tab;
}
