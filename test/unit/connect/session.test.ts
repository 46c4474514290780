import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { createClientSession, type ClientSession, type ConnectErrorDetails } from '../../../src/connect/index.js';
import { NetworkError, ProviderError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { decryptWithNode } from './jwe-node.js';
import { settled } from '../../helpers/caught.js';

const mockUrl = inject('mockUrl');
const LOCAL = { allowedHosts: ['127.0.0.1'] };
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

async function mintSession(tokens?: string[]) {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tokens ? { tokens } : {}),
  });
  return (await res.json()) as { clientSessionId: string; customerId: string; clientApiUrl: string; assetUrl: string; invalidTokens: string[] };
}

async function received(session: ClientSession): Promise<Recorded[]> {
  return (await (await fetch(`${mockUrl}/connect/__requests/${session.clientSessionId}`)).json()) as Recorded[];
}

async function last(session: ClientSession): Promise<Recorded> {
  const list = await received(session);
  return list[list.length - 1]!;
}

function base(session: ClientSession) {
  return `/connect/client/v1/${session.customerId}`;
}

describe('createClientSession', () => {
  const good = {
    assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/',
    clientApiUrl: 'https://eu.api-ingenico.com/client',
    clientSessionId: 'f084372052fb47d9a766ec35bfa0e6bd',
    customerId: '9991-0b67467b30df4c6d8649c8adc568fd0f',
    invalidTokens: ['126166b16ed04b3ab85fb06da1d7a167'],
    region: 'EU',
  };

  it('accepts the documented response on the default allow-list', () => {
    const s = createClientSession(good);
    expect(s.apiBaseUrl.href).toBe('https://eu.api-ingenico.com/client/v1/9991-0b67467b30df4c6d8649c8adc568fd0f/');
    expect(s.invalidTokens).toEqual(['126166b16ed04b3ab85fb06da1d7a167']);
    expect(s.region).toBe('EU');
    expect(s.assetUrl('logos/pp_logo_1.svg')).toBe('https://payment.pay1.checkout.worldline-solutions.com/logos/pp_logo_1.svg');
  });

  it.each([
    'https://eu.api-ingenico.com',
    'https://eu.api-ingenico.com/',
    'https://eu.api-ingenico.com/client',
    'https://eu.api-ingenico.com/client/',
    'https://eu.api-ingenico.com/client/v1',
    'https://eu.api-ingenico.com/client/v1/',
  ])('normalises clientApiUrl %s', (clientApiUrl) => {
    expect(createClientSession({ ...good, clientApiUrl }).apiBaseUrl.href).toBe(
      'https://eu.api-ingenico.com/client/v1/9991-0b67467b30df4c6d8649c8adc568fd0f/',
    );
  });

  it('defaults invalidTokens to an empty list', () => {
    const { invalidTokens: _, ...rest } = good;
    expect(createClientSession(rest).invalidTokens).toEqual([]);
  });

  it.each([
    [{ ...good, clientSessionId: undefined }, /clientSessionId/],
    [{ ...good, customerId: '../admin' }, /customerId/],
    [{ ...good, clientApiUrl: '' }, /clientApiUrl/],
    [null, /session response/],
    ['{"clientSessionId":"x"}', /session response/],
  ])('refuses a bad session response with a ValidationError (%#)', (input, message) => {
    expect(() => createClientSession(input as never)).toThrow(ValidationError);
    expect(() => createClientSession(input as never)).toThrow(message);
  });

  it.each([
    { clientApiUrl: 'https://evil.example/client' },
    { clientApiUrl: 'http://eu.api-ingenico.com/client' },
    { clientApiUrl: 'javascript:alert(1)' },
    { assetUrl: 'https://api-ingenico.com.evil.example/' },
    { clientApiUrl: 'http://127.0.0.1:9/client' }, // loopback only when allow-listed
  ])('refuses URLs off the allow-list with an UnsafeUrlError (%j)', (patch) => {
    expect(() => createClientSession({ ...good, ...patch })).toThrow(UnsafeUrlError);
  });

  it('keeps asset paths under assetUrl', () => {
    const s = createClientSession({ ...good, assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/assets' });
    expect(s.assetUrl('/logos/a.png')).toBe('https://payment.pay1.checkout.worldline-solutions.com/assets/logos/a.png');
    for (const path of ['https://evil.example/x.png', '//evil.example/x', 'javascript:alert(1)', '..\\x', '../../x', 'a/%2e%2e/%2e%2e/x']) {
      expect(() => s.assetUrl(path)).toThrow(UnsafeUrlError);
    }
  });

  it('refuses bad options', () => {
    expect(() => createClientSession(good, { allowedHosts: 'eu.api-ingenico.com' as never })).toThrow(ValidationError);
    expect(() => createClientSession(good, { allowedHosts: null as never })).toThrow(ValidationError);
    expect(() => createClientSession(good, { allowedHosts: ['eu.api-ingenico.com', 1] as never })).toThrow(ValidationError);
  });

  it('refuses a session response that carries a secret with a SecretError saying the server leaked it (issue 23)', () => {
    for (const key of ['secretApiKey', 'apiKey', 'api_key', 'merchantKey', 'privateKey']) {
      const error = (() => {
        try {
          createClientSession({ ...good, [key]: 'leaked' } as never);
        } catch (e) {
          return e;
        }
      })();
      expect(error, key).toBeInstanceOf(SecretError);
      expect(error, key).toMatchObject({ path: `session response.${key}` });
      expect((error as Error).message, key).toMatch(/your server sent this merchant secret to the browser/);
    }
  });

  it('null options read as none (the defaults), not a TypeError', () => {
    expect(createClientSession(good, null as never).apiBaseUrl.href).toBe(createClientSession(good).apiBaseUrl.href);
  });
});

describe('Client API against the mock', () => {
  let session: ClientSession;
  beforeAll(async () => {
    session = createClientSession(await mintSession(['good-token', 'expired-1']), LOCAL);
  });

  it('exposes the invalid tokens the server relayed', () => {
    expect(session.invalidTokens).toEqual(['expired-1']);
  });

  it('getBasicPaymentProducts: GET products with the context, auth and meta info', async () => {
    const result = await session.getBasicPaymentProducts(context);
    expect(result.paymentProducts.map((p) => p.id)).toEqual([1, 3, 130, 840, 809, 320, 302]);
    expect(result.paymentProducts[0]).toMatchObject({ id: 1, paymentMethod: 'card', displayHints: { label: 'VISA' }, mobileIntegrationLevel: 'OPTIMISED_SUPPORT' });
    const wire = await last(session);
    expect(wire.method).toBe('GET');
    expect(wire.path).toBe(`${base(session)}/products`);
    expect(wire.query).toEqual({ countryCode: 'NL', currencyCode: 'EUR', amount: '1000', isRecurring: 'false', locale: 'en_GB', hide: 'fields' });
    expect(wire.headers.authorization).toBe(`GCS v1Client:${session.clientSessionId}`);
    const meta = JSON.parse(Buffer.from(wire.headers['x-gcs-clientmetainfo']!, 'base64').toString('utf8'));
    expect(meta).toMatchObject({ sdkIdentifier: expect.stringMatching(/^BatonConnect\//), sdkCreator: 'Baton', platformIdentifier: expect.any(String) });
    expect(meta.screenSize).toBeUndefined(); // no window in node
  });

  it('getBasicPaymentProductGroups: GET productgroups', async () => {
    const { paymentProductGroups } = await session.getBasicPaymentProductGroups({ ...context, locale: undefined });
    expect(paymentProductGroups).toEqual([expect.objectContaining({ id: 'cards', accountsOnFile: [] })]);
    const wire = await last(session);
    expect(wire.path).toBe(`${base(session)}/productgroups`);
    expect(wire.query).toEqual({ countryCode: 'NL', currencyCode: 'EUR', amount: '1000', isRecurring: 'false', hide: 'fields' });
  });

  it('getPaymentProduct: GET products/{id} with fields, validators and masks', async () => {
    const visa = await session.getPaymentProduct(1, context);
    expect(visa.fields.map((f) => f.id)).toEqual(['cardNumber', 'expiryDate', 'cvv', 'cardholderName']);
    const cardNumber = visa.fields[0]!;
    expect(cardNumber.dataRestrictions).toMatchObject({ isRequired: true, validators: { luhn: {}, length: { minLength: 12, maxLength: 19 } } });
    expect(cardNumber.displayHints?.mask).toBe('{{9999}} {{9999}} {{9999}} {{9999}} {{999}}');
    const wire = await last(session);
    expect(wire.path).toBe(`${base(session)}/products/1`);
    expect(wire.query).toEqual({ countryCode: 'NL', currencyCode: 'EUR', amount: '1000', isRecurring: 'false', locale: 'en_GB' });
  });

  it('turns an error document into a ProviderError keeping errorId and errors', async () => {
    const error = await settled(() => session.getPaymentProduct(999, context));
    expect(error).toBeInstanceOf(ProviderError);
    const { code, provider, providerMessage, details } = error as ProviderError & { details: ConnectErrorDetails };
    expect({ code, provider, providerMessage }).toEqual({ code: '1007', provider: 'connect', providerMessage: 'UNKNOWN_PRODUCT_ID' });
    expect(details.httpStatus).toBe(404);
    expect(details.errorId).toMatch(/^[0-9a-f-]{36}-\d{8}$/);
    expect(details.errors[0]).toMatchObject({ code: '1007', id: 'UNKNOWN_PRODUCT_ID', httpStatusCode: 404, propertyName: 'productId' });
  });

  it('refuses a bad context before sending anything', async () => {
    const before = (await received(session)).length;
    for (const bad of [
      { ...context, countryCode: 'nl' },
      { ...context, currencyCode: 'euro' },
      { ...context, amount: 10.5 },
      { ...context, isRecurring: 'no' },
      {},
    ]) {
      await expect(session.getBasicPaymentProducts(bad as never)).rejects.toThrow(ValidationError);
    }
    await expect(session.getPaymentProduct(-1, context)).rejects.toThrow(/paymentProductId/);
    await expect(session.getPaymentProduct('1; DROP' as never, context)).rejects.toThrow(ValidationError);
    expect((await received(session)).length).toBe(before);
  });

  describe('getIinDetails', () => {
    it('answers NOT_ENOUGH_DIGITS below 6 digits without a request', async () => {
      const before = (await received(session)).length;
      expect(await session.getIinDetails('4111 1', context)).toEqual({ status: 'NOT_ENOUGH_DIGITS' });
      expect(await session.getIinDetails('', context)).toEqual({ status: 'NOT_ENOUGH_DIGITS' });
      expect((await received(session)).length).toBe(before);
    });

    it('POSTs the first 6 digits as bin with the payment context', async () => {
      const result = await session.getIinDetails('411111 1', context);
      expect(result).toEqual({ status: 'SUPPORTED', details: { paymentProductId: 1, countryCode: 'US', isAllowedInContext: true, coBrands: [] } });
      const wire = await last(session);
      expect(wire.method).toBe('POST');
      expect(wire.path).toBe(`${base(session)}/services/getIINdetails`);
      expect(wire.headers['content-type']).toMatch(/application\/json/);
      expect(wire.body).toEqual({ bin: '411111', paymentContext: { countryCode: 'NL', isRecurring: false, amountOfMoney: { amount: 1000, currencyCode: 'EUR' } } });
    });

    it('sends the first 8 digits once there are 8, never the full number', async () => {
      await session.getIinDetails('4111 1111 1111 1111', context);
      expect((await last(session)).body).toMatchObject({ bin: '41111111' });
    });

    it('reports co-brands, a known but not allowed IIN, and an unknown one', async () => {
      const mc = await session.getIinDetails('5105105105105100', context);
      expect(mc.status).toBe('SUPPORTED');
      expect(mc.status === 'SUPPORTED' && mc.details.coBrands).toEqual([{ paymentProductId: 117, isAllowedInContext: false }]);
      expect(await session.getIinDetails('6011000000000004', context)).toMatchObject({ status: 'EXISTING_BUT_NOT_ALLOWED', details: { paymentProductId: 128 } });
      expect(await session.getIinDetails('999999', context)).toEqual({ status: 'UNKNOWN' });
    });

    it('refuses non-digits', async () => {
      await expect(session.getIinDetails('4111x1', context)).rejects.toThrow(ValidationError);
      await expect(session.getIinDetails(411111 as never, context)).rejects.toThrow(ValidationError);
    });
  });

  it('getPublicKey: GET crypto/publickey once per session', async () => {
    const fresh = createClientSession(await mintSession(), LOCAL);
    const [a, b] = await Promise.all([fresh.getPublicKey(), fresh.getPublicKey()]);
    const c = await fresh.getPublicKey();
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(a.keyId).toMatch(/^mock-key-/);
    expect(Buffer.from(a.publicKey, 'base64').length).toBeGreaterThan(250);
    const wire = await received(fresh);
    expect(wire.map((r) => r.path)).toEqual([`${base(fresh)}/crypto/publickey`]);
  });

  it('getPublicKey and getIinDetails: one caller abort never fails another; abort-then-ask-again gets a fresh answer (issue 23)', async () => {
    const fresh = createClientSession(await mintSession(), LOCAL);
    const leaving = new AbortController();
    const gone = fresh.getPublicKey({ signal: leaving.signal });
    const staying = fresh.getPublicKey({ signal: new AbortController().signal });
    leaving.abort();
    await expect(gone).rejects.toMatchObject({ name: 'NetworkError', kind: 'aborted' });
    await expect(staying).resolves.toMatchObject({ keyId: expect.stringMatching(/^mock-key-/) });

    // React StrictMode: ask, abort, ask again in the same tick.
    const other = createClientSession(await mintSession(), LOCAL);
    const strict = new AbortController();
    const first = other.getIinDetails('411111', context, { signal: strict.signal });
    strict.abort();
    const second = other.getIinDetails('411111', context);
    await expect(first).rejects.toMatchObject({ kind: 'aborted' });
    await expect(second).resolves.toMatchObject({ status: expect.stringMatching(/SUPPORTED|UNKNOWN|EXISTING/) });
    // A joining caller's own signal works.
    const joiner = new AbortController();
    const starter = other.getIinDetails('555555', context);
    const joined = other.getIinDetails('555555', context, { signal: joiner.signal });
    joiner.abort();
    await expect(joined).rejects.toMatchObject({ kind: 'aborted' });
    await expect(starter).resolves.toMatchObject({ status: expect.any(String) });
  });

  it('getPaymentProductNetworks: GET products/{id}/networks', async () => {
    expect(await session.getPaymentProductNetworks(320, context)).toEqual({ networks: ['AMEX', 'MASTERCARD', 'VISA'] });
    const wire = await last(session);
    expect(wire.path).toBe(`${base(session)}/products/320/networks`);
    expect(wire.query).toMatchObject({ countryCode: 'NL', currencyCode: 'EUR', amount: '1000', isRecurring: 'false' });
    await expect(session.getPaymentProductNetworks(1, context)).rejects.toMatchObject({ name: 'ProviderError', code: '21000020' });
  });

  it('getPaymentProductDirectory: GET products/{id}/directory', async () => {
    const { entries } = await session.getPaymentProductDirectory(809, { countryCode: 'NL', currencyCode: 'EUR' });
    expect(entries.map((e) => e.issuerId)).toEqual(['INGBNL2A', 'RABONL2U']);
    const wire = await last(session);
    expect(wire.path).toBe(`${base(session)}/products/809/directory`);
    expect(wire.query).toEqual({ countryCode: 'NL', currencyCode: 'EUR' });
  });

  it('convertAmount: GET services/convert/amount', async () => {
    expect(await session.convertAmount({ source: 'EUR', target: 'USD', amount: 1000 })).toEqual({ convertedAmount: 1100 });
    const wire = await last(session);
    expect(wire.path).toBe(`${base(session)}/services/convert/amount`);
    expect(wire.query).toEqual({ source: 'EUR', target: 'USD', amount: '1000' });
    await expect(session.convertAmount({ source: 'EUR', target: 'XYZ', amount: 1 })).rejects.toMatchObject({ code: '21000020' });
    await expect(session.convertAmount({ source: 'EUR', target: 'USD', amount: -1 })).rejects.toThrow(ValidationError);
  });

  it('getThirdPartyPaymentStatus: GET payments/{id}/thirdpartystatus', async () => {
    const error = await settled(() => session.getThirdPartyPaymentStatus('000001_0'));
    expect(error).toMatchObject({ name: 'ProviderError', code: '1002', providerMessage: 'UNKNOWN_PAYMENT_ID' });
    expect((await last(session)).path).toBe(`${base(session)}/payments/000001_0/thirdpartystatus`);
    await expect(session.getThirdPartyPaymentStatus('../x')).rejects.toThrow(ValidationError);
  });

  it('getPrivacyPolicy: GET services/privacypolicy', async () => {
    const { htmlContent } = await session.getPrivacyPolicy({ locale: 'nl_NL', paymentProductId: 1 });
    expect(htmlContent).toContain('nl_NL, product 1');
    const wire = await last(session);
    expect(wire.path).toBe(`${base(session)}/services/privacypolicy`);
    expect(wire.query).toEqual({ locale: 'nl_NL', paymentProductId: '1' });
  });

  it('reports a bad session as the documented ProviderError', async () => {
    const minted = await mintSession();
    const stranger = createClientSession({ ...minted, clientSessionId: 'deadbeef' }, LOCAL);
    const error = await settled(() => stranger.getBasicPaymentProducts(context));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '9002', providerMessage: 'MISSING_OR_INVALID_AUTHORIZATION' });
    const details = (error as ProviderError).details as ConnectErrorDetails;
    expect(details.httpStatus).toBe(403);
    expect(details.errors[0]).toMatchObject({ category: 'CONNECT_PLATFORM_ERROR', httpStatusCode: 403 });
    expect(typeof details.errorId).toBe('string');
  });

  it('aborts with a NetworkError of kind "aborted"', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(session.getBasicPaymentProducts(context, { signal: controller.signal })).rejects.toMatchObject({ name: 'NetworkError', kind: 'aborted' });
  });

  it('works with clientApiUrl variants against the mock', async () => {
    const minted = await mintSession();
    for (const suffix of ['', '/', '/v1', '/v1/']) {
      const s = createClientSession({ ...minted, clientApiUrl: minted.clientApiUrl + suffix }, LOCAL);
      await expect(s.getPaymentProduct(3, context)).resolves.toMatchObject({ id: 3 });
    }
  });

  it('turns a non-JSON error into a NetworkError with the status', async () => {
    const minted = await mintSession();
    const s = createClientSession({ ...minted, clientApiUrl: `${mockUrl}/connect/nowhere` }, LOCAL);
    await expect(s.getPublicKey()).rejects.toSatisfy((e) => e instanceof NetworkError && e.status === 404);
  });
});

describe('encrypt', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ownKey = { keyId: 'test-kid', publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  const values = { cardNumber: '4111 1111 1111 1111', expiryDate: '12/30', cvv: '123', cardholderName: 'Łukasz 王 Müller' };

  it('encrypts the documented plaintext (unmasked values, nonce, no device data outside a browser)', async () => {
    const session = createClientSession(await mintSession(), LOCAL);
    vi.spyOn(session, 'getPublicKey').mockResolvedValue(ownKey);
    const product = await session.getPaymentProduct(1, context);
    const jwe = await session.encrypt({ paymentProductId: 1, values, product, tokenize: true });
    const { header, plaintext } = decryptWithNode(jwe, privateKey);
    expect(header).toEqual({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512', kid: 'test-kid' });
    const body = JSON.parse(plaintext);
    expect(body).toEqual({
      clientSessionId: session.clientSessionId,
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/),
      paymentProductId: 1,
      tokenize: true,
      paymentValues: [
        { key: 'cardNumber', value: '4111111111111111' },
        { key: 'expiryDate', value: '1230' },
        { key: 'cvv', value: '123' },
        { key: 'cardholderName', value: 'Łukasz 王 Müller' },
      ],
    });
    const again = JSON.parse(decryptWithNode(await session.encrypt({ paymentProductId: 1, values, product }), privateKey).plaintext);
    expect(again.nonce).not.toBe(body.nonce);
    expect(again.tokenize).toBe(false);
  });

  it('strips spaces and slashes without a product, and carries accountOnFileId', async () => {
    const session = createClientSession(await mintSession(), LOCAL);
    vi.spyOn(session, 'getPublicKey').mockResolvedValue(ownKey);
    const jwe = await session.encrypt({ paymentProductId: 3, values: { cvv: '123', expiryDate: '01 / 31' }, accountOnFileId: 42 });
    const body = JSON.parse(decryptWithNode(jwe, privateKey).plaintext);
    expect(body.accountOnFileId).toBe(42);
    expect(body.paymentValues).toEqual([{ key: 'cvv', value: '123' }, { key: 'expiryDate', value: '0131' }]);
  });

  it('names the fields that fail the product validators, before fetching a key', async () => {
    const session = createClientSession(await mintSession(), LOCAL);
    const product = await session.getPaymentProduct(1, context);
    const error = await settled(() => session.encrypt({ paymentProductId: 1, product, values: { cardNumber: '4111 1111 1111 1112', expiryDate: '13/30', cvv: '12' } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['cardNumber', 'expiryDate', 'cvv', 'cardholderName']);
    expect((error as ValidationError).message).toMatch(/cardNumber: fails luhn/);
    expect((await received(session)).some((r) => r.path.endsWith('crypto/publickey'))).toBe(false);
  });

  it('refuses bad requests', async () => {
    const session = createClientSession(await mintSession(), LOCAL);
    const product = await session.getPaymentProduct(1, context);
    await expect(session.encrypt({ paymentProductId: 3, values, product })).rejects.toThrow(/product/);
    await expect(session.encrypt({ paymentProductId: '1', values } as never)).rejects.toThrow(ValidationError);
    await expect(session.encrypt({ paymentProductId: 1, values: { cvv: 123 } } as never)).rejects.toThrow(ValidationError);
    await expect(session.encrypt(undefined as never)).rejects.toThrow(ValidationError);
  });

  it('round trip: the merchant mock decrypts with its private key and answers the masked card', async () => {
    const session = createClientSession(await mintSession(), LOCAL);
    const product = await session.getPaymentProduct(1, context);
    const encryptedCustomerInput = await session.encrypt({ paymentProductId: 1, values, product });
    const res = await fetch(`${mockUrl}/merchant/connect/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encryptedCustomerInput }),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.payment.status).toBe('PENDING_APPROVAL');
    expect(body.payment.paymentOutput.cardPaymentMethodSpecificOutput.card).toEqual({
      cardNumber: '************1111',
      expiryDate: '1230',
      cardholderName: 'Łukasz 王 Müller',
    });
    // The same JWE twice is a replay.
    const replay = await fetch(`${mockUrl}/merchant/connect/payments`, { method: 'POST', body: JSON.stringify({ encryptedCustomerInput }) });
    expect(replay.status).toBe(409);
  });
});
