// The sasp module: filled in by its provider issue.
export {};
