/**
 * Reading what a provider sends where it is sloppy: numbers as strings and back, unknown enum
 * values, a string where an array is documented, `null` or `""` where a value is documented. Each
 * piece keeps what fits and drops (or defaults) what does not: a display field never rejects the
 * status.
 */
import * as v from 'valibot';
import { convert } from '../core/options.js';
import { textish } from '../core/schemas.js';

/** An integer, or an integer string (spaces around allowed). */
export const integerish = v.pipe(
  v.custom<number | string>((value) => Number.isInteger(value) || (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)), 'expected an integer'),
  convert(Number),
);

/** Any value, turned into `fn(value)`. */
export const mapped = <T>(fn: (value: unknown) => T) => v.pipe(v.custom<unknown>(() => true), convert(fn));

/** `schema`, or `fallback` when the value is missing or does not fit. */
export const lenientOr = <const TSchema extends v.GenericSchema>(schema: TSchema, fallback: v.InferOutput<TSchema>) =>
  v.optional(
    mapped((value) => {
      const result = v.safeParse(schema, value);
      return result.success ? result.output : fallback;
    }),
    fallback as never,
  ) as v.GenericSchema<unknown, v.InferOutput<TSchema>>;

/** `schema`, or `undefined` when the value does not fit: a display field never rejects the status. */
export const lenient = <const TSchema extends v.GenericSchema>(schema: TSchema) =>
  lenientOr(schema as v.GenericSchema<unknown, v.InferOutput<TSchema> | undefined>, undefined);

/** Text typed as an open enum: known values autocomplete, unknown ones are kept (a number as its text). */
export const open = <T extends string>() => textish as unknown as v.GenericSchema<unknown, T>;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) => value == null || (typeof value === 'string' && !value.trim());

export const isTextish = (value: unknown) => typeof value === 'string' || Number.isFinite(value);

/**
 * Text from whatever the live API sends where the document shows a string: a number as its text,
 * a list as lines, an object's text values joined; anything else (a boolean, …) is left out.
 */
const flexText = mapped((value) => textOf(value) || undefined);

export const optionalText = v.optional(flexText);

/** The text in any value: strings and numbers, list items, object values (with their key when nested). */
export function textOf(value: unknown, depth = 0): string {
  if (isTextish(value)) return String(value);
  if (depth > 4) return '';
  if (Array.isArray(value)) return value.map((item) => textOf(item, depth + 1)).filter(Boolean).join('; ');
  if (!isRecord(value)) return '';
  return Object.entries(value)
    .map(([key, item]) => (isRecord(item) ? `${key}: ${textOf(item, depth + 1)}` : textOf(item, depth + 1)))
    .filter(Boolean)
    .join(': ');
}

/**
 * `latestCAACheckErrors` (v1.01): its shape is not in any document we could read, so any shape
 * becomes lines of text — a string, a list of strings, objects (their text values joined), or a
 * mix. Nothing here rejects the status.
 */
export const textLines = mapped((value) => [value].flat().map((item) => textOf(item)).filter(Boolean));

/** A list whose items that do not fit are left out (the rest of the list is kept). */
export const lenientList = <const TSchema extends v.GenericSchema>(item: TSchema) =>
  v.optional(
    mapped((list) =>
      (Array.isArray(list) ? list : []).flatMap((entry) => {
        const result = v.safeParse(item, entry);
        return result.success ? [result.output as v.InferOutput<TSchema>] : [];
      }),
    ),
    [],
  );

/** DCV options: strings, or objects whose text is the option (`{ email: 'admin@…' }`). */
export const optionList = mapped((value): string[] =>
  value == null ? [] : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [value].flat().map((item) => textOf(item)).filter(Boolean),
);

/**
 * Drops `null` and blank-string values from objects and lists (a few levels deep, as deep as the
 * status goes): the live API sends `null` or `""` where the document shows a value, and that means
 * "not there" — a missing title, an upload that is not available. `raw` keeps them.
 */
export function withoutBlanks(value: unknown, depth = 0): unknown {
  if (depth > 8 || typeof value !== 'object' || !value) return value;
  if (Array.isArray(value)) return value.filter((item) => !isBlank(item)).map((item) => withoutBlanks(item, depth + 1));
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // (A "__proto__" key would set the prototype; schemas drop it anyway, `raw` keeps it.)
    if (!isBlank(item) && key !== '__proto__') kept[key] = withoutBlanks(item, depth + 1);
  }
  return kept;
}
