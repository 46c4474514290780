// SHOW_INSTRUCTIONS and SHOW_TRANSACTION_RESULTS: the action's `showData` (`KeyValuePair` list,
// e.g. a bank transfer's account and reference) as a description list, text only.
import { el } from '../core/element.js';
import type { KeyValuePair } from './merchant-action-schema.js';

/**
 * Renders `showData` into `container` (replacing what it held): `section.baton-show-data` with an
 * optional heading and a `<dl>` of `<dt>` key (or `labels[key]`) and `<dd>` value, all as text.
 * Entries without a key are left out; the section is labelled by its heading for screen readers.
 */
export function renderShowData(
  container: HTMLElement,
  showData: readonly KeyValuePair[],
  { heading, labels = {} }: { readonly heading?: string; readonly labels?: Readonly<Record<string, string>> } = {},
): HTMLElement {
  const doc = container.ownerDocument;
  const section = el(doc, 'section', { className: 'baton-show-data' });
  if (heading) {
    const title = el(doc, 'h2', { className: 'baton-show-data-heading', textContent: heading, id: `baton-show-data-${++shown}` });
    section.setAttribute('aria-labelledby', title.id);
    section.append(title);
  }
  const list = el(doc, 'dl', {});
  for (const { key, value } of showData) {
    if (!key) continue;
    // An own property only: a key such as "constructor" must not pick up Object's.
    const label = Object.prototype.hasOwnProperty.call(labels, key) ? String(labels[key]) : key;
    list.append(el(doc, 'dt', { textContent: label }), el(doc, 'dd', { textContent: value ?? '' }));
  }
  section.append(list);
  container.replaceChildren(section);
  return section;
}

let shown = 0;
