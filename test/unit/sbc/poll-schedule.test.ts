// awaitFinalStatus against a fake clock: the times at which questions went out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../../../src/core/errors.js';
import { awaitFinalStatus } from '../../../src/sbc/index.js';

const START = new Date('2026-11-23T12:00:00.000Z').getTime();
const statusUrl = 'http://127.0.0.1:9/merchant/status';
const s = 1000;
const min = 60 * s;

/** Answers questions in turn (the last one repeats) and records when each was asked, in ms from START. */
function server(...answers: Array<() => Response>) {
  const times: number[] = [];
  const urls: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    times.push(Date.now() - START);
    urls.push(input instanceof Request ? input.url : String(input));
    return answers[Math.min(times.length - 1, answers.length - 1)]!();
  });
  return { times, urls };
}
const processing = () => new Response(JSON.stringify({ status: 'processing' }));
const approved = () => new Response(JSON.stringify({ status: 'approved' }));
const busy = (status: number, retryAfter?: string) => () =>
  new Response('busy', { status, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });

/** Starts polling and lets the fake clock run `ms`; returns what the promise settled with. */
async function run(options: Partial<Parameters<typeof awaitFinalStatus>[0]>, ms: number) {
  let settled: { value?: unknown; error?: unknown; at?: number } = {};
  awaitFinalStatus({ statusUrl, orderId: 'ORD-1', ...options }).then(
    (value) => (settled = { value, at: Date.now() - START }),
    (error: unknown) => (settled = { error, at: Date.now() - START }),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

beforeEach(() => {
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('awaitFinalStatus follows the documented schedule', () => {
  it('every 3–5 s for 5 minutes, then every 5–10 minutes, for an hour', async () => {
    const { times, urls } = server(processing);
    const result = await run({}, 61 * min);
    const quick = [0, 3 * s, 7 * s, ...Array.from({ length: 58 }, (_, i) => 12 * s + i * 5 * s)]; // … 297 s
    const slow = [302, 602, 1052, 1652, 2252, 2852, 3452].map((t) => t * s);
    expect(times).toStrictEqual([...quick, ...slow]);
    expect(result.error).toBeInstanceOf(NetworkError);
    expect(result.error).toMatchObject({ kind: 'timeout' });
    expect(result.at).toBe(60 * min);
    expect(new Set(urls)).toStrictEqual(new Set([`${statusUrl}?orderId=ORD-1`]));
  });

  it('a shorter deadline of the caller wins', async () => {
    const { times } = server(processing);
    const result = await run({ timeoutMs: 10 * s }, 20 * s);
    expect(times).toStrictEqual([0, 3 * s, 7 * s]);
    expect(result).toMatchObject({ error: { kind: 'timeout' }, at: 10 * s });
  });

  it('returns as soon as the answer is final', async () => {
    const { times } = server(processing, processing, approved);
    const result = await run({}, min);
    expect(times).toStrictEqual([0, 3 * s, 7 * s]);
    expect(result).toMatchObject({ value: { status: 'approved', orderId: 'ORD-1' }, at: 7 * s });
  });

  it('reads the status trimmed and in lower case, and keeps the rest of the answer', async () => {
    const progress: unknown[] = [];
    server(() => new Response(JSON.stringify({ status: ' Processing ' })), () => new Response(JSON.stringify({ status: ' APPROVED', orderId: 7, extra: 'x' })));
    const result = await run({ onProgress: (answer) => progress.push(answer) }, min);
    expect(progress).toStrictEqual([{ status: 'processing' }]);
    expect(result.value).toStrictEqual({ status: 'approved', orderId: 'ORD-1', answer: { status: 'approved', orderId: 7, extra: 'x' } });
  });

  it('scales the quick phase from intervalMs', async () => {
    const { times } = server(processing, processing, processing, processing, approved);
    await run({ intervalMs: 6 * s }, min);
    expect(times).toStrictEqual([0, 6 * s, 14 * s, 24 * s, 34 * s]);
  });
});

describe('awaitFinalStatus honours Retry-After on 429 and 503', () => {
  it('waits the seconds a 429 asks for', async () => {
    const { times } = server(busy(429, '20'), processing, approved);
    const result = await run({}, min);
    expect(times).toStrictEqual([0, 20 * s, 24 * s]);
    expect(result).toMatchObject({ value: { status: 'approved' } });
  });

  it('waits until the HTTP date a 503 names', async () => {
    const { times } = server(busy(503, new Date(START + 45 * s).toUTCString()), approved);
    await run({}, min);
    expect(times).toStrictEqual([0, 45 * s]);
  });

  it('never asks sooner than the schedule, even when Retry-After is shorter', async () => {
    const { times } = server(busy(503, '1'), approved);
    await run({}, min);
    expect(times).toStrictEqual([0, 3 * s]);
  });

  it('keeps the schedule for a 429 without Retry-After, and ignores Retry-After on other statuses', async () => {
    const { times } = server(busy(429), busy(502, '120'), approved);
    await run({}, min);
    expect(times).toStrictEqual([0, 3 * s, 7 * s]);
  });

  it('fails at once when Retry-After points past the deadline', async () => {
    const { times } = server(busy(429, '600'));
    const result = await run({ timeoutMs: 5 * min }, 10 * min);
    expect(times).toStrictEqual([0]);
    expect(result).toMatchObject({ error: { name: 'NetworkError', kind: 'http', status: 429 }, at: 0 });
  });

  it('an unreadable Retry-After is ignored', async () => {
    const { times } = server(busy(503, 'soon'), approved);
    await run({}, min);
    expect(times).toStrictEqual([0, 3 * s]);
  });
});

describe('awaitFinalStatus measures on a monotonic clock (issue 23)', () => {
  for (const jump of [2 * 3600_000, -2 * 3600_000]) {
    it(`a wall clock set ${jump > 0 ? 'forward' : 'back'} by 2 h while polling changes no wait and no deadline`, async () => {
      const asked: number[] = [];
      vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
        asked.push(performance.now());
        return processing();
      });
      const origin = performance.now();
      let settled: { error?: unknown; at?: number } = {};
      awaitFinalStatus({ statusUrl, orderId: 'ORD-1', timeoutMs: 10 * min }).catch((error: unknown) => (settled = { error, at: performance.now() - origin }));
      await vi.advanceTimersByTimeAsync(5 * s);
      vi.setSystemTime(Date.now() + jump);
      await vi.advanceTimersByTimeAsync(11 * min);
      const quick = [0, 3 * s, 7 * s, ...Array.from({ length: 58 }, (_, i) => 12 * s + i * 5 * s)];
      expect(asked.map((t) => t - origin)).toStrictEqual([...quick, 302 * s]);
      expect(settled).toMatchObject({ error: { kind: 'timeout' }, at: 10 * min });
    });
  }
});

describe('awaitFinalStatus stops when the signal aborts', () => {
  it('between questions: no further question, aborted at once', async () => {
    const { times } = server(processing);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5 * s);
    const result = await run({ signal: controller.signal }, min);
    expect(times).toStrictEqual([0, 3 * s]);
    expect(result).toMatchObject({ error: { name: 'NetworkError', kind: 'aborted' }, at: 5 * s });
  });

  it('already aborted: nothing is asked', async () => {
    const { times } = server(processing);
    const result = await run({ signal: AbortSignal.abort() }, min);
    expect(times).toStrictEqual([]);
    expect(result).toMatchObject({ error: { kind: 'aborted' }, at: 0 });
  });
});
