// The payment form's events in real Chromium, typed as a customer types: onReady once, onChange on
// every input (a paste of a card of the same brand too) with its payload, onBrand, onValidityChange,
// and a live region that never keeps a message that no longer holds.
import { getByLabelText, getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { PaymentFieldChange } from 'baton-sdk/connect';
import { mountRecorded, type CheckoutLog } from '../../fixtures/checkout-page.js';

const mockUrl = inject('mockUrl');
const changes = (log: CheckoutLog, fieldId: string) =>
  log.events.filter(([name, payload]) => name === 'change' && (payload as PaymentFieldChange).fieldId === fieldId).map(([, p]) => p as PaymentFieldChange);
const named = (log: CheckoutLog, name: string) => log.events.filter(([n]) => n === name).map(([, p]) => p);

afterEach(() => document.body.replaceChildren());

describe('payment form events (Chromium)', () => {
  it('fires onReady once, onChange per input with its payload, onBrand once per brand, onChange on a same-brand paste', async () => {
    const { root, log } = await mountRecorded(mockUrl);
    await waitFor(() => expect(named(log, 'ready')).toHaveLength(1));
    const user = userEvent.setup();
    const number = getByLabelText(root, 'Card number') as HTMLInputElement;
    await user.click(number);
    await user.keyboard('4111111111111111');
    await waitFor(() => expect(changes(log, 'cardNumber').at(-1)?.brand).toEqual({ paymentProductId: 1, label: 'VISA' }));
    const typed = changes(log, 'cardNumber');
    // One per key at least (the brand's answer may add one).
    expect(typed.length).toBeGreaterThanOrEqual(16);
    expect(typed[0]).toEqual({ fieldId: 'cardNumber', empty: false, complete: false, valid: true });
    expect(typed.at(-1)).toEqual({ fieldId: 'cardNumber', empty: false, complete: true, valid: true, brand: { paymentProductId: 1, label: 'VISA' } });
    expect(named(log, 'brand')).toEqual([{ paymentProductId: 1, label: 'VISA' }]);

    // Another VISA, pasted over the first: the same brand, still a change.
    const before = log.events.length;
    await user.tripleClick(number);
    await user.paste('4000 0000 0000 0002');
    expect(number.value).toBe('4000 0000 0000 0002');
    const pasted = log.events.slice(before).filter(([name]) => name === 'change');
    expect(pasted.length).toBeGreaterThanOrEqual(1);
    expect(pasted[0]![1]).toMatchObject({ fieldId: 'cardNumber', empty: false, complete: true, valid: true });
    await waitFor(() => expect(changes(log, 'cardNumber').at(-1)?.brand?.paymentProductId).toBe(1));
    expect(named(log, 'brand')).toHaveLength(1);

    // A Mastercard typed over it: no brand while too few digits name one, then Mastercard; emptied: none.
    await user.tripleClick(number);
    await user.keyboard('5555555555554444');
    await waitFor(() =>
      expect(named(log, 'brand')).toEqual([{ paymentProductId: 1, label: 'VISA' }, undefined, { paymentProductId: 3, label: 'MasterCard' }]),
    );
    await user.clear(number);
    await waitFor(() => expect(named(log, 'brand').at(-1)).toBeUndefined());
    expect(changes(log, 'cardNumber').at(-1)).toEqual({ fieldId: 'cardNumber', empty: true, complete: false, valid: true });
    expect(named(log, 'ready')).toHaveLength(1);
  });

  it('reports an error shown on blur, and onValidityChange when the whole form turns submittable and back', async () => {
    const { root, log } = await mountRecorded(mockUrl);
    const user = userEvent.setup();
    await user.click(getByLabelText(root, 'Card number'));
    await user.keyboard('4111111111111112');
    await user.tab();
    await waitFor(() =>
      expect(changes(log, 'cardNumber').at(-1)).toMatchObject({ complete: false, valid: false, error: 'Card number is not valid: check the digits.' }),
    );
    expect(named(log, 'validity')).toEqual([]);
    await user.click(getByLabelText(root, 'Card number'));
    await user.keyboard('{Backspace}1');
    await user.click(getByLabelText(root, 'Expiry date'));
    await user.keyboard('1230');
    await user.click(getByLabelText(root, 'CVV'));
    await user.keyboard('123');
    expect(named(log, 'validity')).toEqual([]);
    await user.click(getByLabelText(root, 'Cardholder name'));
    await user.keyboard('Ada');
    await waitFor(() => expect(named(log, 'validity')).toEqual([true]));
    await user.click(getByLabelText(root, 'CVV'));
    await user.keyboard('{Backspace}');
    expect(named(log, 'validity')).toEqual([true, false]);
    expect(changes(log, 'cvv').at(-1)).toEqual({ fieldId: 'cvv', empty: false, complete: false, valid: true });
  });

  it('clears the status line once the field it names is fixed', async () => {
    const { root } = await mountRecorded(mockUrl);
    const user = userEvent.setup();
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    const status = getByRole(root, 'status');
    await waitFor(() => expect(status.textContent).toBe('Card number is required.'));
    await user.keyboard('4111111111111111');
    // The next failing field is named now, not the fixed one.
    await waitFor(() => expect(status.textContent).toBe('Expiry date is required.'));
    await user.click(getByLabelText(root, 'Expiry date'));
    await user.keyboard('1230');
    await user.click(getByLabelText(root, 'CVV'));
    await user.keyboard('123');
    await waitFor(() => expect(status.textContent).toBe('Cardholder name is required.'));
    await user.click(getByLabelText(root, 'Cardholder name'));
    await user.keyboard('Ada');
    await waitFor(() => expect(status.textContent).toBe(''));
    expect(root.querySelector('form')!.dataset.state).toBe('idle');
  });
});
