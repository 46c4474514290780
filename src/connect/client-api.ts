// One call to the Connect Client API: URL, headers, error document → ProviderError, answer
// validated with its schema.
import * as v from 'valibot';
import { ProviderError } from '../core/errors.js';
import { httpFailure, request, type HttpRequest } from '../core/http.js';
import type { UrlPolicy } from '../core/url-guard.js';
import { withRaw } from '../core/documented.js';
import { parseWith, readJson } from '../core/validate.js';
import { collectMetaInfo, encodeMetaInfo } from './meta-info.js';
import { ErrorResponseSchema, type ConnectErrorDetails } from './schemas.js';


/** Per-call options every Client API method takes. */
export interface CallOptions {
  /** Cancels the request (and any retry wait). */
  readonly signal?: AbortSignal;
}

export interface ClientApiTarget {
  /** `{clientApiUrl}/v1/{customerId}/` — always ends with a slash. */
  readonly base: URL;
  /** Checked against the final URL of every call: the allowed hosts, and the path under `base`. */
  readonly policy: UrlPolicy;
  readonly clientSessionId: string;
  readonly appIdentifier?: string;
  readonly timeoutMs?: number;
}

// Answers with a body to read: every error the platform documents, except the statuses worth retrying.
const readable = (status: number) => status >= 400 && ![429, 502, 503, 504].includes(status);

/**
 * Calls `path` (relative to the customer's base URL) and parses the answer with `schema` (a
 * `ValidationError` names it by its path: "crypto/publickey answer"). An error document becomes
 * a `ProviderError` whose `details` are `{errorId, errors, httpStatus}`.
 */
export async function callClientApi<const TSchema extends v.GenericSchema>(
  target: ClientApiTarget,
  path: string,
  schema: TSchema,
  searchParams?: HttpRequest['searchParams'],
  signal?: AbortSignal,
  /** A JSON body: the call is a POST. */
  json?: unknown,
): Promise<v.InferOutput<TSchema>> {
  const url = new URL(path, target.base);
  const response = await request(url, {
    searchParams,
    signal,
    json,
    headers: {
      Accept: 'application/json',
      Authorization: `GCS v1Client:${target.clientSessionId}`,
      'X-GCS-ClientMetaInfo': encodeMetaInfo(collectMetaInfo(target.appIdentifier)),
    },
    timeoutMs: target.timeoutMs,
    acceptStatus: readable,
    policy: target.policy,
  });
  const { status, text } = response;
  const body = readJson(text);
  if (status >= 400) {
    // An error document becomes a ProviderError; any other answer (an HTML page) a NetworkError.
    const parsed = v.safeParse(ErrorResponseSchema, body);
    const first = parsed.success && parsed.output.errors[0];
    throw first
      ? new ProviderError('connect', first.code, first.message ?? first.id ?? `HTTP ${status}`, { ...(parsed.output as object), httpStatus: status })
      : httpFailure({ method: json === undefined ? 'GET' : 'POST', url: url.href }, response);
  }
  // Unknown fields stay reachable, untyped, as `raw`: the answer exactly as received.
  return withRaw(parseWith(schema, body, `${path} answer`), body);
}

/** A `ProviderError` from the Connect Client API: `details` is its error document. */
export interface ConnectError extends ProviderError {
  readonly details: ConnectErrorDetails;
}

/** True when `error` is a Connect `ProviderError`; narrows `details` to the error document. */
export function isConnectError(error: unknown): error is ConnectError {
  return error instanceof ProviderError && error.provider === 'connect';
}
