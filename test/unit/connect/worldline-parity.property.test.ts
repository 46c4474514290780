// Differential properties: on generated input, Baton's masks and validators give the answer of
// Worldline's own connect-sdk-client-js 6.0.6 — except for the deliberate differences listed in
// docs/connect-reference.md ("Where Baton differs from Worldline's SDK"), each of which appears
// below as an explicit adjustment of the reference's answer, never as a skipped input.
// (This file was differential.property.test.ts.)
import fc from 'fast-check';
import { MaskingUtil, PaymentProductField, PaymentRequest } from 'connect-sdk-client-js';
import { describe, expect, it } from 'vitest';
import { asciiDigits } from '../../../src/connect/digits.js';
import { applyMask, removeMask } from '../../../src/connect/mask.js';
import type { FieldValidators, PaymentProduct } from '../../../src/connect/schemas.js';
import { failedValidators, validateValues } from '../../../src/connect/validators.js';

const RUNS = { numRuns: 300 };
const util = new MaskingUtil();
const chars = (list: string, maxLength = 24, minLength = 0) => fc.string({ unit: fc.constantFrom(...list), minLength, maxLength });

/** The reference's answer for one rule. */
function reference(name: string, attributes: unknown, value: string, other?: string): boolean {
  const field = new PaymentProductField({ id: 'f', type: 'string', dataRestrictions: { isRequired: false, validators: { [name]: attributes } } } as never);
  const rule = field.dataRestrictions!.getValidationRule(name)!;
  return (rule.validate as (v: string, o?: string) => boolean)(value, other);
}
const passes = (value: string, validators: FieldValidators, values?: Record<string, string>) => failedValidators(value, validators, new Date(), values).length === 0;

describe('masks', () => {
  // Masks as the platform writes them: literals outside, 9 and * inside {{ }}, at least one
  // placeholder. (Deliberate: Baton reads 9 and * outside braces as literals.)
  const literal = fc.constantFrom(' ', '-', '/', '.', '(', ')', '+', 'x', 'A');
  const group = fc.array(fc.constantFrom('9', '9', '9', '*', '-'), { minLength: 1, maxLength: 5 }).map((cs) => `{{${cs.join('')}}}`);
  const mask = fc
    .array(fc.oneof(literal, group), { minLength: 1, maxLength: 6 })
    .filter((parts) => parts.some((p) => p.startsWith('{{') && /[9*]/.test(p)))
    .map((parts) => parts.join(''));
  // Typed values: ASCII and full-width digits, letters, the literals, spaces; BMP only
  // (deliberate: Baton never splits an emoji, the reference fills one * per UTF-16 half).
  const value = chars('0123456789０１２３４５６７８９abXé -/.()+', 30);

  it('applyMask: the reference on the value with its digits made ASCII', () => {
    fc.assert(
      fc.property(mask, value, (m, v) => {
        expect(applyMask(v, m)).toBe(util.applyMask(m, asciiDigits(v), '').formattedValue);
      }),
      RUNS,
    );
  });

  it('removeMask: what the reference sends (removeMask of applyMask), and the same on masked values', () => {
    fc.assert(
      fc.property(mask, value, (m, v) => {
        const masked = util.applyMask(m, asciiDigits(v), '').formattedValue;
        expect(removeMask(v, m)).toBe(util.removeMask(m, masked));
        expect(removeMask(masked, m)).toBe(util.removeMask(m, masked));
      }),
      RUNS,
    );
  });

  it('without a mask: applyMask returns the value, removeMask trims it', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        expect(applyMask(v, undefined)).toBe(util.applyMask(undefined, v, '').formattedValue);
        expect(removeMask(v, undefined)).toBe(util.removeMask(undefined, v));
      }),
      RUNS,
    );
  });
});

describe('validators', () => {
  const digits = (max: number, min = 0) => chars('0123456789', max, min);

  it('luhn (deliberate: anything but ASCII digits fails; the reference first strips it)', () => {
    fc.assert(
      fc.property(fc.oneof(digits(19), chars('0123456789 -a', 19)), (v) => {
        expect(passes(v, { luhn: {} })).toBe(/^\d+$/.test(v) && reference('luhn', {}, v));
      }),
      RUNS,
    );
  });

  it('length, counting UTF-16 units as the reference does', () => {
    fc.assert(
      fc.property(chars('ab王ż🙂\u0301', 10), fc.nat(8), fc.nat(8), (v, a, b) => {
        const bounds = { minLength: Math.min(a, b), maxLength: Math.max(a, b) };
        expect(passes(v, { length: bounds })).toBe(reference('length', bounds, v));
      }),
      RUNS,
    );
  });

  it('expirationDate (deliberate: only digits; the reference first strips anything else)', () => {
    const now = new Date();
    const date = fc
      .tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: now.getFullYear() - 3, max: now.getFullYear() + 28 }), fc.boolean())
      .map(([m, y, long]) => String(m).padStart(2, '0') + (long ? String(y) : String(y).slice(2)));
    fc.assert(
      fc.property(fc.oneof(date, digits(7), chars('0123456789/ ', 7)), (v) => {
        expect(passes(v, { expirationDate: {} })).toBe(/^\d*$/.test(v) && reference('expirationDate', {}, v));
      }),
      RUNS,
    );
  });

  it('regularExpression (deliberate: Baton matches the whole value; the reference any part)', () => {
    const pattern = fc.constantFrom('\\d{2}[a-z]{2}[A-Z]{3}', '[0-9]{3}[0-9]?', '^[A-Za-z ]+$', '\\d{4}|\\d{6}', '.{2,5}', '[a-z]+@[a-z]+');
    fc.assert(
      fc.property(pattern, chars('0123456789abcXYZ @', 10), (p, v) => {
        expect(passes(v, { regularExpression: { regularExpression: p } })).toBe(reference('regularExpression', { regularExpression: `^(?:${p})$` }, v));
      }),
      RUNS,
    );
  });

  it('regularExpression JavaScript cannot read (deliberate: the reference throws; Baton leaves the value to the platform)', () => {
    // Patterns written for Java's engine, as the platform may send them.
    const pattern = fc.constantFrom('(?i)[a-z]+', '[a-z]++', '\\p{Alpha}{2,}(?<!x', '[[:digit:]]{3}(');
    fc.assert(
      fc.property(pattern, chars('0123456789abcXYZ !', 10), (p, v) => {
        expect(() => reference('regularExpression', { regularExpression: p }, v)).toThrow();
        expect(passes(v, { regularExpression: { regularExpression: p } })).toBe(true);
      }),
      RUNS,
    );
  });

  it('range (deliberate: a blank value is no number; the reference reads it as 0)', () => {
    const number = fc.oneof(fc.integer({ min: -20, max: 20 }).map(String), chars('0123456789-.e x', 5), fc.constantFrom('Infinity', '0x10', ' 5 ', '1e1'));
    fc.assert(
      fc.property(number, fc.integer({ min: -10, max: 10 }), fc.integer({ min: -10, max: 10 }), (v, a, b) => {
        const bounds = { minValue: Math.min(a, b), maxValue: Math.max(a, b) };
        expect(passes(v, { range: bounds })).toBe(v.trim() !== '' && reference('range', bounds, v));
      }),
      RUNS,
    );
  });

  it('fixedList', () => {
    fc.assert(
      fc.property(fc.array(chars('abc', 2), { maxLength: 4 }), chars('abc', 2), (allowed, v) => {
        expect(passes(v, { fixedList: { allowedValues: allowed } })).toBe(reference('fixedList', { allowedValues: allowed }, v));
      }),
      RUNS,
    );
  });

  it('emailAddress (deliberate: whitespace inside an address fails)', () => {
    const part = chars('abé-_1', 4, 1);
    const email = fc.tuple(fc.array(part, { minLength: 1, maxLength: 2 }), fc.array(part, { minLength: 1, maxLength: 3 }), chars('abcé', 3)).map(
      ([local, domain, tld]) => `${local.join('.')}@${domain.join('.')}.${tld}`,
    );
    fc.assert(
      fc.property(fc.oneof(email, chars('ab.@ é', 12)), (v) => {
        expect(passes(v, { emailAddress: {} })).toBe(!/\s/.test(v) && reference('emailAddress', {}, v));
      }),
      RUNS,
    );
  });

  it('iban: the same answer on IBANs of the shape the reference knows; Baton also takes RO, LC, RU and other BBANs', () => {
    const checked = (country: string, bban: string) => {
      const numeric = [...`${bban}${country}00`].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
      const check = 98 - Number(BigInt(numeric) % 97n);
      return `${country}${String(check).padStart(2, '0')}${bban}`;
    };
    const iban = fc.tuple(chars('ABDEGLNORU', 2, 2), chars('0123456789ABCXYZ', 30, 8)).map(([c, bban]) => checked(c, bban));
    const typed = fc.tuple(iban, fc.constantFrom('', ' ', '-', '.'), fc.boolean(), fc.nat(40)).map(([v, sep, lower, flip]) => {
      let out = v.replace(/(.{4})(?!$)/g, `$1${sep}`);
      if (lower) out = out.toLowerCase();
      return flip < 4 ? out.slice(0, flip) + (out[flip] === '1' ? '2' : '1') + out.slice(flip + 1) : out; // sometimes one wrong character
    });
    fc.assert(
      fc.property(fc.oneof(typed, chars('0123456789ABNL -_', 24)), (v) => {
        const ours = passes(v, { iban: {} });
        const theirs = reference('iban', {}, v);
        const referenceShape = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{4}[0-9]{7}[A-Z0-9]{0,16}$/.test(v.replace(/\W+/g, '').toUpperCase());
        if (referenceShape) expect(ours).toBe(theirs);
        else expect(theirs).toBe(false); // …and Baton may accept (longer or lettered BBANs)
      }),
      RUNS,
    );
  });

  it('termsAndConditions', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('true', 'false', 'TRUE', ' true'), fc.string({ maxLength: 5 })), (v) => {
        expect(passes(v, { termsAndConditions: {} })).toBe(reference('termsAndConditions', {}, v));
      }),
      RUNS,
    );
  });

  it('residentIdNumber (deliberate: the first 17 characters must be digits; the reference lets X stand after others)', () => {
    const id = fc.tuple(digits(17, 17), fc.constantFrom(...'0123456789Xxa')).map(([body, check]) => body + check);
    const almost = fc.tuple(id, fc.nat(17), fc.constantFrom('a', 'X', ' ')).map(([v, at, c]) => v.slice(0, at) + c + v.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(id, id, almost, digits(16, 14), chars('0123456789Xx', 19)), (v) => {
        const digitsFirst = v.length !== 18 || /^\d{17}[\dXx]$/.test(v);
        expect(passes(v, { residentIdNumber: {} })).toBe(digitsFirst && reference('residentIdNumber', {}, v));
      }),
      { numRuns: 600 },
    );
  });

  it('boletoBancarioRequiredness', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'Loja', 'x'), digits(5), fc.nat(5), (v, fiscal, size) => {
        const attributes = { fiscalNumberLength: size };
        expect(passes(v, { boletoBancarioRequiredness: attributes }, { fiscalNumber: fiscal })).toBe(reference('boletoBancarioRequiredness', attributes, v, fiscal));
      }),
      RUNS,
    );
  });
});

describe('validateValues against PaymentRequest.validate', () => {
  // Rules on which Baton and the reference agree for these values.
  const rules = fc.constantFrom<FieldValidators>(
    {},
    { luhn: {} },
    { length: { minLength: 2, maxLength: 5 } },
    { fixedList: { allowedValues: ['a', '12'] } },
    { termsAndConditions: {} },
    { regularExpression: { regularExpression: '^[0-9]+$' } },
    { luhn: {}, length: { minLength: 0, maxLength: 16 } },
    { boletoBancarioRequiredness: { fiscalNumberLength: 3 } },
  );
  const field = fc.record({ required: fc.boolean(), validators: rules, value: fc.option(fc.constantFrom('', '  ', 'a', '12', ' 12 ', '79927398713', '4111111111111112', 'true'), { nil: undefined }) });
  const status = fc.option(fc.constantFrom('READ_ONLY', 'CAN_WRITE', 'MUST_WRITE'), { nil: undefined });
  // The optional field boletoBancarioRequiredness reads.
  const fiscal = fc.option(fc.constantFrom('', '  ', '123', ' 123 ', '12', '1234'), { nil: undefined });

  it('the same fields fail (deliberate: an empty optional field is no error unless MUST_WRITE or boletoBancarioRequiredness requires it; an empty required one only "required")', () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 4 }), fc.array(status, { minLength: 4, maxLength: 4 }), fiscal, (fields, statuses, fiscalNumber) => {
        const json = fields.map((f, i) => ({ id: `f${i}`, type: 'string', dataRestrictions: { isRequired: f.required, validators: f.validators } }));
        json.push({ id: 'fiscalNumber', type: 'string', dataRestrictions: { isRequired: false, validators: {} } });
        const attributes = statuses.flatMap((s, i) => (s && i < fields.length ? [{ key: `f${i}`, value: 'stored', status: s }] : []));
        const account = { id: 9, paymentProductId: 1, attributes };

        const refFields = json.map((j) => new PaymentProductField(j as never));
        const request = new PaymentRequest('s');
        request.setPaymentProduct({ id: 1, paymentProductFields: refFields, getPaymentProductField: (id: string) => refFields.find((f) => f.id === id) } as never);
        if (attributes.length) request.setAccountOnFile({ ...account, getAttribute: (key: string) => attributes.find((a) => a.key === key) } as never);
        const values: Record<string, string> = {};
        if (fiscalNumber !== undefined) {
          values.fiscalNumber = fiscalNumber;
          request.setValue('fiscalNumber', fiscalNumber);
        }
        fields.forEach((f, i) => {
          if (f.value === undefined) return;
          values[`f${i}`] = f.value;
          request.setValue(`f${i}`, f.value);
        });
        const errors = request.validate();
        const theirs = new Set(errors.map((e) => e.fieldId));
        const ours = new Set(validateValues({ id: 1, fields: json } as unknown as PaymentProduct, values, attributes.length ? { accountOnFile: account } : {}).map((i) => i.path));

        expect(ours.has('fiscalNumber')).toBe(false);
        fields.forEach((f, i) => {
          const id = `f${i}`;
          const attribute = attributes.find((a) => a.key === id);
          const stored = !!attribute && attribute.status !== 'MUST_WRITE';
          const empty = (f.value ?? '').trim() === '';
          // What the reference answers for '' (a value it checks): the required check, and
          // the boleto rule, which fails '' when the fiscal number has its length.
          const boleto = !!f.validators.boletoBancarioRequiredness && (fiscalNumber ?? '').trim().length === 3;
          // (Deliberate: a value of only spaces is empty, and a value never set is checked as
          // '' is; the reference takes spaces as given and checks only the values set. A
          // MUST_WRITE attribute needs its value even on an optional field; the reference
          // requires it only of an isRequired one.)
          const expected = empty ? (f.required && !stored) || attribute?.status === 'MUST_WRITE' || boleto : theirs.has(id);
          expect(ours.has(id), `${id} ${JSON.stringify(f)} ${JSON.stringify(attribute)} fiscal=${JSON.stringify(fiscalNumber)}`).toBe(expected);
          // Where the reference answers `required` or the boleto rule, so does Baton.
          if (errors.some((e) => e.fieldId === id && /^(required|boletoBancarioRequiredness)$/.test(e.errorMessageId))) expect(ours.has(id)).toBe(true);
        });
      }),
      RUNS,
    );
  });
});
