// Cases found by mutation testing (issue 14, `npm run mutation`): each pins a behaviour of
// `request()` that the other tests left open — the default backoff, what counts as success, and
// that nothing (a timer, an abort listener) outlives a finished request.
import { getEventListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { request, retryAfterMs } from '../../../src/core/http.js';
import { startLoopbackServer, type Answer, type LoopbackServer, type Received } from '../../helpers/loopback-server.js';

let server: LoopbackServer;
let base: string;
let seen: Received[];
let answer: Answer;

beforeAll(async () => {
  server = await startLoopbackServer((req, res, attempt) => answer(req, res, attempt));
  base = server.url;
  seen = server.received;
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
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
    // Only the timers this request starts (Baton's and ky's) are followed: a count of the process's
    // timers also sees earlier tests' timers fire while the request runs (a flake under load).
    const live = new Set<ReturnType<typeof setTimeout>>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const handle = realSet(() => {
        live.delete(handle);
        run(...args);
      }, ms);
      // Node's fetch (undici) keeps a shared tick timer of its own: not this request's.
      if (!/node:internal\/deps\/undici/.test(new Error().stack ?? '')) live.add(handle);
      return handle;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((handle) => {
      live.delete(handle as ReturnType<typeof setTimeout>);
      realClear(handle);
    });
    try {
      await request(`${base}/read`, { policy, timeoutMs: 60_000 });
    } finally {
      vi.mocked(globalThis.setTimeout).mockRestore();
      vi.mocked(globalThis.clearTimeout).mockRestore();
    }
    expect(live.size).toBe(0);
  });
});

describe('http: what is sent', () => {
  it('a text body or a FormData body makes a POST, sent as given', async () => {
    await request(`${base}/text`, { policy, body: 'plain words' });
    const form = new FormData();
    form.append('file', new Blob(['PNG']), 'a.png');
    form.append('token', 't1');
    await request(`${base}/upload`, { policy, body: form });
    expect(seen.map((s) => s.method)).toStrictEqual(['POST', 'POST']);
    expect(seen[0]!.body).toBe('plain words');
    expect(seen[1]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[1]!.body).toMatch(/name="file"; filename="a.png"[\s\S]*PNG[\s\S]*name="token"[\s\S]*t1/);
  });

  it('a body that is neither text nor FormData is a ValidationError, and nothing is sent', async () => {
    const error = await request(`${base}/x`, { policy, body: 42 as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toStrictEqual([{ path: 'body', message: 'expected FormData or text' }]);
    expect(seen).toHaveLength(0);
  });

  it('query parameters: undefined is left out, others are set over the URL\'s own', async () => {
    await request(`${base}/q?a=0&keep=1`, { policy, searchParams: { a: 1, skipped: undefined, flag: true } });
    expect(seen[0]!.url).toBe('/q?a=1&keep=1&flag=true');
  });

  it('headers are sent as given; headers that are not an object are a ValidationError', async () => {
    await request(`${base}/h`, { policy, headers: { 'X-Request-Id': 'r1', Accept: 'application/json' } });
    expect(seen[0]!.headers).toMatchObject({ 'x-request-id': 'r1', accept: 'application/json' });
    for (const headers of ['x: 1', 42]) {
      const error = await request(`${base}/h`, { policy, headers: headers as never }).catch((e: unknown) => e);
      expect((error as ValidationError).issues).toStrictEqual([{ path: 'headers', message: 'expected an object of names and values' }]);
    }
    expect(seen).toHaveLength(1);
  });
});

describe('http: which requests in flight are the same', () => {
  it('the same URL and body with another method or other headers is another request', async () => {
    answer = (_req, res) => setTimeout(() => res.end('ok'), 30);
    await Promise.all([
      request(`${base}/same`, { policy }),
      request(`${base}/same`, { policy, method: 'POST' }),
      request(`${base}/same`, { policy, headers: { 'x-attempt': '2' } }),
    ]);
    expect(seen.map((s) => `${s.method} ${s.headers['x-attempt'] ?? ''}`).sort()).toStrictEqual(['GET ', 'GET 2', 'POST ']);
  });

  it('headers cannot be run together to look like other headers', async () => {
    answer = (_req, res) => setTimeout(() => res.end('ok'), 30);
    await Promise.all([
      request(`${base}/h`, { policy, headers: { 'x-a': '1', 'x-b': '2' } }),
      request(`${base}/h`, { policy, headers: { 'x-a': '1x-b:2' } }),
    ]);
    expect(seen).toHaveLength(2);
  });

  it('two identical multipart uploads are both sent (a FormData body has no stable text to compare)', async () => {
    answer = (_req, res) => setTimeout(() => res.end('ok'), 30);
    const form = () => {
      const data = new FormData();
      data.append('token', 't1');
      return data;
    };
    await Promise.all([request(`${base}/up`, { policy, body: form() }), request(`${base}/up`, { policy, body: form() })]);
    expect(seen).toHaveLength(2);
  });

  it('when every caller has given up, the shared request is cancelled', async () => {
    let closed!: () => void;
    const cancelled = new Promise<void>((resolve) => (closed = resolve));
    answer = (_req, res) => {
      res.on('close', () => { if (!res.writableFinished) closed(); });
      setTimeout(() => res.end('late'), 3_000);
    };
    const [a, b] = [new AbortController(), new AbortController()];
    const first = request(`${base}/slow`, { policy, signal: a.signal });
    const second = request(`${base}/slow`, { policy, signal: b.signal });
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 20_000, interval: 5 });
    a.abort();
    b.abort();
    await expect(first).rejects.toMatchObject({ kind: 'aborted' });
    await expect(second).rejects.toMatchObject({ kind: 'aborted' });
    await cancelled;
    expect(seen).toHaveLength(1);
  });
});

describe('http: reading the answer', () => {
  it('a body that arrives slowly, within the time limit, is read whole', async () => {
    answer = (_req, res) => {
      res.write('first ');
      setTimeout(() => res.end('second'), 300);
    };
    await expect(request(`${base}/slowbody`, { policy, timeoutMs: 5_000 })).resolves.toMatchObject({ text: 'first second' });
  });

  it('a body that stalls past the time limit is a timeout, even after the headers came', async () => {
    answer = (_req, res) => {
      res.write('start');
      setTimeout(() => res.end('end'), 1_500);
    };
    // A rejection proves it: a read that waited for the end would have resolved with 'startend'.
    await expect(request(`${base}/stall`, { policy, timeoutMs: 300, retry: { limit: 0 } })).rejects.toMatchObject({ name: 'NetworkError', kind: 'timeout' });
  });

  it('an answer with no body is empty text', async () => {
    answer = (_req, res) => { res.statusCode = 204; res.end(); };
    await expect(request(`${base}/none`, { policy })).resolves.toMatchObject({ status: 204, text: '' });
  });

  it('a character split across chunks is decoded whole', async () => {
    answer = (_req, res) => {
      const bytes = Buffer.from('prix: 10 €', 'utf8');
      res.write(bytes.subarray(0, bytes.length - 2));
      setTimeout(() => res.end(bytes.subarray(bytes.length - 2)), 20);
    };
    await expect(request(`${base}/utf8`, { policy })).resolves.toMatchObject({ text: 'prix: 10 €' });
  });

  it('a streamed answer of exactly the cap is read; one byte more is "oversized", naming the cap', async () => {
    const stream = (size: number) => (_req: Received, res: ServerResponse) => {
      res.write('a'.repeat(size - 1));
      setTimeout(() => res.end('z'), 20);
    };
    answer = stream(1000);
    await expect(request(`${base}/cap`, { policy, maxBytes: 1000 })).resolves.toMatchObject({ text: `${'a'.repeat(999)}z` });
    answer = stream(1001);
    const error = await request(`${base}/cap2`, { policy, maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'oversized', status: 200, body: 'more than 1000 bytes' });
  });

  it('an oversized answer met while deciding on a retry is not retried', async () => {
    answer = (_req, res) => res.end('x'.repeat(2_000));
    await expect(request(`${base}/big`, { policy, maxBytes: 1_000, retry: { delayMs: () => 1 }, retryWhen: () => true })).rejects.toMatchObject({ kind: 'oversized' });
    expect(seen).toHaveLength(1);
  });

  it('the answer carries the URL it came from', async () => {
    await expect(request(`${base}/where?x=1`, { policy })).resolves.toMatchObject({ url: `${base}/where?x=1` });
  });

  it('a refused redirect says where it pointed', async () => {
    answer = (_req, res) => { res.writeHead(307, { location: 'https://elsewhere.example/x' }); res.end(); };
    const error = await request(`${base}/moved`, { policy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as UnsafeUrlError).reason).toBe('answered HTTP 307 (a redirect to https://elsewhere.example/x); Baton does not follow redirects');
    answer = (_req, res) => { res.writeHead(308); res.end(); };
    const bare = await request(`${base}/moved2`, { policy }).catch((e: unknown) => e);
    expect((bare as UnsafeUrlError).reason).toBe('answered HTTP 308 (a redirect); Baton does not follow redirects');
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates, never below zero', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(' 7 ')).toBe(7_000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    const ahead = retryAfterMs(new Date(Date.now() + 60_000).toUTCString())!;
    expect(ahead).toBeGreaterThan(55_000);
    expect(ahead).toBeLessThanOrEqual(60_000);
  });

  it("reads RFC 9110's asctime form (no zone: GMT), with a one- or two-digit day", () => {
    // RFC 9110 §5.6.7's own example, `Sun Nov  6 08:49:37 1994`, at a fixed "now".
    const now = Date.UTC(1994, 10, 6, 8, 49, 7);
    expect(retryAfterMs('Sun Nov  6 08:49:37 1994', now)).toBe(30_000);
    expect(retryAfterMs('Wed Nov 16 08:49:37 1994', Date.UTC(1994, 10, 16, 8, 49, 27))).toBe(10_000);
    expect(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(30_000);
  });

  it('a header sent twice (fetch joins the copies with ", ") is read: the longest wait wins', () => {
    expect(retryAfterMs('120, 120')).toBe(120_000);
    for (const header of ['5,120', '5, 120', '5 , 120', '55, 120', '5, 6, 120']) expect(retryAfterMs(header), header).toBe(120_000);
    // Only a whole list of seconds: anything before or after it is unreadable, never NaN.
    for (const header of ['x5, 120', '5, 120x', '5, , 120']) expect(retryAfterMs(header), header).toBeUndefined();
    const date = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(`${date}, ${date}`)).toBeGreaterThan(55_000);
    // Two different dates, or seconds beside a date, say nothing Baton can trust: the backoff.
    expect(retryAfterMs(`${date}, ${new Date(Date.now() + 5_000).toUTCString()}`)).toBeUndefined();
    expect(retryAfterMs(`120, ${date}`)).toBeUndefined();
  });

  it('absent or unreadable is undefined', () => {
    // Only plain digits are delay-seconds: hex, binary, octal or exponent notation is not.
    for (const header of [null, '', 'soon', '12abc', 'abc12', '0x10', '0b11', '0o7', '1e3']) expect(retryAfterMs(header), String(header)).toBeUndefined();
  });
});

describe('http: what a refusal carries', () => {
  it('an already aborted signal: the method, the URL and the reason', async () => {
    const reason = new Error('user left');
    const error = await request(`${base}/x?a=1`, { policy, json: {}, signal: AbortSignal.abort(reason) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', kind: 'aborted', method: 'POST', url: `${base}/x?a=1` });
    expect((error as NetworkError).cause).toBe(reason);
  });

  it('a timeout and a dropped connection keep the underlying error as the cause', async () => {
    // A server of its own: the request given up on may arrive after this test, and must not count in the next.
    const late = await startLoopbackServer((_req, res) => setTimeout(() => res.end('late'), 400));
    const timeout = await request(`${late.url}/slow`, { policy, timeoutMs: 50, retry: { limit: 0 } }).catch((e: unknown) => e);
    await late.close();
    expect(timeout).toMatchObject({ kind: 'timeout' });
    expect((timeout as NetworkError).cause).toBeInstanceOf(Error);
    answer = (_req, res) => res.socket?.destroy();
    const offline = await request(`${base}/drop`, { policy, retry: { limit: 0 } }).catch((e: unknown) => e);
    expect(offline).toMatchObject({ kind: 'offline' });
    expect((offline as NetworkError).cause).toBeInstanceOf(Error);
  });

  it('a secret says where it was: the query, a header, the body', async () => {
    const path = async (options: Parameters<typeof request>[1], url = `${base}/x`) =>
      ((await request(url, { policy, ...options }).catch((e: unknown) => e)) as SecretError).path;
    expect(await path({}, `${base}/x?control=k`)).toBe('url?control');
    expect(await path({ headers: { 'X-Merchant-Control': 'k' } })).toBe('headers.x-merchant-control');
    expect(await path({ json: { order: { loginPassword: 'p' } } })).toBe('body.order.loginPassword');
    expect(seen).toHaveLength(0);
  });

  it('a URL that cannot be used is quoted (at most 120 characters) under "request"', async () => {
    const long = `http://[${'a'.repeat(200)}`;
    const error = (await request(long, { policy }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^request: /);
    expect(error.issues).toStrictEqual([{ path: 'url', message: 'not a valid URL', received: long.slice(0, 120) }]);
    const number = (await request(42 as never, { policy }).catch((e: unknown) => e)) as ValidationError;
    expect(number.issues).toStrictEqual([{ path: 'url', message: 'not a valid URL', received: 'number' }]);
  });

  it('bodies that cannot be built are described', async () => {
    const issues = async (options: Parameters<typeof request>[1]) => {
      const error = (await request(`${base}/x`, { policy, ...options }).catch((e: unknown) => e)) as ValidationError;
      expect(error.message).toMatch(/^request: /);
      return error.issues;
    };
    const json = [{ path: 'json', message: 'cannot be sent as JSON' }];
    expect(await issues({ json: { n: 1n } })).toStrictEqual(json);
    // JSON.stringify gives undefined, not text, for a function.
    expect(await issues({ json: () => 1 })).toStrictEqual(json);
    expect(await issues({ form: 'a=1' as never })).toStrictEqual([{ path: 'form', message: 'expected an object of names and values' }]);
    expect(await issues({ body: 42 as never })).toStrictEqual([{ path: 'body', message: 'expected FormData or text' }]);
    expect(await issues({ searchParams: 'a=1' as never })).toStrictEqual([{ path: 'searchParams', message: 'expected an object of names and values' }]);
    expect(seen).toHaveLength(0);
  });
});

describe('http: in a page, a relative URL is resolved against it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('"/api/x" goes to the page\'s host; something that is not a URL is still refused', async () => {
    vi.stubGlobal('location', new URL(`${base}/shop/cart`));
    await expect(request('/api/x?y=1', { policy })).resolves.toMatchObject({ url: `${base}/api/x?y=1` });
    // A colon later in a relative URL does not make it absolute.
    await expect(request('/api/v1:batch', { policy })).resolves.toMatchObject({ url: `${base}/api/v1:batch` });
    await expect(request(undefined as never, { policy })).rejects.toBeInstanceOf(ValidationError);
    expect(seen.map((s) => s.url)).toStrictEqual(['/api/x?y=1', '/api/v1:batch']);
  });

  it('absolute input is checked as written: a host the parser would rewrite into an allowed one is refused, unsent', async () => {
    const port = new URL(base).port;
    for (const host of ['0x7f.0.0.1', '2130706433', '127.1', '0177.0.0.1', '127.0.0.1.']) {
      const error = await request(`http://${host}:${port}/x`, { policy }).catch((e: unknown) => e);
      expect(error, host).toBeInstanceOf(UnsafeUrlError);
    }
    // Relative input with characters a parser strips or turns into `/` never reaches the parser.
    vi.stubGlobal('location', new URL(`${base}/shop/cart`));
    for (const url of ['\\\\evil.example/x', '/\tapi', '/api\n/x']) {
      expect(await request(url, { policy }).catch((e: unknown) => e), JSON.stringify(url)).toBeInstanceOf(UnsafeUrlError);
    }
    expect(seen).toStrictEqual([]);
  });
});

describe('http: retries', () => {
  it('Retry-After on a 503 is waited for, instead of the backoff', async () => {
    answer = (_req, res, attempt) => {
      if (attempt === 1) { res.writeHead(503, { 'retry-after': '1' }); res.end(); return; }
      res.end('back');
    };
    await expect(request(`${base}/ra`, { policy, retry: { delayMs: () => 5 } })).resolves.toMatchObject({ text: 'back' });
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('a Retry-After over 30 s on a 503 fails at once', async () => {
    answer = (_req, res) => { res.writeHead(503, { 'retry-after': '120' }); res.end('busy'); };
    await expect(request(`${base}/busy`, { policy, retry: { delayMs: () => 5 } })).rejects.toMatchObject({ kind: 'http', status: 503, body: 'busy' });
    // One request: no wait, no retry (a wall-clock bound would be a flake on a loaded machine).
    expect(seen).toHaveLength(1);
  });

  it('Retry-After is not read on a 502: the backoff applies', async () => {
    answer = (_req, res, attempt) => {
      if (attempt === 1) { res.writeHead(502, { 'retry-after': '120' }); res.end(); return; }
      res.end('fine');
    };
    await expect(request(`${base}/gw`, { policy, retry: { delayMs: () => 5 } })).resolves.toMatchObject({ text: 'fine' });
    expect(seen).toHaveLength(2);
  });

  it('a redirect is never retried, even when its status is listed', async () => {
    answer = (_req, res) => { res.writeHead(307, { location: '/again' }); res.end(); };
    await expect(request(`${base}/loop`, { policy, retry: { statusCodes: [307], delayMs: () => 5 } })).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(seen).toHaveLength(1);
  });

  it('retryWhen is asked about accepted answers only: an error status is not retried through it', async () => {
    answer = (_req, res) => { res.statusCode = 500; res.end('down'); };
    const asked: number[] = [];
    await expect(
      request(`${base}/e`, { policy, retry: { limit: 2, delayMs: () => 5 }, retryWhen: (r) => (asked.push(r.status), true) }),
    ).rejects.toMatchObject({ kind: 'http', status: 500, body: 'down' });
    expect(seen).toHaveLength(1);
    expect(asked).toStrictEqual([]);
  });

  it('with retryWhen, a body that arrives slowly within the time limit is read whole', async () => {
    answer = (_req, res) => {
      res.write('-4');
      setTimeout(() => res.end('2 later'), 200);
    };
    await expect(request(`${base}/rw`, { policy, timeoutMs: 5_000, retryWhen: () => false })).resolves.toMatchObject({ text: '-42 later' });
  });

  it('an error page that arrives slowly is still quoted in the error', async () => {
    answer = (_req, res) => {
      res.writeHead(500);
      res.write('maint');
      setTimeout(() => res.end('enance'), 200);
    };
    await expect(request(`${base}/slowerr`, { policy, retry: { limit: 0 } })).rejects.toMatchObject({ kind: 'http', status: 500, body: 'maintenance' });
  });
});
