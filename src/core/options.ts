// The input vocabulary: how every public function reads the options object it is given.
import * as v from 'valibot';

/**
 * An object whose `entries` are each read by their schema, every other key kept as it is but
 * `__proto__`, `prototype` and `constructor` (what `v.looseObject` does, in a few lines: one
 * valibot function fewer in every bundle). Issues carry the key in their path. `strict`: any other
 * key is an issue (what `v.strictObject` does).
 */
export const shape = <const TEntries extends v.ObjectEntries>(entries: TEntries, strict?: boolean) =>
  v.pipe(
    v.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null, 'expected an object'),
    v.rawTransform(({ dataset: { value: input }, addIssue }) => {
      const output: Record<string, unknown> = {};
      for (const key of Object.keys(input)) {
        if (strict && !Object.hasOwn(entries, key)) addIssue({ message: 'unknown option', path: [{ key }] } as never);
        else if (key !== '__proto__' && key !== 'prototype' && key !== 'constructor') output[key] = input[key];
      }
      for (const key in entries) {
        // Only an own property: a value on a polluted `Object.prototype` is never an option.
        const result = v.safeParse(entries[key]!, Object.hasOwn(input, key) ? input[key] : undefined);
        if (!result.success) for (const issue of result.issues) addIssue({ ...issue, path: [{ key }, ...(issue.path ?? [])] } as never);
        else if (key in output || result.output !== undefined) output[key] = result.output;
      }
      return output as v.InferOutput<v.LooseObjectSchema<TEntries, undefined>>;
    }),
  );

/**
 * `shape` for a public function's options: its output has no prototype, so an option that was not
 * given reads as `undefined` even when `Object.prototype` carries a value of that name.
 */
export const optionsShape = <const TEntries extends v.ObjectEntries>(entries: TEntries, strict?: boolean) =>
  v.pipe(
    shape(entries, strict),
    v.transform((output) => Object.assign(Object.create(null) as typeof output, output)),
  );

/** A string or a `URL` (the URL guard checks it afterwards). */
export const urlInput = (message = 'must be a URL (string or URL)') =>
  v.custom<string | URL>((value) => typeof value === 'string' || (value instanceof URL && !!value.href), message);

/** A function (a callback option). */
export const callback = <T extends (...args: never[]) => unknown>() => v.custom<T>((value) => typeof value === 'function', 'must be a function');

/** One of `values` (compared with `===`). */
export const oneOf = <const T extends readonly (string | number)[]>(values: T, message: string) =>
  v.custom<T[number]>((value) => values.includes(value as T[number]), message);

/** An optional list of strings (hosts, path prefixes). */
export const stringsOption = v.optional(v.custom<string[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'must be a list of strings'));

/** An optional `timeoutMs`: a number of milliseconds, at least 1. */
export const timeoutOption = v.optional(v.custom<number>((value) => typeof value === 'number' && value >= 1, 'must be a number, 1 or more'));

/** An optional `AbortSignal`. */
export const signalOption = v.optional(v.custom<AbortSignal>((value) => typeof AbortSignal !== 'undefined' && value instanceof AbortSignal, 'must be an AbortSignal'));

/** An optional `true`/`false` option. */
export const flagOption = v.optional(v.custom<boolean>((value) => typeof value === 'boolean', 'must be true or false'));
