// Schema pieces shared by the providers: factories, and pieces every importer uses. A module-level
// schema stays in every bundle that imports its file (bundlers do not know valibot's calls are
// pure), so a piece one provider uses lives in that provider's modules. Built from `v.custom` and
// `v.transform` rather than `v.union`, `v.instance`, `v.function` or `v.record`: each distinct
// valibot function is bytes in every bundle, and these checks are one line each.
import * as v from 'valibot';

/** A string or a `URL` (the URL guard checks it afterwards). */
export const urlInput = (message = 'must be a URL (string or URL)') =>
  v.custom<string | URL>((value) => typeof value === 'string' || (value instanceof URL && !!value.href), message);

/** A function (a callback option). */
export const callback = <T extends (...args: never[]) => unknown>() => v.custom<T>((value) => typeof value === 'function', 'must be a function');

/** Text, or a finite number kept as its text (providers send ids and codes either way). */
export const textish = v.pipe(
  v.custom<string | number>((value) => typeof value === 'string' || Number.isFinite(value), 'must be a string or a number'),
  v.transform(String),
);

/** One of `values` (compared with `===`). */
export const oneOf = <const T extends readonly (string | number)[]>(values: T, message: string) =>
  v.custom<T[number]>((value) => values.includes(value as T[number]), message);

