import { findAllByText, findByRole, getByLabelText, getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mountConnectDemo } from '../../../demo/connect-demo.js';

const mockUrl = inject('mockUrl');

function section(): HTMLElement {
  const root = document.createElement('section');
  root.hidden = true;
  root.append(Object.assign(document.createElement('h2'), { textContent: 'Worldline Connect' }));
  document.body.append(root);
  return root;
}

afterEach(() => document.body.replaceChildren());

/** What a screen reader reads after a field's label: the texts its aria-describedby points to. */
function description(input: HTMLElement): string {
  return input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
}

async function openCardForm(root: HTMLElement) {
  const user = userEvent.setup();
  mountConnectDemo(root, { merchantUrl: mockUrl });
  expect(root.hidden).toBe(false);
  await user.click(getByRole(root, 'button', { name: /start checkout/i }));
  await user.click(await findByRole(root, 'radio', { name: 'VISA' }));
  await findByRole(root, 'form', { name: /VISA details/ });
  return user;
}

describe('connect demo in real Chromium', () => {
  it('masks the card, detects the brand, encrypts and shows the masked card from the merchant', async () => {
    const root = section();
    const user = await openCardForm(root);
    expect(getByRole(root, 'radio', { name: 'PayPal' })).toBeTruthy();

    const number = getByLabelText(root, 'Card number') as HTMLInputElement;
    await user.type(number, '4111111111111111');
    expect(number.value).toBe('4111 1111 1111 1111');
    const logo = (await findByRole(root, 'img', { name: 'VISA' })) as HTMLImageElement;
    await waitFor(() => expect(logo.naturalWidth).toBeGreaterThan(0)); // the logo really loads from the asset host

    const expiry = getByLabelText(root, 'Expiry date') as HTMLInputElement;
    await user.type(expiry, '1230');
    expect(expiry.value).toBe('12/30');
    await user.type(getByLabelText(root, 'CVV'), '123');
    await user.type(getByLabelText(root, 'Cardholder name'), 'Łukasz 王 Müller');
    await user.click(getByRole(root, 'button', { name: /pay/i }));

    const result = root.querySelector('output')!;
    await waitFor(() => expect(result.textContent).toBe('Payment PENDING_APPROVAL: card ************1111, Łukasz 王 Müller'));
  });

  it('marks invalid fields and does not pay', async () => {
    const root = section();
    const user = await openCardForm(root);
    const number = getByLabelText(root, 'Card number');
    await user.type(number, '4111111111111112');
    await user.click(getByRole(root, 'button', { name: /pay/i }));
    // The blur on the way to the button already marks the card number; only the submit's own
    // outcome (the form's state) says that every field has been checked.
    const form = getByRole(root, 'form', { name: /VISA details/ });
    await waitFor(() => expect(form.dataset.state).toBe('invalid'));
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(getByLabelText(root, 'Expiry date').getAttribute('aria-invalid')).toBe('true');
    expect(description(number)).toBe('Card number is not valid: check the digits.');
    expect(document.activeElement).toBe(number);
    expect(root.querySelector('output')!.textContent).toBe('');
  });

  it('says when a card is known but not accepted', async () => {
    const root = section();
    const user = await openCardForm(root);
    const number = getByLabelText(root, 'Card number');
    await user.type(number, '60110000');
    await findAllByText(root, 'This card is not accepted for this payment. Please use another card.');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(description(number)).toBe('This card is not accepted for this payment. Please use another card.');
  });

  it('pays with a wallet button, the mock wallet standing in for the real one', async () => {
    for (const name of ['Google Pay', 'Apple Pay']) {
      const root = section();
      const user = userEvent.setup();
      mountConnectDemo(root, { merchantUrl: mockUrl });
      await user.click(getByRole(root, 'button', { name: /start checkout/i }));
      await user.click(await findByRole(root, 'radio', { name }));
      await user.click(await findByRole(root, 'button', { name: `Pay with ${name} (mock wallet)` }));
      const sheet = await findByRole(document.body, 'dialog', { name: `${name} (mock)` });
      expect(sheet.textContent).toContain('EUR 10.00');
      const pay = await waitFor(() => {
        const button = getByRole(sheet, 'button', { name: /^Pay/ }) as HTMLButtonElement;
        expect(button.disabled).toBe(false);
        return button;
      });
      await user.click(pay);
      await waitFor(() => expect(root.querySelector('output')!.textContent).toBe(`Payment PENDING_APPROVAL: ${name}; the merchant server decrypted encryptedPaymentData.`));
      document.body.replaceChildren();
    }
  });
});
