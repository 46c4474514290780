import * as v from 'valibot';
import { ValidationError, type ValidationIssue } from './errors.js';

/**
 * Parses `input` with a valibot schema; on failure throws a `ValidationError` naming `what`
 * (e.g. `"getPostPaymentStatus answer"`) with every issue as data.
 */
export function parseWith<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  what: string,
): v.InferOutput<TSchema> {
  let result: v.SafeParseResult<TSchema>;
  try {
    result = v.safeParse(schema, input);
  } catch {
    // A getter or proxy trap that throws, or a structure too deep for the schema to walk.
    throw new ValidationError(what, [{ path: '', message: 'could not be read (a getter or proxy threw, or it is nested too deeply)' }]);
  }
  if (result.success) return result.output;
  throw new ValidationError(what, result.issues.map(toIssue));
}

function toIssue(issue: v.BaseIssue<unknown>): ValidationIssue {
  const path = (issue.path ?? [])
    .map((item) => String((item as { key?: unknown }).key))
    .join('.');
  return { path, message: issue.message, received: issue.received };
}

/** `text` parsed as JSON, or `undefined` when it is not JSON (an HTML error page, an empty body). */
export function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
