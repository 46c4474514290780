import { ValidationError } from './errors.js';

/** Where Baton renders: an element, or a CSS selector that matches exactly one element of the page. */
export type MountTarget = HTMLElement | string;

/**
 * The element `target` names. A selector must match exactly one element: none is a typo, and two
 * would leave it to document order which one gets the form. Anything else is a `ValidationError`
 * naming `what` (the option to fix), never a TypeError from deep inside.
 */
export function mountTarget(target: MountTarget, what: string): HTMLElement {
  let element: unknown = target;
  if (typeof target === 'string') {
    // SSR: no document to search; the caller mounts in the browser.
    if (typeof document === 'undefined') throw new ValidationError(what, [{ path: '', message: 'a selector needs a document: mount in the browser', received: target }]);
    let found: NodeListOf<Element>;
    try {
      found = document.querySelectorAll(target);
    } catch {
      throw new ValidationError(what, [{ path: '', message: 'is not a valid CSS selector', received: target }]);
    }
    if (found.length !== 1) throw new ValidationError(what, [{ path: '', message: `the selector must match exactly one element, and matches ${found.length}`, received: target }]);
    element = found[0];
  }
  if (!element || typeof (element as Partial<HTMLElement>).replaceChildren !== 'function') {
    throw new ValidationError(what, [{ path: '', message: 'expected an HTML element or a CSS selector matching one' }]);
  }
  return element as HTMLElement;
}
