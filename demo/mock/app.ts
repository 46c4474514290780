// One handler set for every mock: vite dev-server middleware (`npm run demo`) and a standalone
// server the tests start on a random loopback port (`startMockServer`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequest, json, type MockRequest, type MockResponse } from './http.js';
import { RequestLog } from './log.js';
import { merchantSecrets } from './secrets.js';
import { saspRoutes } from './sasp.js';
import { connectRoutes } from './connect.js';
import { sbcRoutes } from './sbc.js';
import { merchantRoutes } from './merchant.js';
import { connectServerApiRoutes } from './connect-server-api.js';
import { saspActionRoutes } from './sasp-actions.js';
import { merchantServerRoutes } from './merchant-server.js';
import { merchantConnectRoutes } from './merchant-connect.js';
import type { MockContext, Route } from './route.js';


export interface MockApp {
  readonly ctx: MockContext;
  /** Connect/express-style middleware; calls `next()` for paths no mock owns. */
  handle(req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void>;
}

/** Every route path starts with one of these; anything else belongs to the demo page server. */
// `/checkout/`: the mock MyCheckout page, where Worldline's hosted checkout URLs keep it.
// `/wallets/`: the stand-in Google Pay and Apple Pay scripts (demo/mock/connect-wallets.ts).
export const MOCK_PREFIXES = ['/sectigo/', '/connect/', '/checkout/', '/sbc/', '/merchant/', '/__mock/', '/wallets/'];

export function createMockApp(origin = 'http://127.0.0.1'): MockApp {
  const ctx: MockContext = { log: new RequestLog(), secrets: merchantSecrets, origin, state: new Map() };
  // The merchant server built on baton-sdk/server comes first: its routes are the ones served.
  const routes: Route[] = [...merchantServerRoutes(ctx), ...saspRoutes(ctx), ...connectRoutes(ctx), ...connectServerApiRoutes(ctx), ...saspActionRoutes(ctx), ...sbcRoutes(ctx), ...merchantRoutes(ctx), ...merchantConnectRoutes(ctx), ...frameRoutes(ctx)];

  async function handle(req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!MOCK_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      if (next) return next();
      return send(res, json({ error: 'not found' }, 404));
    }
    // Browser code on another origin (vitest's page) calls the mocks: CORS for the routes that allow it.
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-expose-headers': 'retry-after, location',
    };
    // The route on this path, whatever its method: a preflight asks about the method to come.
    const owner = routeOnPath(routes, path);
    const noCors = owner?.cors === false;
    // Without CORS, a preflight is answered as by a server that knows nothing of it: no CORS headers.
    if (req.method === 'OPTIONS') return send(res, noCors ? { status: 405, headers: { allow: owner!.method === '*' ? 'GET, POST' : owner!.method } } : { status: 204, headers: cors });

    const base = await readRequest(req, ctx.origin);
    const { route, params } = match(routes, base.method, path);
    let answer: MockResponse;
    try {
      answer = route ? await route.handle({ ...base, params }, ctx) : json({ error: `no mock for ${base.method} ${path}` }, 404);
    } catch (error) {
      answer = json({ error: String(error) }, 500);
    }
    // A provider called by Node's fetch (user agent `node`) was called by the merchant server, not a page.
    const fromServer = route?.server && route.server !== 'merchant' && req.headers['user-agent'] === 'node';
    if (route?.server) ctx.log.add({ server: route.server, method: base.method, path, status: answer.status ?? 200, fields: await loggedFields(base), ...(fromServer ? { note: 'server to server, from the merchant server' } : {}) });
    send(res, { ...answer, headers: noCors ? answer.headers : { ...cors, ...answer.headers } });
  }

  return { ctx, handle };
}

/** Starts the mocks on `127.0.0.1` and a free port. */
export async function startMockServer(): Promise<{ url: string; app: MockApp; close(): Promise<void> }> {
  const app = createMockApp();
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.ctx.origin = url;
  return {
    url,
    app,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function frameRoutes(ctx: MockContext): Route[] {
  return [
    // The request log, for the demo's "what went where" panel and for tests.
    { method: 'GET', path: '/__mock/log', handle: () => json(ctx.log.entries) },
    { method: 'POST', path: '/__mock/log/clear', handle: () => (ctx.log.clear(), json({ ok: true })) },
  ];
}

/** The first route on `path`, whatever its method: the one a preflight asks about. */
function routeOnPath(routes: Route[], path: string): Route | undefined {
  return routes.find((route) => match([route], route.method, path).route);
}

function match(routes: Route[], method: string, path: string): { route?: Route; params: Record<string, string> } {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== '*' && method !== '*' && route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    if (pattern.every((part, i) => (part.startsWith(':') ? ((params[part.slice(1)] = decodeURIComponent(segments[i]!)), true) : part === segments[i]))) {
      return { route, params };
    }
  }
  return { params: {} };
}

async function loggedFields(req: Omit<MockRequest, 'params'>): Promise<Record<string, string>> {
  const type = req.headers.get('content-type') ?? '';
  try {
    if (type.includes('json')) return flatten(req.json());
    if (type.includes('urlencoded') || type.includes('multipart') || req.method === 'GET') {
      const fields: Record<string, string> = {};
      for (const [key, value] of await req.formData()) fields[key] = typeof value === 'string' ? value : `[file ${value.name}, ${value.size} bytes]`;
      return fields;
    }
  } catch {
    // An unparsable body is logged as its size only.
  }
  return req.raw.length ? { body: `${req.raw.length} bytes` } : {};
}

function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix || 'body'] = String(value);
  }
  return out;
}

function send(res: ServerResponse, answer: MockResponse): void {
  res.writeHead(answer.status ?? 200, answer.headers);
  res.end(answer.body);
}
