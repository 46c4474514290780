// Tiny request/response model for the mocks: a parsed request in, a plain answer out.
import type { IncomingMessage } from 'node:http';

export interface MockRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly raw: Buffer;
  /** Route parameters (`:id` in the route path). */
  readonly params: Record<string, string>;
  text(): string;
  json(): unknown;
  /** urlencoded or multipart body, or the query for GET. Field names are as sent. */
  formData(): Promise<FormData>;
}

export interface MockResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export const text = (body: string, status = 200, contentType = 'text/plain; charset=utf-8'): MockResponse => ({
  status,
  headers: { 'content-type': contentType },
  body,
});
export const json = (body: unknown, status = 200): MockResponse => text(JSON.stringify(body), status, 'application/json');
export const html = (body: string, status = 200): MockResponse => text(body, status, 'text/html; charset=utf-8');
export const redirect = (location: string, status = 303): MockResponse => ({ status, headers: { location } });
export const urlencoded = (fields: Record<string, string>, status = 200): MockResponse =>
  text(new URLSearchParams(fields).toString(), status, 'application/x-www-form-urlencoded');

export async function readRequest(req: IncomingMessage, origin: string): Promise<Omit<MockRequest, 'params'>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  const url = new URL(req.url ?? '/', origin);
  const method = req.method ?? 'GET';
  return {
    method,
    url,
    headers,
    raw,
    text: () => raw.toString('utf8'),
    json: () => JSON.parse(raw.toString('utf8')),
    // undici's Request parses urlencoded and multipart bodies exactly as a browser sends them.
    formData: async () => {
      if (method === 'GET' || method === 'HEAD') {
        const form = new FormData();
        for (const [key, value] of url.searchParams) form.append(key, value);
        return form;
      }
      return new Request(url, { method, headers, body: raw }).formData();
    },
  };
}
