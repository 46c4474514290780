// The wallet requests as pure functions (Node): the amount in the currency's ISO 4217 major unit
// (JPY 0 decimals, EUR 2, KWD 3, never "divide by 100"), the product's own data (networks, gateway,
// acquirerCountry), bad input refused with a ValidationError naming the option or product field,
// options read as own properties only, and no browser (server rendering) a WalletError.
import { afterEach, describe, expect, it } from 'vitest';
import { applePayRequest, googlePayRequest, prepareApplePay, prepareGooglePay, WalletError, type ClientSession } from '../../../src/connect/index.js';
import { ValidationError } from '../../../src/core/errors.js';
import { bundleLikeAnApp } from '../../esbuild-bundle.js';
import { caught } from '../../helpers/caught.js';

const google = { id: 320, acquirerCountry: 'NL', paymentProduct320SpecificData: { gateway: 'globalcollect', networks: ['MASTERCARD', 'VISA'] }, accountsOnFile: [] };
const apple = { id: 302, paymentProduct302SpecificData: { networks: ['amex', 'visa'] }, accountsOnFile: [] };
const g = (amount: number, currencyCode: string) => googlePayRequest(google, { amount, currencyCode, gatewayMerchantId: 'M-1' }).transactionInfo.totalPrice;
const a = (amount: number, currencyCode: string) => applePayRequest(apple, { amount, currencyCode, countryCode: 'KW', merchantName: 'Shop' }).total.amount;
const paths = (error: unknown) => (error as ValidationError).issues.map((i) => i.path);

describe('wallet amounts: ISO 4217 exponent', () => {
  it.each([
    [1000, 'JPY', '1000'],
    [1, 'JPY', '1'],
    [1000, 'EUR', '10.00'],
    [5, 'EUR', '0.05'],
    [0, 'EUR', '0.00'],
    [1000, 'KWD', '1.000'],
    [1234567, 'KWD', '1234.567'],
    [12345, 'CLF', '1.2345'],
    [9007199254740991, 'USD', '90071992547409.91'],
  ])('%d minor units of %s → %s, in both wallets', (amount, currency, major) => {
    expect(g(amount, currency)).toBe(major);
    expect(a(amount, currency)).toBe(major);
  });
});

describe('googlePayRequest', () => {
  it('is built from product 320’s data and the options', () => {
    expect(googlePayRequest(google, { amount: 1000, currencyCode: 'JPY', countryCode: 'JP', gatewayMerchantId: 'M-1', merchantName: 'Shop', merchantId: 'BCR2', totalPriceStatus: 'ESTIMATED' })).toEqual({
      apiVersion: 2,
      apiVersionMinor: 0,
      allowedPaymentMethods: [
        {
          type: 'CARD',
          parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['MASTERCARD', 'VISA'] },
          tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'globalcollect', gatewayMerchantId: 'M-1' } },
        },
      ],
      transactionInfo: { currencyCode: 'JPY', countryCode: 'NL', totalPriceStatus: 'ESTIMATED', totalPrice: '1000' },
      merchantInfo: { merchantName: 'Shop', merchantId: 'BCR2' },
    });
  });

  it('uses countryCode when the product has no acquirerCountry, and leaves it out when neither is given', () => {
    const { acquirerCountry: _, ...noCountry } = google;
    expect(googlePayRequest(noCountry, { amount: 1, currencyCode: 'EUR', countryCode: 'DE', gatewayMerchantId: 'M' }).transactionInfo.countryCode).toBe('DE');
    expect(googlePayRequest(noCountry, { amount: 1, currencyCode: 'EUR', gatewayMerchantId: 'M' }).transactionInfo).not.toHaveProperty('countryCode');
  });

  it('refuses bad options with a ValidationError naming each', () => {
    const error = caught(() => googlePayRequest(google, { amount: 10.5, currencyCode: 'eur', countryCode: 'Netherlands', gatewayMerchantId: '', environment: 'LIVE' } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(paths(error).sort()).toEqual(['amount', 'countryCode', 'currencyCode', 'environment', 'gatewayMerchantId']);
    for (const amount of [-1, Number.NaN, Infinity, '1000', 2 ** 53]) expect(paths(caught(() => g(amount as number, 'EUR')))).toEqual(['amount']);
    expect(caught(() => googlePayRequest(google, null as never))).toBeInstanceOf(ValidationError);
  });

  it('refuses a product that is not 320 or lacks its data, naming the field', () => {
    expect(paths(caught(() => googlePayRequest({ ...google, id: 1 }, { amount: 1, currencyCode: 'EUR', gatewayMerchantId: 'M' })))).toEqual(['id']);
    expect(paths(caught(() => googlePayRequest({ id: 320, accountsOnFile: [] }, { amount: 1, currencyCode: 'EUR', gatewayMerchantId: 'M' })))).toEqual(['paymentProduct320SpecificData']);
    const noNetworks = { ...google, paymentProduct320SpecificData: { gateway: 'globalcollect', networks: [] } };
    expect(paths(caught(() => googlePayRequest(noNetworks, { amount: 1, currencyCode: 'EUR', gatewayMerchantId: 'M' })))).toEqual(['paymentProduct320SpecificData.networks']);
  });
});

describe('applePayRequest', () => {
  it('is built from product 302’s data; the product’s acquirerCountry wins', () => {
    const appleNL = { ...apple, acquirerCountry: 'NL' };
    expect(applePayRequest(appleNL, { amount: 1000, currencyCode: 'EUR', countryCode: 'DE', merchantName: 'Shop' })).toEqual({
      countryCode: 'NL',
      currencyCode: 'EUR',
      total: { label: 'Shop', amount: '10.00' },
      supportedNetworks: ['amex', 'visa'],
      merchantCapabilities: ['supports3DS'],
    });
  });

  it('needs a country from the product or the options, and a merchantName', () => {
    expect(paths(caught(() => applePayRequest(apple, { amount: 1, currencyCode: 'EUR', merchantName: 'Shop' })))).toEqual(['countryCode']);
    expect(paths(caught(() => applePayRequest(apple, { amount: 1, currencyCode: 'EUR', countryCode: 'NL' } as never)))).toEqual(['merchantName']);
  });
});

describe('own properties only', () => {
  afterEach(() => {
    for (const key of ['gatewayMerchantId', 'countryCode', 'paymentProduct320SpecificData', 'acquirerCountry']) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it('a polluted Object.prototype supplies no option and no product data', () => {
    Object.assign(Object.prototype, { gatewayMerchantId: 'ATTACKER', countryCode: 'RU', acquirerCountry: 'RU', paymentProduct320SpecificData: { gateway: 'evil', networks: ['VISA'] } });
    expect(paths(caught(() => googlePayRequest(google, { amount: 1, currencyCode: 'EUR' } as never)))).toEqual(['gatewayMerchantId']);
    expect(paths(caught(() => googlePayRequest({ id: 320, accountsOnFile: [] }, { amount: 1, currencyCode: 'EUR', gatewayMerchantId: 'M' })))).toEqual(['paymentProduct320SpecificData']);
    const { acquirerCountry: _, ...noCountry } = google;
    // (`toHaveProperty` would see the polluted prototype's own `countryCode`.)
    expect(Object.keys(googlePayRequest(noCountry, { amount: 1, currencyCode: 'EUR', gatewayMerchantId: 'M' }).transactionInfo)).toEqual(['currencyCode', 'totalPriceStatus', 'totalPrice']);
  });

  it('each option is read once (a getter cannot answer the check one thing and the use another)', () => {
    let reads = 0;
    const options = { amount: 1000, currencyCode: 'EUR', get gatewayMerchantId() { reads++; return reads === 1 ? 'M-1' : 'ATTACKER'; } };
    expect(googlePayRequest(google, options).allowedPaymentMethods[0].tokenizationSpecification.parameters.gatewayMerchantId).toBe('M-1');
    expect(reads).toBe(1);
  });
});

describe('without a browser (server rendering)', () => {
  const session = {} as ClientSession;
  it('importing costs nothing; preparing is a WalletError "unavailable", after the input is checked', async () => {
    await expect(prepareGooglePay(session, google, { amount: 1000, currencyCode: 'EUR', gatewayMerchantId: 'M' })).rejects.toSatisfy((e) => e instanceof WalletError && e.kind === 'unavailable' && e.wallet === 'google-pay');
    await expect(prepareApplePay(session, apple, { amount: 1000, currencyCode: 'EUR', countryCode: 'NL', merchantName: 'Shop' })).rejects.toSatisfy((e) => e instanceof WalletError && e.kind === 'unavailable' && e.wallet === 'apple-pay');
    await expect(prepareGooglePay(session, google, { amount: -1, currencyCode: 'EUR', gatewayMerchantId: 'M' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('tree-shaking', () => {
  // Strings only the wallet modules carry.
  const MARKERS = ['pay.google.com/gp/p/js/pay.js', 'apple-pay-sdk.js', 'SpecificData', 'baton-wallet'];
  const bundle = (names: string) => bundleLikeAnApp(`export { ${names} } from './src/connect/index.ts';`);
  it('an app without the wallets carries none of them; each wallet carries its own and the loader', async () => {
    const session = await bundle('createClientSession, mountPaymentForm');
    expect(MARKERS.filter((m) => session.includes(m))).toEqual([]);
    const google = await bundle('prepareGooglePay');
    expect(MARKERS.filter((m) => google.includes(m))).toEqual(['pay.google.com/gp/p/js/pay.js', 'SpecificData', 'baton-wallet']);
    const apple = await bundle('prepareApplePay');
    expect(MARKERS.filter((m) => apple.includes(m))).toEqual(['apple-pay-sdk.js', 'SpecificData', 'baton-wallet']);
  });
});
