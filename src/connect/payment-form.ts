// `mountPaymentForm`: the card form merchants would otherwise write by hand, built from the
// product's fields. Nothing here runs until it is called, and importing the session alone leaves
// this module out of a bundle.
import * as v from 'valibot';
import { mountTarget, type MountTarget } from '../core/mount-target.js';
import { bcp47, formatAmount } from '../core/currency.js';
import { fill } from '../core/messages.js';
import { callback, optionsShape, text } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { lookup } from '../core/lookup.js';
import { createCardBrand } from './card-brand.js';
import { createCoBrandChoice } from './co-brand.js';
import { PAYMENT_FORM_MESSAGES, type PaymentFormMessages } from './messages.js';
import { createField, el, type FormField } from './form-field.js';
import { brandOf, eventEntries, fire, type PaymentBrand, type PaymentFieldChange, type PaymentFormEvents } from './form-events.js';
import { Bool, PaymentContextSchema, PaymentProductSchema, type PaymentContext, type PaymentProduct } from './schemas.js';
import type { ClientSession } from './client-session.js';
import { failedValidators, unmaskValue, validateValues } from './validators.js';

export interface PaymentFormOptions extends PaymentFormEvents {
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
  /** The submit button's text. Default `messages.pay`: "Pay €10.00" (the context's amount). */
  readonly submitLabel?: string;
  /** Replaces some (or all) of `PAYMENT_FORM_MESSAGES`, e.g. a locale from `baton-sdk/locales/de`. */
  readonly messages?: Partial<PaymentFormMessages>;
  /** The locale amounts are formatted in (BCP 47, e.g. `de-DE`). Default: the context's `locale`, else the browser's. */
  readonly locale?: string;
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
    locale: v.optional(text()),
    messages: v.optional(v.custom<Partial<PaymentFormMessages>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
    ...eventEntries(),
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
 * encrypted with `session.encrypt` and the JWE handed to `onSubmit`. Events: `onReady`,
 * `onChange`, `onValidityChange`, `onBrand` (`PaymentFormEvents`). The status line only ever
 * names a problem that still holds.
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
export function mountPaymentForm(target: MountTarget, options: PaymentFormOptions): PaymentFormHandle {
  const container = mountTarget(target, 'mountPaymentForm container');
  const { session, context, onSubmit, tokenize, submitLabel, locale, onReady, onChange, onValidityChange, onBrand, ...opts } = parseWith(optionsSchema(), options, 'mountPaymentForm options');
  const messages = { ...PAYMENT_FORM_MESSAGES, ...opts.messages };
  const say = (key: keyof PaymentFormMessages, label = '', error = '') => fill(messages[key], { label, error });
  const doc = container.ownerDocument;
  const uid = `baton-${++mounted}`;
  const controller = new AbortController();
  let product: PaymentProduct = opts.product;
  let refusal = '';
  let busy = false;
  let brand: PaymentBrand | undefined;
  // A co-badged card's brands (two or more), and the one the customer picked among them.
  let coBrands: PaymentBrand[] | undefined;
  let picked: number | undefined;
  let chosenNote = '';

  const form = el(doc, 'form', { className: 'baton-form', noValidate: true });
  form.setAttribute('aria-label', say('formLabel', product.displayHints?.label || String(product.id)));
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
  // Every field's value, unmasked once per round of checks (a submit checks them all with one).
  const allValues = () => Object.fromEntries(fields.map((f) => [f.id, unmaskValue(f.id, f.value(), f.def.displayHints?.mask)]));
  const check = (field: FormField, values = allValues()): string => {
    const value = values[field.id]!;
    if (field.id === 'cardNumber' && refusal) return refusal;
    // Only what this field's rules read (its value; `boletoBancarioRequiredness` reads `fiscalNumber`):
    // handing every value to every field would make a submit quadratic in the fields.
    if (!validateValues({ fields: [field.def] }, { fiscalNumber: lookup(values, 'fiscalNumber') ?? '', [field.id]: value }).length) return '';
    if (!value) return say('required', field.label);
    const failed = failedValidators(value, field.def.dataRestrictions.validators).find((name) => lookup(messages, name) !== undefined);
    return say((failed as keyof PaymentFormMessages | undefined) ?? 'invalid', field.label);
  };

  const complete = () => fields.every((field) => !check(field));
  let wasComplete = complete();
  const reported = new Map<FormField, string>();
  /**
   * After anything that may have changed `field`: `onChange` (always when `input`, else only when
   * its payload differs from the last one), the live region (a message that no longer holds goes),
   * and `onValidityChange`.
   */
  const changed = (field: FormField, input = false) => {
    const error = field.error();
    const change: PaymentFieldChange = {
      fieldId: field.id,
      empty: !field.value(),
      complete: !check(field),
      valid: !error,
      ...(error && { error }),
      ...(field.id === 'cardNumber' && brand && { brand }),
      ...(field.id === 'cardNumber' && coBrands && { coBrands }),
    };
    const key = JSON.stringify(change);
    if (input || reported.get(field) !== key) {
      reported.set(field, key);
      fire(onChange, change);
    }
    if (form.dataset.state === 'invalid') {
      const first = fields.find((f) => f.error());
      if (!first) setState('idle');
      else if (status.textContent !== first.error()) setState('invalid', first.error());
    }
    const now = complete();
    if (now !== wasComplete) fire(onValidityChange, (wasComplete = now));
  };

  for (const field of fields) {
    let dirty = false;
    const { control } = field;
    control.addEventListener('input', () => {
      dirty = true;
      // A message already shown follows the correction as it is typed.
      if (control.hasAttribute('aria-invalid')) field.setError(check(field));
      changed(field, true);
    });
    control.addEventListener('blur', () => {
      if (dirty) field.setError(check(field));
      changed(field);
    });
    form.append(field.root);
  }

  // Resolves when the card number's IIN lookup has answered: a submit waits for it.
  let lookedUp = async () => {};
  const card = fields.find((field) => field.id === 'cardNumber');
  if (card) {
    // The id the card number's `aria-describedby` already names.
    const brandView = createCardBrand(doc, `${card.control.id}-brand`, {
      session,
      context,
      signal: controller.signal,
      current: () => product,
      onResult(result, found, choices = []) {
        // The customer's pick stays while the card still offers it (the 7th and 8th digits).
        const kept = choices.find((choice) => Number(choice.id) === picked);
        if (!kept) picked = undefined;
        // "Paying with …" no longer holds for another card.
        if (!kept && chosenNote && status.textContent === chosenNote) status.textContent = '';
        coBrands = choices.length > 1 ? choices.map(brandOf) : undefined;
        choice.show(choices, kept ?? found);
        if (kept) brandView.show(kept);
        use(kept ?? found);
        const notAllowed = say('notAllowed');
        refusal = result?.status === 'EXISTING_BUT_NOT_ALLOWED' && !found ? notAllowed : '';
        // `check` answers the refusal first.
        if (refusal || card.control.hasAttribute('aria-invalid')) card.setError(check(card));
        if (refusal || status.textContent === notAllowed) status.textContent = refusal;
        changed(card);
      },
    });
    /** Pays with `found` (a card of another accepted product, or the brand picked), under its rules and masks. */
    const use = (found: PaymentProduct | undefined) => {
      if (found && found !== product) {
        product = found;
        for (const field of fields) {
          field.def = found.fields.find((def) => def.id === field.id) ?? field.def;
          field.reformat();
        }
      }
      const next = found && brandOf(found);
      if (next?.paymentProductId !== brand?.paymentProductId) fire(onBrand, (brand = next));
    };
    const choice = createCoBrandChoice(doc, `${uid}-cobrand`, say('chooseBrand'), (path) => session.assetUrl(path), (chosen) => {
      picked = Number(chosen.id);
      brandView.show(chosen);
      use(chosen);
      if (form.dataset.state !== 'invalid') status.textContent = chosenNote = fill(messages.brandChosen, { brand: brandOf(chosen).label });
      changed(card);
    });
    card.root.after(choice.node);
    card.control.after(brandView.node);
    card.control.addEventListener('input', () => brandView.update(card.value()));
    lookedUp = brandView.settled;
  }

  const button = el(doc, 'button', { className: 'baton-submit', textContent: submitLabel ?? fill(messages.pay, { amount: formatAmount(context.amount, context.currencyCode, locale ?? bcp47(context.locale)) }), type: 'submit' });
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
      const values = allValues();
      const [first] = fields.filter((field) => field.setError(check(field, values)));
      for (const field of fields) changed(field);
      if (first) {
        setState('invalid', check(first, values));
        first.control.focus();
        return;
      }
      setState('busy', say('sending'));
      // An empty value is "not given": `encrypt` leaves it out.
      const typed = Object.fromEntries(fields.map((field) => [field.id, field.value()]));
      const encrypted = await session.encrypt(
        { paymentProductId: Number(product.id), product: { ...product, fields: fields.map((field) => field.def) }, values: typed, tokenize },
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
  // After the caller has the handle: a handler may already use it.
  queueMicrotask(() => controller.signal.aborted || fire(onReady));
  return {
    form,
    destroy() {
      controller.abort();
      form.remove();
    },
  };
}
