// @vitest-environment happy-dom
// One field of the payment form (src/connect/form-field.ts). Issue 23 §2: a field id named like an
// Object.prototype member is looked up safely (no function source as its autocomplete).
import { describe, expect, it } from 'vitest';
import { createField } from '../../../src/connect/form-field.js';
import type { PaymentProductField } from '../../../src/connect/index.js';

const field = (id: string) => ({ id, type: 'string', dataRestrictions: { isRequired: true, validators: {} }, displayHints: { label: `Label ${id}` } }) as unknown as PaymentProductField;

describe('createField', () => {
  it('a field id named like an Object.prototype member gets no autocomplete from the prototype', () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const { control, root } = createField(document, field(id), 'uid');
      expect(control.getAttribute('autocomplete')).toBe('off');
      expect(root.textContent).toBe(`Label ${id}`);
    }
  });

  it('the card fields keep their autofill names', () => {
    expect(createField(document, field('cardNumber'), 'uid').control.getAttribute('autocomplete')).toBe('cc-number');
  });
});
