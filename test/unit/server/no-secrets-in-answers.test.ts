// No handler answer carries a secret, or a value derived from one (its base64, hex, URL or
// reversed form, a hash of it), whatever it is asked: good requests, bad ones, forged ones.
// Only the signatures the protocols define may be derived from a secret (none is in an answer).
import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { connectHostedCheckoutHandler, connectPaymentHandler, connectServer, connectSessionHandler, connectStatusHandler, connectWebhookHandler, memoryStore, saspHandlers, sbcHandlers } from 'baton-sdk/server';
import { merchantSecrets } from '../../../demo/mock/secrets.js';

const mockUrl = inject('mockUrl');
const { worldline, sbc, sectigo } = merchantSecrets;
const WEBHOOK_SECRET = 'FAKE-webhook-secret-0123456789';
const SALE_KEY = 'A1B2C3D4E5F60718';
const SECRETS = [worldline.secretApiKey, sbc.merchantControl, sectigo.loginPassword, sectigo.loginName, WEBHOOK_SECRET, SALE_KEY];

function derived(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret, secret.toLowerCase(), secret.toUpperCase(), encodeURIComponent(secret), [...secret].reverse().join(''),
    bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'),
    ...['sha1', 'sha256'].flatMap((alg) => [createHash(alg).update(secret).digest('hex'), createHash(alg).update(secret).digest('base64')]),
  ];
}

async function everything(response: Response): Promise<string> {
  return `${response.status}\n${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${await response.text()}`;
}

const json = (url: string, body: unknown) => new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const form = (url: string, fields: Record<string, string>) => new Request(url, { method: 'POST', body: new URLSearchParams(fields) });

describe('no answer carries a secret or a value derived from one', () => {
  it('every handler, asked right, wrong and forged', async () => {
    const store = memoryStore();
    const connect = connectServer({ ...worldline, endpoint: `${mockUrl}/connect/server`, store });
    const connectWrong = connectServer({ ...worldline, secretApiKey: `${worldline.secretApiKey}-wrong`, endpoint: `${mockUrl}/connect/server` });
    const order = async () => ({ amountOfMoney: { amount: 1000, currencyCode: 'EUR' } });
    const sbcH = sbcHandlers(
      { gateway: `${mockUrl}/sbc/paynet/`, endpointId: sbc.endpointId, login: sbc.login, merchantControl: sbc.merchantControl, saleSigningKey: { key: SALE_KEY, encoding: 'hex' }, store },
      {
        order: () => ({ client_orderid: `S-${Date.now()}`, order_desc: 'x', amountCentis: 1042, currency: 'EUR', email: 'a@b.c', ipaddress: '1.2.3.4', fields: { first_name: 'A', last_name: 'B', address1: 'x', city: 'y', zip_code: '1', country: 'NL', phone: '+3100' } }),
        invoice: () => 'INV-1',
        returnPage: '/return',
      },
    );
    const sasp = saspHandlers({ ...sectigo, endpoint: `${mockUrl}/sectigo/products/`, authorize: () => undefined, store });
    const cases: Array<[string, Promise<Response>]> = [
      ['connect session', connectSessionHandler(connect)(new Request('https://s.example/a', { method: 'POST' }))],
      ['connect session, wrong key', connectSessionHandler(connectWrong)(new Request('https://s.example/a', { method: 'POST' }))],
      ['connect payment, bad JWE', connectPaymentHandler(connect, { order })(json('https://s.example/p', { encryptedCustomerInput: 'a.b.c.d.e' }))],
      ['connect payment, no input', connectPaymentHandler(connect, { order })(json('https://s.example/p', {}))],
      ['connect hosted checkout', connectHostedCheckoutHandler(connect, { checkout: async () => ({ order: await order() }) })(new Request('https://s.example/h', { method: 'POST' }))],
      ['connect status, forged', connectStatusHandler(connect)(json('https://s.example/s', { hostedCheckoutId: 'abc', RETURNMAC: 'x' }))],
      ['connect webhook, forged', connectWebhookHandler({ keys: { k: WEBHOOK_SECRET }, onEvent: () => undefined })(new Request('https://s.example/w', { method: 'POST', headers: { 'x-gcs-keyid': 'k', 'x-gcs-signature': 'AAAA' }, body: '{}' }))],
      ['sbc preauth', sbcH.preauthForm(form('https://s.example/f', {}))],
      ['sbc initiate sale', sbcH.initiateSale(json('https://s.example/i', { session: { accessToken: 'a'.repeat(32) }, consumer: { device: { serialNumber: 'S' } }, transaction: { amountCentis: 5, currency: 'EUR' } }))],
      ['sbc initiate sale, bad', sbcH.initiateSale(json('https://s.example/i', {}))],
      ['sbc callback, forged', sbcH.callback(new Request('https://s.example/c?status=approved&orderid=1&client_orderid=2&control=00'))],
      ['sbc return, forged', sbcH.return(form('https://s.example/r', { status: 'approved', orderid: '1', client_orderid: '2', control: '00' }))],
      ['sbc status, unknown', sbcH.status(new Request('https://s.example/st?orderId=nope'))],
      ['sasp session', sasp.session(form('https://s.example/ss', { orderNumber: '654824' }))],
      ['sasp status', sasp.status(form('https://s.example/st', { orderNumber: '654824' }))],
      ['sasp status, -42', sasp.status(form('https://s.example/st', { orderNumber: '4242' }))],
      ['sasp action', sasp.action(form('https://s.example/a', { orderNumber: '654824', action: 'resendDCVEmail' }))],
      ['sasp action, bad', sasp.action(form('https://s.example/a', { orderNumber: '654824', action: 'selectDCVMethod', method: 'X' }))],
    ];
    const forbidden = SECRETS.flatMap(derived);
    for (const [name, pending] of cases) {
      const text = await everything(await pending);
      for (const value of forbidden) expect(text.includes(value), `${name} answered ${JSON.stringify(value)}: ${text.slice(0, 300)}`).toBe(false);
    }
  });
});
