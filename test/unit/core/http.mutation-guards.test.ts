// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of
// `request()` that the other tests left open — the default backoff, what counts as success, and
// that nothing (a timer, an abort listener) outlives a finished request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnsafeUrlError } from '../../../src/core/errors.js';
import { request } from '../../../src/core/http.js';

interface Seen {
  method: string;
  url: string;
  at: number;
  body: string;
  headers: IncomingMessage['headers'];
}

let server: Server;
let base: string;
let seen: Seen[] = [];
let answer: (req: Seen, res: ServerResponse, attempt: number) => void;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const entry = { method: req.method!, url: req.url!, at: Date.now(), body, headers: req.headers };
    seen.push(entry);
    answer(entry, res, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
beforeEach(() => {
  seen = [];
  answer = (_req, res) => res.end('ok');
});

const policy = { allowedHosts: ['127.0.0.1'] };

describe('http: the default backoff', () => {
  it('waits about 300 ms before the first retry and 600 ms before the second', async () => {
    answer = (_req, res, attempt) => {
      if (attempt < 3) { res.statusCode = 503; res.end(); return; }
      res.end('up');
    };
    await expect(request(`${base}/backoff`, { policy })).resolves.toMatchObject({ status: 200, text: 'up' });
    expect(seen).toHaveLength(3);
    const [first, second] = [seen[1]!.at - seen[0]!.at, seen[2]!.at - seen[1]!.at];
    expect(first).toBeGreaterThanOrEqual(280);
    expect(second).toBeGreaterThanOrEqual(580);
    // Not the next steps of the curve (1.2 s, 2.4 s) either: a loaded machine adds, it does not double.
    expect(second).toBeLessThan(2_000);
  });
});

describe('http: only 2xx is success', () => {
  it.each([300, 304, 399])('%i is not an answer', async (status) => {
    answer = (_req, res) => { res.statusCode = status; res.end(status === 304 ? undefined : 'body'); };
    const error = await request(`${base}/s${status}`, { policy, acceptStatus: () => true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
  });

  it('200 and 299 are answers', async () => {
    for (const status of [200, 299]) {
      answer = (_req, res) => { res.statusCode = status; res.end(`s${status}`); };
      await expect(request(`${base}/s${status}`, { policy })).resolves.toMatchObject({ status, text: `s${status}` });
    }
  });

  it('acceptStatus is asked only about 4xx and 5xx', async () => {
    const asked: number[] = [];
    answer = (_req, res) => { res.statusCode = 400; res.end('{"error":1}'); };
    await expect(request(`${base}/e`, { policy, acceptStatus: (status) => (asked.push(status), true) })).resolves.toMatchObject({ status: 400 });
    answer = (_req, res) => { res.statusCode = 302; res.setHeader('location', '/x'); res.end(); };
    await expect(request(`${base}/r`, { policy, acceptStatus: (status) => (asked.push(status), true) })).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(asked.every((status) => status === 400)).toBe(true);
  });
});

describe('http: nothing outlives a finished request', () => {
  it("the caller's abort listener is removed when the answer arrives, and when it fails", async () => {
    const controller = new AbortController();
    await request(`${base}/ok`, { policy, signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    answer = (_req, res) => { res.statusCode = 500; res.end(); };
    await request(`${base}/fail`, { policy, signal: controller.signal }).catch(() => undefined);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    // Aborting afterwards changes nothing: the request is over.
    controller.abort();
    expect(seen).toHaveLength(2);
  });

  it('the read deadline timer is cleared once the body is read', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    await request(`${base}/warm`, { policy });
    const before = timers();
    await request(`${base}/read`, { policy, timeoutMs: 60_000 });
    expect(timers()).toBe(before);
  });
});
