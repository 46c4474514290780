// How an account on file's stored values are shown: through the label template's mask (else the
// field's), wildcarded as Worldline's client SDK does (`LabelTemplateElement.wildcardMask`: every
// 9 made *), so that a stored value with * or X in place of digits still shows.
import { describe, expect, it } from 'vitest';
import { accountLabel, maskedAttribute, type AccountOnFile } from '../../../src/connect/index.js';
import { wildcardMask } from '../../../src/connect/account-on-file.js';

const CARD_MASK = '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}';
const account = (displayHints: unknown, attributes = [{ key: 'cardNumber', value: '************1111', status: 'READ_ONLY' }]) =>
  ({ id: 7, paymentProductId: 1, attributes, displayHints }) as unknown as AccountOnFile;

describe('account on file display', () => {
  it('masks a stored card number with the label template, * and X kept', () => {
    const hints = { labelTemplate: [{ attributeKey: 'cardNumber', mask: CARD_MASK }], logo: 'logos/pp_logo_1.svg' };
    expect(maskedAttribute(account(hints), 'cardNumber')).toBe('**** **** **** 1111');
    expect(maskedAttribute(account(hints, [{ key: 'cardNumber', value: '411111XXXXXX1111', status: 'READ_ONLY' }]), 'cardNumber')).toBe('4111 11XX XXXX 1111');
    expect(accountLabel(account(hints))).toBe('**** **** **** 1111');
  });

  it('falls back to the field mask, then to the value as stored; nothing for a key not stored', () => {
    const expiry = account({ labelTemplate: [] }, [{ key: 'expiryDate', value: '1230', status: 'READ_ONLY' }]);
    expect(maskedAttribute(expiry, 'expiryDate', '{{99}}/{{99}}')).toBe('12/30');
    expect(maskedAttribute(expiry, 'expiryDate')).toBe('1230');
    expect(maskedAttribute(expiry, 'cvv', '{{9999}}')).toBe('');
    expect(accountLabel(expiry)).toBe('');
  });

  it('shows malformed display hints as none (values unmasked), never throws', () => {
    for (const hints of [undefined, null, 'x', { labelTemplate: 'x' }, { labelTemplate: [{ attributeKey: 5 }] }]) {
      expect(maskedAttribute(account(hints), 'cardNumber')).toBe('************1111');
    }
  });

  it('wildcards only the placeholders: literals outside {{ }} stay', () => {
    expect(wildcardMask('{{99}}/{{99}} 9')).toBe('{{**}}/{{**}} 9');
    expect(wildcardMask(CARD_MASK)).toBe('{{****}} {{****}} {{****}} {{****}} {{***}}');
  });
});
