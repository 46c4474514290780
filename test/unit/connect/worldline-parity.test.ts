// Baton's validation rules, payment requests and encryptor answer as Worldline's SDK does. The
// cases are the inputs and expected answers of Worldline's own connect-sdk-client-js unit tests
// (src/__tests__/unit/validation-rule/*, PaymentRequest.test.ts, Encryptor.test.ts), written
// against Baton's API (this file was reference-cases.test.ts). Where Baton answers differently on
// purpose the case says so; docs/connect-reference.md lists every such difference with its reason.
import { describe, expect, it, vi } from 'vitest';
import { createClientSession } from '../../../src/connect/index.js';
import type { FieldValidators, PaymentProduct } from '../../../src/connect/schemas.js';
import { failedValidators, validateValues } from '../../../src/connect/validators.js';
import { ValidationError } from '../../../src/core/errors.js';

/** A case: the field's value (undefined = never set), the other fields' values, and whether the rule passes. */
type Case = readonly [value: string | undefined, passes: boolean, others?: Record<string, string>];

function ruleCases(name: string, validators: FieldValidators, cases: readonly Case[]) {
  describe(name, () => {
    for (const [value, passes, others = {}] of cases) {
      it(`${JSON.stringify(value)} ${passes ? 'passes' : 'fails'} (other fields ${JSON.stringify(others)})`, () => {
        const failed = failedValidators(value ?? '', validators, new Date(), others);
        expect(failed).toEqual(passes ? [] : [Object.keys(validators)[0]]);
      });
    }
  });
}

// The reference's public-key fixture (src/__tests__/__fixtures__/public-key-response.ts).
const REFERENCE_PUBLIC_KEY = {
  keyId: '2c3363b2-ce03-4079-90db-c8bf381ac49c',
  publicKey:
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnCGiSURrr/U9+0hpG7fgwJgnHODLjwUZRRbS0Xb5U25V1LlpNx40NvS2KTQ8i301cjWGl3FAjHRd54z/xGcEXb3/uIXprGNzqabK3D6awSma+ONlzuEFTzbdTMDd0iNDrhEgUekAaKPRDI94EhAoHKq8fIGbkovBSh87+TKMlq6Q1itV3nPve7kJ9dMLh+FpQyQkM3pRR9QZRAtT+3/fr0+H/beZyiN0VnQtJr2H1tvCBWOPIajdlZChr4wjWoLIpvcKesclDHh7DOf4INvujUtirq9JwXvh5W7Lo+S6yglbQQUW9mR6Rk7IaVfkAScBxML6SQM3N10oUcyHx6oaBQIDAQAB',
};
/** A session as the reference's Encryptor test builds it, with its public key. */
function session() {
  const s = createClientSession({
    clientSessionId: 'sessionId',
    customerId: '9991-0b67467b30df4c6d8649c8adc568fd0f',
    clientApiUrl: 'https://eu.api-ingenico.com/client',
    assetUrl: 'https://assets.pay1.secured-by-ingenico.com/',
  });
  vi.spyOn(s, 'getPublicKey').mockResolvedValue(REFERENCE_PUBLIC_KEY);
  return s;
}

const now = new Date();
const mm = String(now.getMonth() + 1).padStart(2, '0');

ruleCases('emailAddress', { emailAddress: {} }, [[undefined, false], ['', false], ['aa@bb.com', true], ['aa2bb.com', false]]);
ruleCases('expirationDate', { expirationDate: {} }, [
  [undefined, false],
  ['', false],
  [`${mm}${String(now.getFullYear()).slice(2)}`, true],
  [`${mm}${now.getFullYear()}`, true],
  ['0122', false],
  ['12345', false],
]);
ruleCases('fixedList', { fixedList: { allowedValues: ['a', 'b', 'c'] } }, [[undefined, false], ['', false], ['a', true], ['d', false]]);
ruleCases('iban', { iban: {} }, [[undefined, false], ['', false], ['DE89370400440532013000', true], ['DE89370400440532013001', false]]);
ruleCases('length', { length: { minLength: 2, maxLength: 5 } }, [[undefined, false], ['', false], ['12', true], ['12345', true], ['1', false], ['123456', false]]);
ruleCases('luhn', { luhn: {} }, [[undefined, false], ['', false], ['79927398713', true], ['79927398712', false]]);
ruleCases('range', { range: { minValue: 2, maxValue: 5 } }, [[undefined, false], ['', false], ['2', true], ['5', true], ['1', false], ['6', false]]);
ruleCases('regularExpression', { regularExpression: { regularExpression: '\\d{2}[a-z]{2}[A-Z]{3}' } }, [[undefined, false], ['', false], ['12abABC', true], ['12abAB', false]]);
ruleCases('termsAndConditions', { termsAndConditions: {} }, [[undefined, false], ['', false], ['true', true], ['false', false]]);
ruleCases('residentIdNumber', { residentIdNumber: {} }, [
  [undefined, false],
  ['', false],
  ...(['123456789012345', '110101202002042275', '110101202002049979', '11010120200211585X', '11010120200211585x', '11010120200325451X', '11010120200325451x'] as const).map(
    (id): Case => [id, true],
  ),
  ...(
    [
      '1234567890', '12345678901234X', '12345678901234x', '12345678901234a', '110101202002042274', '1101012020020227a4',
      'b10101202002049979', '15242719920303047X', '15242719920303047x', '15242719920303047a',
    ] as const
  ).map((id): Case => [id, false]),
]);
ruleCases('boletoBancarioRequiredness', { boletoBancarioRequiredness: { fiscalNumberLength: 3 } }, [
  [undefined, false, { fiscalNumber: '123' }],
  ['', false, { fiscalNumber: '123' }],
  ['value', true, { fiscalNumber: '123' }],
  [undefined, true, { fiscalNumber: '1' }],
  ['value', true, { fiscalNumber: '1' }],
  [undefined, true],
  ['', true],
  ['value', true],
]);

describe('the rules through validateValues (a required field, as in the reference fixtures)', () => {
  const product = (validators: FieldValidators) => ({ id: 1, fields: [{ id: 'dummy', dataRestrictions: { isRequired: true, validators } }] }) as unknown as PaymentProduct;
  it.each([
    [{ luhn: {} }, '79927398713', []],
    [{ luhn: {} }, '79927398712', [{ path: 'dummy', message: 'fails luhn' }]],
    [{ iban: {} }, 'DE89370400440532013001', [{ path: 'dummy', message: 'fails iban' }]],
    [{ residentIdNumber: {} }, '11010120200211585x', []],
    [{ length: { minLength: 2, maxLength: 5 } }, '123456', [{ path: 'dummy', message: 'fails length' }]],
    [{ luhn: {} }, undefined, [{ path: 'dummy', message: 'is required' }]],
  ] as const)('%j with %j → %j', (validators, value, issues) => {
    expect(validateValues(product(validators), value === undefined ? {} : { dummy: value })).toEqual(issues);
  });
});

describe('PaymentRequest.validate cases', () => {
  const cardField = { id: 'cardNumber', type: 'numericstring', dataRestrictions: { isRequired: true, validators: { luhn: {} } } };
  const product = (fields: unknown[]) => ({ id: 1, paymentMethod: 'card', fields }) as unknown as PaymentProduct;
  const account = (status: string) => ({ id: 0, paymentProductId: 1, attributes: [{ key: 'cardNumber', value: '************7977', status }] });

  it('refuses to validate without a payment product', () => {
    expect(() => validateValues(undefined as never, {})).toThrow(ValidationError);
  });
  it('no fields, no errors', () => {
    expect(validateValues(product([]), {})).toEqual([]);
  });
  it('a required field without a value is required', () => {
    expect(validateValues(product([cardField]), {})).toEqual([{ path: 'cardNumber', message: 'is required' }]);
  });
  it('a required field with a good value passes', () => {
    expect(validateValues(product([cardField]), { cardNumber: '4567350000427977' })).toEqual([]);
  });
  it('a required field set to "" is only "required" (deliberate: the reference also reports luhn)', () => {
    expect(validateValues(product([cardField]), { cardNumber: '' })).toEqual([{ path: 'cardNumber', message: 'is required' }]);
  });
  it('an account on file with a READ_ONLY attribute needs no value', () => {
    expect(validateValues(product([cardField]), {}, { accountOnFile: account('READ_ONLY') })).toEqual([]);
  });
  it('an account on file with a MUST_WRITE attribute and no value: required', () => {
    expect(validateValues(product([cardField]), {}, { accountOnFile: account('MUST_WRITE') })).toEqual([{ path: 'cardNumber', message: 'is required' }]);
  });
  it('an account on file with a MUST_WRITE attribute and a value: passes', () => {
    expect(validateValues(product([cardField]), { cardNumber: '4567350000427977' }, { accountOnFile: account('MUST_WRITE') })).toEqual([]);
  });
});

// Worldline's PaymentRequest.test.ts, 'with field provided by account on file': "should return errors
// when account on file contains attribute status `MUST_WRITE` without overridden value" (the
// reference answers `[{ fieldId: 'cardNumber', errorMessageId: 'required' }]`). The attribute must
// be typed again however it is left out — never set, `''` or spaces — and whether or not the field
// is `isRequired` (a CVV usually is not): Baton answers `is required` on every path. (For an
// optional field the reference reports `luhn` on `''`, and nothing when the value was never set.)
describe('an account on file whose attribute is MUST_WRITE', () => {
  const cardField = (isRequired: boolean) => ({ id: 'cardNumber', type: 'numericstring', dataRestrictions: { isRequired, validators: { luhn: {} } } });
  // Id 42, not the reference fixture's 0: an accountOnFileId starts at 1.
  const account = (status: string) => ({ id: 42, paymentProductId: 1, attributes: [{ key: 'cardNumber', value: '************7977', status }] });
  const product = (isRequired: boolean, status = 'MUST_WRITE') =>
    ({ id: 1, paymentMethod: 'card', fields: [cardField(isRequired)], accountsOnFile: [account(status)] }) as unknown as PaymentProduct;
  const required = [{ path: 'cardNumber', message: 'is required' }];

  describe.each([true, false])('isRequired %s', (isRequired) => {
    it.each([[{}], [{ cardNumber: '' }], [{ cardNumber: '   ' }]])('without overridden value %j: required', async (values) => {
      expect(validateValues(product(isRequired), values, { accountOnFile: account('MUST_WRITE') })).toEqual(required);
      for (const by of [{ accountOnFileId: 42 }, { accountOnFile: account('MUST_WRITE') }]) {
        const error = await session()
          .encrypt({ paymentProductId: 1, product: product(isRequired), values, ...by })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues).toEqual(required);
      }
    });
    it('with overridden value: passes', async () => {
      expect(validateValues(product(isRequired), { cardNumber: '4567350000427977' }, { accountOnFile: account('MUST_WRITE') })).toEqual([]);
      await expect(session().encrypt({ paymentProductId: 1, product: product(isRequired), accountOnFileId: 42, values: { cardNumber: '4567350000427977' } })).resolves.toMatch(/^[\w-]+(\.[\w-]+){4}$/);
    });
    it('READ_ONLY: no value needed', async () => {
      expect(validateValues(product(isRequired, 'READ_ONLY'), {}, { accountOnFile: account('READ_ONLY') })).toEqual([]);
      await expect(session().encrypt({ paymentProductId: 1, product: product(isRequired, 'READ_ONLY'), accountOnFileId: 42, values: {} })).resolves.toMatch(/^[\w-]+(\.[\w-]+){4}$/);
    });
  });
});

// Worldline's validation-rule/ValidationRuleBoletoBancarioRequiredness.test.ts, through a product
// (its fixture: the rule on `dummy`, an optional `fiscalNumber`) with validateValues and encrypt.
// The reference's messages name the cases.
describe('boletoBancarioRequiredness through a product', () => {
  const product = (isRequired: boolean) =>
    ({
      id: 1,
      paymentMethod: 'card',
      fields: [
        { id: 'dummy', type: 'string', dataRestrictions: { isRequired, validators: { boletoBancarioRequiredness: { fiscalNumberLength: 3 } } } },
        { id: 'fiscalNumber', type: 'string', dataRestrictions: { isRequired: false, validators: {} } },
      ],
    }) as unknown as PaymentProduct;
  const cases: ReadonlyArray<readonly [msg: string, values: Record<string, string>, passes: boolean]> = [
    ['Correct FiscalNumber Length: should fail validation when `setValue` when value is missing', { fiscalNumber: '123' }, false],
    ['Correct FiscalNumber Length: should fail validation when value is an empty string', { dummy: '', fiscalNumber: '123' }, false],
    ['(Baton: spaces are no value; the reference counts them as given) value of spaces', { dummy: '   ', fiscalNumber: '123' }, false],
    ['Correct FiscalNumber Length: should pass validation when fiscalNumber is found with a truthy value', { dummy: 'value', fiscalNumber: '123' }, true],
    ['Incorrect FiscalNumber Length: should pass validation when value is missing', { fiscalNumber: '1' }, true],
    ['Incorrect FiscalNumber Length: should return pass validation when fiscal number length is not met the condition and value is truthy', { dummy: 'value', fiscalNumber: '1' }, true],
    ['Without FiscalNumber: should pass validation when fiscal number and value are not set', {}, true],
    ['Without FiscalNumber: should pass validation when fiscal number is not set and value is an empty string', { dummy: '' }, true],
    ['Without FiscalNumber: should pass validation when fiscal number is not set and value is truthy', { dummy: 'value' }, true],
  ];
  it.each(cases)('%s', async (_, values, passes) => {
    const issues = passes ? [] : [{ path: 'dummy', message: 'fails boletoBancarioRequiredness' }];
    expect(validateValues(product(false), values)).toEqual(issues);
    const encrypted = await session().encrypt({ paymentProductId: 1, product: product(false), values }).catch((e: unknown) => e);
    if (passes) expect(encrypted).toMatch(/^[\w-]+(\.[\w-]+){4}$/);
    else expect((encrypted as ValidationError).issues).toEqual(issues);
    // A required dummy without a value is only "required", whatever the fiscal number.
    if (!passes || !values.dummy) expect(validateValues(product(true), values)).toEqual([{ path: 'dummy', message: 'is required' }]);
  });
});

describe('Encryptor.encrypt cases', () => {
  const product = {
    id: 1,
    paymentMethod: 'card',
    fields: [{ id: 'cardNumber', type: 'numericstring', dataRestrictions: { isRequired: true, validators: { luhn: {} } } }],
  } as unknown as PaymentProduct;

  it('refuses a request that fails validation, naming the field and validator', async () => {
    const error = await session()
      .encrypt({ paymentProductId: 1, product, values: { cardNumber: '4567350000427978' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'cardNumber', message: 'fails luhn' }]);
  });

  it('encrypts a valid request into a compact JWE with the documented header', async () => {
    const jwe = await session().encrypt({ paymentProductId: 1, product, values: { cardNumber: '4567350000427977' } });
    const parts = jwe.split('.');
    expect(parts).toHaveLength(5);
    expect(JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())).toStrictEqual({ alg: 'RSA-OAEP', enc: 'A256CBC-HS512', kid: REFERENCE_PUBLIC_KEY.keyId });
  });

  it('without a product there is nothing to check against (deliberate: the reference refuses)', async () => {
    await expect(session().encrypt({ paymentProductId: 1, values: { cardNumber: '4567350000427977' } })).resolves.toMatch(/^[\w-]+(\.[\w-]+){4}$/);
  });
});
