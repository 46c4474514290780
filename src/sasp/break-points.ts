/**
 * An e-mail address or domain name in a `<span>`, with a line-break opportunity (`<wbr>`) after
 * each `@` and before each dot, so a long one wraps as `administrator@` / `state.mn.us` on a phone
 * rather than mid-word. Text with a space is ordinary text and gets none. Text only: the pieces go
 * in as text nodes, never as HTML. (A span, because each `<wbr>` would be a flex item of its own.)
 */
export function breakable(doc: Document, text: string, className?: string): HTMLSpanElement {
  const span = doc.createElement('span');
  if (className) span.className = className;
  const parts = /\s/.test(text) ? [text] : text.split(/(?<=@)|(?=\.)/);
  parts.forEach((part, index) => span.append(...(index ? [doc.createElement('wbr'), part] : [part])));
  return span;
}
