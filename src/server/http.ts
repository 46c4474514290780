// Answers of the Fetch-API handlers. `no-store`: nothing a handler says may be cached by a proxy.
const base = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...base, 'content-type': 'application/json; charset=utf-8', ...headers } });

export const textResponse = (body: string, status = 200, contentType = 'text/plain; charset=utf-8'): Response =>
  new Response(body, { status, headers: { ...base, 'content-type': contentType } });

/** 303 See Other: the browser follows with a GET, so a POSTed body is never sent on. */
export const seeOther = (location: string): Response => new Response(null, { status: 303, headers: { ...base, location } });

/** The fields of a urlencoded or multipart body, or of the query for GET; first value of a name wins. */
export async function readFields(request: Request): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  const add = (key: string, value: unknown) => {
    if (typeof value === 'string' && !fields.has(key)) fields.set(key, value);
  };
  if (request.method === 'GET' || request.method === 'HEAD') {
    for (const [key, value] of new URL(request.url).searchParams) add(key, value);
    return fields;
  }
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  // JSON by its type, or a JSON object sent as text/plain (a bare fetch of `JSON.stringify(…)`).
  if (type.includes('json') || (!type.includes('urlencoded') && text.trimStart().startsWith('{'))) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fields;
    }
    if (body && typeof body === 'object') for (const [key, value] of Object.entries(body)) add(key, typeof value === 'number' ? String(value) : value);
    return fields;
  }
  for (const [key, value] of new URLSearchParams(text)) add(key, value);
  return fields;
}
