// Message catalogues: each UI has one typed catalogue of texts (English by default), replaced in
// part or in whole by the `messages` option; `baton-sdk/locales/<lang>` exports complete ones.

/**
 * `template` with each `{name}` replaced by `values[name]` (unknown names stay as written). A
 * replacer function, so a `$&` in a value stays literal text.
 */
export const fill = (template: string, values: Readonly<Record<string, string | number>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
