// -42 (call limit): Baton never hammers. The call is not retried; the ProviderError says how long
// to wait (retryAfterMs), and no second request reaches Sectigo within 10 s, whatever the caller does.
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { CALL_LIMIT_WAIT_MS, ProviderError, getPostPaymentStatus, parseSessionResponse, parseStatusResponse } from '../../../src/sasp/index.js';

const mockUrl = inject('mockUrl');
const allowedHosts = ['127.0.0.1', 'localhost'];

async function session(orderNumber: string): Promise<{ sid: string; orderNumber: string }> {
  const body = await (await fetch(`${mockUrl}/merchant/sasp/session`, { method: 'POST', body: new URLSearchParams({ orderNumber }) })).text();
  const parsed = parseSessionResponse(body, { format: 0 });
  return { sid: parsed.sid, orderNumber: parsed.orderNumber ?? orderNumber };
}
async function callsFor(sid: string): Promise<number> {
  const stats = (await (await fetch(`${mockUrl}/sectigo/__stats`)).json()) as { statusCallsBySession: Record<string, number> };
  return stats.statusCallsBySession[sid] ?? 0;
}
/** Each test its own endpoint URL (the quiet period is per endpoint); the mock routes by path. */
const endpointFor = (name: string) => `${mockUrl}/sectigo/products/!getPostPaymentStatus?case=${name}`;

afterEach(() => vi.useRealTimers());

describe('getPostPaymentStatus and -42 (call limit)', () => {
  it('is not retried: one request, then a ProviderError with retryAfterMs ≥ 10 s', async () => {
    const { sid, orderNumber } = await session('4242');
    const error = await getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint: endpointFor('once'), allowedHosts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'sasp', code: -42, providerMessage: 'Call limit reached! Please try again later.' });
    expect((error as ProviderError).retryAfterMs).toBeGreaterThanOrEqual(10_000);
    expect(await callsFor(sid)).toBe(1);
  });

  it('sends no second call within 10 s, even when the caller asks at once; calls again after', async () => {
    // Only the clocks are faked (wall and monotonic, moved together): the requests are real, to the mock.
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const start = Date.now();
    const at = (ms: number) => vi.advanceTimersByTime(start + ms - Date.now());
    const { sid, orderNumber } = await session('4243'); // -42 twice per session, then the status
    const ask = () => getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint: endpointFor('quiet'), allowedHosts }).catch((e: unknown) => e);

    expect(await ask()).toMatchObject({ code: -42, retryAfterMs: CALL_LIMIT_WAIT_MS });
    expect(await callsFor(sid)).toBe(1);

    for (const after of [0, 1_000, 5_000, 9_999]) {
      at(after);
      const error = await ask();
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: -42 });
      // What is left to wait, never more than the limit and never nothing.
      expect((error as ProviderError).retryAfterMs).toBe(CALL_LIMIT_WAIT_MS - after);
      expect(await callsFor(sid)).toBe(1);
    }

    at(10_000);
    expect(await ask()).toMatchObject({ code: -42 });
    expect(await callsFor(sid)).toBe(2);

    at(15_000);
    expect(await ask()).toMatchObject({ code: -42 });
    expect(await callsFor(sid)).toBe(2);

    at(20_000);
    const status = await ask();
    expect(status).toMatchObject({ orderNumber: '4243' });
    expect(await callsFor(sid)).toBe(3);
  });

  it('a naive caller retrying every 500 ms still sends only 3 calls in 20 s, 10 s apart', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const { sid, orderNumber } = await session('4243');
    const sent: number[] = [];
    const start = Date.now();
    let result: unknown;
    // A naive poller that ignores retryAfterMs and asks again every 500 ms.
    for (let i = 0; i < 80 && !result; i++) {
      const before = await callsFor(sid);
      const answer = await getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint: endpointFor('poller'), allowedHosts, timeoutMs: 60_000 }).catch((e: unknown) => e);
      if ((await callsFor(sid)) > before) sent.push(Date.now() - start);
      if (!(answer instanceof ProviderError)) result = answer;
      else vi.advanceTimersByTime(500);
    }
    expect(result).toMatchObject({ orderNumber: '4243' });
    expect(sent).toHaveLength(3);
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(10_000);
    expect(sent[2]! - sent[1]!).toBeGreaterThanOrEqual(10_000);
  });

  it('a wall clock set back or forward by 2 h after a -42 changes nothing: the wait is on the monotonic clock', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const { sid, orderNumber } = await session('4243');
    const ask = () => getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint: endpointFor('clock'), allowedHosts }).catch((e: unknown) => e);
    expect(await ask()).toMatchObject({ code: -42 });
    vi.setSystemTime(Date.now() + 2 * 3600_000); // forward: still quiet
    expect(await ask()).toMatchObject({ code: -42, retryAfterMs: CALL_LIMIT_WAIT_MS });
    vi.setSystemTime(Date.now() - 4 * 3600_000); // back: no longer wait
    vi.advanceTimersByTime(4_000);
    expect(await ask()).toMatchObject({ code: -42, retryAfterMs: CALL_LIMIT_WAIT_MS - 4_000 });
    expect(await callsFor(sid)).toBe(1);
    vi.advanceTimersByTime(6_000);
    expect(await ask()).toMatchObject({ code: -42 });
    expect(await callsFor(sid)).toBe(2);
  });

  it('parseStatusResponse also carries the hint (for an answer read by other means)', () => {
    const error = (() => {
      try {
        parseStatusResponse('{"errorCode":-42,"errorMessage":"Call limit reached! Please try again later","data":{}}');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: -42, retryAfterMs: CALL_LIMIT_WAIT_MS });
  });
});
