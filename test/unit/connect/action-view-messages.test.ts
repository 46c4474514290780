// @vitest-environment happy-dom
// The Connect action views' texts (handleMerchantAction's SHOW_FORM): English by default, German
// from baton-sdk/locales/de, any text replaced by the `messages` option, read as own properties;
// what the customer sees and hears (the button, the field's error, the status line).
import { getByLabelText, getByRole } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MERCHANT_ACTION_MESSAGES, handleMerchantAction, ValidationError, type MerchantActionMessages } from '../../../src/connect/index.js';
import { merchantAction } from '../../../src/locales/de.js';

const showForm = {
  actionType: 'SHOW_FORM',
  formFields: [
    { id: 'phoneNumber', type: 'numericstring', dataRestrictions: { isRequired: true, validators: { length: { minLength: 8, maxLength: 12 } } }, displayHints: { label: 'Telefon', displayOrder: 1 } },
  ],
};

async function submitEmptyThenShort(messages?: Partial<MerchantActionMessages>) {
  const container = document.createElement('div');
  document.body.append(container);
  await handleMerchantAction(showForm, { container, ...(messages && { messages }) });
  const user = userEvent.setup();
  const button = container.querySelector('button')!;
  await user.click(button);
  const input = getByLabelText(container, 'Telefon');
  // What a screen reader reads after the field's label: the texts aria-describedby points to.
  const described = () => input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  const first = { button: button.textContent, error: described(), status: getByRole(container, 'status').textContent };
  await user.type(input, '123');
  await user.click(button);
  return { first, second: described() };
}

afterEach(() => document.body.replaceChildren());

describe('action view messages', () => {
  it('English by default', async () => {
    const { first, second } = await submitEmptyThenShort();
    expect(first.button).toBe('Continue');
    expect(first.status).toBe('1 field(s) need attention.');
    expect(second).toContain('Telefon is not valid.');
    expect(MERCHANT_ACTION_MESSAGES.required).toBe('{label} is required.');
  });

  it('German from baton-sdk/locales/de: button, errors and status', async () => {
    const { first, second } = await submitEmptyThenShort(merchantAction);
    expect(first.button).toBe('Weiter');
    expect(first.status).toBe('Bitte prüfen Sie 1 Feld(er).');
    expect(first.error).toContain('Telefon ist erforderlich.');
    expect(second).toContain('Telefon ist ungültig.');
  });

  it('one text replaced, the others English; a bad messages option is a ValidationError naming it', async () => {
    const { first } = await submitEmptyThenShort({ continue: 'Verder' });
    expect(first.button).toBe('Verder');
    expect(first.status).toBe('1 field(s) need attention.');
    const container = document.createElement('div');
    await expect(handleMerchantAction(showForm, { container, messages: { continue: 1 } as never })).rejects.toSatisfy((e) => e instanceof ValidationError && e.issues[0]!.path === 'messages.continue');
    await expect(handleMerchantAction(showForm, { container, messages: 'de' as never })).rejects.toBeInstanceOf(ValidationError);
  });
});
