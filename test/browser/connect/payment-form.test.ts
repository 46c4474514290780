// The payment form in real Chromium: caret handling with the browser's own editing, keyboard
// alone, and axe-core's check of the form in each state.
import { getByLabelText, getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createClientSession, mountPaymentForm, type PaymentContext } from 'baton-sdk/connect';

const mockUrl = inject('mockUrl');
const context: PaymentContext = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

async function mountVisa(onSubmit: (jwe: string) => unknown = () => {}) {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const session = createClientSession(await res.json(), { allowedHosts: [new URL(mockUrl).hostname] });
  const product = await session.getPaymentProduct(1, context);
  const root = document.createElement('main');
  document.body.append(root);
  mountPaymentForm(root, { session, product, context, onSubmit, submitLabel: 'Pay €10.00' });
  return root;
}

async function seriousViolations(root: HTMLElement) {
  const { violations } = await axe.run(root, { resultTypes: ['violations'] });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

afterEach(() => document.body.replaceChildren());

describe('payment form in Chromium', () => {
  it('keeps the caret where the customer edits, through the mask', async () => {
    const root = await mountVisa();
    const user = userEvent.setup();
    const number = getByLabelText(root, 'Card number') as HTMLInputElement;
    await user.type(number, '4111111111111111');
    expect(number.value).toBe('4111 1111 1111 1111');
    await user.type(number, '9', { initialSelectionStart: 2, initialSelectionEnd: 2 });
    expect([number.value, number.selectionStart]).toEqual(['4191 1111 1111 1111 1', 3]);
    await user.type(number, '{Backspace}', { initialSelectionStart: 5, initialSelectionEnd: 5 });
    expect([number.value, number.selectionStart]).toEqual(['4191 1111 1111 1111', 3]);
  });

  it('can be filled and submitted with the keyboard alone, with no serious axe violations in any state', async () => {
    const sent: string[] = [];
    const root = await mountVisa((jwe) => void sent.push(jwe));
    const user = userEvent.setup();
    expect(await seriousViolations(root)).toEqual([]);

    getByLabelText(root, 'Card number').focus();
    await user.keyboard('4111111111111112');
    await user.tab();
    expect(document.activeElement).toBe(getByLabelText(root, 'Expiry date'));
    await user.keyboard('{Enter}');
    // Errors shown: focus is on the first, the status says it.
    await waitFor(() => expect(document.activeElement).toBe(getByLabelText(root, 'Card number')));
    expect(getByRole(root, 'status').textContent).toBe('Card number is not valid: check the digits.');
    expect(await seriousViolations(root)).toEqual([]);

    await user.keyboard('{Backspace}1');
    await user.tab();
    await user.keyboard('1230');
    await user.tab();
    await user.keyboard('123');
    await user.tab();
    await user.keyboard('Ada Lovelace{Enter}');
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await seriousViolations(root)).toEqual([]);
  });
});
