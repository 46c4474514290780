// The connect module: filled in by its provider issue.
export {};
