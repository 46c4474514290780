import { BatonError, NetworkError, ProviderError, ValidationError } from '../core/errors.js';
import { ForbiddenError, SignatureError } from './errors.js';
import { jsonResponse } from './http.js';

/**
 * A handler's answer for a thrown error: a status and `{ error: { code, message } }`, never the
 * stack or a secret. Our messages name options and fields, never their values; anything else is 500.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ValidationError) return answer(400, 'INVALID_REQUEST', error.message);
  if (error instanceof ForbiddenError) return answer(403, 'FORBIDDEN', error.message);
  if (error instanceof SignatureError) return answer(error.reason === 'replayed' ? 409 : 403, `SIGNATURE_${error.reason.toUpperCase().replace('-', '_')}`, error.message);
  if (error instanceof ProviderError) {
    // A provider's 4xx is the request's fault (e.g. Connect's NONCE_REUSED 409): the browser gets that status.
    const status = (error.details as { httpStatus?: unknown } | undefined)?.httpStatus;
    return answer(typeof status === 'number' && status >= 400 && status < 500 && status !== 401 && status !== 403 ? status : 502, String(error.code), error.providerMessage);
  }
  if (error instanceof NetworkError) return answer(error.kind === 'timeout' ? 504 : 502, 'PROVIDER_UNREACHABLE', `the provider ${error.kind === 'http' ? `answered HTTP ${error.status}` : 'could not be reached'}`);
  if (error instanceof BatonError) return answer(500, 'SERVER_ERROR', error.name);
  return answer(500, 'SERVER_ERROR', 'internal error');
}

const answer = (status: number, code: string, message: string) => jsonResponse({ error: { code, message } }, status);

/** Wraps a handler body: any throw becomes `errorResponse`. */
export const handler =
  (body: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    try {
      return await body(request);
    } catch (error) {
      return errorResponse(error);
    }
  };

/** 405 unless `request.method` is one of `methods`. */
export function allowOnly(request: Request, ...methods: string[]): Response | undefined {
  return methods.includes(request.method) ? undefined : jsonResponse({ error: { code: 'METHOD_NOT_ALLOWED', message: `use ${methods.join(' or ')}` } }, 405, { allow: methods.join(', ') });
}
