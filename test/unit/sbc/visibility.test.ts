// @vitest-environment happy-dom
// awaitFinalStatus pauses while the page is hidden: no question goes out until it is shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awaitFinalStatus } from '../../../src/sbc/index.js';

const START = new Date('2026-11-23T12:00:00.000Z').getTime();
const s = 1000;

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('awaitFinalStatus while the page is hidden', () => {
  it('asks nothing while hidden, and asks at once when shown', async () => {
    const times: number[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      times.push(Date.now() - START);
      if (times.length === 1) visibility = 'hidden'; // the payer switches tabs during the first question
      return new Response(JSON.stringify({ status: times.length >= 3 ? 'approved' : 'processing' }));
    });
    let result: unknown;
    void awaitFinalStatus({ statusUrl: `${location.origin}/status`, orderId: 'A1' }).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(60 * s);
    expect(times).toStrictEqual([0]);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toStrictEqual([0, 60 * s]);
    await vi.advanceTimersByTimeAsync(10 * s);
    expect(times).toStrictEqual([0, 60 * s, 64 * s]); // the schedule goes on: 3 s, then 4 s
    expect(result).toMatchObject({ status: 'approved' });
  });

  it('a page hidden from the start asks its first question when shown', async () => {
    const times: number[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      times.push(Date.now() - START);
      return new Response(JSON.stringify({ status: 'declined' }));
    });
    visibility = 'hidden';
    let result: unknown;
    void awaitFinalStatus({ statusUrl: '/status', orderId: 'A1' }).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(20 * s);
    expect(times).toStrictEqual([]);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toStrictEqual([20 * s]);
    expect(result).toMatchObject({ status: 'declined' });
  });

  it('a hidden page still stops at the deadline and on abort', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      visibility = 'hidden';
      return new Response(JSON.stringify({ status: 'processing' }));
    });
    let error: unknown;
    void awaitFinalStatus({ statusUrl: '/status', orderId: 'A1', timeoutMs: 30 * s }).catch((e: unknown) => (error = e));
    await vi.advanceTimersByTimeAsync(30 * s);
    expect(error).toMatchObject({ name: 'NetworkError', kind: 'timeout' });
    expect(fetch).toHaveBeenCalledTimes(1);

    const controller = new AbortController();
    let aborted: unknown;
    void awaitFinalStatus({ statusUrl: '/status', orderId: 'A1', signal: controller.signal }).catch((e: unknown) => (aborted = e));
    await vi.advanceTimersByTimeAsync(10 * s);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(aborted).toMatchObject({ name: 'NetworkError', kind: 'aborted' });
    expect(fetch).toHaveBeenCalledTimes(1); // still hidden: the second poll never asked
  });
});
