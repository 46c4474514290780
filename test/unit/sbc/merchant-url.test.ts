// @vitest-environment happy-dom
// Issue 14, hole 4: the merchant URLs of initiateSale, startHostedForm and awaitFinalStatus pass
// the URL guard as they will be sent (resolved, query added). Nothing is sent otherwise.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { awaitFinalStatus, initiateSale, startHostedForm } from '../../../src/sbc/index.js';

const sale = { accessToken: 'T'.repeat(40), device: { serialNumber: 'SN-1' }, transaction: { amountCentis: 1042, currency: 'EUR' } };
const SALE_ANSWER = JSON.stringify({ endpointId: '1', invoiceId: '2', session: { nonce: 'n', signature: 's' } });
const FORM_ANSWER = `type=async-form-response&paynet-order-id=1&redirect-url=${encodeURIComponent('https://sandbox.sbctech.ru/paynet/form/init/AB12')}`;

// One way to call each function with a merchant URL (and optionally allowedHosts).
const calls = {
  initiateSale: (url: string | URL, allowedHosts?: string[]) => initiateSale({ ...sale, url, ...(allowedHosts && { allowedHosts }) }),
  startHostedForm: (url: string | URL, allowedHosts?: string[]) =>
    startHostedForm({ url, body: { amountCentis: 1042, currency: 'EUR' }, ...(allowedHosts && { allowedHosts }) }),
  awaitFinalStatus: (url: string | URL, allowedHosts?: string[]) =>
    awaitFinalStatus({ statusUrl: url, orderId: 'ORD-1', timeoutMs: 1000, ...(allowedHosts && { allowedHosts }) }),
};
const names = Object.keys(calls) as Array<keyof typeof calls>;

const ANSWERS: Record<keyof typeof calls, string> = {
  initiateSale: SALE_ANSWER,
  startHostedForm: FORM_ANSWER,
  awaitFinalStatus: JSON.stringify({ status: 'approved' }),
};

/** The page, as `location` shows it (navigation is recorded, not performed). */
function pageAt(href: string): Location {
  const url = new URL(href);
  const { origin, protocol, host, hostname, port, pathname, search, hash } = url;
  return { href, origin, protocol, host, hostname, port, pathname, search, hash, assign: vi.fn(), replace: vi.fn() } as unknown as Location;
}

let sent: string[];
let answer = ANSWERS.awaitFinalStatus;
beforeEach(() => {
  sent = [];
  vi.spyOn(window, 'location', 'get').mockReturnValue(pageAt('https://shop.example/checkout/pay'));
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    sent.push(input instanceof Request ? input.url : String(input));
    return new Response(answer);
  });
});
afterEach(() => vi.restoreAllMocks());

describe.each(names)('%s: the merchant URL', (name) => {
  const call = calls[name];
  beforeEach(() => {
    answer = ANSWERS[name];
  });

  it.each([
    ['a data: URL', 'data:application/json,{"endpointId":"1","invoiceId":"2","session":{"nonce":"n","signature":"s"}}'],
    ['a javascript: URL', 'javascript:alert(document.domain)'],
    ['a blob: URL', 'blob:https://shop.example/0b6f5b35-1c1d-4b6f-9a44-6f3c0c0b6b7e'],
    ['plain http to a non-loopback host', 'http://api.example.net/sale'],
    ['plain http to the page’s own host', 'http://shop.example/sale'],
    ['credentials', 'https://user:secret@shop.example/sale'],
    ['an @ before another host', 'https://shop.example@evil.example/sale'],
    ['another origin', 'https://evil.example/sale'],
    ['a sub-domain of the page', 'https://api.shop.example/sale'],
    ['the page’s host on another port', 'https://shop.example:8443/sale'],
    ['a protocol-relative URL to another host', '//evil.example/sale'],
    ['a backslash path that resolves to another host', '\\\\evil.example\\sale'],
    ['a look-alike host', 'https://shop.example.evil.example/sale'],
    ['loopback from a page that is not on loopback', 'http://127.0.0.1:8080/sale'],
    ['a URL object to another origin', new URL('https://evil.example/sale')],
  ])('refuses %s and sends nothing', async (_variant, url) => {
    const error = await call(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(sent).toStrictEqual([]);
  });

  it('refuses a merchant secret in the query and sends nothing', async () => {
    for (const url of ['/sale?control=abc', '/sale?merchant_control=x', 'https://shop.example/sale?loginPassword=p']) {
      await expect(call(url)).rejects.toBeInstanceOf(SecretError);
    }
    expect(sent).toStrictEqual([]);
  });

  it('refuses allowedHosts that is not a list of hosts', async () => {
    await expect(call('/sale', 'api.example.net' as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(call('/sale', [])).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toStrictEqual([]);
  });

  it('sends a relative URL to the page’s own origin, resolved', async () => {
    await call('../api/sale?ref=1');
    expect(sent[0]).toMatch(/^https:\/\/shop\.example\/api\/sale\?ref=1/);
  });

  it('allowedHosts replaces the default: another host is then allowed, over https only', async () => {
    await call('https://api.example.net/sale', ['api.example.net']);
    expect(sent[0]).toMatch(/^https:\/\/api\.example\.net\/sale/);
    await expect(call('/sale', ['api.example.net'])).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(call('http://api.example.net/sale', ['api.example.net'])).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(sent).toHaveLength(1);
  });
});

describe('awaitFinalStatus: the URL checked is the URL sent', () => {
  beforeEach(() => {
    answer = ANSWERS.awaitFinalStatus;
  });

  it('with its orderId query', async () => {
    await awaitFinalStatus({ statusUrl: '/status?shop=7', orderId: 'ORD-1' });
    expect(sent).toStrictEqual(['https://shop.example/status?shop=7&orderId=ORD-1']);
  });

  it('an orderId already in the statusUrl is replaced, not doubled', async () => {
    await awaitFinalStatus({ statusUrl: '/status?orderId=OTHER', orderId: 'ORD-1' });
    expect(sent).toStrictEqual(['https://shop.example/status?orderId=ORD-1']);
  });
});

describe('the default policy on other pages', () => {
  it('a page on loopback (development) may call any loopback host, over http', async () => {
    vi.spyOn(window, 'location', 'get').mockReturnValue(pageAt('http://localhost:5173/demo/'));
    answer = ANSWERS.awaitFinalStatus;
    await awaitFinalStatus({ statusUrl: '/status', orderId: 'A' });
    await awaitFinalStatus({ statusUrl: 'http://127.0.0.1:8787/status', orderId: 'A' });
    expect(sent).toStrictEqual(['http://localhost:5173/status?orderId=A', 'http://127.0.0.1:8787/status?orderId=A']);
    await expect(awaitFinalStatus({ statusUrl: 'http://shop.example/status', orderId: 'A' })).rejects.toBeInstanceOf(UnsafeUrlError);
    expect(sent).toHaveLength(2);
  });

  it('a page served over plain http from a public host cannot send even to itself', async () => {
    vi.spyOn(window, 'location', 'get').mockReturnValue(pageAt('http://shop.example/checkout'));
    await expect(awaitFinalStatus({ statusUrl: '/status', orderId: 'A' })).rejects.toThrow(/plain http/);
    expect(sent).toStrictEqual([]);
  });
});
