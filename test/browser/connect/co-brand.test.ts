// A co-badged card in real Chromium (Carte Bancaire + VISA on one card): the brand choice is shown,
// reached and changed with the keyboard alone, announced, reported in the events, and the brand
// chosen is the product the JWE pays with (the mock merchant decrypts it as the platform would).
import { getByLabelText, getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { PaymentFieldChange } from 'baton-sdk/connect';
import { mountRecorded } from '../../fixtures/checkout-page.js';

const mockUrl = inject('mockUrl');
afterEach(() => document.body.replaceChildren());

describe('co-badged card (Chromium)', () => {
  it('lets the customer choose the brand by keyboard, and pays with the brand chosen', async () => {
    const { root, log } = await mountRecorded(mockUrl);
    const user = userEvent.setup();
    await user.click(getByLabelText(root, 'Card number'));
    await user.keyboard('4970101234567893');
    const group = await waitFor(() => getByRole(root, 'group', { name: 'Card brand' }));
    const cb = getByRole(group, 'radio', { name: 'Carte Bancaire' }) as HTMLInputElement;
    const visa = getByRole(group, 'radio', { name: 'VISA' }) as HTMLInputElement;
    // The IIN's own brand first and checked; the event carries both.
    expect([cb.checked, visa.checked]).toEqual([true, false]);
    const last = () => log.events.filter(([n, p]) => n === 'change' && (p as PaymentFieldChange).fieldId === 'cardNumber').at(-1)?.[1];
    await waitFor(() =>
      expect(last()).toEqual({
        fieldId: 'cardNumber',
        empty: false,
        complete: true,
        valid: true,
        brand: { paymentProductId: 130, label: 'Carte Bancaire' },
        coBrands: [
          { paymentProductId: 130, label: 'Carte Bancaire' },
          { paymentProductId: 1, label: 'VISA' },
        ],
      }),
    );
    expect((await axe.run(root, { resultTypes: ['violations'] })).violations.map((v) => v.id)).toEqual([]);

    // Tab reaches the checked radio; an arrow key moves the choice.
    await user.tab();
    expect(document.activeElement).toBe(cb);
    await user.keyboard('{ArrowRight}');
    expect(visa.checked).toBe(true);
    expect(getByRole(root, 'status').textContent).toBe('Paying with VISA.');
    expect(log.events.filter(([n]) => n === 'brand').map(([, p]) => p)).toEqual([
      { paymentProductId: 130, label: 'Carte Bancaire' },
      { paymentProductId: 1, label: 'VISA' },
    ]);
    expect(root.querySelector('.baton-brand img')?.getAttribute('alt')).toBe('VISA');

    await user.tab();
    await user.keyboard('1230');
    await user.tab();
    await user.keyboard('123');
    await user.tab();
    await user.keyboard('Ada Lovelace{Enter}');
    await waitFor(() => expect(log.payments).toHaveLength(1));
    expect(log.payments[0]!.payment?.paymentOutput?.cardPaymentMethodSpecificOutput?.paymentProductId).toBe(1);
  });

  it('pays with the IIN’s own brand when the customer does not choose, and hides the choice for a one-brand card', async () => {
    const { root, log } = await mountRecorded(mockUrl);
    const user = userEvent.setup();
    await user.click(getByLabelText(root, 'Card number'));
    await user.keyboard('4970101234567893');
    await waitFor(() => getByRole(root, 'group', { name: 'Card brand' }));
    await user.click(getByLabelText(root, 'Expiry date'));
    await user.keyboard('1230');
    await user.click(getByLabelText(root, 'CVV'));
    await user.keyboard('123');
    await user.click(getByLabelText(root, 'Cardholder name'));
    await user.keyboard('Ada{Enter}');
    await waitFor(() => expect(log.payments).toHaveLength(1));
    expect(log.payments[0]!.payment?.paymentOutput?.cardPaymentMethodSpecificOutput?.paymentProductId).toBe(130);

    await user.tripleClick(getByLabelText(root, 'Card number'));
    await user.keyboard('4111111111111111');
    await waitFor(() => expect(root.querySelector('.baton-brand img')?.getAttribute('alt')).toBe('VISA'));
    expect(root.querySelector<HTMLFieldSetElement>('.baton-cobrand')!.hidden).toBe(true);
  });
});
