// `mountPaymentForm`: the card form merchants would otherwise write by hand, built from the
// product's fields. Nothing here runs until it is called, and importing the session alone leaves
// this module out of a bundle.
import * as v from 'valibot';
import { mountTarget, type MountTarget } from '../core/mount-target.js';
import { bcp47, formatAmount } from '../core/currency.js';
import { fill } from '../core/messages.js';
import { optionsShape } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { lookup } from '../core/lookup.js';
import { createCardBrand } from './card-brand.js';
import { createCoBrandChoice } from './co-brand.js';
import { PAYMENT_FORM_MESSAGES, type PaymentFormMessages } from './messages.js';
import { createField, type FormField } from './form-field.js';
import { createFieldForm, formOptionEntries } from './field-form.js';
import { brandOf, fire, type PaymentBrand, type PaymentFormEvents } from './form-events.js';
import { Bool, type PaymentContext, type PaymentProduct } from './schemas.js';
import type { ClientSession } from './client-session.js';

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
const optionsSchema = () => optionsShape({ ...formOptionEntries(), tokenize: v.optional(Bool) });

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
  const doc = container.ownerDocument;
  const uid = `baton-${++mounted}`;
  const controller = new AbortController();
  let product: PaymentProduct = opts.product;
  let refusal = '';
  let brand: PaymentBrand | undefined;
  // A co-badged card's brands (two or more), and the one the customer picked among them.
  let coBrands: PaymentBrand[] | undefined;
  let picked: number | undefined;
  let chosenNote = '';
  // Resolves when the card number's IIN lookup has answered: a submit waits for it.
  let lookedUp = async () => {};

  const order = (field: { displayHints?: { displayOrder?: number } }) => field.displayHints?.displayOrder ?? Infinity;
  const fields: FormField[] = [...product.fields].sort((a, b) => order(a) - order(b)).map((field) => createField(doc, field, uid));
  const { form, status, changed, check } = createFieldForm({
    doc,
    onChange,
    onValidityChange,
    label: product.displayHints?.label || String(product.id),
    fields,
    messages,
    signal: controller.signal,
    onSubmit,
    submitLabel: submitLabel ?? fill(messages.pay, { amount: formatAmount(context.amount, context.currencyCode, locale ?? bcp47(context.locale)) }),
    refused: (field) => (field.id === 'cardNumber' ? refusal : ''),
    extra: (field) => (field.id === 'cardNumber' ? { ...(brand && { brand }), ...(coBrands && { coBrands }) } : {}),
    settled: () => lookedUp(),
    // An empty value is "not given": `encrypt` leaves it out.
    encrypt: () =>
      session.encrypt(
        { paymentProductId: Number(product.id), product: { ...product, fields: fields.map((field) => field.def) }, values: Object.fromEntries(fields.map((field) => [field.id, field.value()])), tokenize },
        { signal: controller.signal },
      ),
  });

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
        const notAllowed = messages.notAllowed;
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
    const choice = createCoBrandChoice(doc, `${uid}-cobrand`, messages.chooseBrand, (path) => session.assetUrl(path), (chosen) => {
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
