// Google Pay and Apple Pay in real Chromium, against the mock's stand-in wallet scripts (which do
// what Google's and Apple's JS references document): the script is loaded only when a wallet is
// prepared, once; the request the wallet receives carries the amount in the currency's ISO 4217
// major unit (JPY 1000 → "1000", EUR 1000 → "10.00") with the product's networks, gateway and
// acquirer country; Apple's merchant validation goes to the Client API; the token reaches the
// platform inside the encrypted customer input; an unavailable wallet is a WalletError.
import { getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { googlePayRequest, prepareGooglePay, UnsafeUrlError, ValidationError, WalletError } from 'baton-sdk/connect';
import { mockSession } from '../../fixtures/checkout-page.js';
import { mountWallet, type WalletCase } from '../../fixtures/wallet-page.js';

const mockUrl = inject('mockUrl');
afterEach(() => document.body.replaceChildren());

const scripts = (file: string) => [...document.querySelectorAll('script')].filter((s) => s.src === `${mockUrl}/wallets/${file}`);
const requests = async (clientSessionId: string) =>
  (await (await fetch(`${mockUrl}/connect/__requests/${clientSessionId}`)).json()) as Array<{ method: string; path: string; body: unknown }>;

/** Mounts the wallet, clicks its button, reads the sheet, pays, and returns what was shown and answered. */
async function payWith(wallet: WalletCase) {
  const log = await mountWallet(mockUrl, wallet);
  expect(log.error).toBeUndefined();
  const user = userEvent.setup();
  await user.click(getByRole(document.body, 'button', { name: /^Pay with/ }));
  const sheet = await waitFor(() => getByRole(document.body, 'dialog'));
  const shown = sheet.querySelector('p')!.textContent;
  // Apple's sheet offers "Pay" once the merchant is validated.
  const pay = await waitFor(() => {
    const button = getByRole(sheet, 'button', { name: /^Pay/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    return button;
  });
  await user.click(pay);
  await waitFor(() => expect(log.payment ?? log.error).toBeDefined());
  return { log, shown };
}

// First in the file: before any wallet script has loaded in this page.
describe('a wallet that cannot be used (Chromium)', () => {
  it('bad input is a ValidationError naming the option, before any script is loaded', async () => {
    const session = await mockSession(mockUrl);
    const product = await session.getPaymentProduct(320, { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false });
    const error = await prepareGooglePay(session, product, { amount: 10.5, currencyCode: 'EUR', gatewayMerchantId: 'm', scriptUrl: `${mockUrl}/wallets/google-pay.js`, allowedHosts: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['amount']);
    expect(scripts('google-pay.js')).toHaveLength(0);
  });

  it('a script URL off the allowed hosts, or not http(s), is an UnsafeUrlError; nothing is added to the page', async () => {
    const session = await mockSession(mockUrl);
    const product = await session.getPaymentProduct(320, { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false });
    const base = { amount: 1000, currencyCode: 'EUR', gatewayMerchantId: 'm' };
    for (const options of [
      { scriptUrl: 'https://evil.example/pay.js' },
      { scriptUrl: `${mockUrl}/wallets/google-pay.js` }, // the default allow-list is Google's host only
      { scriptUrl: 'javascript:alert(1)', allowedHosts: ['127.0.0.1'] },
      { scriptUrl: 'https://user:pw@pay.google.com/gp/p/js/pay.js' },
    ]) {
      await expect(prepareGooglePay(session, product, { ...base, ...options })).rejects.toBeInstanceOf(UnsafeUrlError);
    }
    expect(document.querySelectorAll('script[src*="pay"]')).toHaveLength(0);
  });

  it('a script that does not load is a WalletError "script", for either wallet', async () => {
    for (const wallet of ['google-pay', 'apple-pay'] as const) {
      const log = await mountWallet(mockUrl, { wallet, currencyCode: 'EUR', amount: 1000, scriptUrl: `${mockUrl}/wallets/missing.js` });
      expect(log.ready).toBe(false);
      expect(log.error).toMatchObject({ name: 'WalletError', kind: 'script', wallet });
    }
    expect((globalThis as { google?: unknown }).google).toBeUndefined();
    expect((globalThis as { ApplePaySession?: unknown }).ApplePaySession).toBeUndefined();
  });
});

describe('Google Pay (Chromium, mock wallet)', () => {
  it('loads nothing until prepared; the request for JPY has no decimals; the token reaches the platform', async () => {
    expect(scripts('google-pay.js')).toHaveLength(0);
    expect((globalThis as { google?: unknown }).google).toBeUndefined();
    const { log, shown } = await payWith({ wallet: 'google-pay', currencyCode: 'JPY', amount: 1000 });
    expect(shown).toBe('Mock Google Pay: pay JPY 1000 to Baton test shop with Visa •••• 1111');
    expect(scripts('google-pay.js')).toHaveLength(1);
    expect(log.payment?.status).toBe(201);
    expect(log.payment?.body.received?.fields).toEqual(['encryptedPaymentData']);
    expect(log.payment?.body.payment?.paymentOutput).toMatchObject({ paymentMethod: 'mobile', mobilePaymentMethodSpecificOutput: { paymentProductId: 320 } });
  });

  it('EUR: two decimals, the product’s networks, gateway and acquirer country; the script is not loaded twice', async () => {
    const session = await mockSession(mockUrl);
    const product = await session.getPaymentProduct(320, { countryCode: 'DE', currencyCode: 'EUR', amount: 1000, isRecurring: false });
    const checkout = await prepareGooglePay(session, product, {
      amount: 1000, currencyCode: 'EUR', countryCode: 'DE', gatewayMerchantId: 'FAKE-merchant-1',
      scriptUrl: `${mockUrl}/wallets/google-pay.js`, allowedHosts: ['127.0.0.1'],
    });
    expect(checkout.request).toEqual({
      apiVersion: 2,
      apiVersionMinor: 0,
      allowedPaymentMethods: [
        {
          type: 'CARD',
          parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['AMEX', 'MASTERCARD', 'VISA'] },
          tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'globalcollect', gatewayMerchantId: 'FAKE-merchant-1' } },
        },
      ],
      // The product's acquirerCountry (NL) wins over the option, as in Worldline's SDK.
      transactionInfo: { currencyCode: 'EUR', countryCode: 'NL', totalPriceStatus: 'FINAL', totalPrice: '10.00' },
    });
    expect(googlePayRequest(product, { amount: 1000, currencyCode: 'EUR', gatewayMerchantId: 'FAKE-merchant-1' })).toEqual(checkout.request);
    expect(scripts('google-pay.js')).toHaveLength(1);
    const { shown } = await payWith({ wallet: 'google-pay', currencyCode: 'EUR', amount: 1000 });
    expect(shown).toBe('Mock Google Pay: pay EUR 10.00 to Baton test shop with Visa •••• 1111');
  });

  it('closing the sheet is a WalletError "cancelled"; nothing is sent', async () => {
    const log = await mountWallet(mockUrl, { wallet: 'google-pay', currencyCode: 'EUR', amount: 1000 });
    const user = userEvent.setup();
    await user.click(getByRole(document.body, 'button', { name: 'Pay with Google Pay' }));
    await user.click(getByRole(await waitFor(() => getByRole(document.body, 'dialog')), 'button', { name: 'Cancel' }));
    await waitFor(() => expect(log.error).toEqual({ name: 'WalletError', kind: 'cancelled', wallet: 'google-pay', message: 'Google Pay: the customer closed the payment sheet' }));
    expect(log.sent).toBeUndefined();
  });

  it('Google answering that it cannot pay with these networks is a WalletError "unavailable"', async () => {
    const session = await mockSession(mockUrl);
    const product = { id: 320, paymentProduct320SpecificData: { gateway: 'globalcollect', networks: ['MIR'] }, accountsOnFile: [] };
    const error = await prepareGooglePay(session, product, { amount: 1000, currencyCode: 'EUR', gatewayMerchantId: 'm', scriptUrl: `${mockUrl}/wallets/google-pay.js`, allowedHosts: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect(error).toMatchObject({ wallet: 'google-pay', kind: 'unavailable' });
    // Already loaded: not loaded again.
    expect(scripts('google-pay.js')).toHaveLength(1);
  });
});

describe('Apple Pay (Chromium, mock wallet)', () => {
  it('JPY and EUR: the request as the sheet shows it, merchant validation through the Client API, the token to the platform', async () => {
    for (const [currencyCode, total] of [['JPY', '1000'], ['EUR', '10.00']] as const) {
      const { log, shown } = await payWith({ wallet: 'apple-pay', currencyCode, amount: 1000 });
      expect(shown).toBe(`Mock Apple Pay: pay ${currencyCode} ${total} to Baton test shop`);
      expect(log.payment?.status).toBe(201);
      expect(log.payment?.body.received?.fields).toEqual(['encryptedPaymentData']);
      expect(log.payment?.body.payment?.paymentOutput).toMatchObject({ mobilePaymentMethodSpecificOutput: { paymentProductId: 302 } });
      document.body.replaceChildren();
    }
    expect(scripts('apple-pay-sdk.js')).toHaveLength(1);
  });

  it('sends the validation URL, this page’s domain and the merchant name to POST products/302/sessions', async () => {
    const { log } = await payWith({ wallet: 'apple-pay', currencyCode: 'EUR', amount: 1000 });
    expect(log.payment?.status).toBe(201);
    const calls = (await requests(log.clientSessionId!)).filter((r) => r.method === 'POST' && r.path.endsWith('/products/302/sessions'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({
      paymentProductSession302SpecificInput: {
        displayName: 'Baton test shop',
        domainName: location.hostname,
        validationUrl: 'https://apple-pay-gateway-cert.apple.com/paymentservices/startSession',
      },
    });
  });

  it('the wallet button and the mock sheet pass axe', async () => {
    await mountWallet(mockUrl, { wallet: 'apple-pay', currencyCode: 'EUR', amount: 1000 });
    const { violations } = await axe.run(document.body, { resultTypes: ['violations'] });
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});
