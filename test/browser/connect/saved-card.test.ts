// Paying with a saved card (an account on file) in real Chromium, against the mock Connect server
// whose merchant decrypts the JWE as the platform would: the stored values are shown masked in
// read-only inputs and never sent, only the CVV is typed, the JWE carries `accountOnFileId`; an
// expired stored date (MUST_WRITE) is asked for; the picker is a keyboard radio group; axe clean.
import { getAllByRole, getByLabelText, getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ValidationError, type PaymentFieldChange } from 'baton-sdk/connect';
import { paymentForm } from 'baton-sdk/locales/de';
import { mountSavedRecorded, type SavedPayment } from '../../fixtures/saved-card-page.js';

const mockUrl = inject('mockUrl');
afterEach(() => document.body.replaceChildren());

const violations = async (root: HTMLElement) => (await axe.run(root, { resultTypes: ['violations'] })).violations.map((v) => v.id);
const field = (root: HTMLElement, label: string) => getByLabelText(root, label) as HTMLInputElement;

describe('saved card (Chromium)', () => {
  it('shows the stored card masked and read-only, asks only for the CVV, and sends accountOnFileId and the CVV alone', async () => {
    const { root, log, handle } = await mountSavedRecorded(mockUrl);
    const user = userEvent.setup();
    const picker = getByRole(root, 'group', { name: 'Saved cards' });
    expect(getAllByRole(picker, 'radio').map((radio) => [(radio as HTMLInputElement).labels![0]!.textContent, (radio as HTMLInputElement).checked])).toEqual([
      ['VISA **** **** **** 1111', true],
      ['VISA **** **** **** 1091', false],
      ['A new card', false],
    ]);
    // Through the label template's mask (wildcarded) and the expiry date's field mask.
    expect([field(root, 'Card number').value, field(root, 'Card number').readOnly]).toEqual(['**** **** **** 1111', true]);
    expect([field(root, 'Expiry date').value, field(root, 'Expiry date').readOnly]).toEqual(['12/30', true]);
    expect([field(root, 'Cardholder name').value, field(root, 'Cardholder name').readOnly]).toEqual(['Ada Lovelace', false]);
    expect([field(root, 'CVV').value, field(root, 'CVV').readOnly]).toEqual(['', false]);
    expect(handle.accountOnFileId).toBe(1001);
    await waitFor(() => expect(log.events[0]).toEqual(['ready', undefined]));
    expect(await violations(root)).toEqual([]);

    // A read-only input takes no typing.
    await user.click(field(root, 'Card number'));
    await user.keyboard('4000');
    expect(field(root, 'Card number').value).toBe('**** **** **** 1111');

    // Submitted without the CVV: announced as the card form does, the field marked and focused.
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    const status = getByRole(root, 'status');
    await waitFor(() => expect(status.textContent).toBe('CVV is required.'));
    expect(field(root, 'CVV').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field(root, 'CVV'));
    expect(field(root, 'Card number').hasAttribute('aria-invalid')).toBe(false);
    expect(await violations(root)).toEqual([]);

    await user.keyboard('123');
    // The message follows the correction, and leaves the live region once it no longer holds.
    expect(field(root, 'CVV').hasAttribute('aria-invalid')).toBe(false);
    expect(status.textContent).toBe('');
    expect(log.events.filter(([name]) => name === 'validity')).toEqual([['validity', true]]);
    const cvvChanges = log.events.filter(([n, p]) => n === 'change' && (p as PaymentFieldChange).fieldId === 'cvv').map(([, p]) => p);
    expect(cvvChanges.at(-1)).toEqual({ fieldId: 'cvv', empty: false, complete: true, valid: true });
    // Nothing is reported for the stored, read-only fields.
    expect(log.events.some(([n, p]) => n === 'change' && ['cardNumber', 'expiryDate'].includes((p as PaymentFieldChange).fieldId))).toBe(false);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(log.payments).toHaveLength(1));
    const paid = log.payments[0] as SavedPayment;
    // What the mock merchant decrypted: the account's id and the CVV; no stored value again.
    expect(paid.received).toEqual({ tokenize: false, fields: ['cvv'], accountOnFileId: 1001, hasDeviceInformation: true });
    expect(paid.payment?.status).toBe('PENDING_APPROVAL');
    expect(paid.payment?.paymentOutput?.cardPaymentMethodSpecificOutput).toEqual({
      paymentProductId: 1,
      card: { cardNumber: '************1111', expiryDate: '1230', cardholderName: 'Ada Lovelace' },
    });
    expect(paid.merchantAction).toBeUndefined();
  });

  it('picks another saved card by keyboard (3-D Secure), sends a changed CAN_WRITE name, and offers a new card', async () => {
    const { root, log, handle } = await mountSavedRecorded(mockUrl);
    const user = userEvent.setup();
    const first = getByRole(root, 'radio', { name: 'VISA **** **** **** 1111' });
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect((getByRole(root, 'radio', { name: 'VISA **** **** **** 1091' }) as HTMLInputElement).checked).toBe(true);
    expect(handle.accountOnFileId).toBe(1002);
    expect(field(root, 'Card number').value).toBe('**** **** **** 1091');
    expect(field(root, 'Expiry date').value).toBe('05/31');
    await user.tripleClick(field(root, 'Cardholder name'));
    await user.keyboard('Ada King');
    await user.click(field(root, 'CVV'));
    await user.keyboard('737{Enter}');
    await waitFor(() => expect(log.payments).toHaveLength(1));
    const paid = log.payments[0] as SavedPayment;
    expect(paid.received?.fields).toEqual(['cvv', 'cardholderName']);
    expect(paid.received?.accountOnFileId).toBe(1002);
    expect(paid.payment?.paymentOutput?.cardPaymentMethodSpecificOutput?.card?.cardholderName).toBe('Ada King');
    // The stored challenge card asks for 3-D Secure, as the same card typed in does.
    expect(paid.merchantAction?.actionType).toBe('REDIRECT');

    // "A new card": the card form, every field typed.
    await user.click(getByRole(root, 'radio', { name: 'A new card' }));
    expect(handle.accountOnFileId).toBeUndefined();
    expect([field(root, 'Card number').value, field(root, 'Card number').readOnly]).toEqual(['', false]);
    expect(await violations(root)).toEqual([]);
  });

  it('asks again for a stored expiry date that has passed (MUST_WRITE) and lists only the product’s accounts', async () => {
    const { root, log } = await mountSavedRecorded(mockUrl, 3);
    const user = userEvent.setup();
    expect(getAllByRole(root, 'radio').map((radio) => (radio as HTMLInputElement).labels![0]!.textContent)).toEqual(['MasterCard **** **** **** 4444', 'A new card']);
    expect([field(root, 'Expiry date').value, field(root, 'Expiry date').readOnly]).toEqual(['', false]);
    await user.click(field(root, 'CVV'));
    await user.keyboard('123{Enter}');
    await waitFor(() => expect(getByRole(root, 'status').textContent).toBe('Expiry date is required.'));
    expect(field(root, 'Expiry date').getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('1230{Enter}');
    await waitFor(() => expect(log.payments).toHaveLength(1));
    const paid = log.payments[0] as SavedPayment;
    expect(paid.received?.fields).toEqual(['expiryDate', 'cvv']);
    expect(paid.received?.accountOnFileId).toBe(1003);
    expect(paid.payment?.paymentOutput?.cardPaymentMethodSpecificOutput?.card?.expiryDate).toBe('1230');
    expect(await violations(root)).toEqual([]);
  });

  it('refuses an unknown account id and an account of another product, naming accountOnFileId', async () => {
    const unknown = await mountSavedRecorded(mockUrl, 1, { accountOnFileId: 4242 }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(ValidationError);
    expect((unknown as ValidationError).issues.map((issue) => issue.path)).toEqual(['accountOnFileId']);
    expect((unknown as ValidationError).message).toContain('mountSavedCardForm options');
    // The session's list (every product's accounts), and the Mastercard's account named for VISA.
    const other = await mountSavedRecorded(mockUrl, 1, {
      accountsOnFile: [{ id: 1003, paymentProductId: 3, attributes: [] }],
      accountOnFileId: 1003,
    }).catch((error: unknown) => error);
    expect(other).toBeInstanceOf(ValidationError);
    expect((other as ValidationError).issues).toEqual([{ path: 'accountOnFileId', message: 'is an account of product 3, not of product 1', received: '1003' }]);
  });

  it('speaks the locale given: the picker and the messages from baton-sdk/locales/de', async () => {
    const { root } = await mountSavedRecorded(mockUrl, 1, { submitLabel: undefined, messages: paymentForm, locale: 'de-DE' });
    const user = userEvent.setup();
    const picker = getByRole(root, 'group', { name: 'Gespeicherte Karten' });
    expect(getAllByRole(picker, 'radio').map((radio) => (radio as HTMLInputElement).labels![0]!.textContent).at(-1)).toBe('Eine neue Karte');
    expect(getByRole(root, 'form', { name: 'VISA **** **** **** 1111: Zahlungsdaten' })).toBeTruthy();
    await user.click(getByRole(root, 'button', { name: '10,00\u00a0€ bezahlen' }));
    await waitFor(() => expect(getByRole(root, 'status').textContent).toBe('CVV ist erforderlich.'));
    expect(await violations(root)).toEqual([]);
  });
});
