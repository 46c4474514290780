// The Connect platform's error documents (`ErrorResponse`: errorId and a list of `APIError`s with
// code, id, category, httpStatusCode, message, requestId and propertyName), for every Connect mock.
import { randomBytes } from 'node:crypto';
import { json, type MockResponse } from './http.js';

export function errorBody(status: number, code: string, id: string, extra: { propertyName?: string; message?: string } = {}): MockResponse {
  const requestId = String(Math.floor(Math.random() * 1e6));
  return json(
    {
      errorId: `${randomBytes(16).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}-${requestId.padStart(8, '0')}`,
      errors: [
        {
          code,
          id,
          category: status === 403 ? 'CONNECT_PLATFORM_ERROR' : 'PAYMENT_PLATFORM_ERROR',
          httpStatusCode: status,
          message: extra.message ?? id,
          requestId,
          ...(extra.propertyName ? { propertyName: extra.propertyName } : {}),
        },
      ],
    },
    status,
  );
}

export const missing = (name: string) => errorBody(400, '20000000', 'PARAMETER_NOT_FOUND_IN_REQUEST', { propertyName: name });
export const invalid = (name: string) => errorBody(400, '21000020', 'VALUE_INVALID', { propertyName: name });
