// PaynetEasy `control` through the public API: the published vector, each operation's field order
// (php-library-payneteasy-api Query/*Query.php), and the amount rule (integer minor units only).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTROL_FIELDS, ConfigError, controlString, decimalFromMinorUnits, minorUnitsFromDecimal, paynetControl, ValidationError } from 'baton-sdk/server';
import { vectors } from './vectors.js';

// An independent check: node:crypto, not the WebCrypto code under test.
const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

describe('paynetControl', () => {
  it.each(vectors.paynet_control_sha1.vectors.map((v: any) => [v.source.slice(0, 60), v]) as Array<[string, any]>)('published vector: %s', async (_s, v) => {
    const f = v.fields;
    const input = { endpointid: f.endpointid, client_orderid: f.client_orderid, amountCentis: minorUnitsFromDecimal(f.amount), email: f.email };
    expect(controlString('sale', input) + f.merchant_control).toBe(v.stringToSign);
    for (const op of ['sale', 'preauth', 'sale-form', 'preauth-form', 'transfer-form'] as const) {
      expect(await paynetControl(op, input, f.merchant_control)).toBe(v.expected);
    }
  });

  const all = { endpointid: 'E', client_orderid: 'C', orderid: 'O', amountCentis: 1042, email: 'e@x', login: 'L', currency: 'EUR', cardrefid: 'R', destination_cardrefid: 'D' };
  it.each([
    ['status', 'LCO'],
    ['create-card-ref', 'LCO'],
    ['capture', 'LCO1042EUR'],
    ['return', 'LCO1042EUR'],
    ['get-card-info', 'LR'],
    ['make-rebill', 'LCR1042EUR'],
    ['transfer-by-ref', 'LCRD1042EUR'],
    ['account-verification', 'ECe@x'],
    ['sync-account-verification', 'ECe@x'],
    ['preauth-form', 'EC1042e@x'],
  ] as const)('%s signs %s + key', async (op, expected) => {
    expect(controlString(op, all as any)).toBe(expected);
    expect(await paynetControl(op, all as any, 'KEY')).toBe(sha1(`${expected}KEY`));
  });

  it('covers every operation in CONTROL_FIELDS', () => {
    expect(Object.keys(CONTROL_FIELDS).sort()).toEqual(
      ['account-verification', 'capture', 'create-card-ref', 'get-card-info', 'make-rebill', 'preauth', 'preauth-form', 'return', 'sale', 'sale-form', 'status', 'sync-account-verification', 'transfer-by-ref', 'transfer-form'],
    );
  });

  it('signs an endpoint group in the endpoint position', async () => {
    expect(controlString('sale-form', { endpointgroupid: 'G7', client_orderid: 'C', amountCentis: 5, email: 'e' })).toBe('G7C5e');
    expect(() => controlString('sale-form', { endpointid: '1', endpointgroupid: '2', client_orderid: 'C', amountCentis: 5, email: 'e' })).toThrow(ValidationError);
  });

  it('refuses a float, a negative, a zero or a string amount: 99.1 never signs as 9909', async () => {
    for (const amountCentis of [99.1, 10.42, -100, 0, Number.NaN, '9910' as unknown as number, 2 ** 60]) {
      await expect(paynetControl('sale', { endpointid: 'E', client_orderid: 'C', amountCentis, email: 'e' }, 'K')).rejects.toThrow(ValidationError);
    }
    expect(minorUnitsFromDecimal('99.1')).toBe(9910);
    expect(minorUnitsFromDecimal('0.99')).toBe(99);
    expect(minorUnitsFromDecimal('10.42')).toBe(1042);
    expect(minorUnitsFromDecimal('0.57')).toBe(57); // 0.57 * 100 = 56.99999999999999 in floats
    expect(minorUnitsFromDecimal('100')).toBe(10000);
    for (const bad of ['10.423', '-1', '1e3', '', ' 1', '1,5']) expect(() => minorUnitsFromDecimal(bad)).toThrow(ValidationError);
    expect(decimalFromMinorUnits(1042)).toBe('10.42');
    expect(decimalFromMinorUnits(5)).toBe('0.05');
  });

  it('refuses a missing key, a missing field, an over-long field and an unknown operation', async () => {
    await expect(paynetControl('status', all as any, '')).rejects.toThrow(ConfigError);
    await expect(paynetControl('status', { login: 'L', client_orderid: 'C' }, 'K')).rejects.toThrow(ValidationError);
    await expect(paynetControl('status', { login: 'L', client_orderid: 'C'.repeat(129), orderid: 'O' }, 'K')).rejects.toThrow(/longer than 128/);
    await expect(paynetControl('refund' as any, all as any, 'K')).rejects.toThrow(ValidationError);
  });
});
