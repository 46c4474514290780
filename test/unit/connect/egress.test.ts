// Issue 14 hole 1: a Connect session's URLs are built from parts the merchant server relayed;
// none of those parts may move a request off the allowed host or out of the customer's base.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientSession } from '../../../src/connect/index.js';
import { UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { recordFetch } from '../../helpers/record-fetch.js';

const session = {
  clientSessionId: 'f084372052fb47d9a766ec35bfa0e6bd',
  customerId: '9991-0b67467b30df4c6d8649c8adc568fd0f',
  clientApiUrl: 'https://ams1.api-ingenico.com/client',
  assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/',
  invalidTokens: [],
};
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

/** What the recorded `fetch` answers: an empty product list. */
const NO_PRODUCTS = '{"paymentProducts":[]}';

afterEach(() => vi.restoreAllMocks());

describe('the Client API base cannot be moved', () => {
  it('a clientApiUrl with a //host path keeps every call on the checked host', async () => {
    const sent = recordFetch(NO_PRODUCTS);
    const s = createClientSession({ ...session, clientApiUrl: 'https://ams1.api-ingenico.com//evil.example/client' });
    expect(s.apiBaseUrl.host).toBe('ams1.api-ingenico.com');
    await s.getBasicPaymentProducts(context).catch(() => undefined);
    expect(sent.map((r) => new URL(r.url).host)).toStrictEqual(['ams1.api-ingenico.com']);
  });

  for (const clientApiUrl of ['https://ams1.api-ingenico.com/%2e%2e/client', 'https://ams1.api-ingenico.com/..;/client', 'https://ams1.api-ingenico.com@evil.example/client', 'https://evil.example/ams1.api-ingenico.com/client']) {
    it(`refuses clientApiUrl ${clientApiUrl} or keeps it on the allowed host`, async () => {
      const sent = recordFetch(NO_PRODUCTS);
      try {
        const s = createClientSession({ ...session, clientApiUrl });
        await s.getBasicPaymentProducts(context).catch(() => undefined);
      } catch (error) {
        expect(error).toBeInstanceOf(UnsafeUrlError);
      }
      for (const r of sent) expect(new URL(r.url).host).toBe('ams1.api-ingenico.com');
    });
  }

  for (const customerId of ['..', '.']) {
    it(`customerId "${customerId}" is refused: it would move the base`, () => {
      expect(() => createClientSession({ ...session, customerId })).toThrow(ValidationError);
    });
  }

  it('ids in paths are encoded and cannot step out of the base', async () => {
    const sent = recordFetch(NO_PRODUCTS);
    const s = createClientSession(session);
    await expect(s.getThirdPartyPaymentStatus('..')).rejects.toBeInstanceOf(ValidationError);
    await s.getThirdPartyPaymentStatus('a.b-1').catch(() => undefined);
    expect(sent.map((r) => new URL(r.url).pathname)).toStrictEqual([`/client/v1/${session.customerId}/payments/a.b-1/thirdpartystatus`]);
  });
});

describe('assetUrl stays under the session assetUrl', () => {
  const s = createClientSession({ ...session, assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/static/' });

  it('resolves product logos under the base', () => {
    expect(s.assetUrl('templates/master/global/css/img/ppimages/pp_logo_1_v1.png')).toBe(
      'https://payment.pay1.checkout.worldline-solutions.com/static/templates/master/global/css/img/ppimages/pp_logo_1_v1.png',
    );
  });

  for (const path of ['..%2f..%2fadmin', '..%2Fadmin', '%2e%2e/%2e%2e/admin', '../admin', '..;/admin', 'a/..%5c..%5cadmin', '//evil.example/x', 'https://evil.example/x', 'javascript:alert(1)']) {
    it(`refuses ${path}`, () => {
      expect(() => s.assetUrl(path)).toThrow(UnsafeUrlError);
    });
  }

  it('an assetUrl with a query string still serves assets', () => {
    const q = createClientSession({ ...session, assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/static/?v=2' });
    expect(q.assetUrl('logo.png')).toBe('https://payment.pay1.checkout.worldline-solutions.com/static/logo.png');
  });
});

describe('assetUrl: red-team variants', () => {
  const s = createClientSession(
    { ...session, clientApiUrl: 'https://ams1.api-ingenico.com/client', assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/assets/' },
    { allowedHosts: ['ams1.api-ingenico.com', 'payment.pay1.checkout.worldline-solutions.com', 'other.worldline-solutions.com'] },
  );
  for (const path of ['\t//ams1.api-ingenico.com/client/v1/x/crypto/publickey', '\n//other.worldline-solutions.com/x.png', ' //evil.example/x', '\u0000x']) {
    it(`refuses ${JSON.stringify(path)}: an asset never leaves the asset host`, () => {
      expect(() => s.assetUrl(path)).toThrow(UnsafeUrlError);
    });
  }
});
