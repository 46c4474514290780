// @vitest-environment happy-dom
// Issue 23 §7: every UnsafeUrlError for a host that is not on the list names the option that fixes
// it, for the public function that was called (`fix`, also at the end of the message), and carries
// the machine-readable rule `'host'`. One row per public function that takes or reaches a URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as connect from '../../../src/connect/index.js';
import { UnsafeUrlError } from '../../../src/core/errors.js';
import * as sasp from '../../../src/sasp/index.js';
import * as sbc from '../../../src/sbc/index.js';
import { settled } from '../../helpers/caught.js';
import { recordFetch } from '../../helpers/record-fetch.js';

const EVIL = 'https://evil.example';
const SALE = { accessToken: 'T'.repeat(40), device: { serialNumber: 'S' }, transaction: { amountCentis: 1, currency: 'EUR' } };
const SESSION = { clientSessionId: 'a1', customerId: 'c1', clientApiUrl: 'https://eu.api-ingenico.com/client', assetUrl: 'https://assets.pay1.secured-by-ingenico.com/' };
const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ sub: '/order/1', exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
const returned = { RETURNMAC: 'mac', hostedCheckoutId: 'h1', REF: undefined, paymentId: undefined, trusted: false as const };

afterEach(() => vi.restoreAllMocks());

describe('a host off the list names the option that allows it, for the function called', () => {
  it.each<[string, () => unknown, string]>([
    ['connect.createClientSession', () => connect.createClientSession({ ...SESSION, clientApiUrl: `${EVIL}/client` }), 'createClientSession(…, { allowedHosts })'],
    ['connect.handleMerchantAction', () => connect.handleMerchantAction({ actionType: 'REDIRECT', redirectData: { redirectURL: `${EVIL}/3ds` } }, { allowedHosts: ['acs.example'] }), 'handleMerchantAction(…, { allowedHosts })'],
    ['connect.openHostedCheckout', () => connect.openHostedCheckout('evil.example/checkout/1'), 'openHostedCheckout(…, { allowedHosts })'],
    ['connect.startHostedCheckout (the merchant url)', () => connect.startHostedCheckout({ url: `${EVIL}/hc` }), 'startHostedCheckout({ merchantHosts })'],
    ['connect.startHostedCheckout (the checkout it opens)', () => {
      recordFetch('{"partialRedirectUrl":"evil.example/checkout/1"}');
      return connect.startHostedCheckout({ url: 'http://localhost/hc', merchantHosts: ['localhost'] });
    }, 'startHostedCheckout({ allowedHosts })'],
    ['connect.awaitPaymentStatus', () => connect.awaitPaymentStatus({ statusUrl: `${EVIL}/status`, returned }), 'awaitPaymentStatus({ allowedHosts })'],
    ['sasp.postPaymentUrl', () => sasp.postPaymentUrl({ sid: 'A1', orderNumber: '1' }, { endpoint: `${EVIL}/products/x` }), 'postPaymentUrl(…, { allowedHosts })'],
    ['sasp.openPostPayment', () => sasp.openPostPayment({ sid: 'A1', orderNumber: '1' }, { endpoint: `${EVIL}/products/x` }), 'openPostPayment(…, { allowedHosts })'],
    ['sasp.getPostPaymentStatus (endpoint)', () => sasp.getPostPaymentStatus({ saspSessionID: 'A1', orderNumber: '1', endpoint: `${EVIL}/products/x` }), 'getPostPaymentStatus({ endpoint, allowedHosts })'],
    ['sasp.getPostPaymentStatus (relay)', () => sasp.getPostPaymentStatus({ relay: `${EVIL}/relay`, orderNumber: '1' }), 'getPostPaymentStatus({ relay, allowedHosts })'],
    ['sasp.uploadDocuments', () => sasp.uploadDocuments({ url: `${EVIL}/upload`, token: TOKEN, files: [new Blob(['x'])] }), 'uploadDocuments({ allowedHosts })'],
    ['sasp.mountUploadForm', () => sasp.mountUploadForm(document.body.appendChild(document.createElement('div')), { url: `${EVIL}/upload`, token: TOKEN }), 'mountUploadForm(…, { allowedHosts })'],
    ['sbc.initiateSale', () => sbc.initiateSale({ ...SALE, url: `${EVIL}/sale` }), 'initiateSale({ allowedHosts })'],
    ['sbc.openHostedForm', () => sbc.openHostedForm(`${EVIL}/paynet/form/1`), 'sbc.configure({ allowedHosts })'],
    ['sbc.openHostedForm (allowedHosts given)', () => sbc.openHostedForm(`${EVIL}/paynet/form/1`, { allowedHosts: ['gate.example'] }), 'openHostedForm(…, { allowedHosts })'],
    ['sbc.startHostedForm', () => sbc.startHostedForm({ url: `${EVIL}/preauth`, body: { amountCentis: 1, currency: 'EUR' } }), 'startHostedForm({ allowedHosts })'],
    ['sbc.awaitFinalStatus', () => sbc.awaitFinalStatus({ statusUrl: `${EVIL}/status`, orderId: 'o1' }), 'awaitFinalStatus({ allowedHosts })'],
  ])('%s', async (_name, run, option) => {
    const sent = vi.spyOn(globalThis, 'fetch');
    const error = await settled(run);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(error).toMatchObject({ rule: 'host', fix: `allow it with ${option}` });
    expect((error as Error).message).toMatch(/evil\.example/);
    expect((error as Error).message.endsWith(option)).toBe(true);
    // Refused before anything went to the refused host.
    for (const [input] of sent.mock.calls) expect(String(input instanceof Request ? input.url : input)).not.toContain('evil.example');
  });
});
