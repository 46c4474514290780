/**
 * An element factory bound to a document: class name and text only — provider text always goes
 * in as `textContent`, never as HTML.
 */
export function elementFactory(doc: Document) {
  return <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
}
