// The input vocabulary: how every public function reads what it is handed. An option is read
// once, and only as an own property: a key inherited from `Object.prototype` (polluted by another
// script) is never an option. Why these are `v.custom` checks: docs/architecture.md, "Schemas and
// bundle size".
import * as v from 'valibot';
import { ValidationError } from './errors.js';
import { kindOf, own } from './own.js';

// Keys never copied into an output: they would set its prototype, or read as a class's members.
const UNSAFE_KEYS = ['__proto__', 'prototype', 'constructor'];

export interface ShapeSettings {
  /** Any key not in the entries is an issue (what `v.strictObject` does). */
  readonly strict?: boolean;
  /** The output has no prototype: an option that was not given reads as `undefined`, never as an inherited value. */
  readonly bare?: boolean;
  /** The message when the value is not an object. */
  readonly message?: string;
}

/**
 * An object whose `entries` are each read by their schema, every other key copied as it is but
 * `__proto__`, `prototype` and `constructor` (what `v.looseObject` does, in a few lines: one
 * valibot function fewer in every bundle). Each own key is read once; inherited keys are never
 * read. Issues carry the key in their path.
 */
export const shape = <const TEntries extends v.ObjectEntries>(entries: TEntries, settings: ShapeSettings = {}) =>
  Object.assign(
    v.pipe(
      v.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), settings.message ?? 'expected an object'),
      v.rawTransform(({ dataset: { value: input }, addIssue }) => {
        const given = own(input);
        const output: Record<string, unknown> = settings.bare ? Object.create(null) : {};
        for (const key in given) {
          if (Object.hasOwn(entries, key)) continue;
          if (settings.strict) addIssue({ message: 'unknown option', path: [{ key }] } as never);
          else if (!UNSAFE_KEYS.includes(key)) output[key] = given[key];
        }
        for (const key of Object.keys(entries)) {
          const result = v.safeParse(entries[key]!, given[key]);
          if (!result.success) for (const issue of result.issues) addIssue({ ...issue, path: [{ key }, ...(issue.path ?? [])] } as never);
          else if (key in given || result.output !== undefined) output[key] = result.output;
        }
        return output as v.InferOutput<v.LooseObjectSchema<TEntries, undefined>>;
      }),
    ),
    { entries },
  );

/** A list whose items `item` reads (what `v.array` does; its issues carry the index in their path). */
export const list = <TItem extends v.GenericSchema>(item: TItem, message = 'must be a list') =>
  v.pipe(
    v.custom<unknown[]>(Array.isArray, message),
    v.rawTransform(({ dataset: { value }, addIssue }) =>
      value.map((entry, key) => {
        // The same as `shape` does for a key (written twice: it compresses to almost nothing).
        const result = v.safeParse(item, entry);
        if (!result.success) for (const issue of result.issues) addIssue({ ...issue, path: [{ key }, ...(issue.path ?? [])] } as never);
        return result.output as v.InferOutput<TItem>;
      }),
    ),
  );

/** What `shape` returns: a schema, and the entries it reads. */
export type Shape<TEntries extends v.ObjectEntries> = v.GenericSchema<unknown, v.InferOutput<v.LooseObjectSchema<TEntries, undefined>>> & { readonly entries: TEntries };

/** An options object: `shape` with a prototype-free output. */
export const optionsShape = <const TEntries extends v.ObjectEntries>(entries: TEntries, settings: ShapeSettings = {}) =>
  shape(entries, { ...settings, bare: true });

/**
 * `fn` applied to the value (what `v.transform` does, built on `v.rawTransform`, which `shape`
 * already brings into every bundle: one valibot function fewer).
 */
export const convert = <TInput, TOutput>(fn: (value: TInput) => TOutput) => v.rawTransform<TInput, TOutput>(({ dataset }) => fn(dataset.value));

/** A string or a `URL` (the URL guard checks it afterwards). */
export const urlInput = (message = 'must be a URL (string or URL)') =>
  v.custom<string | URL>((value) => {
    try {
      // A URL.prototype object that is no URL throws on `href`.
      return typeof value === 'string' ? !!value.trim() : value instanceof URL && !!value.href;
    } catch {
      return false;
    }
  }, message);

/** A string (`v.string()` is one more valibot function in every bundle). */
export const text = (message = 'must be a string') => v.custom<string>((value) => typeof value === 'string', message);

/** A string `pattern` matches (after `text`, or any step that yields a string). */
export const matching = (pattern: RegExp, message: string) => v.custom<string>((value) => pattern.test(value as string), message);

/** A function (a callback option). */
export const callback = <T extends (...args: never[]) => unknown>() => v.custom<T>((value) => typeof value === 'function', 'must be a function');

/** One of `values` (compared with `===`). */
export const oneOf = <const T extends readonly (string | number)[]>(values: T, message: string) =>
  v.custom<T[number]>((value) => values.includes(value as T[number]), message);

/** An optional list of strings (path prefixes). */
export const stringsOption = /* @__PURE__ */ v.optional(/* @__PURE__ */ v.custom<string[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'must be a list of strings'));

/**
 * The one rule for an `allowedHosts` option: a non-empty list of host patterns (`example.com`,
 * `example.com:8443`, `*.example.com`); leave it out for the default. The URL guard refuses an
 * entry that is a URL (`hostPatternIssue`) when the policy is first used, before anything is sent.
 */
export const hostsOption = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.custom<readonly string[]>(
    (value) => Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string'),
    'must be a non-empty list of hosts (leave it out for the default)',
  ),
);

/** Longest delay a browser timer keeps: a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** An optional number of milliseconds: finite, at least 1, at most what a timer can wait. */
export const msOption = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.custom<number>((value) => typeof value === 'number' && value >= 1 && value <= MAX_TIMER_MS, `must be a number of milliseconds, 1 to ${MAX_TIMER_MS}`),
);

/** An optional `timeoutMs`. */
export const timeoutOption = msOption;

/** An optional `AbortSignal`. */
export const signalOption = /* @__PURE__ */ v.optional(/* @__PURE__ */ v.custom<AbortSignal>((value) => typeof AbortSignal !== 'undefined' && value instanceof AbortSignal, 'must be an AbortSignal'));

/** An optional `true`/`false` option. */
export const flagOption = /* @__PURE__ */ v.optional(/* @__PURE__ */ v.custom<boolean>((value) => typeof value === 'boolean', 'must be true or false'));

/** `value` when it is a plain object (not null, not an array), else a `ValidationError` naming `what`. */
export function checkObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(what, [{ path: '', message: 'expected an object', received: kindOf(value) }]);
  }
  return value as Record<string, unknown>;
}

/** The text of a URL argument (a non-blank string, or a `URL`), else a `ValidationError` naming `what` and `path`. */
export function checkUrl(value: unknown, what: string, path: string): string {
  try {
    // A URL.prototype object that is no URL throws on `href`: a ValidationError below.
    if (value instanceof URL) return value.href;
  } catch {}
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new ValidationError(what, [{ path, message: 'expected a URL (string or URL)', received: kindOf(value) }]);
}
