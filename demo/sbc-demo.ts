// Demo section for baton/sbc: filled in by its provider issue.
export function mountSbcDemo(root: HTMLElement): void {
  root.hidden = true;
}
