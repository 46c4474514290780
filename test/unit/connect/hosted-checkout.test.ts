// @vitest-environment happy-dom
// openHostedCheckout / startHostedCheckout: `https://payment.` + partialRedirectUrl as
// `CreateHostedCheckoutResponse` documents it, checked against Worldline's checkout hosts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { openHostedCheckout, startHostedCheckout } from '../../../src/connect/index.js';
import { settled } from '../../helpers/caught.js';
import { recordFetch } from '../../helpers/record-fetch.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

let n = 0;
const id = () => `065d3625-ed4f-71ff-9de6-6bf8c2c79e${String(++n).padStart(2, '0')}`;

describe('openHostedCheckout', () => {
  const location = spyOnLocation();

  it.each([
    // Worldline's own example answers (A2A integration guide; client SDK examples).
    ['pre-production', 'pay2.preprod.checkout.worldline-solutions.com/checkout/88005-7f4c:'],
    ['live', 'pay1.checkout.worldline-solutions.com/checkout/1234-aa68:'],
    ['sandbox (older domain)', 'pay1.sandbox.secured-by-ingenico.com/checkout/1378-4506:'],
    ['live (older domain)', 'pay1.secured-by-ingenico.com/checkout/1204-aa68:'],
  ])('opens the %s checkout at https://payment. + partialRedirectUrl', (_env, partial) => {
    const answer = { RETURNMAC: 'mac-1', hostedCheckoutId: 'x', partialRedirectUrl: `${partial}${id()}` };
    openHostedCheckout(answer);
    expect(location.assign).toHaveBeenCalledWith(`https://payment.${answer.partialRedirectUrl}`);
    expect(location.assign.mock.calls.flat().join()).not.toContain('mac-1');
  });

  it.each([
    ['another host', 'evil.example/checkout/1'],
    ['a look-alike host', 'pay1.checkout.worldline-solutions.com.evil.example/checkout/1'],
    ['credentials', 'evil.example@pay1.checkout.worldline-solutions.com/checkout/1'],
    ['a path outside /checkout/', 'pay1.checkout.worldline-solutions.com/other/1'],
    ['a dot segment', 'pay1.checkout.worldline-solutions.com/checkout/../admin'],
    ['a backslash', 'pay1.checkout.worldline-solutions.com\\@evil.example/checkout/1'],
  ])('refuses %s', (_name, partial) => {
    expect(() => openHostedCheckout(partial)).toThrow(UnsafeUrlError);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it.each([
    ['a full URL', 'https://pay1.checkout.worldline-solutions.com/checkout/1'],
    ['javascript:', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example/checkout/1'],
    ['nothing', ''],
    ['no string', 42],
  ])('refuses %s as partialRedirectUrl, naming it', (_name, partial) => {
    expect(() => openHostedCheckout(partial as string)).toThrow(/partialRedirectUrl/);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('takes allowedHosts, target and a development prefix', () => {
    openHostedCheckout('127.0.0.1:5173/checkout/dev-1', { urlPrefix: 'http://', allowedHosts: ['127.0.0.1:5173'], target: 'replace' });
    expect(location.replace).toHaveBeenCalledWith('http://127.0.0.1:5173/checkout/dev-1');
    // The prefix cannot open another scheme or host: the URL guard reads the result.
    expect(() => openHostedCheckout('x/checkout/1', { urlPrefix: 'javascript:' })).toThrow(UnsafeUrlError);
  });
});

describe('startHostedCheckout', () => {
  const location = spyOnLocation();
  afterEach(() => vi.restoreAllMocks());

  it('posts the order to the merchant server as JSON and opens the checkout it created', async () => {
    const partialRedirectUrl = `pay1.checkout.worldline-solutions.com/checkout/1-a:${id()}:b`;
    const sent = recordFetch(JSON.stringify({ hostedCheckoutId: 'hc-1', partialRedirectUrl }));
    const done = await startHostedCheckout({ url: 'http://localhost/my-server/hosted-checkout', merchantHosts: ['localhost'], body: { amount: 1000, currencyCode: 'EUR' } });
    expect(sent).toMatchObject([{ method: 'POST', url: 'http://localhost/my-server/hosted-checkout', body: '{"amount":1000,"currencyCode":"EUR"}' }]);
    expect(done.hostedCheckoutId).toBe('hc-1');
    expect(location.assign).toHaveBeenCalledWith(`https://payment.${partialRedirectUrl}`);
  });

  it('refuses a secret in the body before anything is sent', async () => {
    const sent = recordFetch('{}');
    const error = await settled(() => startHostedCheckout({ url: 'http://localhost/x', merchantHosts: ['localhost'], body: { apiSecret: 's' } }));
    expect(error).toBeInstanceOf(SecretError);
    expect(sent).toEqual([]);
  });

  it('fails with a NetworkError when the server answers no checkout', async () => {
    recordFetch('{"errorId":"x"}');
    const error = await settled(() => startHostedCheckout({ url: 'http://localhost/x', merchantHosts: ['localhost'] }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('refuses options that are no object or no URL', async () => {
    expect(await settled(() => startHostedCheckout(null as never))).toBeInstanceOf(ValidationError);
    expect(await settled(() => startHostedCheckout({ url: 7 as never }))).toBeInstanceOf(ValidationError);
  });
});
