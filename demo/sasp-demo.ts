// Demo section for baton/sasp: filled in by its provider issue.
export function mountSaspDemo(root: HTMLElement): void {
  root.hidden = true;
}
