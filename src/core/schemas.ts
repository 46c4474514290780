// Schema pieces shared by the providers. Built from `v.custom` and `v.transform` rather than
// `v.union`, `v.instance`, `v.function` or `v.record`: each distinct valibot function is bytes in
// every bundle, and these checks are one line each.
import * as v from 'valibot';
import { NAVIGATION_TARGETS } from './navigate.js';

/** A string or a `URL` (the URL guard checks it afterwards). */
export const urlInput = (message = 'must be a URL (string or URL)') =>
  v.custom<string | URL>((value) => typeof value === 'string' || value instanceof URL, message);

/** An `AbortSignal`. */
export const abortSignal = v.custom<AbortSignal>((value) => typeof AbortSignal !== 'undefined' && value instanceof AbortSignal, 'must be an AbortSignal');

/** A function (a callback option). */
export const callback = <T extends (...args: never[]) => unknown>() => v.custom<T>((value) => typeof value === 'function', 'must be a function');

/** An absolute http(s) URL as text (a form field another site redirects to). */
export const httpUrlText = v.pipe(v.string(), v.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'must be an absolute http(s) URL'));

/** Text, or a finite number kept as its text (providers send ids and codes either way). */
export const textish = v.pipe(
  v.custom<string | number>((value) => typeof value === 'string' || Number.isFinite(value), 'must be a string or a number'),
  v.transform(String),
);

/** A finite number, or a decimal string as some gateways send. */
export const numberish = v.pipe(
  v.custom<number | string>((value) => Number.isFinite(value) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)), 'must be a number'),
  v.transform(Number),
);

/** An integer, or an integer string (spaces around allowed). */
export const integerish = v.pipe(
  v.custom<number | string>((value) => Number.isInteger(value) || (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)), 'expected an integer'),
  v.transform(Number),
);

/** One of `values` (compared with `===`). */
export const oneOf = <const T extends readonly (string | number)[]>(values: T, message: string) =>
  v.custom<T[number]>((value) => values.includes(value as T[number]), message);

/** How a page is opened: `navigate`'s targets. */
export const navigationTarget = oneOf(NAVIGATION_TARGETS, `must be ${NAVIGATION_TARGETS.join(', ')}`);
