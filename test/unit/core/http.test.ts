import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, SecretError, ValidationError } from '../../../src/core/errors.js';
import { request } from '../../../src/core/http.js';
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

const fast = { delayMs: () => 10 };

/**
 * Runs `test` against a server of its own that answers after `delayMs`. A request the client gives
 * up on may still reach a server after the test has ended; on the shared server it would count as
 * the next test's first request.
 */
async function withLateServer(delayMs: number, test: (late: LoopbackServer) => Promise<void>): Promise<void> {
  const late = await startLoopbackServer((_req, res) => setTimeout(() => res.end('late'), delayMs));
  try {
    await test(late);
  } finally {
    await late.close();
  }
}

describe('http', () => {
  it('sends urlencoded forms and returns status, headers and text', async () => {
    answer = (_req, res) => { res.setHeader('x-test', 'yes'); res.end('errorCode=0'); };
    const response = await request(`${base}/form`, { form: { a: 'x y', b: 2, skipped: undefined } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/form', body: 'a=x+y&b=2' });
    expect(seen[0]!.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
    expect(response).toMatchObject({ status: 200, text: 'errorCode=0' });
    expect(response.headers.get('x-test')).toBe('yes');
  });

  it('sends JSON bodies and query parameters', async () => {
    await request(`${base}/json`, { json: { a: 1 }, searchParams: { q: 'é' } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/json?q=%C3%A9', body: '{"a":1}' });
    expect(seen[0]!.headers['content-type']).toMatch(/application\/json/);
  });

  it('maps HTTP errors to NetworkError with the status and body', async () => {
    answer = (_req, res) => { res.statusCode = 400; res.end('nope'); };
    const error = await request(`${base}/bad`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'http', status: 400, body: 'nope', method: 'GET' });
  });

  it('returns accepted error statuses so the caller can read the provider error document', async () => {
    answer = (_req, res) => { res.statusCode = 404; res.end('{"errorId":"x"}'); };
    const response = await request(`${base}/err`, { acceptStatus: (status) => status >= 400 });
    expect(response).toMatchObject({ status: 404, text: '{"errorId":"x"}' });
  });

  it('retries a GET on 503 honouring Retry-After, then succeeds', async () => {
    answer = (_req, res, attempt) => {
      if (attempt === 1) { res.statusCode = 503; res.setHeader('retry-after', '0'); res.end(); return; }
      res.end('fine');
    };
    const response = await request(`${base}/flaky`, { retry: fast });
    expect(response.text).toBe('fine');
    expect(seen).toHaveLength(2);
  });

  it('fails at once when Retry-After asks for longer than 30 s', async () => {
    answer = (_req, res) => { res.statusCode = 429; res.setHeader('retry-after', '120'); res.end('slow down'); };
    await expect(request(`${base}/limited`, { retry: fast })).rejects.toMatchObject({ kind: 'http', status: 429, body: 'slow down' });
    expect(seen).toHaveLength(1);
  });

  it('reads Retry-After as an HTTP date', async () => {
    answer = (_req, res, attempt) => {
      if (attempt === 1) { res.statusCode = 503; res.setHeader('retry-after', new Date(Date.now() - 1000).toUTCString()); res.end(); return; }
      res.end('back');
    };
    await expect(request(`${base}/dated`, { retry: { delayMs: () => 60_000 } })).resolves.toMatchObject({ text: 'back' });
    expect(seen).toHaveLength(2);
  });

  it('does not retry statuses outside statusCodes', async () => {
    answer = (_req, res) => { res.statusCode = 500; res.end(); };
    await expect(request(`${base}/broken`, { retry: fast })).rejects.toMatchObject({ kind: 'http', status: 500 });
    expect(seen).toHaveLength(1);
  });

  it('an abort during the backoff wait ends with "aborted" and no further attempt', async () => {
    answer = (_req, res) => { res.statusCode = 502; res.end(); };
    const controller = new AbortController();
    const pending = request(`${base}/down`, { signal: controller.signal, retry: { delayMs: () => 5_000 } });
    // Once the first attempt has reached the server (not after a fixed 100 ms a loaded machine may miss).
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 20_000, interval: 5 });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    await expect(request(`${base}/x`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen).toHaveLength(0);
  });

  it('a POST whose connection dropped is not sent again, even with a retry limit', async () => {
    answer = (_req, res) => res.socket?.destroy();
    await expect(request(`${base}/sale`, { json: {}, retry: { ...fast, limit: 2 } })).rejects.toMatchObject({ kind: 'offline' });
    expect(seen).toHaveLength(1);
  });

  it('a GET whose connection dropped is retried within its limit', async () => {
    answer = (_req, res, attempt) => (attempt === 1 ? res.socket?.destroy() : res.end('again'));
    await expect(request(`${base}/read`, { retry: fast })).resolves.toMatchObject({ text: 'again' });
    expect(seen).toHaveLength(2);
  });

  it('stops retrying at the limit and reports the last status', async () => {
    answer = (_req, res) => { res.statusCode = 502; res.end(); };
    const error = await request(`${base}/down`, { retry: { ...fast, limit: 2 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 502 });
    expect(seen).toHaveLength(3);
  });

  it('never retries a POST that may have taken effect unless told it is idempotent', async () => {
    answer = (_req, res) => { res.statusCode = 503; res.end(); };
    await expect(request(`${base}/pay`, { json: {}, retry: fast })).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(1);
    seen.length = 0;
    await expect(request(`${base}/read`, { json: {}, retry: { ...fast, idempotent: true, limit: 1 } })).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(2);
  });

  it('retryWhen repeats on a body-level code, bounded, and returns the last answer', async () => {
    answer = (_req, res) => res.end('-42\nCall limit reached!');
    const response = await request(`${base}/limited`, {
      form: { SID: '1' },
      retry: { ...fast, idempotent: true, limit: 3 },
      retryWhen: (res) => res.text.startsWith('-42'),
    });
    expect(response.text).toBe('-42\nCall limit reached!');
    expect(seen).toHaveLength(4);
  });

  it('times out with NetworkError kind "timeout"', () =>
    withLateServer(500, async (late) => {
      await expect(request(`${late.url}/slow`, { timeoutMs: 50, retry: { limit: 0 } })).rejects.toMatchObject({ name: 'NetworkError', kind: 'timeout' });
    }));

  it('does not retry a POST that timed out (it may have taken effect), but retries an idempotent one', () =>
    withLateServer(300, async (late) => {
      await expect(request(`${late.url}/sale`, { json: {}, timeoutMs: 50, retry: { ...fast, limit: 2 } })).rejects.toMatchObject({ kind: 'timeout' });
      expect(late.received).toHaveLength(1);
      late.received.length = 0;
      await expect(request(`${late.url}/read`, { json: {}, timeoutMs: 50, retry: { ...fast, limit: 1, idempotent: true } })).rejects.toMatchObject({ kind: 'timeout' });
      // The retry may reach the server after the client has given up on it: wait for it, not 50 ms.
      await vi.waitFor(() => expect(late.received).toHaveLength(2), { timeout: 20_000, interval: 5 });
    }));

  it('reports an abort as NetworkError kind "aborted"', async () => {
    const controller = new AbortController();
    // Aborted once the server has the request: waiting for the answer, whatever the machine's load.
    answer = (_req, res) => {
      controller.abort();
      setTimeout(() => res.end('late'), 500);
    };
    await expect(request(`${base}/slow`, { signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('reports a refused connection as NetworkError kind "offline"', async () => {
    await expect(request('http://127.0.0.1:9/', { retry: { limit: 0 } })).rejects.toMatchObject({ kind: 'offline' });
  });

  it('a URL that does not parse is a ValidationError, at once and without a retry', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const error = await request('http://[not-a-host/x').catch((e: unknown) => e);
    const calls = fetchSpy.mock.calls.length;
    fetchSpy.mockRestore();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ issues: [{ path: 'url', message: 'not a valid URL' }] });
    expect(calls).toBe(0);
  });

  it('refuses bodies carrying merchant secrets before anything is sent', async () => {
    await expect(request(`${base}/x`, { form: { loginName: 'a', loginPassword: 'b' } })).rejects.toBeInstanceOf(SecretError);
    await expect(request(`${base}/x`, { json: { order: { merchant_control: 'k' } } })).rejects.toBeInstanceOf(SecretError);
    expect(seen).toHaveLength(0);
  });
});

describe('http: waiting is bounded, whatever the server says (issue 23)', () => {
  const backoff = vi.fn(() => 10);
  beforeEach(() => backoff.mockClear());

  it('an unreadable or odd Retry-After, or RateLimit-Reset / X-RateLimit-Reset alone, waits the normal backoff', async () => {
    const odd: Record<string, string>[] = [
      { 'retry-after': 'soon' },
      { 'retry-after': '1e3' },
      { 'retry-after': '0x20' },
      { 'retry-after': '-5' },
      { 'retry-after': 'Fri, 32 Feb 2026 10:00:00 GMT' },
      { 'ratelimit-reset': '600' },
      { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
    ];
    for (const headers of odd) {
      seen.length = 0;
      backoff.mockClear();
      answer = (_req, res, attempt) => (attempt === 1 ? res.writeHead(503, headers).end() : res.end('back'));
      // A wait longer than the backoff would outlast the test's own 5 s timeout.
      await expect(request(`${base}/odd`, { retry: { delayMs: backoff } }), JSON.stringify(headers)).resolves.toMatchObject({ text: 'back' });
      expect(seen, JSON.stringify(headers)).toHaveLength(2);
      expect(backoff, JSON.stringify(headers)).toHaveBeenCalledTimes(1);
    }
  });

  it('a date in the past is no wait at all, never a wrapped timer', async () => {
    answer = (_req, res, attempt) => (attempt === 1 ? res.writeHead(429, { 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' }).end() : res.end('back'));
    await expect(request(`${base}/past`, { retry: { delayMs: () => 60_000 } })).resolves.toMatchObject({ text: 'back' });
  });

  it('any spelling meaning "more than 30 s" fails at once, with retryAfterMs', async () => {
    const now = Date.now();
    const [, day, month, year, time] = new Date(now + 3600_000).toUTCString().split(' ') as [string, string, string, string, string];
    const weekday = new Date(now + 3600_000).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
    const spellings = [
      '31',
      ' 0000120 ',
      '99999999999999999999',
      new Date(now + 120_000).toUTCString(),
      `${weekday}, ${day}-${month}-${year.slice(2)} ${time} GMT`, // RFC 850
      `${weekday.slice(0, 3)} ${month} ${day.replace(/^0/, ' ')} ${time} ${year}`, // asctime
    ];
    for (const value of spellings) {
      seen.length = 0;
      answer = (_req, res) => res.writeHead(429, { 'retry-after': value }).end('slow down');
      const error = await request(`${base}/limited`, { retry: fast }).catch((e: unknown) => e);
      expect(error, value).toMatchObject({ name: 'NetworkError', kind: 'http', status: 429 });
      expect((error as NetworkError).retryAfterMs, value).toBeGreaterThan(30_000);
      expect(seen, value).toHaveLength(1);
    }
  });
});

describe('http: requests in flight are shared fairly (issue 23)', () => {
  it('shares only when every option that changes the result is equal', async () => {
    answer = (_req, res) => res.writeHead(404).end('missing, and longer than five bytes');
    const url = `${base}/same`;
    const [small, accepting, plain] = await Promise.allSettled([
      request(url, { maxBytes: 5, acceptStatus: () => true }),
      request(url, { acceptStatus: (status) => status === 404 }),
      request(url),
    ]);
    expect(small).toMatchObject({ status: 'rejected', reason: { kind: 'oversized' } });
    expect(accepting).toMatchObject({ status: 'fulfilled', value: { status: 404 } });
    expect(plain).toMatchObject({ status: 'rejected', reason: { kind: 'http', status: 404 } });
    expect(seen).toHaveLength(3);
  });

  it('a different retry or timeout is a different request', async () => {
    answer = (_req, res) => (seen.length === 1 ? res.writeHead(503).end() : res.end('fine'));
    const url = `${base}/retry`;
    const [none, once] = await Promise.allSettled([request(url, { retry: { limit: 0 } }), request(url, { retry: { ...fast, limit: 1 } })]);
    expect(none).toMatchObject({ status: 'rejected', reason: { status: 503 } });
    expect(once).toMatchObject({ status: 'fulfilled', value: { text: 'fine' } });
  });

  it('one caller abort never fails another, and abort-then-ask-again in the same tick gets a fresh answer', async () => {
    answer = (_req, res) => res.end(`answer ${seen.length}`);
    const url = `${base}/shared`;
    const first = new AbortController();
    const a = request(url, { signal: first.signal });
    const b = request(url, { signal: new AbortController().signal });
    first.abort();
    await expect(a).rejects.toMatchObject({ kind: 'aborted' });
    await expect(b).resolves.toMatchObject({ status: 200 });

    // StrictMode: mount, unmount (abort), mount again, all in one tick.
    const again = new AbortController();
    const gone = request(`${url}?strict`, { signal: again.signal });
    again.abort();
    const fresh = request(`${url}?strict`);
    await expect(gone).rejects.toMatchObject({ kind: 'aborted' });
    await expect(fresh).resolves.toMatchObject({ status: 200 });
  });

  it('a joining caller’s own signal works', async () => {
    let release!: () => void;
    answer = (_req, res) => void (release = () => res.end('late'));
    const url = `${base}/join`;
    const starter = request(url);
    const joiner = new AbortController();
    const joined = request(url, { signal: joiner.signal });
    joiner.abort();
    await expect(joined).rejects.toMatchObject({ kind: 'aborted' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    release();
    await expect(starter).resolves.toMatchObject({ text: 'late' });
  });
});

describe('http: a request that got no answer says what is most likely wrong (issue 23)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('while the browser is online, the message names CORS; offline keeps "offline"', async () => {
    const closed = 'http://127.0.0.1:9/nothing-listens-here';
    vi.stubGlobal('navigator', { onLine: true });
    const cors = await request(closed, { retry: { limit: 0 } }).catch((e: unknown) => e);
    expect(cors).toMatchObject({ name: 'NetworkError', kind: 'offline' });
    expect((cors as Error).message).toMatch(/most likely CORS/);
    vi.stubGlobal('navigator', { onLine: false });
    const offline = await request(closed, { retry: { limit: 0 } }).catch((e: unknown) => e);
    expect(offline).toMatchObject({ name: 'NetworkError', kind: 'offline' });
    expect((offline as Error).message).toMatch(/browser is offline/);
    expect((offline as Error).message).not.toMatch(/CORS/);
  });
});
