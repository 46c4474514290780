// Flaky networks against each provider call: every failure ends in the right BatonError, retries
// stay within their bound, and a POST that may have taken effect is never sent twice.
// From the first hardening pass (was test/unit/hardening/faults.test.ts).
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, ValidationError } from '../../src/core/errors.js';
import { createClientSession } from '../../src/connect/index.js';
import { getPostPaymentStatus } from '../../src/sasp/index.js';
import { initiateSale, startHostedForm } from '../../src/sbc/index.js';
import { startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
let base: string;
let behave: (res: ServerResponse, hit: number) => void;
/** Requests the server received since the last reset. */
const hits = () => server.received.length;

beforeAll(async () => {
  server = await startLoopbackServer((_req, res, count) => behave(res, count));
  base = server.url;
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const truncated = (res: ServerResponse) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"errorCode":0,"data":{"orderNumber":'); };
const reset = (res: ServerResponse) => res.socket?.destroy();
const slow = (res: ServerResponse) => setTimeout(() => res.end('{}'), 400);
const statusThenOk = (status: number, body: string) => (res: ServerResponse, hit: number) => {
  if (hit === 1) { res.writeHead(status, { 'retry-after': '0' }); res.end(); return; }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
};

const status = (extra: Record<string, unknown> = {}) =>
  getPostPaymentStatus({ saspSessionID: 'SID123', orderNumber: '654824', endpoint: `${base}/status`, allowedHosts: ['127.0.0.1'], ...extra });
const sale = () =>
  initiateSale({ url: `${base}/sale`, accessToken: 'a'.repeat(32), device: { serialNumber: 'SN1' }, transaction: { amountCentis: 1042, currency: 'EUR' } });
const connectSession = () =>
  createClientSession({ clientSessionId: 'abc123', customerId: '9991-x', clientApiUrl: `${base}/client`, assetUrl: `${base}/assets/` }, { allowedHosts: ['127.0.0.1'] });
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

describe('network faults', () => {
  it('truncated JSON → ValidationError (sasp status, connect products)', async () => {
    behave = truncated;
    await expect(status()).rejects.toBeInstanceOf(ValidationError);
    await expect(connectSession().getBasicPaymentProducts(context)).rejects.toBeInstanceOf(ValidationError);
  });

  it('connection reset → NetworkError "offline"; the initiate-sale POST (it may exist now) is not sent again', async () => {
    behave = reset;
    await expect(status({ signal: undefined })).rejects.toMatchObject({ name: 'NetworkError', kind: 'offline' });
    server.received.length = 0;
    await expect(sale()).rejects.toMatchObject({ name: 'NetworkError', kind: 'offline' });
    expect(hits()).toBe(1);
  });

  it('a slow answer cancelled by AbortSignal → NetworkError "aborted", no retry', async () => {
    behave = slow;
    const controller = new AbortController();
    const pending = status({ signal: controller.signal });
    // Abort once the request is at the server (not after a fixed delay, which a busy machine outruns).
    await vi.waitFor(() => expect(hits()).toBe(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(hits()).toBe(1);
  });

  it('429 with Retry-After on a Client API read is retried once, then succeeds', async () => {
    behave = statusThenOk(429, JSON.stringify({ paymentProducts: [] }));
    const products = await connectSession().getBasicPaymentProducts(context);
    expect(products.paymentProducts).toStrictEqual([]);
    expect(hits()).toBe(2);
  });

  it.each([502, 504])('%i on a Client API read is retried, bounded', async (code) => {
    behave = (res) => { res.writeHead(code); res.end(); };
    await expect(connectSession().getBasicPaymentProducts(context)).rejects.toMatchObject({ kind: 'http', status: code });
    expect(hits()).toBe(3);
  });

  it('the hosted-form POST (it creates an order) is sent once on 502', async () => {
    behave = (res) => { res.writeHead(502); res.end(); };
    await expect(startHostedForm({ url: `${base}/preauth`, body: { amount: '10.42' } })).rejects.toBeInstanceOf(NetworkError);
    expect(hits()).toBe(1);
  });

  it('an initiate-sale POST that timed out is not sent again', async () => {
    behave = (res) => setTimeout(() => res.end('{}'), 20_000);
    // initiateSale has the default 15 s timeout: the sale may exist after it, so no second POST.
    // (The answer at 20 s would have resolved it: the kind proves the timeout came first.)
    const error = await sale().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', kind: 'timeout' });
    expect(hits()).toBe(1);
  }, 25_000);
});
