// Demo section for baton/connect: filled in by its provider issue.
export function mountConnectDemo(root: HTMLElement): void {
  root.hidden = true;
}
