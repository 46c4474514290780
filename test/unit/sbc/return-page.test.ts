import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { NetworkError, ValidationError } from '../../../src/core/errors.js';
import { awaitFinalStatus, parseFormResponse, readReturnOrderId } from '../../../src/sbc/index.js';

const mockUrl = inject('mockUrl');
const statusUrl = `${mockUrl}/merchant/sbc/status`;

afterEach(() => vi.restoreAllMocks());

/** Creates an order through the merchant mock; returns its ids. */
async function createOrder() {
  const clientOrderId = `ORD-${Math.random().toString(36).slice(2, 10)}`;
  const body = new URLSearchParams({ amountCentis: '2500', currency: 'EUR', client_orderid: clientOrderId });
  const form = parseFormResponse(await (await fetch(`${mockUrl}/merchant/sbc/preauth`, { method: 'POST', body })).text());
  return { clientOrderId, form };
}

/** Pays on the hosted form as a payer would; returns where the gateway sends the payer. */
/** Pays on the gateway mock; returns the fields of the form that POSTs the payer back. */
async function pay(redirectUrl: string, card: string): Promise<URLSearchParams> {
  const res = await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ card_number: card }), redirect: 'manual' });
  expect(res.status).toBe(200);
  const page = await res.text();
  expect(page).toMatch(/<form method="post" action="[^"]+\/merchant\/sbc\/return"/);
  return new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
}

describe('readReturnOrderId', () => {
  const read = (url: string | URL) => readReturnOrderId(url);

  it('reads the merchant order reference and marks it untrusted', () => {
    expect(read('https://shop.example/return?orderId=ORD-1&status=approved')).toStrictEqual({
      merchantOrderId: 'ORD-1',
      gatewayOrderId: undefined,
      orderId: 'ORD-1',
      trusted: false,
    });
    expect(read(new URL('https://shop.example/r?client_orderid=902B4FF5'))).toMatchObject({ merchantOrderId: '902B4FF5', orderId: '902B4FF5' });
  });

  it('names the ids for what they are: orderid is the gateway’s, client_orderid and merchant_order the merchant’s', () => {
    expect(read('https://shop.example/r?status=approved&orderid=6863103&merchant_order=902B4FF5&client_orderid=902B4FF5')).toStrictEqual({
      merchantOrderId: '902B4FF5',
      gatewayOrderId: '6863103',
      orderId: '902B4FF5',
      trusted: false,
    });
    expect(read('https://shop.example/r?merchant_order=A.1&orderid=6863103')).toMatchObject({ merchantOrderId: 'A.1', gatewayOrderId: '6863103', orderId: 'A.1' });
  });

  it('falls back to the gateway’s id for orderId when the URL has nothing else', () => {
    expect(read('https://shop.example/r?orderid=6863103')).toStrictEqual({
      merchantOrderId: undefined,
      gatewayOrderId: '6863103',
      orderId: '6863103',
      trusted: false,
    });
  });

  it('refuses a malformed gateway id even beside a good merchant id', () => {
    expect(() => read('https://shop.example/r?client_orderid=A1&orderid=%3Cx%0D%3E')).toThrow(ValidationError);
  });

  it('skips an empty parameter: an empty orderid= does not hide a good id', () => {
    expect(read('https://shop.example/return?orderId=902B4FF5&orderid=')).toMatchObject({ merchantOrderId: '902B4FF5', gatewayOrderId: undefined, orderId: '902B4FF5' });
    expect(read('https://shop.example/return?orderId=&client_orderid=C-7&orderid=6863103')).toMatchObject({ merchantOrderId: 'C-7', gatewayOrderId: '6863103', orderId: 'C-7' });
    expect(read('https://shop.example/return?orderId=&orderid=6863103')).toMatchObject({ merchantOrderId: undefined, orderId: '6863103' });
  });

  // specs: client_orderid is a String of up to 128 characters.
  it.each([
    ['a slash', '2026/00042'],
    ['a space', 'ORD 001'],
    ['a plus', 'M+1'],
    ['Cyrillic', 'Заказ-7'],
    ['markup, which stays text', '<img src=x>'],
    ['128 characters', 'я'.repeat(128)],
  ])('reads any documented client_orderid: %s', (_name, id) => {
    expect(read(`https://shop.example/return?client_orderid=${encodeURIComponent(id)}&orderid=7`)).toStrictEqual({
      merchantOrderId: id,
      gatewayOrderId: '7',
      orderId: id,
      trusted: false,
    });
  });

  it.each([
    ['no reference', 'https://shop.example/return?status=approved'],
    ['a control character in the reference', 'https://shop.example/return?orderId=A%0A1'],
    ['a NUL in the reference', 'https://shop.example/return?orderId=A%001'],
    ['only empty references', 'https://shop.example/return?orderId=&orderid='],
    ['an overlong reference', `https://shop.example/return?orderId=${'x'.repeat(129)}`],
  ])('throws ValidationError for %s', (_name, url) => {
    expect(() => readReturnOrderId(url)).toThrow(ValidationError);
  });

  it('throws a BatonError, not a TypeError, for bad input or no browser', () => {
    expect(() => readReturnOrderId(42 as unknown as string)).toThrow(ValidationError);
    expect(() => readReturnOrderId('::not a url')).toThrow(ValidationError);
    expect(() => readReturnOrderId()).toThrow(/needs a URL outside a browser/);
  });
});

describe('awaitFinalStatus against the merchant mock', () => {
  it('returns the server status of an approved order', async () => {
    const { clientOrderId, form } = await createOrder();
    const back = await pay(form.redirectUrl, '4444555566661111');
    expect(back.get('status')).toBe('approved');
    const result = await awaitFinalStatus({ statusUrl, orderId: clientOrderId, intervalMs: 20, timeoutMs: 2000 });
    expect(result).toMatchObject({ status: 'approved', orderId: clientOrderId, answer: { source: 'callback', paynetOrderId: form.paynetOrderId } });
  });

  it('polls while processing, then returns the final status', async () => {
    const { clientOrderId, form } = await createOrder();
    const spy = vi.spyOn(globalThis, 'fetch');
    const seen: string[] = [];
    const pending = awaitFinalStatus({ statusUrl, orderId: clientOrderId, intervalMs: 20, timeoutMs: 60_000, onProgress: (a) => seen.push(a.status) });
    // Two answers seen, not a fixed 150 ms: a loaded machine may not have asked twice by then.
    await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(2), { timeout: 30_000, interval: 10 });
    const asked = spy.mock.calls.map(([input]) => new URL(input instanceof Request ? input.url : String(input)));
    spy.mockRestore();
    await pay(form.redirectUrl, '4000000000000002');
    await expect(pending).resolves.toMatchObject({ status: 'declined' });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen)).toStrictEqual(new Set(['processing']));
    expect(asked[0]!.pathname).toBe('/merchant/sbc/status');
    expect(asked[0]!.searchParams.get('orderId')).toBe(clientOrderId);
  });

  it('never takes the status from the return URL: a lying query still gets the server answer', async () => {
    const { clientOrderId, form } = await createOrder();
    await pay(form.redirectUrl, '4000000000000002');
    const { orderId } = readReturnOrderId(`https://shop.example/sbc-return.html?orderId=${clientOrderId}&status=approved`);
    await expect(awaitFinalStatus({ statusUrl, orderId, intervalMs: 20, timeoutMs: 2000 })).resolves.toMatchObject({ status: 'declined' });
  });

  it('backs off and gives up at the deadline with NetworkError timeout', async () => {
    // On a fake clock (timers and performance.now): the number of questions is the schedule's,
    // whatever the machine's load (a wall-clock version of this test failed under load).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    try {
      const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => Response.json({ status: 'processing', orderId: 'ORD-1' }));
      const started = performance.now();
      let settledAt: number | undefined;
      const outcome = awaitFinalStatus({ statusUrl, orderId: 'ORD-1', intervalMs: 50, timeoutMs: 600 }).catch((e: unknown) => e).finally(() => (settledAt = performance.now()));
      await vi.advanceTimersByTimeAsync(599);
      expect(settledAt).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      const error = await outcome;
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ kind: 'timeout' });
      expect(settledAt! - started).toBe(600);
      // 50, 67, 83, 83… ms between questions (the 3–5 s schedule scaled): fewer than 600/50 = 12.
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(9);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops when the signal aborts', async () => {
    const { clientOrderId } = await createOrder();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    // Kind 'aborted', not the deadline's 'timeout': the abort ended the wait (no wall-clock bound, which a loaded machine can miss).
    const error = await awaitFinalStatus({ statusUrl, orderId: clientOrderId, signal: controller.signal, intervalMs: 30, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'aborted' });
  });

  it('keeps asking through a network failure or a 5xx, until the deadline', async () => {
    const original = globalThis.fetch;
    let n = 0;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      n++;
      if (n === 1) throw new TypeError('fetch failed');
      if (n === 2) return new Response('busy', { status: 503 });
      if (n === 3) return new Response(JSON.stringify({ status: 'processing' }));
      return new Response(JSON.stringify({ status: ' Filtered ', orderId: 'X1', reason: 'fraud' }));
    });
    await expect(awaitFinalStatus({ statusUrl, orderId: 'X1', intervalMs: 10, timeoutMs: 3000 })).resolves.toStrictEqual({
      status: 'filtered',
      orderId: 'X1',
      answer: { status: 'filtered', orderId: 'X1', reason: 'fraud' },
    });
    expect(n).toBe(4);
    void original;
  });

  it('throws at once for an unknown order (404) or a malformed answer', async () => {
    await expect(awaitFinalStatus({ statusUrl, orderId: 'NO-SUCH-ORDER', intervalMs: 10 })).rejects.toMatchObject({ kind: 'http', status: 404 });
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ state: 'approved' })));
    await expect(awaitFinalStatus({ statusUrl, orderId: 'X', intervalMs: 10 })).rejects.toBeInstanceOf(ValidationError);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('<html>ok</html>'));
    await expect(awaitFinalStatus({ statusUrl, orderId: 'X', intervalMs: 10 })).rejects.toThrow('status answer: must be a JSON object');
  });

  it.each(['2026/00042', 'ORD 001', 'M+1', 'Заказ-7', 'a&orderId=b'])('asks for any documented order id, percent-encoded: %s', async (id) => {
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ status: 'approved', orderId: id })));
    await expect(awaitFinalStatus({ statusUrl, orderId: id, intervalMs: 10, timeoutMs: 2000 })).resolves.toMatchObject({ status: 'approved', orderId: id });
    const [input] = spy.mock.calls[0]!;
    const asked = input instanceof Request ? input.url : String(input);
    expect(asked).toBe(`${statusUrl}?orderId=${encodeURIComponent(id)}`);
  });

  it.each([null, '', 42])('keeps a final status whose orderId is %j: the requested id stands in, the answer is kept', async (odd) => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ status: 'approved', orderId: odd })));
    await expect(awaitFinalStatus({ statusUrl, orderId: 'A1', intervalMs: 10, timeoutMs: 2000 })).resolves.toStrictEqual({
      status: 'approved',
      orderId: 'A1',
      answer: { status: 'approved', orderId: odd },
    });
  });

  it.each([
    [{ statusUrl, orderId: '' }, 'orderId'],
    [{ statusUrl, orderId: 'A\n1' }, 'orderId'],
    [{ statusUrl, orderId: 'x'.repeat(129) }, 'orderId'],
    [{ statusUrl, orderId: 42 }, 'orderId'],
    [{ statusUrl: 5, orderId: 'A' }, 'statusUrl'],
    [{ statusUrl, orderId: 'A', intervalMs: -1 }, 'intervalMs'],
    [{ statusUrl, orderId: 'A', timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ statusUrl, orderId: 'A', signal: 'stop' }, 'signal'],
  ])('refuses bad options %# with a ValidationError', async (options, path) => {
    const error = await awaitFinalStatus(options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe(path);
  });
});
