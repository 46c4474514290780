// Schema pieces for provider answers that every provider uses. (Options: `options.ts`.)
import * as v from 'valibot';
import { convert } from './options.js';

/** Text, or a finite number kept as its text (providers send ids and codes either way). */
export const textish = v.pipe(
  v.custom<string | number>((value) => typeof value === 'string' || Number.isFinite(value), 'must be a string or a number'),
  convert(String),
);
