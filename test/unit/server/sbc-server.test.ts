// The SBC half against the mock gateway, whose control checks are its own node:crypto code
// (demo/mock/sbc.ts): preauth-form relay → the browser's parser; the payer's return and the
// callback verified (and replays refused); the status the browser's awaitFinalStatus reads.
import { createHash } from 'node:crypto';
import { describe, expect, inject, it, vi } from 'vitest';
import { parseFormResponse } from 'baton-sdk/sbc';
import { ConfigError, initiateSaleSignature, memoryStore, sbcHandlers, SignatureError, verifyPaynetReturn, ValidationError } from 'baton-sdk/server';
import { merchantSecrets } from '../../../demo/mock/secrets.js';

const mockUrl = inject('mockUrl');
const secrets = merchantSecrets.sbc;
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const config = (over: Record<string, unknown> = {}) => ({ gateway: `${mockUrl}/sbc/paynet/`, endpointId: secrets.endpointId, login: secrets.login, merchantControl: secrets.merchantControl, ...over });
const order = (clientOrderId: string, amountCentis = 1042) => ({
  client_orderid: clientOrderId, order_desc: 'Test order', amountCentis, currency: 'EUR', email: 'john.smith@gmail.com', ipaddress: '65.153.12.232',
  redirect_url: 'https://shop.example/sbc/return',
  fields: { first_name: 'John', last_name: 'Smith', address1: '100 Main st', city: 'Seattle', state: 'WA', zip_code: '98102', country: 'US', phone: '+12063582043' },
});
const post = (url: string, fields: Record<string, string>) => new Request(url, { method: 'POST', body: new URLSearchParams(fields) });

/** Pays on the mock's hosted form and reads the fields it POSTs the payer back with. */
async function pay(redirectUrl: string, card = '4444555566661111'): Promise<Record<string, string>> {
  const page = await (await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ card_number: card }) })).text();
  return Object.fromEntries([...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('sbcHandlers against the mock gateway', () => {
  it('preauthForm relays an answer parseFormResponse reads; the gateway accepted the control', async () => {
    const id = `T-${Date.now()}`;
    const handlers = sbcHandlers(config(), { order: () => order(id), returnPage: '/sbc-return.html' });
    const answer = await handlers.preauthForm(post('https://shop.example/api/sbc/preauth', { amountCentis: '1042' }));
    expect(answer.status).toBe(200);
    const form = parseFormResponse(await answer.text());
    expect(form.merchantOrderId).toBe(id);
    expect(form.redirectUrl).toContain('/sbc/paynet/form/init/');
  });

  it('a wrong merchant control is refused by the gateway, and the relay says so to the browser', async () => {
    const handlers = sbcHandlers(config({ merchantControl: 'wrong' }), { order: () => order(`T-${Date.now()}`), returnPage: '/r' });
    const body = await (await handlers.preauthForm(post('https://shop.example/p', {}))).text();
    expect(() => parseFormResponse(body)).toThrow(/Control code check failed/);
  });

  it('refuses a float or negative amount before anything is sent', async () => {
    const fetchSpy = vi.fn(fetch);
    for (const amountCentis of [1042.5, -100, 0]) {
      const handlers = sbcHandlers(config({ fetch: fetchSpy }), { order: () => order('T-x', amountCentis), returnPage: '/r' });
      const answer = await handlers.preauthForm(post('https://shop.example/p', {}));
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringContaining('integer') } });
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('the payer returns: control verified, 303 to the GET page with ?orderId= only; the status is the gateway’s', async () => {
    const id = `T-${Date.now()}-r`;
    const store = memoryStore();
    const handlers = sbcHandlers(config({ store }), { order: () => order(id), returnPage: 'https://shop.example/sbc-return.html?stale=1#x' });
    const form = parseFormResponse(await (await handlers.preauthForm(post('https://shop.example/p', {}))).text());
    // Before payment: the status comes from the gateway's status query (its control checked by the mock).
    const pending = await handlers.status(new Request(`https://shop.example/api/sbc/status?orderId=${id}`));
    expect(await pending.json()).toMatchObject({ orderId: id, status: 'processing' });
    const returned = await pay(form.redirectUrl);
    expect(returned.control).toBe(sha1(`approved${returned.orderid}${id}${secrets.merchantControl}`));
    const answer = await handlers.return(post('https://shop.example/api/sbc/return', returned));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`https://shop.example/sbc-return.html?orderId=${encodeURIComponent(id)}`);
    const status = await handlers.status(new Request(`https://shop.example/api/sbc/status?orderId=${id}`));
    expect(await status.json()).toEqual({ orderId: id, paynetOrderId: returned.orderid, status: 'approved', source: 'return' });
    // Tampered: another status with the same control.
    const forged = await handlers.return(post('https://shop.example/api/sbc/return', { ...returned, status: 'declined' }));
    expect(forged.status).toBe(403);
    expect((await handlers.return(new Request('https://shop.example/api/sbc/return'))).status).toBe(405);
  });

  it('the callback is verified, acted on once, and a replay is answered OK without acting again', async () => {
    const onResult = vi.fn();
    const handlers = sbcHandlers(config(), { onResult });
    const fields = { status: 'approved', orderid: '777', client_orderid: 'C-1', merchant_order: 'C-1', control: sha1(`approved777C-1${secrets.merchantControl}`) };
    const callback = (f: Record<string, string>) => handlers.callback(new Request(`https://shop.example/cb?${new URLSearchParams(f)}`));
    expect(await (await callback(fields)).text()).toBe('OK');
    expect(await (await callback(fields)).text()).toBe('OK');
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult).toHaveBeenCalledWith({ status: 'approved', orderid: '777', clientOrderId: 'C-1' });
    expect((await callback({ ...fields, control: fields.control.toUpperCase().replace(/^./, '0') })).status).toBe(403);
    expect((await callback({ ...fields, client_orderid: 'C-2' })).status).toBe(403);
    const processing = { ...fields, status: 'processing', control: sha1(`processing777C-1${secrets.merchantControl}`) };
    expect((await callback(processing)).status).toBe(400);
    expect(onResult).toHaveBeenCalledTimes(1);
  });
});

describe('verifyPaynetReturn', () => {
  it('typed errors: missing control, mismatch, replay', async () => {
    const store = memoryStore();
    const fields = { status: 'declined', orderid: '9', client_orderid: 'X', control: sha1(`declined9X${secrets.merchantControl}`) };
    await expect(verifyPaynetReturn(fields, secrets.merchantControl, store)).resolves.toEqual({ status: 'declined', orderid: '9', clientOrderId: 'X' });
    await expect(verifyPaynetReturn(fields, secrets.merchantControl, store)).rejects.toMatchObject({ name: 'SignatureError', reason: 'replayed' });
    await expect(verifyPaynetReturn({ ...fields, control: '' }, secrets.merchantControl)).rejects.toMatchObject({ reason: 'missing' });
    await expect(verifyPaynetReturn(fields, 'other-key')).rejects.toBeInstanceOf(SignatureError);
    await expect(verifyPaynetReturn(fields, '')).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('initiate-sale', () => {
  const sale = { accessToken: 'a'.repeat(32), serialNumber: 'SN1', endpointId: '1234', nonce: 'n1', invoiceId: 'INV-1', amountCentis: 1042, currency: 'EUR' };
  const data = 'a'.repeat(32) + 'SN112341n1INV-11042EUR'.replace('12341n1', '1234n1');

  it('HMAC-SHA1 over the documented concatenation, upper-case hex, with the key encoding said out loud', async () => {
    const { createHmac } = await import('node:crypto');
    const concatenated = `${sale.accessToken}${sale.serialNumber}${sale.endpointId}${sale.nonce}${sale.invoiceId}${sale.amountCentis}${sale.currency}`;
    expect(concatenated).toBe(data);
    expect(await initiateSaleSignature(sale, { key: 'A1B2C3D4', encoding: 'hex' })).toBe(createHmac('sha1', Buffer.from('A1B2C3D4', 'hex')).update(data).digest('hex').toUpperCase());
    expect(await initiateSaleSignature(sale, { key: 'secret', encoding: 'utf8' })).toBe(createHmac('sha1', 'secret').update(data).digest('hex').toUpperCase());
    await expect(initiateSaleSignature(sale, { key: 'xyz', encoding: 'hex' })).rejects.toBeInstanceOf(ConfigError);
    await expect(initiateSaleSignature(sale, { key: 'k' } as never)).rejects.toThrow(/encoding/);
    await expect(initiateSaleSignature({ ...sale, amountCentis: 10.42 }, { key: 'k', encoding: 'utf8' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('the handler answers what initiateSale reads, with a fresh nonce each time', async () => {
    const handlers = sbcHandlers(config({ saleSigningKey: { key: 'A1B2C3D4', encoding: 'hex' } }), { invoice: () => 'INV-9' });
    const body = { session: { accessToken: 'a'.repeat(32) }, consumer: { device: { serialNumber: 'SN1' } }, transaction: { amountCentis: 1042, currency: 'EUR' } };
    const ask = async (b: unknown) => handlers.initiateSale(new Request('https://shop.example/sale', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }));
    const one = await (await ask(body)).json();
    const two = await (await ask(body)).json();
    expect(one).toMatchObject({ endpointId: secrets.endpointId, invoiceId: 'INV-9', session: { nonce: expect.stringMatching(/^[0-9a-f]{32}$/), signature: expect.stringMatching(/^[0-9A-F]{40}$/) } });
    expect(one.session.nonce).not.toBe(two.session.nonce);
    const bad = await ask({ ...body, transaction: { amountCentis: 10.42, currency: 'EUR' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { cause: 'INVALID_REQUEST' } });
  });
});
