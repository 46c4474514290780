// `mountPaymentForm`: the card form merchants would otherwise write by hand, built from the
// product's fields. Nothing here runs until it is called, and importing the session alone leaves
// this module out of a bundle.
import * as v from 'valibot';
import { ValidationError } from '../core/errors.js';
import { callback, optionsShape, text } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { createCardBrand } from './card-brand.js';
import { createField, el, type FormField } from './form-field.js';
import { Bool, PaymentContextSchema, PaymentProductSchema, type PaymentContext, type PaymentProduct } from './schemas.js';
import type { ClientSession } from './client-session.js';
import { failedValidators, unmaskValue, validateValues } from './validators.js';

/**
 * The form's texts. `{label}` is replaced by the field's label, `{error}` by the failure's message.
 * Override any of them (e.g. to translate) with the `messages` option.
 */
export interface PaymentFormMessages {
  readonly required: string;
  /** A value that fails a validator without its own text (`length`, `regularExpression`, `emailAddress`, …). */
  readonly invalid: string;
  readonly luhn: string;
  readonly expirationDate: string;
  /** The IIN lookup answered `EXISTING_BUT_NOT_ALLOWED`. */
  readonly notAllowed: string;
  /** Announced while the input is encrypted and handed to `onSubmit`. */
  readonly sending: string;
  /** `encrypt` or `onSubmit` failed; `{error}` is the error's message. */
  readonly failed: string;
}

/** The default (English) texts. */
export const PAYMENT_FORM_MESSAGES: PaymentFormMessages = {
  required: '{label} is required.',
  invalid: '{label} is not valid.',
  luhn: '{label} is not valid: check the digits.',
  expirationDate: '{label} is not a valid month, or it has passed.',
  notAllowed: 'This card is not accepted for this payment. Please use another card.',
  sending: 'Sending…',
  failed: 'The payment was not sent: {error}',
};

export interface PaymentFormOptions {
  /** The client session from `createClientSession`. */
  readonly session: ClientSession;
  /** The product from `session.getPaymentProduct(id, context)`: its fields make the form. */
  readonly product: PaymentProduct;
  /** The payment context the product was fetched in (used for IIN lookups). */
  readonly context: PaymentContext;
  /**
   * Receives the compact JWE to send to your server as `encryptedCustomerInput`. Throw (or
   * reject) to report a failure: the form keeps what was typed and shows the error's message.
   */
  readonly onSubmit: (encryptedCustomerInput: string) => unknown;
  /** Ask the platform to store the card as a token. Default `false`. */
  readonly tokenize?: boolean;
  /** The submit button's text, e.g. "Pay €10.00". Default "Pay". */
  readonly submitLabel?: string;
  /** Replaces some of `PAYMENT_FORM_MESSAGES`. */
  readonly messages?: Partial<PaymentFormMessages>;
}

/** What `mountPaymentForm` returns. */
export interface PaymentFormHandle {
  /** The `form.baton-form` element. */
  readonly form: HTMLFormElement;
  /** Removes the form and cancels its pending lookups; a submission under way is not handed to `onSubmit`. */
  destroy(): void;
}

// Built when called: a schema at module level is a call a bundler keeps even when the form is unused.
const optionsSchema = () =>
  optionsShape({
    session: v.custom<ClientSession>(
      (value) => !!value && typeof (value as ClientSession).encrypt === 'function' && typeof (value as ClientSession).getIinDetails === 'function',
      'must be a session from createClientSession',
    ),
    product: PaymentProductSchema,
    context: PaymentContextSchema,
    onSubmit: callback<(encryptedCustomerInput: string) => unknown>(),
    tokenize: v.optional(Bool),
    submitLabel: v.optional(text()),
    messages: v.optional(v.custom<Partial<PaymentFormMessages>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
  });

let mounted = 0;

/**
 * Mounts a payment form for `product` into `container` (replacing what it held): one field per
 * product field in `displayOrder`, with the label, placeholder and tooltip text of its display
 * hints, its mask applied as the customer types, `autocomplete` and `inputmode` set, and
 * `obfuscate` fields as password inputs. Fields are checked on blur and on submit; messages sit
 * beside their fields (`aria-describedby`, `aria-invalid`), the first is announced and focused.
 * The card number's IIN is looked up as it grows: the brand's logo is shown, a card the platform
 * knows but does not accept here is refused, and a card of another accepted product switches
 * the form to that product. Enter submits; one submission runs at a time: the values are
 * encrypted with `session.encrypt` and the JWE handed to `onSubmit`.
 *
 * Class names: `baton-form` (`data-state` = `idle|busy|invalid|failed|done`), `baton-field`
 * (`data-field` = the field id; `baton-field--invalid`), `baton-label`, `baton-input`,
 * `baton-hint`, `baton-error`, `baton-brand` with `baton-brand-logo`, `baton-submit`, `baton-status`.
 *
 * @throws ValidationError on bad options (checked when mounting).
 *
 * @example
 * const product = await session.getPaymentProduct(1, context);
 * connect.mountPaymentForm(document.querySelector('#card')!, {
 *   session, product, context,
 *   onSubmit: async (encryptedCustomerInput) => {
 *     // `myServer` stands for your app's own client of your server.
 *     await myServer.post('/my-server/payments', { encryptedCustomerInput }); // a throw keeps what was typed
 *   },
 * });
 */
export function mountPaymentForm(container: HTMLElement, options: PaymentFormOptions): PaymentFormHandle {
  if (!container || typeof (container as Partial<HTMLElement>).replaceChildren !== 'function') {
    throw new ValidationError('mountPaymentForm container', [{ path: '', message: 'expected an HTML element' }]);
  }
  const { session, context, onSubmit, tokenize, submitLabel, ...opts } = parseWith(optionsSchema(), options, 'mountPaymentForm options');
  const messages = { ...PAYMENT_FORM_MESSAGES, ...opts.messages };
  // Replacer functions: a `$&` in a provider's label or an error message stays literal text.
  const say = (key: keyof PaymentFormMessages, label = '', error = '') => messages[key].replace('{label}', () => label).replace('{error}', () => error);
  const doc = container.ownerDocument;
  const uid = `baton-${++mounted}`;
  const controller = new AbortController();
  let product: PaymentProduct = opts.product;
  let refusal = '';
  let busy = false;

  const form = el(doc, 'form', { className: 'baton-form', noValidate: true });
  form.setAttribute('aria-label', `${product.displayHints?.label ?? 'Payment'} details`);
  const status = el(doc, 'p', { className: 'baton-status' });
  status.setAttribute('role', 'status');
  const setState = (state: string, text = '') => {
    form.dataset.state = state;
    status.textContent = text;
  };
  setState('idle');

  const order = (field: { displayHints?: { displayOrder?: number } }) => field.displayHints?.displayOrder ?? Infinity;
  const fields: FormField[] = [...product.fields].sort((a, b) => order(a) - order(b)).map((field) => createField(doc, field, uid));

  /** The message for `field` as it stands, `''` when it is fine. */
  const check = (field: FormField): string => {
    // Every field's value: a rule may read another field (`boletoBancarioRequiredness` reads `fiscalNumber`).
    const values = Object.fromEntries(fields.map((f) => [f.id, unmaskValue(f.id, f.value(), f.def.displayHints?.mask)]));
    const value = values[field.id]!;
    if (field.id === 'cardNumber' && refusal) return refusal;
    if (!validateValues({ fields: [field.def] }, values).length) return '';
    if (!value) return say('required', field.label);
    const failed = failedValidators(value, field.def.dataRestrictions.validators).find((name) => name in messages);
    return say((failed as keyof PaymentFormMessages | undefined) ?? 'invalid', field.label);
  };

  for (const field of fields) {
    let dirty = false;
    const { control } = field;
    control.addEventListener('input', () => {
      dirty = true;
      // A message already shown follows the correction as it is typed.
      if (control.hasAttribute('aria-invalid')) field.setError(check(field));
    });
    control.addEventListener('blur', () => {
      if (dirty) field.setError(check(field));
    });
    form.append(field.root);
  }

  // Resolves when the card number's IIN lookup has answered: a submit waits for it.
  let lookedUp = async () => {};
  const card = fields.find((field) => field.id === 'cardNumber');
  if (card) {
    // The id the card number's `aria-describedby` already names.
    const brand = createCardBrand(doc, `${card.control.id}-brand`, {
      session,
      context,
      signal: controller.signal,
      current: () => product,
      onResult(result, found) {
        if (found && found !== product) {
          // A card of another accepted product (a Mastercard typed into a VISA form): pay with
          // that product, under its rules and masks.
          product = found;
          for (const field of fields) {
            field.def = found.fields.find((def) => def.id === field.id) ?? field.def;
            field.reformat();
          }
        }
        const notAllowed = say('notAllowed');
        refusal = result?.status === 'EXISTING_BUT_NOT_ALLOWED' ? notAllowed : '';
        // `check` answers the refusal first.
        if (refusal || card.control.hasAttribute('aria-invalid')) card.setError(check(card));
        if (refusal || status.textContent === notAllowed) status.textContent = refusal;
      },
    });
    card.control.after(brand.node);
    card.control.addEventListener('input', () => brand.update(card.value()));
    lookedUp = brand.settled;
  }

  const button = el(doc, 'button', { className: 'baton-submit', textContent: submitLabel ?? 'Pay', type: 'submit' });
  form.append(button, status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // One submission per action: a double click or a second Enter while one runs does nothing.
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    setState('busy');
    try {
      await lookedUp();
      // Every field shows its message; the first failing one is announced and focused.
      const [first] = fields.filter((field) => field.setError(check(field)));
      if (first) {
        setState('invalid', check(first));
        first.control.focus();
        return;
      }
      setState('busy', say('sending'));
      // An empty value is "not given": `encrypt` leaves it out.
      const values = Object.fromEntries(fields.map((field) => [field.id, field.value()]));
      const encrypted = await session.encrypt(
        { paymentProductId: Number(product.id), product: { ...product, fields: fields.map((field) => field.def) }, values, tokenize },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      await onSubmit(encrypted);
      setState('done');
    } catch (error) {
      if (controller.signal.aborted) return;
      setState('failed', say('failed', '', error instanceof Error ? error.message : String(error)));
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });

  container.replaceChildren(form);
  return {
    form,
    destroy() {
      controller.abort();
      form.remove();
    },
  };
}
