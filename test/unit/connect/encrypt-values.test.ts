// What session.encrypt puts in the JWE: the values Worldline's own SDK would send (trimmed,
// ASCII digits, only the product's fields, stored attributes left out) and the same device
// information — checked by decrypting with Node's crypto.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientSession, type PaymentProduct } from '../../../src/connect/index.js';
import { ValidationError } from '../../../src/core/errors.js';
import { decryptWithNode } from './jwe-node.js';
import { loadReferenceInBrowser } from './reference-browser.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ownKey = { keyId: 'test-kid', publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
const sessionResponse = {
  clientSessionId: 'f084372052fb47d9a766ec35bfa0e6bd',
  customerId: '9991-0b67467b30df4c6d8649c8adc568fd0f',
  clientApiUrl: 'https://eu.api-ingenico.com/client',
  assetUrl: 'https://payment.pay1.checkout.worldline-solutions.com/',
};

const fieldsJson = [
  { id: 'cardNumber', type: 'numericstring', dataRestrictions: { isRequired: true, validators: { luhn: {}, length: { minLength: 12, maxLength: 19 } } }, displayHints: { mask: '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}' } },
  { id: 'expiryDate', type: 'expirydate', dataRestrictions: { isRequired: true, validators: { expirationDate: {} } }, displayHints: { mask: '{{99}}/{{99}}' } },
  { id: 'cvv', type: 'numericstring', dataRestrictions: { isRequired: false, validators: { regularExpression: { regularExpression: '^[0-9]{3}[0-9]?$' } } }, displayHints: { mask: '{{9999}}' } },
  { id: 'cardholderName', type: 'string', dataRestrictions: { isRequired: false, validators: { length: { minLength: 2, maxLength: 51 } } } },
];
const product = { id: 1, paymentMethod: 'card', fields: fieldsJson, accountsOnFile: [] } as unknown as PaymentProduct;

function session() {
  const s = createClientSession(sessionResponse);
  vi.spyOn(s, 'getPublicKey').mockResolvedValue(ownKey);
  return s;
}

async function plaintext(jwe: Promise<string>): Promise<Record<string, unknown> & { paymentValues: Array<{ key: string; value: string }> }> {
  return JSON.parse(decryptWithNode(await jwe, privateKey).plaintext);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('encrypt: the values sent', () => {
  it('sends full-width digits as ASCII, trimmed values, and drops ids the product does not have', async () => {
    const body = await plaintext(
      session().encrypt({
        paymentProductId: 1,
        product,
        values: { cardNumber: '４１１１ １１１１ １１１１ １１１１', expiryDate: '１２/３０', cvv: '１２３', cardholderName: '  Łukasz 王 Müller ', bogus: 'x', emailAddress: 'a@b.nl' },
      }),
    );
    expect(body.paymentValues).toEqual([
      { key: 'cardNumber', value: '4111111111111111' },
      { key: 'expiryDate', value: '1230' },
      { key: 'cvv', value: '123' },
      { key: 'cardholderName', value: 'Łukasz 王 Müller' },
    ]);
  });

  it('never sends a CVV of digits with no ASCII form: the mask drops them, so a required CVV is missing', async () => {
    const cvvRequired = { ...product, fields: product.fields.map((f) => (f.id === 'cvv' ? { ...f, dataRestrictions: { ...f.dataRestrictions, isRequired: true } } : f)) };
    const error = await session()
      .encrypt({ paymentProductId: 1, product: cvvRequired, values: { cardNumber: '4111111111111111', expiryDate: '1230', cvv: '١٢٣' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'cvv', message: 'is required' }]);
    // Without a mask the validator refuses them.
    const unmasked = { ...product, fields: product.fields.map((f) => (f.id === 'cvv' ? { ...f, displayHints: {} } : f)) };
    const again = await session()
      .encrypt({ paymentProductId: 1, product: unmasked, values: { cardNumber: '4111111111111111', expiryDate: '1230', cvv: '١٢٣' } })
      .catch((e: unknown) => e);
    expect((again as ValidationError).issues).toEqual([{ path: 'cvv', message: 'fails regularExpression' }]);
  });

  it('does not send an empty optional value', async () => {
    const body = await plaintext(session().encrypt({ paymentProductId: 1, product, values: { cardNumber: '4111111111111111', expiryDate: '1230', cvv: ' ' } }));
    expect(body.paymentValues.map((v) => v.key)).toEqual(['cardNumber', 'expiryDate']);
  });

  describe('with an account on file', () => {
    const account = (expiryStatus: string) => ({
      id: 42,
      paymentProductId: 1,
      attributes: [
        { key: 'cardNumber', value: '************1111', status: 'READ_ONLY' },
        { key: 'expiryDate', value: '0120', status: expiryStatus, mustWriteReason: 'IN_THE_PAST' },
      ],
    });
    const withAccount = (status: string) => ({ ...product, accountsOnFile: [account(status)] }) as unknown as PaymentProduct;

    it('refuses a missing MUST_WRITE attribute before encrypting', async () => {
      const error = await session()
        .encrypt({ paymentProductId: 1, product: withAccount('MUST_WRITE'), accountOnFileId: 42, values: { cvv: '123' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([{ path: 'expiryDate', message: 'is required' }]);
    });

    it('without the product, the account alone still requires its MUST_WRITE values (an empty CVV does not pass)', async () => {
      const stored = { ...account('MUST_WRITE'), attributes: [...account('MUST_WRITE').attributes, { key: 'cvv', status: 'MUST_WRITE' }] };
      for (const values of [{}, { cvv: '' }, { cvv: '   ' }, { expiryDate: '12/30' }] as Record<string, string>[]) {
        const error = await session().encrypt({ paymentProductId: 1, accountOnFile: stored as never, values }).catch((e: unknown) => e);
        expect(error, JSON.stringify(values)).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((i) => i.path), JSON.stringify(values)).toEqual(Object.keys(values).includes('expiryDate') ? ['cvv'] : ['expiryDate', 'cvv']);
      }
      const body = await plaintext(session().encrypt({ paymentProductId: 1, accountOnFile: stored as never, values: { expiryDate: '1230', cvv: '123' } }));
      expect(body.paymentValues).toEqual([{ key: 'expiryDate', value: '1230' }, { key: 'cvv', value: '123' }]);
      // READ_ONLY and CAN_WRITE attributes need nothing typed.
      await expect(plaintext(session().encrypt({ paymentProductId: 1, accountOnFile: account('READ_ONLY') as never, values: {} }))).resolves.toMatchObject({ accountOnFileId: 42 });
    });

    it('sends the MUST_WRITE value and leaves READ_ONLY ones to the stored account', async () => {
      const body = await plaintext(
        session().encrypt({ paymentProductId: 1, product: withAccount('MUST_WRITE'), accountOnFileId: 42, values: { cardNumber: '************1111', expiryDate: '12/30', cvv: '123' } }),
      );
      expect(body.accountOnFileId).toBe(42);
      expect(body.paymentValues).toEqual([
        { key: 'expiryDate', value: '1230' },
        { key: 'cvv', value: '123' },
      ]);
    });

    it('takes the account as accountOnFile too (e.g. from getBasicPaymentProducts)', async () => {
      const body = await plaintext(session().encrypt({ paymentProductId: 1, product, accountOnFile: account('CAN_WRITE'), values: { cvv: '123' } }));
      expect(body.accountOnFileId).toBe(42);
      expect(body.paymentValues).toEqual([{ key: 'cvv', value: '123' }]);
    });

    it('an account id the product does not list stores nothing: every required field is required', async () => {
      const error = await session()
        .encrypt({ paymentProductId: 1, product, accountOnFileId: 99, values: { cvv: '123' } })
        .catch((e: unknown) => e);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['cardNumber', 'expiryDate']);
    });
  });
});

describe('encrypt: collectedDeviceInformation', () => {
  const browser = { language: 'nl-NL', screen: { colorDepth: 24, height: 1080, width: 1920 }, innerHeight: 844, innerWidth: 390 };
  function stubBrowser() {
    vi.stubGlobal('window', { innerHeight: browser.innerHeight, innerWidth: browser.innerWidth, screen: browser.screen });
    vi.stubGlobal('navigator', { language: browser.language, userAgent: 'TestAgent/1', javaEnabled: () => false });
  }

  it('carries every field Worldline sends, typed as the Connect API reference documents', async () => {
    stubBrowser();
    const body = await plaintext(session().encrypt({ paymentProductId: 1, product, values: { cardNumber: '4111111111111111', expiryDate: '1230' } }));
    expect(body.collectedDeviceInformation).toStrictEqual({
      timezoneOffsetUtcMinutes: String(new Date().getTimezoneOffset()),
      locale: 'nl-NL',
      browserData: {
        javaScriptEnabled: true,
        javaEnabled: false,
        colorDepth: 24,
        screenHeight: '1080',
        screenWidth: '1920',
        innerHeight: '844',
        innerWidth: '390',
      },
    });
  });

  it("has the same fields as the payload Worldline's connect-sdk-client-js 6.0.6 encrypts", async () => {
    stubBrowser();
    const ours = await plaintext(session().encrypt({ paymentProductId: 1, product, values: { cardNumber: '4111111111111111', expiryDate: '1230' } }));

    const { Session, PaymentProductField, PaymentRequest } = loadReferenceInBrowser(browser);
    const reference = new Session(sessionResponse as never);
    // The reference fetches its key over the network; hand it ours instead.
    (reference as unknown as { _c2sCommunicator: { getPublicKey: () => Promise<unknown> } })._c2sCommunicator.getPublicKey = async () => ownKey;
    const fields = fieldsJson.map((json) => new PaymentProductField(json as never));
    const request = new PaymentRequest(sessionResponse.clientSessionId as never);
    request.setPaymentProduct({ id: 1, paymentProductFields: fields, getPaymentProductField: (id: string) => fields.find((f) => f.id === id) });
    request.setValue('cardNumber', '4111 1111 1111 1111');
    request.setValue('expiryDate', '12/30');
    const theirs = await plaintext(reference.getEncryptor().encrypt(request));

    const shape = (value: unknown): unknown =>
      value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort()) : typeof value;
    const keysOf = (value: unknown) => JSON.stringify(shape(value), (_k, v) => (typeof v === 'string' ? '' : v));
    expect(keysOf(ours.collectedDeviceInformation)).toBe(keysOf(theirs.collectedDeviceInformation));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours.paymentValues).toEqual(theirs.paymentValues);
    // Same values; the API reference types screen sizes and the offset as strings, the reference sends numbers.
    const device = theirs.collectedDeviceInformation as { timezoneOffsetUtcMinutes: number; browserData: Record<string, unknown> };
    expect(ours.collectedDeviceInformation).toEqual({
      timezoneOffsetUtcMinutes: String(device.timezoneOffsetUtcMinutes),
      locale: 'nl-NL',
      browserData: Object.fromEntries(Object.entries(device.browserData).map(([k, v]) => [k, typeof v === 'number' && k !== 'colorDepth' ? String(v) : v])),
    });
  });
});
