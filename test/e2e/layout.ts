// Layout facts a person would notice, measured inside the page (Chromium via Playwright, Firefox via
// puppeteer-core): nothing overlaps, nothing is clipped or sticks out, every label sits with its
// control, the page does not scroll sideways. Not pixel snapshots: these hold for any theme.

/** What `measureLayout` found under one root element. */
export interface LayoutReport {
  /** Height of the root element in CSS pixels. */
  readonly height: number;
  /** One sentence per problem a person would notice; empty when the layout is sound. */
  readonly problems: string[];
}

/**
 * Runs in the page (self-contained: page.evaluate serialises it). Checks the visible text lines and
 * controls under `selector`.
 */
export function measureLayout(selector: string): LayoutReport {
  const root = document.querySelector(selector);
  if (!root) return { height: 0, problems: [`${selector} is not in the page`] };
  const problems: string[] = [];
  const say = (text: string) => {
    if (problems.length < 20) problems.push(text);
  };
  const name = (element: Element) => {
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ');
    const classes = element.getAttribute('class');
    return `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ''}> “${text.slice(0, 40)}”`;
  };
  // Rendered and shown: not display:none, not inside a closed <details>, not visibility:hidden.
  const visible = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return element.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && rect.width > 0 && rect.height > 0;
  };
  const scrolls = (element: Element) => /auto|scroll/.test(getComputedStyle(element).overflow);
  const rootRect = root.getBoundingClientRect();

  // Boxes: each visible line of text, and each control.
  interface Box { readonly element: Element; readonly rect: DOMRect; readonly what: string }
  const boxes: Box[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || parent.closest('select, option, script, style, template')) continue;
    if (!visible(parent) || parent.closest('[hidden]')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0.5 && rect.height > 0.5) boxes.push({ element: parent, rect, what: `text “${node.textContent.trim().slice(0, 40)}”` });
    }
  }
  const controls = [...root.querySelectorAll('input:not([type=hidden]), button, select, textarea, progress, img, summary')].filter(visible);
  for (const control of controls) boxes.push({ element: control, rect: control.getBoundingClientRect(), what: name(control) });

  // Nothing sticks out of the root, and no text is cut off by its own box.
  const tolerance = 1;
  for (const box of boxes) {
    if (box.rect.left < rootRect.left - tolerance || box.rect.right > rootRect.right + tolerance) {
      say(`${box.what} sticks out of ${selector} (x ${Math.round(box.rect.left)}–${Math.round(box.rect.right)}, root ${Math.round(rootRect.left)}–${Math.round(rootRect.right)})`);
    }
  }
  for (const element of root.querySelectorAll('*')) {
    if (!visible(element) || element.matches('input, textarea, select') || scrolls(element)) continue;
    const style = getComputedStyle(element);
    if (/hidden|clip/.test(style.overflowX) && element.scrollWidth > element.clientWidth + tolerance) say(`${name(element)} is clipped horizontally`);
    if (/hidden|clip/.test(style.overflowY) && element.scrollHeight > element.clientHeight + tolerance) say(`${name(element)} is clipped vertically`);
  }

  // Nothing overlaps: no two boxes share more than a pixel, unless one is inside the other (text in a button).
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      if (overlap(a.rect, b.rect)) say(`${a.what} overlaps ${b.what}`);
    }
  }

  // A radio or checkbox shares the first line of its label's text; other labels sit beside or just above.
  for (const control of root.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea')) {
    if (!visible(control)) continue;
    const label = control.labels?.[0];
    if (!label || !visible(label)) continue;
    const c = control.getBoundingClientRect();
    // The label's own content: its text lines and images (a brand logo before the name), not the control.
    const lines = boxes
      .filter((box) => (box.what.startsWith('text') || box.element.tagName === 'IMG') && label.contains(box.element) && box.element !== control)
      .map((box) => box.rect);
    if (!lines.length) continue;
    const first = lines.reduce((top, rect) => (rect.top < top.top || (rect.top === top.top && rect.left < top.left) ? rect : top));
    const centre = c.top + c.height / 2;
    const sameLine = first.top - tolerance <= centre && centre <= first.bottom + tolerance;
    const label_ = name(label);
    if (control.type === 'radio' || control.type === 'checkbox') {
      if (!sameLine) say(`${label_}: the ${control.type} is not on its text’s first line`);
      else if (Math.abs(first.left - c.right) > 24 && Math.abs(c.left - first.right) > 24) say(`${label_}: the ${control.type} is far from its text`);
    } else {
      const nearest = lines.reduce((best, rect) => Math.min(best, Math.max(0, c.top - rect.bottom, rect.top - c.bottom)), Infinity);
      if (nearest > 16) say(`${label_} is ${Math.round(nearest)} px away from its field`);
    }
  }

  // The page does not scroll sideways.
  const overflowX = document.documentElement.scrollWidth - window.innerWidth;
  if (overflowX > tolerance) say(`the page scrolls sideways by ${overflowX} px`);
  return { height: Math.round(rootRect.height), problems };
}

/** Whether the focused element shows a focus ring (an outline or box-shadow of at least 2 px). */
export function focusRingShown(): string {
  const active = document.activeElement;
  if (!active || active === document.body) return 'nothing has focus';
  const style = getComputedStyle(active);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || /\d+px/.test(style.boxShadow) ? 'shown' : `no focus ring on <${active.tagName.toLowerCase()}>`;
}

/**
 * Runs in the page (self-contained). Words under `selector` broken across lines although they would
 * fit on one line of their box: “admin@mnsu|re.org” where “admin@mnsure.org” fits; and e-mail
 * addresses or domain names broken anywhere but after an @ or before a dot, even when too long
 * for one line. Other words longer than their line must break somewhere and are not reported; nor
 * is a break after a hyphen, @, / or where the page marked one (`<wbr>`, a soft hyphen, U+200B).
 */
export function avoidableWordBreaks(selector: string): string[] {
  const root = document.querySelector(selector);
  if (!root) return [`${selector} is not in the page`];
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    const text = node.data;
    if (!parent || !text.trim() || parent.closest('select, option, script, style, template, [hidden]')) continue;
    if (!parent.checkVisibility()) continue;
    // The width one line of this text can take: from where its lines start (after a radio beside
    // it, say) to the end of its block container's content box.
    let block: Element = parent;
    while (block.parentElement && /^inline/.test(getComputedStyle(block).display)) block = block.parentElement;
    const style = getComputedStyle(block);
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((rect) => rect.width > 0.5);
    if (lines.length < 2) continue;
    const contentRight = block.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    const lineWidth = contentRight - Math.min(...lines.map((rect) => rect.left));
    for (const match of text.matchAll(/\S+/g)) {
      const start = match.index;
      const word = match[0];
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0.5);
      if (rects.length < 2) continue;
      const width = rects.reduce((sum, rect) => sum + rect.width, 0);
      // An e-mail address or domain name longer than its line must still break at an @ or a dot.
      const address = /^[^@\s]+@[^@\s]+$|^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(word);
      if (width > lineWidth + 1 && !address) continue;
      // Where each line ends: the character before a break must itself allow a break after it.
      const tops = new Set(rects.map((rect) => Math.round(rect.top)));
      if (tops.size < 2) continue;
      let fine = true;
      let lastTop = NaN;
      for (let i = 0; i < word.length; i++) {
        range.setStart(node, start + i);
        range.setEnd(node, start + i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (!Number.isNaN(lastTop) && Math.abs(rect.top - lastTop) > 2 && !/[-@/\u00ad\u200b]/.test(word[i - 1]!) && !(address && word[i] === '.')) fine = false;
        lastTop = rect.top;
      }
      if (!fine) found.push(`“${word}” breaks mid-word in <${parent.tagName.toLowerCase()} class="${parent.className}"> (it is ${Math.round(width)} px, the line ${Math.round(lineWidth)} px)`);
    }
  }
  return found;
}
