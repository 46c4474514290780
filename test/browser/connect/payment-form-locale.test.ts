// The payment form in German (Chromium): the catalogue from `baton-sdk/locales/de`, the amount
// formatted with Intl in the locale given, errors announced in German, axe clean.
import { getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { paymentForm } from 'baton-sdk/locales/de';
import { mountRecorded } from '../../fixtures/checkout-page.js';

const mockUrl = inject('mockUrl');
afterEach(() => document.body.replaceChildren());

describe('payment form in German (Chromium)', () => {
  it('speaks German and formats the amount as Germans write it', async () => {
    const { root } = await mountRecorded(mockUrl, 1, { messages: paymentForm, locale: 'de-DE', submitLabel: undefined });
    const pay = getByRole(root, 'button', { name: '10,00\u00a0€ bezahlen' });
    expect(getByRole(root, 'form', { name: 'VISA: Zahlungsdaten' })).toBeTruthy();
    await userEvent.setup().click(pay);
    await waitFor(() => expect(getByRole(root, 'status').textContent).toBe('Card number ist erforderlich.'));
    const { violations } = await axe.run(root, { resultTypes: ['violations'] });
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});
