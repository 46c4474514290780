import { describe, expect, it } from 'vitest';
import { failedValidators, isExpiryDateValid, isIbanValid, isLuhnValid, unmaskValue, validateValues } from '../../../src/connect/validators.js';
import type { PaymentProduct } from '../../../src/connect/schemas.js';

const NOW = new Date(2026, 10, 23); // November 2026

describe('validators', () => {
  it.each([
    ['4111111111111111', true],
    ['5555555555554444', true],
    ['4000000000000002', true],
    ['4111111111111112', false],
    ['4111 1111 1111 1111', false],
    ['', false],
    ['0', false], // all zeros pass mod 10 but are no number
    ['0000000000000000', false],
    ['79927398713', true],
    ['４１１１１１１１１１１１１１１１', false], // validators see what is sent: ASCII digits (unmaskValue converts)
  ])('luhn %j → %s', (value, ok) => expect(isLuhnValid(value)).toBe(ok));

  it.each([
    ['1126', true], // this month
    ['1026', false], // last month
    ['0130', true],
    ['1151', true], // 25 years ahead
    ['1251', true], // up to December of the 25th year, as Worldline's SDK
    ['0152', false], // beyond 25 years
    ['112026', true],
    ['1326', false],
    ['0026', false],
    ['12/30', false],
    ['123', false],
  ])('expirationDate %j → %s', (value, ok) => expect(isExpiryDateValid(value, NOW)).toBe(ok));

  it.each([
    ['NL91ABNA0417164300', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['DE89370400440532013000', true],
    ['NL91ABNA0417164301', false],
    ['NL91-ABNA-0417-1643-00', true], // separators are ignored
    ['nl91 abna 0417 1643 00', true],
    ['RO49AAAA1B31007593840000', true], // letters in the account part (Worldline's SDK refuses these)
    ['LC55HEMM000100010012001200023015', true], // 32 characters (Worldline's SDK stops at 31)
    ['RU0204452560040702810412345678901', true], // 33 characters
    ['NO9386011117947', true], // 15, the shortest
    ['XX', false],
    ['GB82', false],
  ])('iban %j → %s', (value, ok) => expect(isIbanValid(value)).toBe(ok));

  it.each([
    ['123', { length: { minLength: 3, maxLength: 4 } }, []],
    ['12', { length: { minLength: 3, maxLength: 4 } }, ['length']],
    ['12345', { length: { minLength: 3, maxLength: 4 } }, ['length']],
    ['王王', { length: { minLength: 2, maxLength: 2 } }, []],
    ['🙂', { length: { minLength: 2, maxLength: 2 } }, []], // UTF-16 units, as the platform counts
    ['12', { length: { minLength: 3 } }, ['length']],
    ['123456', { length: { maxLength: 5 } }, ['length']], // a missing bound is no bound
    ['123', { regularExpression: { regularExpression: '^[0-9]{3}[0-9]?$' } }, []],
    ['12a', { regularExpression: { regularExpression: '[0-9]{3}' } }, ['regularExpression']],
    ['x123', { regularExpression: { regularExpression: '[0-9]{3}' } }, ['regularExpression']], // whole value must match
    ['50', { range: { minValue: 1, maxValue: 100 } }, []],
    ['0', { range: { minValue: 1, maxValue: 100 } }, ['range']],
    ['abc', { range: { minValue: 1, maxValue: 100 } }, ['range']],
    ['b', { fixedList: { allowedValues: ['a', 'b'] } }, []],
    ['c', { fixedList: { allowedValues: ['a', 'b'] } }, ['fixedList']],
    ['a@example.com', { emailAddress: {} }, []],
    ['a@example', { emailAddress: {} }, ['emailAddress']],
    ['a.b@mail.example.com', { emailAddress: {} }, []],
    ['a..b@example.com', { emailAddress: {} }, ['emailAddress']],
    ['a@example.c', { emailAddress: {} }, ['emailAddress']],
    ['jan de@voorbeeld.nl', { emailAddress: {} }, ['emailAddress']], // no whitespace inside an address
    ['ł@żółw.pl', { emailAddress: {} }, []],
    ['110101202002042275', { residentIdNumber: {} }, []],
    ['11010120200211585x', { residentIdNumber: {} }, []],
    ['110101202002042274', { residentIdNumber: {} }, ['residentIdNumber']],
    ['b1010120200204997X', { residentIdNumber: {} }, ['residentIdNumber']], // digits only before the check character
    ['', { range: { minValue: 0, maxValue: 5 } }, ['range']], // blank is not 0
    ['true', { termsAndConditions: {} }, []],
    ['false', { termsAndConditions: {} }, ['termsAndConditions']],
    ['4111111111111112', { luhn: {}, length: { minLength: 17 } }, ['luhn', 'length']],
    ['x', { someFutureValidator: {} }, []],
  ])('%j with %j fails %j', (value, validators, failed) => {
    expect(failedValidators(value, validators, NOW)).toEqual(failed);
  });

  it('unmasks values and strips spaces and slashes from card number and expiry date', () => {
    expect(unmaskValue('cardNumber', '4111 1111 1111 1111')).toBe('4111111111111111');
    expect(unmaskValue('expiryDate', '12/30')).toBe('1230');
    expect(unmaskValue('expiryDate', '12 / 30', '{{99}}/{{99}}')).toBe('1230');
    expect(unmaskValue('cardholderName', 'Łukasz 王 Müller')).toBe('Łukasz 王 Müller');
  });

  it('trims, and turns full-width digits into ASCII', () => {
    expect(unmaskValue('emailAddress', ' jan@voorbeeld.nl ')).toBe('jan@voorbeeld.nl');
    expect(unmaskValue('cvv', '１２３')).toBe('123');
    expect(unmaskValue('cardNumber', '４１１１ １１１１ １１１１ １１１１', '{{9999}} {{9999}} {{9999}} {{9999}}')).toBe('4111111111111111');
  });

  it('boletoBancarioRequiredness: required when fiscalNumber has the given length', () => {
    const boleto = { boletoBancarioRequiredness: { fiscalNumberLength: 14 } };
    expect(failedValidators('', boleto, NOW, { fiscalNumber: '12345678901234' })).toEqual(['boletoBancarioRequiredness']);
    expect(failedValidators('Rua A', boleto, NOW, { fiscalNumber: '12345678901234' })).toEqual([]);
    expect(failedValidators('', boleto, NOW, { fiscalNumber: '12345678901' })).toEqual([]);
    expect(failedValidators('', boleto, NOW)).toEqual([]);
  });
});

describe('validateValues', () => {
  const product = {
    fields: [
      { id: 'cardNumber', dataRestrictions: { isRequired: true, validators: { luhn: {}, length: { minLength: 12, maxLength: 19 } } } },
      { id: 'expiryDate', dataRestrictions: { isRequired: true, validators: { expirationDate: {} } } },
      { id: 'cardholderName', dataRestrictions: { isRequired: false, validators: { length: { minLength: 2 } } } },
    ],
  } as unknown as PaymentProduct;

  it('names every failing field', () => {
    expect(validateValues(product, { cardNumber: '4111111111111112', cardholderName: 'X' }, { now: NOW })).toEqual([
      { path: 'cardNumber', message: 'fails luhn' },
      { path: 'expiryDate', message: 'is required' },
      { path: 'cardholderName', message: 'fails length' },
    ]);
  });

  it('passes good values, and optional fields may be empty', () => {
    expect(validateValues(product, { cardNumber: '4111111111111111', expiryDate: '1230' }, { now: NOW })).toEqual([]);
  });

  it('skips required checks for an account on file', () => {
    expect(validateValues(product, {}, { skipRequired: true, now: NOW })).toEqual([]);
  });
});

describe('validateValues: trimming, accounts on file, boleto', () => {
  const email = { fields: [{ id: 'emailAddress', dataRestrictions: { isRequired: true, validators: { emailAddress: {} } } }] } as unknown as PaymentProduct;

  it('trims values before checking them', () => {
    expect(validateValues(email, { emailAddress: ' jan@voorbeeld.nl ' })).toEqual([]);
    expect(validateValues(email, { emailAddress: '   ' })).toEqual([{ path: 'emailAddress', message: 'is required' }]);
  });

  it('refuses a missing product and values that are not strings', () => {
    expect(() => validateValues(undefined as never, {})).toThrow(/product/);
    expect(validateValues(email, { emailAddress: 5 as never })).toEqual([
      { path: 'emailAddress', message: 'must be a string', received: 'number' },
      { path: 'emailAddress', message: 'is required' },
    ]);
  });

  const card = {
    id: 1,
    fields: [
      { id: 'cardNumber', dataRestrictions: { isRequired: true, validators: { luhn: {} } } },
      { id: 'expiryDate', dataRestrictions: { isRequired: true, validators: { expirationDate: {} } } },
    ],
  } as unknown as PaymentProduct;
  const account = (status: string, paymentProductId = 1) => ({
    id: 7,
    paymentProductId,
    attributes: [
      { key: 'cardNumber', value: '************7977', status: 'READ_ONLY' },
      { key: 'expiryDate', value: '0120', status },
    ],
  });

  it('a stored attribute needs no value, a MUST_WRITE one does', () => {
    expect(validateValues(card, {}, { accountOnFile: account('CAN_WRITE'), now: NOW })).toEqual([]);
    expect(validateValues(card, {}, { accountOnFile: account('MUST_WRITE'), now: NOW })).toEqual([{ path: 'expiryDate', message: 'is required' }]);
    expect(validateValues(card, { expiryDate: '1230' }, { accountOnFile: account('MUST_WRITE'), now: NOW })).toEqual([]);
  });

  it("ignores an account on file of another product", () => {
    expect(validateValues(card, {}, { accountOnFile: account('READ_ONLY', 3), now: NOW }).map((i) => i.path)).toEqual(['cardNumber', 'expiryDate']);
  });

  it('reports an empty optional boleto field when fiscalNumber has the length', () => {
    const boleto = {
      fields: [
        { id: 'fiscalNumber', dataRestrictions: { isRequired: true, validators: {} } },
        { id: 'companyName', dataRestrictions: { isRequired: false, validators: { boletoBancarioRequiredness: { fiscalNumberLength: 14 } } } },
      ],
    } as unknown as PaymentProduct;
    expect(validateValues(boleto, { fiscalNumber: '12345678901234' })).toEqual([{ path: 'companyName', message: 'fails boletoBancarioRequiredness' }]);
    expect(validateValues(boleto, { fiscalNumber: '12345678901' })).toEqual([]);
    expect(validateValues(boleto, { fiscalNumber: '12345678901234', companyName: 'Loja' })).toEqual([]);
  });
});
