// The sbc module: filled in by its provider issue.
export {};
