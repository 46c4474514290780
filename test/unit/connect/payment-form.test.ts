// @vitest-environment happy-dom
// The payment form as a customer meets it, against the Connect mock (real session, real product,
// real IIN lookups, real encryption whose JWE the test decrypts with the mock's private key).
import { getAllByRole, getByLabelText, getByRole, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  createClientSession,
  mountPaymentForm,
  ValidationError,
  type ClientSession,
  type PaymentContext,
  type PaymentFormOptions,
  type PaymentProduct,
} from '../../../src/connect/index.js';

const mockUrl = inject('mockUrl');
const context: PaymentContext = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };

let visa: PaymentProduct;

async function newSession(): Promise<ClientSession> {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return createClientSession(await res.json(), { allowedHosts: ['127.0.0.1'] });
}

/** What the Client API mock received in this session. */
async function requests(session: ClientSession): Promise<Array<{ path: string; body: unknown }>> {
  return (await (await fetch(`${mockUrl}/connect/__requests/${session.clientSessionId}`)).json()) as Array<{ path: string; body: unknown }>;
}

/** The merchant mock decrypts the JWE as the platform would and answers the masked card. */
async function pay(encryptedCustomerInput: string) {
  const res = await fetch(`${mockUrl}/merchant/connect/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ encryptedCustomerInput }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { payment: { paymentOutput: { cardPaymentMethodSpecificOutput: { card: Record<string, string> } } }; received: { fields: string[] } },
  };
}

function container(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

async function mount(overrides: Partial<PaymentFormOptions> = {}) {
  const session = overrides.session ?? (await newSession());
  const root = container();
  const submitted: string[] = [];
  const handle = mountPaymentForm(root, {
    session,
    product: visa,
    context,
    onSubmit: (jwe) => void submitted.push(jwe),
    ...overrides,
  });
  return { root, session, handle, submitted, user: userEvent.setup({ document }) };
}

async function fillValidCard(root: HTMLElement, user: ReturnType<typeof userEvent.setup>, number = '4111111111111111') {
  await user.type(getByLabelText(root, 'Card number'), number);
  await user.type(getByLabelText(root, 'Expiry date'), '1230');
  await user.type(getByLabelText(root, 'CVV'), '123');
  await user.type(getByLabelText(root, 'Cardholder name'), 'Łukasz 王 Müller');
}

beforeAll(async () => {
  visa = await (await newSession()).getPaymentProduct(1, context);
});
afterEach(() => document.body.replaceChildren());

describe('mountPaymentForm: fields', () => {
  it('renders the fields in displayOrder with labels, placeholders, tooltips and input hints', async () => {
    // The same product with its fields listed backwards: displayOrder decides, not the array.
    const { root } = await mount({ product: { ...visa, fields: [...visa.fields].reverse() } });
    const inputs = [...root.querySelectorAll('input')];
    expect(inputs.map((input) => input.labels?.[0]?.textContent)).toEqual(['Card number', 'Expiry date', 'CVV', 'Cardholder name']);
    expect(inputs.map((input) => input.placeholder)).toEqual(['**** **** **** ****', 'MM/YY', '123', 'Name on the card']);
    expect(inputs.map((input) => input.getAttribute('autocomplete'))).toEqual(['cc-number', 'cc-exp', 'cc-csc', 'cc-name']);
    expect(inputs.map((input) => input.getAttribute('inputmode'))).toEqual(['numeric', 'numeric', 'numeric', 'text']);
    // CVV is `obfuscate: true`: a password input. The others are text.
    expect(inputs.map((input) => input.type)).toEqual(['text', 'text', 'password', 'text']);
    // Nothing carries a `name`: the browser never submits card data by itself.
    expect(inputs.every((input) => !input.hasAttribute('name'))).toBe(true);
    // The CVV tooltip is text beside the field, read with it.
    const cvv = getByLabelText(root, 'CVV');
    const hint = root.querySelector(`#${cvv.getAttribute('aria-describedby')!.split(' ')[0]}`)!;
    expect(hint.textContent).toBe('The 3 digits on the back of your card');
    expect(hint.className).toBe('baton-hint');
    expect(getByRole(root, 'form', { name: 'VISA details' }).className).toBe('baton-form');
    expect(getByRole(root, 'button', { name: 'Pay €10.00' })).toBeTruthy();
  });

  it('masks as the customer types and keeps the caret where the customer is typing', async () => {
    const { root, user } = await mount();
    const number = getByLabelText(root, 'Card number') as HTMLInputElement;
    await user.type(number, '4111111111111111');
    expect(number.value).toBe('4111 1111 1111 1111');
    expect(number.selectionStart).toBe(19);

    // Insert a digit after "41": the rest shifts, the caret stays right after the new digit.
    await user.type(number, '9', { initialSelectionStart: 2, initialSelectionEnd: 2 });
    expect(number.value).toBe('4191 1111 1111 1111 1');
    expect(number.selectionStart).toBe(3);

    // Insert just before a space the mask added: the caret follows the digit across it.
    await user.type(number, '7', { initialSelectionStart: 4, initialSelectionEnd: 4 });
    expect(number.value).toBe('4191 7111 1111 1111 11');
    expect(number.selectionStart).toBe(6);

    // Backspace right after a mask space deletes the digit before it, not nothing.
    await user.type(number, '{Backspace}', { initialSelectionStart: 5, initialSelectionEnd: 5 });
    expect(number.value).toBe('4197 1111 1111 1111 1');
    expect(number.selectionStart).toBe(3);

    // Letters are refused without moving the caret.
    await user.type(number, 'x', { initialSelectionStart: 3, initialSelectionEnd: 3 });
    expect(number.value).toBe('4197 1111 1111 1111 1');
    expect(number.selectionStart).toBe(3);

    const expiry = getByLabelText(root, 'Expiry date') as HTMLInputElement;
    await user.type(expiry, '1230');
    expect(expiry.value).toBe('12/30');
    expect(expiry.selectionStart).toBe(5);
  });

  it('replaces its earlier output when mounted twice into the same container, and destroy removes it', async () => {
    const { root, session } = await mount();
    const second = mountPaymentForm(root, { session, product: visa, context, onSubmit: () => {} });
    expect(root.querySelectorAll('form')).toHaveLength(1);
    expect(root.firstElementChild).toBe(second.form);
    // Ids stay unique across mounts.
    expect(getByLabelText(root, 'Card number').id).not.toBe('');
    second.destroy();
    expect(root.children).toHaveLength(0);
  });

  it('reads null display hints as absent and a numeric fixedList as text', async () => {
    // The platform may send optional hints as null and list values as numbers: the form still mounts.
    const raw = structuredClone(visa.raw) as { fields: Array<Record<string, any>> };
    const cvvField = raw.fields.find((field) => field.id === 'cvv')!;
    Object.assign(cvvField.displayHints, { placeholderLabel: null, tooltip: null, mask: null, obfuscate: null, displayOrder: null });
    raw.fields.push({
      id: 'installments',
      type: 'numericstring',
      dataRestrictions: { isRequired: false, validators: { fixedList: { allowedValues: [1, 3, 6] } } },
      displayHints: { displayOrder: 9, label: 'Installments', placeholderLabel: null, tooltip: null, mask: null },
    });
    const { root, user } = await mount({ product: raw as never });
    const cvv = getByLabelText(root, 'CVV') as HTMLInputElement;
    expect(cvv.placeholder).toBe('');
    expect(cvv.type).toBe('text');
    expect(root.querySelector('.baton-hint')).toBeNull();
    const installments = getByLabelText(root, 'Installments') as HTMLInputElement;
    await user.type(installments, '4');
    await user.tab();
    expect(installments.getAttribute('aria-invalid')).toBe('true');
    await user.clear(installments);
    await user.type(installments, '3');
    await user.tab();
    expect(installments.hasAttribute('aria-invalid')).toBe(false);
  });

  it('refuses bad options with a ValidationError', async () => {
    const session = await newSession();
    expect(() => mountPaymentForm(container(), { session, product: visa, context, onSubmit: 'no' as never })).toThrow(ValidationError);
    expect(() => mountPaymentForm(container(), { session, product: visa, context: { ...context, countryCode: 'nl' }, onSubmit: () => {} })).toThrow(ValidationError);
    expect(() => mountPaymentForm(null as never, { session, product: visa, context, onSubmit: () => {} })).toThrow(ValidationError);
    expect(() => mountPaymentForm(container(), { session: {} as never, product: visa, context, onSubmit: () => {} })).toThrow(/createClientSession/);
  });
});

describe('mountPaymentForm: validation', () => {
  it('checks a field on blur and links the message with aria-describedby and aria-invalid', async () => {
    const { root, user } = await mount();
    const number = getByLabelText(root, 'Card number');
    // Tabbing through an empty field says nothing yet.
    await user.click(number);
    await user.tab();
    expect(number.hasAttribute('aria-invalid')).toBe(false);

    await user.type(number, '4111111111111112');
    await user.tab();
    expect(number.getAttribute('aria-invalid')).toBe('true');
    const error = root.querySelector(`#${number.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))}`)!;
    expect(error.className).toBe('baton-error');
    expect(error.textContent).toBe('Card number is not valid: check the digits.');
    expect(number.closest('.baton-field')!.classList.contains('baton-field--invalid')).toBe(true);

    // Correcting it clears the message as the customer types.
    await user.type(number, '{Backspace}1');
    expect(number.hasAttribute('aria-invalid')).toBe(false);
    expect(error.textContent).toBe('');
  });

  it("speaks the integrator's words: messages and submitLabel replace the defaults", async () => {
    const { root, user } = await mount({ submitLabel: 'Betalen', messages: { required: '{label} ontbreekt.' } });
    await user.click(getByRole(root, 'button', { name: 'Betalen' }));
    await waitFor(() => expect(getByRole(root, 'status').textContent).toBe('Card number ontbreekt.'));
  });

  it('on submit marks every invalid field, announces the first error and moves focus to it', async () => {
    const { root, user, submitted, session } = await mount();
    await user.type(getByLabelText(root, 'Card number'), '4111111111111111');
    await user.type(getByLabelText(root, 'Cardholder name'), 'A');
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));

    const expiry = getByLabelText(root, 'Expiry date');
    await waitFor(() => expect(document.activeElement).toBe(expiry));
    expect(getByRole(root, 'status').textContent).toBe('Expiry date is required.');
    expect(expiry.getAttribute('aria-invalid')).toBe('true');
    expect(getByLabelText(root, 'CVV').getAttribute('aria-invalid')).toBe('true');
    expect(getByLabelText(root, 'Cardholder name').getAttribute('aria-invalid')).toBe('true');
    expect(getByLabelText(root, 'Card number').hasAttribute('aria-invalid')).toBe(false);
    expect(root.querySelector('form')!.dataset.state).toBe('invalid');
    // Nothing was encrypted: the public key was never even asked for.
    expect(submitted).toEqual([]);
    expect((await requests(session)).some((r) => r.path.endsWith('/crypto/publickey'))).toBe(false);
  });
});

describe('mountPaymentForm: boletoBancarioRequiredness', () => {
  // Worldline's validation-rule/ValidationRuleBoletoBancarioRequiredness.test.ts: with a fiscal
  // number of the rule's length, an empty value fails ("Correct FiscalNumber Length: should fail
  // validation when value is an empty string"); with another length it passes. The form checks the
  // field against the fiscal number typed beside it, as validateValues and encrypt do.
  const boleto = {
    id: 1503,
    paymentMethod: 'cash',
    displayHints: { label: 'Boleto Bancario' },
    fields: [
      { id: 'fiscalNumber', type: 'string', dataRestrictions: { isRequired: false, validators: {} }, displayHints: { displayOrder: 1, label: 'Fiscal number' } },
      { id: 'dummy', type: 'string', dataRestrictions: { isRequired: false, validators: { boletoBancarioRequiredness: { fiscalNumberLength: 3 } } }, displayHints: { displayOrder: 2, label: 'Company name' } },
    ],
  } as unknown as PaymentProduct;

  it.each(['', '   '])('a fiscal number of the length makes %j fail; another length lets it pass', async (typed) => {
    const { root, user, submitted } = await mount({ product: boleto });
    const dummy = getByLabelText(root, 'Company name');
    await user.type(getByLabelText(root, 'Fiscal number'), '123');
    if (typed) await user.type(dummy, typed);
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(document.activeElement).toBe(dummy));
    expect(getByRole(root, 'status').textContent).toBe('Company name is required.');
    expect(dummy.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('form')!.dataset.state).toBe('invalid');
    expect(submitted).toEqual([]);

    await user.type(getByLabelText(root, 'Fiscal number'), '4');
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(dummy.hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('mountPaymentForm: card number', () => {
  it('looks up the IIN once per bin and shows the brand logo with its name', async () => {
    const { root, user, session } = await mount();
    const number = getByLabelText(root, 'Card number');
    await user.type(number, '411111');
    const logo = await waitFor(() => getByRole(root, 'img', { name: 'VISA' }) as HTMLImageElement);
    expect(logo.src).toBe(`${mockUrl}/connect/assets/logos/pp_logo_1.svg`);
    expect(logo.closest('.baton-brand')!.id).toBe(number.getAttribute('aria-describedby')!.split(' ')[0]);
    await user.type(number, '1111111111');
    const bins = async () => (await requests(session)).filter((r) => r.path.endsWith('/services/getIINdetails')).map((r) => (r.body as { bin: string }).bin);
    // 16 digits typed, but only two bins exist: the first 6 and the first 8 digits.
    await waitFor(async () => expect(await bins()).toEqual(['411111', '41111111']));
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' })); // waits for the last lookup
    // The same brand for the longer bin: the logo was neither removed nor announced again.
    expect(getByRole(root, 'img', { name: 'VISA' })).toBe(logo);
    // Fewer than 6 digits: no brand.
    await user.clear(number);
    await user.type(number, '41111');
    expect(root.querySelector('.baton-brand')!.childElementCount).toBe(0);
  });

  it('says plainly when the card is known but not accepted, and does not pay with it', async () => {
    const { root, user, submitted } = await mount();
    const number = getByLabelText(root, 'Card number');
    await fillValidCard(root, user, '6011000990139424');
    const message = 'This card is not accepted for this payment. Please use another card.';
    await waitFor(() => expect(root.querySelector('.baton-error')!.textContent).toBe(message));
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(getByRole(root, 'status').textContent).toBe(message);

    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(document.activeElement).toBe(number));
    expect(submitted).toEqual([]);

    // Another card clears the refusal.
    await user.clear(number);
    await user.type(number, '4111111111111111');
    // Clearing the number may already drop the mark: wait for the new card's own lookup (its brand).
    await waitFor(() => expect(root.querySelector('.baton-brand img')?.getAttribute('alt')).toBe('VISA'));
    expect(number.hasAttribute('aria-invalid')).toBe(false);
    expect(getByRole(root, 'status').textContent).toBe('');
  });

  it('switches to the product the IIN belongs to when it is accepted (a MasterCard in a VISA form)', async () => {
    const { root, user, submitted } = await mount();
    await fillValidCard(root, user, '5555555555554444');
    await waitFor(() => getByRole(root, 'img', { name: 'MasterCard' }));
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    const { body } = await pay(submitted[0]!);
    expect(body.payment.paymentOutput.cardPaymentMethodSpecificOutput).toMatchObject({ paymentProductId: 3 });
  });
});

describe('mountPaymentForm: submit', () => {
  it('encrypts what was typed and hands the JWE to onSubmit; the merchant mock decrypts it', async () => {
    const { root, user, submitted } = await mount();
    await fillValidCard(root, user);
    // Enter in a field submits.
    await user.type(getByLabelText(root, 'Cardholder name'), '{Enter}');
    await waitFor(() => expect(submitted).toHaveLength(1));
    const { status, body } = await pay(submitted[0]!);
    expect(status).toBe(201);
    expect(body.payment.paymentOutput.cardPaymentMethodSpecificOutput.card).toEqual({ cardNumber: '************1111', expiryDate: '1230', cardholderName: 'Łukasz 王 Müller' });
    expect(root.querySelector('form')!.dataset.state).toBe('done');
  });

  it('submits once for a double click', async () => {
    let release!: () => void;
    const { root, user, submitted } = await mount({
      onSubmit: (jwe) => {
        submitted.push(jwe);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await fillValidCard(root, user);
    await user.dblClick(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    const button = getByRole(root, 'button', { name: 'Pay €10.00' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    await user.keyboard('{Enter}');
    release();
    await waitFor(() => expect(button.hasAttribute('aria-disabled')).toBe(false));
    expect(submitted).toHaveLength(1);
  });

  it('keeps everything typed and shows the error when onSubmit fails, and can be submitted again', async () => {
    let attempts = 0;
    const { root, user } = await mount({
      onSubmit: () => {
        attempts++;
        if (attempts === 1) throw new Error("merchant server answered 502 $' $&");
      },
    });
    await fillValidCard(root, user);
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(getByRole(root, 'status').textContent).toBe("The payment was not sent: merchant server answered 502 $' $&"));
    expect(root.querySelector('form')!.dataset.state).toBe('failed');
    expect(getAllByRole(root, 'textbox').map((input) => (input as HTMLInputElement).value)).toEqual(['4111 1111 1111 1111', '12/30', 'Łukasz 王 Müller']);
    expect((getByLabelText(root, 'CVV') as HTMLInputElement).value).toBe('123');
    await user.click(getByRole(root, 'button', { name: 'Pay €10.00' }));
    await waitFor(() => expect(attempts).toBe(2));
    await waitFor(() => expect(root.querySelector('form')!.dataset.state).toBe('done'));
  });
});

describe('mountPaymentForm: a huge product cannot make the form slow (issue 23)', () => {
  const refusal = async (product: PaymentProduct) => {
    try {
      await mount({ product });
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('a product with 2,000 fields is refused with a ValidationError naming the limit', async () => {
    const fields = Array.from({ length: 2000 }, (_, i) => ({ ...visa.fields[0]!, id: `field${i}` }));
    const error = await refusal({ ...visa, fields });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toContainEqual(expect.objectContaining({ path: 'product.fields', message: expect.stringMatching(/at most 100 fields/) }));
    expect(document.querySelector('input')).toBeNull();
  });

  it('a 32,000-character mask is refused with a ValidationError naming the limit', async () => {
    const [first, ...rest] = visa.fields;
    const huge = { ...first!, displayHints: { ...first!.displayHints, mask: '{{9999}} '.repeat(3556).slice(0, 32_000) } };
    const error = await refusal({ ...visa, fields: [huge, ...rest] });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/mask: at most 256 characters/);
  });
});
