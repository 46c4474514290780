// Issue 14: what leaves the page is exactly what was checked. Two real servers on loopback: the
// one the policy allows, and "elsewhere", which must never be contacted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { request } from '../../../src/core/http.js';
import { startLoopbackServer, type Answer, type LoopbackServer } from '../../helpers/loopback-server.js';

let allowed: LoopbackServer;
let elsewhere: LoopbackServer;
let base = '';
let other = '';
let answer: Answer = (_req, res) => res.end('ok');

beforeAll(async () => {
  allowed = await startLoopbackServer((req, res, count) => answer(req, res, count));
  elsewhere = await startLoopbackServer((_req, res) => res.end('{"errorCode":0,"data":{"stolen":true}}'));
  // Two hosts for one policy: 127.0.0.1 is allowed, localhost is "another host".
  base = allowed.url;
  other = `http://localhost:${elsewhere.port}`;
});
afterAll(async () => {
  await allowed.close();
  await elsewhere.close();
});
beforeEach(() => {
  allowed.received.length = 0;
  elsewhere.received.length = 0;
  answer = (_req, res) => res.end('ok');
});

const policy = { allowedHosts: ['127.0.0.1'] };

describe('redirects are never followed', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} from an allowed host to another host: the other host is never contacted`, async () => {
      answer = (_req, res) => {
        res.writeHead(status, { location: `${other}/steal` });
        res.end();
      };
      const error = await request(`${base}/status`, { policy, form: { saspSessionID: 'S1', orderNumber: '1' }, retry: { idempotent: true, delayMs: () => 1 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsafeUrlError);
      expect((error as UnsafeUrlError).reason).toMatch(/redirect/);
      expect(allowed.received).toHaveLength(1);
      expect(elsewhere.received).toHaveLength(0);
    });
  }

  it('a redirect to the same host is not followed either, and 3xx is never success', async () => {
    answer = (_req, res) => {
      res.writeHead(300, { location: '/other' });
      res.end('choose');
    };
    await expect(request(`${base}/x`, { policy, acceptStatus: () => true })).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(allowed.received.map((s) => s.url)).toStrictEqual(['/x']);
  });
});

describe('the URL policy is checked on the final URL', () => {
  it('a host off the policy is refused before anything is sent', async () => {
    await expect(request(`${other}/x`, { policy })).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(elsewhere.received).toHaveLength(0);
  });

  it('with no policy, only the page origin and loopback are allowed', async () => {
    await expect(request('https://evil.example/x')).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(request('data:application/json,{}')).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(request('javascript:alert(1)')).rejects.toBeInstanceOf(UnsafeUrlError);
  });
});

describe('secrets are checked in what is sent', () => {
  const variants = ['control', 'merchant_control', 'merchant[control]', 'control[]', 'merchant.control', 'LOGIN-PASSWORD', 'ｃｏｎｔｒｏｌ', 'x:loginPassword'];
  for (const key of variants) {
    it(`refuses "${key}" in the query string, a form body, a JSON body`, async () => {
      await expect(request(`${base}/x?${encodeURIComponent(key)}=k`, { policy })).rejects.toBeInstanceOf(SecretError);
      await expect(request(`${base}/x`, { policy, searchParams: { [key]: 'k' } })).rejects.toBeInstanceOf(SecretError);
      await expect(request(`${base}/x`, { policy, form: { [key]: 'k' } })).rejects.toBeInstanceOf(SecretError);
      await expect(request(`${base}/x`, { policy, json: { order: [{ [key]: 'k' }] } })).rejects.toBeInstanceOf(SecretError);
      await expect(request(`${base}/x`, { policy, body: `a=1&${encodeURIComponent(key)}=k` })).rejects.toBeInstanceOf(SecretError);
      expect(allowed.received).toHaveLength(0);
    });
  }

  it('a URLSearchParams subclass that hides its entries is checked by what it serialises to', async () => {
    class Sneaky extends URLSearchParams {
      override entries() {
        return new URLSearchParams('harmless=1').entries();
      }
      override keys() {
        return new URLSearchParams('harmless=1').keys();
      }
    }
    await expect(request(`${base}/x`, { policy, form: new Sneaky('control=k') })).rejects.toBeInstanceOf(SecretError);
    expect(allowed.received).toHaveLength(0);
  });

  it('a Proxy whose keys change after the check cannot smuggle a key: keys are read once and sent as read', async () => {
    let reads = 0;
    const body = new Proxy({} as Record<string, string>, {
      ownKeys: () => (reads++ === 0 ? ['amount'] : ['control']),
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: 'k' }),
      get: () => 'k',
    });
    await request(`${base}/x`, { policy, form: body }).catch(() => undefined);
    for (const seen of allowed.received) expect(seen.body).not.toMatch(/control/);
    await request(`${base}/y`, { policy, json: body }).catch(() => undefined);
    for (const seen of allowed.received) expect(seen.body).not.toMatch(/control/);
  });

  it('a header named like a secret is refused', async () => {
    await expect(request(`${base}/x`, { policy, headers: { 'X-Merchant-Control': 'k' } })).rejects.toBeInstanceOf(SecretError);
  });
});

describe('answers are capped', () => {
  it('stops reading a long answer at the cap, throws "oversized" and does not retry', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      // No content-length: the cap must hold while streaming.
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once('drain', pump);
        else res.end();
      };
      pump();
    };
    const error = await request(`${base}/big`, { policy, maxBytes: 256 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'oversized' });
    expect(allowed.received).toHaveLength(1);
  });

  it('refuses at once when content-length is over the cap', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
      res.write('x');
    };
    await expect(request(`${base}/declared`, { policy })).rejects.toMatchObject({ kind: 'oversized' });
    expect(allowed.received).toHaveLength(1);
  });

  it('reads an answer at the cap', async () => {
    answer = (_req, res) => res.end('y'.repeat(1000));
    await expect(request(`${base}/ok`, { policy, maxBytes: 1000 })).resolves.toMatchObject({ text: 'y'.repeat(1000) });
  });
});

describe('identical requests in flight share one', () => {
  it('two identical POSTs at once reach the server once and both get the answer', async () => {
    answer = (_req, res) => setTimeout(() => res.end('{"order":1}'), 50);
    const [a, b] = await Promise.all([
      request(`${base}/sale`, { policy, json: { amountCentis: 1042 } }),
      request(`${base}/sale`, { policy, json: { amountCentis: 1042 } }),
    ]);
    expect(a.text).toBe('{"order":1}');
    expect(b.text).toBe('{"order":1}');
    expect(allowed.received).toHaveLength(1);
  });

  it('different bodies are different requests; a later identical one is sent again', async () => {
    answer = (_req, res) => setTimeout(() => res.end('ok'), 20);
    await Promise.all([request(`${base}/sale`, { policy, json: { a: 1 } }), request(`${base}/sale`, { policy, json: { a: 2 } })]);
    await request(`${base}/sale`, { policy, json: { a: 1 } });
    expect(allowed.received.map((s) => s.body)).toStrictEqual(['{"a":1}', '{"a":2}', '{"a":1}']);
  });

  it("one caller's abort does not cancel the other's answer", async () => {
    const controller = new AbortController();
    // The first caller gives up once the server has the request, before it answers.
    answer = (_req, res) => {
      controller.abort();
      setTimeout(() => res.end('done'), 80);
    };
    const first = request(`${base}/sale`, { policy, json: { a: 1 }, signal: controller.signal });
    const second = request(`${base}/sale`, { policy, json: { a: 1 } });
    await expect(first).rejects.toMatchObject({ kind: 'aborted' });
    await expect(second).resolves.toMatchObject({ text: 'done' });
    expect(allowed.received).toHaveLength(1);
  });
});

describe('only BatonErrors', () => {
  it('a body too deep to serialise, a BigInt, a throwing getter', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const throwing = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom'); } });
    for (const json of [deep, { n: 1n }, throwing]) {
      await expect(request(`${base}/x`, { policy, json })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(allowed.received).toHaveLength(0);
  });

  it('a URL that is not a string or URL', async () => {
    await expect(request(42 as unknown as string, { policy })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('an error page in the error', () => {
  it('keeps the first 4 KiB of a long error page, read without reading the rest', async () => {
    answer = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end(`<h1>Oops</h1>${'x'.repeat(100_000)}`);
    };
    const error = await request(`${base}/broken`, { policy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).status).toBe(500);
    expect((error as NetworkError).body).toBe(`<h1>Oops</h1>${'x'.repeat(4096 - 13)}`);
  });
});
