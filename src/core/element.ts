import { ValidationError } from './errors.js';

/**
 * An element factory bound to `container`'s document: class name and text only — provider text
 * always goes in as `textContent`, never as HTML. Throws a `ValidationError` naming `what` when
 * `container` is not an element.
 */
export function elementFactory(container: HTMLElement, what: string) {
  if (!container || typeof (container as Partial<HTMLElement>).append !== 'function') {
    throw new ValidationError(what, [{ path: '', message: 'expected an HTML element' }]);
  }
  const doc = container.ownerDocument;
  return <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
}

/** Appends `text` to `node` as text nodes, one `<br>` per line break. */
export function textWithBreaks<T extends HTMLElement>(node: T, text: string): T {
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index) node.append(node.ownerDocument.createElement('br'));
    node.append(line); // a text node
  });
  return node;
}

/** What `elementFactory` returns. */
export type ElementFactory = ReturnType<typeof elementFactory>;

/** `doc.createElement(tag)` with `props` assigned (class name, text, attributes as properties): never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
  return Object.assign(doc.createElement(tag), props);
}
