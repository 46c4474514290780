import { afterEach, describe, expect, it, inject, vi } from 'vitest';
import { NetworkError, ProviderError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { initiateSale, type InitiateSaleOptions } from '../../../src/sbc/index.js';
import { recordFetch } from '../../helpers/record-fetch.js';

const mockUrl = inject('mockUrl');
const url = `${mockUrl}/merchant/sbc/initiate-sale`;
const tag = () => Math.random().toString(36).slice(2, 10);
const token = 'T'.repeat(40);

const sale = (over: Partial<InitiateSaleOptions> = {}): InitiateSaleOptions => ({
  url,
  accessToken: token,
  device: { serialNumber: `SN-${tag()}` },
  transaction: { amountCentis: 1042, currency: 'EUR' },
  ...over,
});

async function calls(serial: string): Promise<number> {
  const stats = (await (await fetch(`${mockUrl}/merchant/sbc/__stats`)).json()) as { initiateSale: Record<string, number> };
  return stats.initiateSale[serial] ?? 0;
}

afterEach(() => vi.restoreAllMocks());

/** Records each request on its way to the real mock. */
function recordRequests() {
  const original = globalThis.fetch;
  return recordFetch((request) => original(request));
}

describe('initiateSale: input validation (nothing is sent)', () => {
  const cases: Array<[string, Partial<InitiateSaleOptions> | Record<string, unknown>, string]> = [
    ['empty serial number', { device: { serialNumber: '' } }, 'device.serialNumber'],
    ['serial number over 50', { device: { serialNumber: 'x'.repeat(51) } }, 'device.serialNumber'],
    ['IMEI under 14', { device: { serialNumber: 'SN1', imei: '1234567890123' } }, 'device.imei'],
    ['IMEI over 16', { device: { serialNumber: 'SN1', imei: '12345678901234567' } }, 'device.imei'],
    ['token under 32', { accessToken: 'x'.repeat(31) }, 'accessToken'],
    ['token over 128', { accessToken: 'x'.repeat(129) }, 'accessToken'],
    ['amount in major units', { transaction: { amountCentis: 10.42, currency: 'EUR' } }, 'transaction.amountCentis'],
    ['zero amount', { transaction: { amountCentis: 0, currency: 'EUR' } }, 'transaction.amountCentis'],
    ['negative amount', { transaction: { amountCentis: -5, currency: 'EUR' } }, 'transaction.amountCentis'],
    ['amount as a string', { transaction: { amountCentis: '1042', currency: 'EUR' } }, 'transaction.amountCentis'],
    ['lower-case currency', { transaction: { amountCentis: 1, currency: 'eur' } }, 'transaction.currency'],
    ['four-letter currency', { transaction: { amountCentis: 1, currency: 'EURO' } }, 'transaction.currency'],
    ['latitude above 90', { location: { lat: 90.1, lng: 0 } }, 'location.lat'],
    ['latitude below -90', { location: { lat: -91, lng: 0 } }, 'location.lat'],
    ['longitude above 180', { location: { lat: 0, lng: 180.5 } }, 'location.lng'],
    ['longitude below -180', { location: { lat: 0, lng: -181 } }, 'location.lng'],
    ['NaN latitude', { location: { lat: Number.NaN, lng: 0 } }, 'location.lat'],
    ['IP under 7', { ipAddresses: ['1.1.1'] }, 'ipAddresses.0'],
    ['IP over 15', { ipAddresses: ['10.0.0.1', '1234:5678:9abc:def0::1'] }, 'ipAddresses.1'],
    ['missing device', { device: undefined }, 'device'],
  ];

  it.each(cases)('refuses %s', async (_name, over, path) => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const error = await initiateSale(sale(over as Partial<InitiateSaleOptions>)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(spy).not.toHaveBeenCalled();
  });

  it('accepts the boundaries', async () => {
    const serialNumber = `${'B'.repeat(41)}-${tag()}`.slice(0, 50);
    const result = await initiateSale(
      sale({
        accessToken: 'x'.repeat(128),
        device: { serialNumber, imei: '12345678901234' },
        location: { lat: -90, lng: 180 },
        ipAddresses: ['1.1.1.1', '255.255.255.255'],
        transaction: { amountCentis: 1, currency: 'USD' },
      }),
    );
    expect(result.endpointId).toBe('1234');
  });

  it.each([null, undefined, 'x', 42, []])('refuses %s as options with a ValidationError', async (input) => {
    await expect(initiateSale(input as unknown as InitiateSaleOptions)).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a missing url and a bad signal', async () => {
    await expect(initiateSale(sale({ url: '' }))).rejects.toThrow(/url/);
    await expect(initiateSale(sale({ signal: {} as AbortSignal }))).rejects.toThrow(/signal/);
  });

  it('without a page, only loopback URLs are allowed unless allowedHosts says otherwise', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    await expect(initiateSale(sale({ url: 'https://shop.example/sale' }))).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(initiateSale(sale({ url: '/merchant/sbc/initiate-sale' }))).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(initiateSale(sale({ url, allowedHosts: ['shop.example'] }))).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a secret smuggled into the options', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    await expect(initiateSale({ ...sale(), merchant_control: 'x' } as InitiateSaleOptions)).rejects.toBeInstanceOf(SecretError);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('initiateSale: the wire and the answer', () => {
  it('POSTs the documented JSON and returns all four signed values', async () => {
    const sent = recordRequests();
    const serialNumber = `SN-${tag()}`;
    const result = await initiateSale(
      sale({ device: { serialNumber, imei: '356938035643809' }, location: { lat: 55.75, lng: 37.62 }, ipAddresses: ['10.0.0.1'] }),
    );
    const request = sent[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(url);
    expect(request.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.parse(request.body)).toStrictEqual({
      consumer: { device: { serialNumber, imei: '356938035643809' }, ipAddresses: ['10.0.0.1'] },
      location: { lat: 55.75, lng: 37.62 },
      session: { accessToken: token },
      transaction: { amountCentis: 1042, currency: 'EUR' },
    });
    expect(result).toMatchObject({ endpointId: '1234', invoiceId: expect.stringMatching(/^INV-/) });
    expect(result.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(result.signature).toMatch(/^[0-9a-f]{40}$/);
    expect(result.session).toStrictEqual({ nonce: result.nonce, signature: result.signature });
    expect(await calls(serialNumber)).toBe(1);
  });

  it('leaves optional fields out of the body', async () => {
    const sent = recordRequests();
    await initiateSale(sale());
    const body = JSON.parse(sent[0]!.body);
    expect(Object.keys(body).sort()).toStrictEqual(['consumer', 'session', 'transaction']);
    expect(Object.keys(body.consumer)).toStrictEqual(['device']);
  });

  it.each([
    ['a missing signature', { endpointId: '1', invoiceId: '2', session: { nonce: 'n' } }],
    ['an empty nonce', { endpointId: '1', invoiceId: '2', session: { nonce: '', signature: 's' } }],
    ['no session', { endpointId: '1', invoiceId: '2' }],
    ['an array', []],
  ])('throws ValidationError for %s', async (_name, answer) => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }));
    await expect(initiateSale(sale())).rejects.toBeInstanceOf(ValidationError);
  });

  it('throws ValidationError for a 200 that is not JSON', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('<html>ok</html>'));
    await expect(initiateSale(sale())).rejects.toThrow('initiateSale answer: must be a JSON object');
  });

  it('accepts numeric ids and keeps them as strings', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ endpointId: 39539, invoiceId: 7, session: { nonce: 'n', signature: 's' } })));
    await expect(initiateSale(sale())).resolves.toMatchObject({ endpointId: '39539', invoiceId: '7' });
  });
});

describe('initiateSale: failures', () => {
  const failure = async (over: Partial<InitiateSaleOptions>) => {
    const error = await initiateSale(sale(over)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  };

  it('FILTERED (HTTP 402) → ProviderError, one request', async () => {
    const serialNumber = `SN-${tag()}`;
    const error = await failure({ device: { serialNumber }, transaction: { amountCentis: 666, currency: 'EUR' } });
    expect(error).toMatchObject({ provider: 'sbc', code: 'SBC-FRAUD-1', providerMessage: 'Transaction filtered by fraud rules' });
    expect(error.details).toMatchObject({ cause: 'FILTERED', status: 402 });
    expect(await calls(serialNumber)).toBe(1);
  });

  it('INVALID_REQUEST → ProviderError, not retried', async () => {
    const serialNumber = `invalid-request-${tag()}`;
    const error = await failure({ device: { serialNumber } });
    expect(error.details).toMatchObject({ cause: 'INVALID_REQUEST', status: 422 });
    expect(await calls(serialNumber)).toBe(1);
  });

  it('SERVER_FAILED (HTTP 500) is never retried: the sale may exist', async () => {
    const serialNumber = `server-failed-${tag()}`;
    const error = await failure({ device: { serialNumber } });
    expect(error).toMatchObject({ code: 'SBC-500' });
    expect(error.details).toMatchObject({ cause: 'SERVER_FAILED', status: 500 });
    expect(await calls(serialNumber)).toBe(1);
  });

  it('SERVER_UNAVAILABLE is retried, then succeeds', async () => {
    const serialNumber = `unavailable-2-${tag()}`;
    const result = await initiateSale(sale({ device: { serialNumber } }));
    expect(result.endpointId).toBe('1234');
    expect(await calls(serialNumber)).toBe(3);
  });

  it('SERVER_UNAVAILABLE retries are bounded: 3 requests, then ProviderError', async () => {
    const serialNumber = `unavailable-forever-${tag()}`;
    const error = await failure({ device: { serialNumber } });
    expect(error.details).toMatchObject({ cause: 'SERVER_UNAVAILABLE' });
    expect(await calls(serialNumber)).toBe(3);
  });

  it('a bare HTTP 503 is retried, then succeeds', async () => {
    const serialNumber = `http503-1-${tag()}`;
    await expect(initiateSale(sale({ device: { serialNumber } }))).resolves.toMatchObject({ endpointId: '1234' });
    expect(await calls(serialNumber)).toBe(2);
  });

  it('HTTP 503 forever → NetworkError after 3 requests', async () => {
    const serialNumber = `http503-forever-${tag()}`;
    const error = await initiateSale(sale({ device: { serialNumber } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(await calls(serialNumber)).toBe(3);
  });

  it('a network failure is not retried: the browser cannot tell whether the POST arrived', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const error = await initiateSale(sale({ url: 'http://127.0.0.1:9/merchant/sbc/initiate-sale' })).catch((e: unknown) => e);
    const attempts = spy.mock.calls.length;
    spy.mockRestore();
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'offline' });
    expect(attempts).toBe(1);
  });

  it('an abort stops it with NetworkError aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(initiateSale(sale({ signal: controller.signal }))).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('a failure body without a code keeps the cause as the code', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ error: { cause: 'FILTERED' } }), { status: 403 }));
    await expect(initiateSale(sale())).rejects.toMatchObject({ code: 'FILTERED', details: { cause: 'FILTERED', status: 403 } });
  });

  it('an HTTP error without the error document → NetworkError http', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('gateway exploded', { status: 500 }));
    await expect(initiateSale(sale())).rejects.toMatchObject({ name: 'NetworkError', kind: 'http', status: 500 });
  });
});

describe('initiateSale: one sale per action', () => {
  it('two identical calls in flight reach the merchant server once and get the same session', async () => {
    const order = sale();
    const [a, b] = await Promise.all([initiateSale(order), initiateSale(order)]);
    expect(await calls(order.device.serialNumber)).toBe(1);
    expect(b).toStrictEqual(a);
  });

  it('two different sales in flight are two calls', async () => {
    const one = sale();
    const two = sale();
    await Promise.all([initiateSale(one), initiateSale(two)]);
    expect([await calls(one.device.serialNumber), await calls(two.device.serialNumber)]).toStrictEqual([1, 1]);
  });
});

describe('initiateSale: its bounded retry honours Retry-After with the rules of every request (issue 23)', () => {
  const signed = () => new Response(JSON.stringify({ endpointId: 1234, invoiceId: 'INV-1', session: { nonce: 'n', signature: 's' } }));
  const unavailable = (headers: Record<string, string>, status = 503) => () =>
    new Response(JSON.stringify({ error: { cause: 'SERVER_UNAVAILABLE', code: 'SBC-503' } }), { status, headers });
  /** Answers in turn, recording when (fake ms) each request went out; runs the fake clock for `ms`. */
  async function run(answers: Array<() => Response>, ms = 120_000) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const start = Date.now();
    const times: number[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      times.push(Date.now() - start);
      return answers[Math.min(times.length - 1, answers.length - 1)]!();
    });
    let settled: { value?: unknown; error?: unknown } = {};
    initiateSale(sale()).then((value) => (settled = { value }), (error: unknown) => (settled = { error }));
    await vi.advanceTimersByTimeAsync(ms);
    vi.useRealTimers();
    return { times, settled };
  }

  it('waits the Retry-After sent (up to 30 s) instead of the backoff', async () => {
    const { times, settled } = await run([unavailable({ 'retry-after': '20' }), signed]);
    expect(times).toStrictEqual([0, 20_000]);
    expect(settled.value).toMatchObject({ endpointId: '1234' });
  });

  it('a Retry-After over 30 s, in any spelling, fails at once with retryAfterMs', async () => {
    for (const value of ['120', new Date(Date.now() + 3600_000).toUTCString()]) {
      const { times, settled } = await run([unavailable({ 'retry-after': value }, 200), signed]);
      expect(times, value).toStrictEqual([0]);
      expect(settled.error, value).toBeInstanceOf(ProviderError);
      expect((settled.error as ProviderError).retryAfterMs, value).toBeGreaterThan(30_000);
    }
    const { times, settled } = await run([() => new Response('busy', { status: 503, headers: { 'retry-after': '31' } })]);
    expect(times).toStrictEqual([0]);
    expect(settled.error).toMatchObject({ name: 'NetworkError', kind: 'http', status: 503, retryAfterMs: 31_000 });
  });

  it('an odd Retry-After (a past date, soon, 1e3, 0x20) waits the normal backoff, never longer', async () => {
    for (const value of ['soon', '1e3', '0x20', 'Thu, 01 Jan 1970 00:00:00 GMT']) {
      const { times } = await run([unavailable({ 'retry-after': value }), unavailable({ 'retry-after': value }), signed]);
      expect(times[1], value).toBeLessThanOrEqual(300);
      expect(times[2]! - times[1]!, value).toBeLessThanOrEqual(600);
    }
  });
});
