// One signed call to the Connect Server API. The URL, headers and body are built and checked
// first; then the exact bytes are signed and sent. A retry resends the same idempotence key.
import { NetworkError, ProviderError, ValidationError } from '../../core/errors.js';
import { assertSafeEndpoint } from '../endpoint.js';
import { configObject, own, secretOf } from '../config.js';
import { send, type FetchLike } from '../fetch.js';
import { toBase64, utf8 } from '../crypto.js';
import { v1HmacAuthorization } from './v1hmac.js';

export interface ConnectConfig {
  /** Your merchant id (PSPID) in Connect. */
  readonly merchantId: string;
  /** The API key id of the key pair from the Configuration Center. */
  readonly apiKeyId: string;
  /** The secret API key. From your configuration (env), never from a request. */
  readonly secretApiKey: string;
  /**
   * The Server API's base URL, e.g. Worldline's sandbox or live endpoint from your account's
   * documentation. https only (plain http on loopback, for a mock).
   */
  readonly endpoint: string;
  /** Per call. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Your own `fetch` (a proxy, a test). Default: the global one. */
  readonly fetch?: FetchLike;
  /** Shared state for kept `RETURNMAC`s. Default: in memory. */
  readonly store?: import('../store.js').BatonStore;
}

export interface ConnectCall {
  readonly method: 'GET' | 'POST';
  /** Under `/v1/{merchantId}`, e.g. `/sessions`. Ids in it are already percent-encoded. */
  readonly path: string;
  readonly body?: unknown;
  readonly idempotenceKey?: string;
  /** Resend (same key) this many times after a network failure or a 5xx. Default 0. */
  readonly retries?: number;
}

/** Checks the config once; returns a function that makes signed calls. */
export function connectApi(config: ConnectConfig): (call: ConnectCall) => Promise<{ status: number; body: any }> {
  configObject(config, 'connect config');
  const merchantId = secretOf(config, 'merchantId', 'connect config');
  const credentials = { apiKeyId: secretOf(config, 'apiKeyId', 'connect config'), secretApiKey: secretOf(config, 'secretApiKey', 'connect config') };
  const endpoint = assertSafeEndpoint(own(config, 'endpoint'), 'connect config.endpoint');
  const timeoutMs = own(config, 'timeoutMs') ?? 30_000;
  const fetchFn = own(config, 'fetch');
  // connect-sdk-nodejs sends X-GCS-ServerMetaInfo (base64 JSON) on every call; so does Baton.
  const meta = toBase64(utf8(JSON.stringify({ platformIdentifier: 'baton-sdk/server', sdkIdentifier: 'baton-sdk/server', sdkCreator: 'baton-sdk' })));

  return async (call) => {
    const url = new URL(`${endpoint.pathname.replace(/\/$/, '')}/v1/${encodeURIComponent(merchantId)}${call.path}`, endpoint);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const key = call.idempotenceKey;
    if (key !== undefined && !/^[\x21-\x7e]{1,64}$/.test(key)) {
      throw new ValidationError('Connect call', [{ path: 'idempotenceKey', message: 'must be 1–64 printable ASCII characters' }]);
    }
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers({ date: new Date().toUTCString(), 'x-gcs-servermetainfo': meta });
      if (body !== undefined) headers.set('content-type', 'application/json');
      if (key !== undefined) headers.set('x-gcs-idempotence-key', key);
      headers.set('authorization', await v1HmacAuthorization(credentials, { method: call.method, url, headers: [...headers].filter(([name]) => name !== 'authorization') }));
      const request = new Request(url, { method: call.method, headers, body });
      try {
        const answer = await send(fetchFn, request, timeoutMs);
        const parsed: unknown = answer.text ? safeJson(answer.text) : undefined;
        if (answer.status >= 200 && answer.status < 300) return { status: answer.status, body: parsed };
        if (answer.status >= 500 && attempt < (call.retries ?? 0)) continue;
        throw connectError(answer.status, parsed, request);
      } catch (error) {
        if (error instanceof NetworkError && error.kind !== 'oversized' && attempt < (call.retries ?? 0)) continue;
        throw error;
      }
    }
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Connect's error document (`ErrorResponse`: `errorId`, `errors[{ code, id, message, … }]`). */
function connectError(status: number, body: unknown, request: Request): Error {
  const errors = (body as { errors?: Array<{ code?: unknown; id?: unknown; message?: unknown }> } | undefined)?.errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  if (!first) return new NetworkError('http', { method: request.method, url: request.url }, { status, body: JSON.stringify(body ?? null).slice(0, 1000) });
  const code = typeof first.id === 'string' ? first.id : String(first.code ?? status);
  return new ProviderError('connect', code, typeof first.message === 'string' ? first.message : `HTTP ${status}`, { httpStatus: status, body });
}
