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
    ['0', true],
  ])('luhn %j → %s', (value, ok) => expect(isLuhnValid(value)).toBe(ok));

  it.each([
    ['1126', true], // this month
    ['1026', false], // last month
    ['0130', true],
    ['1151', true], // 25 years ahead
    ['1251', false],
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
    ['XX', false],
  ])('iban %j → %s', (value, ok) => expect(isIbanValid(value)).toBe(ok));

  it.each([
    ['123', { length: { minLength: 3, maxLength: 4 } }, []],
    ['12', { length: { minLength: 3, maxLength: 4 } }, ['length']],
    ['12345', { length: { minLength: 3, maxLength: 4 } }, ['length']],
    ['王王', { length: { minLength: 2, maxLength: 2 } }, []], // counts characters, not UTF-16 units or bytes
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
