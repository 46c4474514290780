// `mountSavedCardForm`: pays with an account on file (a stored card), as Worldline's client SDK does
// with `PaymentRequest.setAccountOnFile` (connect-sdk-client-js 6.0.5): what the account stores is
// shown masked and never sent again, `READ_ONLY` values in read-only inputs; only what must be
// typed (the CVV, which is never stored; a `MUST_WRITE` attribute such as an expired date) is
// asked for. The JWE carries `accountOnFileId` and the typed values only. A module of its own: an
// app that does not import it does not carry it.
import { mountTarget, type MountTarget } from '../core/mount-target.js';
import { bcp47, formatAmount } from '../core/currency.js';
import { ValidationError } from '../core/errors.js';
import { fill } from '../core/messages.js';
import { flagOption, list, optionsShape } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { maskedAttribute } from './account-on-file.js';
import { createAccountPicker, NEW_CARD } from './account-picker.js';
import { createFieldForm, formOptionEntries } from './field-form.js';
import { createField, type FormField } from './form-field.js';
import { el } from '../core/element.js';
import { fire, type PaymentFormEvents } from './form-events.js';
import { PAYMENT_FORM_MESSAGES, type PaymentFormMessages } from './messages.js';
import { mountPaymentForm } from './payment-form.js';
import { AccountOnFileSchema, wholeFrom, type AccountOnFile, type PaymentContext, type PaymentProduct } from './schemas.js';
import type { ClientSession } from './client-session.js';
import * as v from 'valibot';

export interface SavedCardFormOptions extends PaymentFormEvents {
  /** The client session from `createClientSession` (created with the customer's `tokens`). */
  readonly session: ClientSession;
  /** The product from `session.getPaymentProduct(id, context)`: its fields, and its `accountsOnFile`. */
  readonly product: PaymentProduct;
  /** The payment context the product was fetched in. */
  readonly context: PaymentContext;
  /** Receives the compact JWE (`encryptedCustomerInput`); throw to show a failure, as with `mountPaymentForm`. */
  readonly onSubmit: (encryptedCustomerInput: string) => unknown;
  /**
   * The accounts to offer. Default: `product.accountsOnFile`. Pass the session's list (the
   * `accountsOnFile` of `getBasicPaymentProducts`) to offer it: only the accounts of `product` are listed.
   */
  readonly accountsOnFile?: readonly AccountOnFile[];
  /** The account chosen first. Default: the first account listed. */
  readonly accountOnFileId?: number;
  /** Offer "A new card" (`messages.newCard`), which shows `mountPaymentForm`'s card form. Default `true`. */
  readonly newCard?: boolean;
  /** For a new card: ask the platform to store it as a token. Default `false`. */
  readonly tokenize?: boolean;
  /** The submit button's text. Default `messages.pay` with the context's amount. */
  readonly submitLabel?: string;
  /** Replaces some (or all) of `PAYMENT_FORM_MESSAGES`. */
  readonly messages?: Partial<PaymentFormMessages>;
  /** The locale amounts are formatted in (BCP 47). Default: the context's `locale`, else the browser's. */
  readonly locale?: string;
}

/** What `mountSavedCardForm` returns. */
export interface SavedCardFormHandle {
  /** The form shown now (the saved card's, or the new card's). */
  readonly form: HTMLFormElement;
  /** The account paid with now; `undefined` while "A new card" is chosen. */
  readonly accountOnFileId: number | undefined;
  /** Removes the picker and the form; a submission under way is not handed to `onSubmit`. */
  destroy(): void;
}

const WHAT = 'mountSavedCardForm options';

// Built when called: a schema at module level is a call a bundler keeps even when the form is unused.
// The session is checked as the card form checks it: "A new card" shows that form with it.
const optionsSchema = () =>
  optionsShape({
    ...formOptionEntries(),
    accountsOnFile: v.optional(list(AccountOnFileSchema)),
    accountOnFileId: v.optional(wholeFrom(1, 'must be the id of an account on file')),
    newCard: flagOption,
    tokenize: flagOption,
  });

let mounted = 0;

/**
 * Mounts a picker of the customer's accounts on file for `product` (a radio group, `messages.
 * savedCards`), and under it the form for the account picked: every product field in
 * `displayOrder`; a field the account stores `READ_ONLY` is a read-only input showing the stored
 * value masked (the account's `labelTemplate` mask, else the field's), one it stores `CAN_WRITE`
 * is filled in and may be changed (sent only when changed), and the rest (the CVV, a `MUST_WRITE`
 * attribute) are typed. Checks, messages, the status line, Enter and the events are the card
 * form's; `onBrand` is not fired (the account's product is the brand). With `newCard` (default),
 * "A new card" shows `mountPaymentForm`'s form instead.
 *
 * Class names: `baton-saved` (the picker's fieldset), `baton-saved-option` (each choice), and the card
 * form's (`baton-form`, `baton-field`, `baton-input` — read-only ones have `readonly` — …).
 *
 * @throws ValidationError on bad options: `accountOnFileId` not among the accounts, or an account
 *   of another product; no account for `product` and `newCard: false`.
 *
 * @example
 * const product = await session.getPaymentProduct(1, context); // its accountsOnFile: the session's tokens
 * connect.mountSavedCardForm('#card', {
 *   session, product, context,
 *   onSubmit: (encryptedCustomerInput) => myServer.post('/my-server/payments', { encryptedCustomerInput }),
 * });
 */
export function mountSavedCardForm(target: MountTarget, options: SavedCardFormOptions): SavedCardFormHandle {
  const container = mountTarget(target, 'mountSavedCardForm container');
  const { session, product, context, onSubmit, accountOnFileId, newCard = true, tokenize, submitLabel, locale, onReady, onChange, onValidityChange, ...opts } = parseWith(optionsSchema(), options, WHAT);
  const messages = { ...PAYMENT_FORM_MESSAGES, ...opts.messages };
  const productId = Number(product.id);
  const given = opts.accountsOnFile ?? product.accountsOnFile;
  const accounts = given.filter((account) => Number(account.paymentProductId) === productId);
  const refuse = (path: string, message: string, received?: unknown): never => {
    throw new ValidationError(WHAT, [{ path, message, received: received === undefined ? undefined : String(received) }]);
  };
  if (accountOnFileId !== undefined) {
    const named = given.find((account) => Number(account.id) === accountOnFileId);
    if (!named) refuse('accountOnFileId', `is not an account on file of the session here (${given.map((a) => a.id).join(', ') || 'none'})`, accountOnFileId);
    else if (Number(named.paymentProductId) !== productId) refuse('accountOnFileId', `is an account of product ${named.paymentProductId}, not of product ${productId}`, accountOnFileId);
  }
  if (!accounts.length && !newCard) refuse('product', `has no account on file (accountsOnFile) for product ${productId}`);

  const doc = container.ownerDocument;
  const uid = `baton-saved-${++mounted}`;
  const brand = product.displayHints?.label || String(productId);
  const pay = submitLabel ?? fill(messages.pay, { amount: formatAmount(context.amount, context.currencyCode, locale ?? bcp47(context.locale)) });
  const area = el(doc, 'div', {});
  let controller = new AbortController();
  let form: HTMLFormElement;
  let current: number | undefined;
  let valid = false;
  // One `onValidityChange` stream across the forms shown one after the other.
  const validity = (now: boolean) => now !== valid && fire(onValidityChange, (valid = now));
  let close = () => {};

  const show = (value: string) => {
    close();
    controller = new AbortController();
    if (value === NEW_CARD) {
      current = undefined;
      validity(false);
      const handle = mountPaymentForm(area, { session, product, context, onSubmit, tokenize, submitLabel: pay, messages, locale, onChange, onValidityChange: validity, onBrand: opts.onBrand });
      form = handle.form;
      close = handle.destroy;
      return;
    }
    const account = accounts.find((a) => String(a.id) === value)!;
    current = Number(account.id);
    const status = (key: string) => account.attributes.find((attribute) => attribute.key === key)?.status;
    const order = (field: { displayHints?: { displayOrder?: number } }) => field.displayHints?.displayOrder ?? Infinity;
    const all = [...product.fields].sort((a, b) => order(a) - order(b)).map((def) => createField(doc, def, `${uid}-${value}`));
    const stored = new Map<FormField, string>();
    for (const field of all) {
      const { control } = field;
      // The card number's brand note is the card form's: here the picker names the brand.
      control.setAttribute('aria-describedby', control.getAttribute('aria-describedby')!.replace(/\S+-brand /, ''));
      const shown = maskedAttribute(account, field.id, field.def.displayHints?.mask);
      if (status(field.id) === 'READ_ONLY') {
        Object.assign(control, { readOnly: true, required: false, autocomplete: 'off', value: shown });
      } else if (status(field.id) === 'CAN_WRITE') {
        control.value = shown;
        stored.set(field, shown);
      }
    }
    // Checked, typed and sent: all but the read-only ones.
    const fields = all.filter((field) => !field.control.readOnly);
    const { signal } = controller;
    const core = createFieldForm({
      doc,
      label: `${brand} ${maskedAttribute(account, 'cardNumber') || account.id}`,
      fields,
      messages,
      submitLabel: pay,
      signal,
      onSubmit,
      onChange,
      onValidityChange: validity,
      accountOnFile: account,
      // A `CAN_WRITE` value left as stored is not sent: the platform keeps its own.
      encrypt: () =>
        session.encrypt(
          { paymentProductId: productId, product, accountOnFile: account, values: Object.fromEntries(fields.filter((f) => stored.get(f) !== f.value()).map((f) => [f.id, f.value()])) },
          { signal },
        ),
    });
    form = core.form;
    // Every field in display order, before the button.
    for (const field of all) form.insertBefore(field.root, form.querySelector('.baton-submit'));
    area.replaceChildren(form);
    validity(fields.every((field) => !core.check(field)));
    const abort = controller;
    close = () => abort.abort();
  };

  const first = accountOnFileId !== undefined ? String(accountOnFileId) : accounts[0] ? String(accounts[0].id) : NEW_CARD;
  const picker = createAccountPicker({
    doc,
    id: uid,
    legend: messages.savedCards,
    accounts,
    brand,
    newCard: newCard ? messages.newCard : undefined,
    selected: first,
    logoUrl: (path) => session.assetUrl(path),
    onPick: show,
  });
  show(first);
  container.replaceChildren(picker, area);
  queueMicrotask(() => controller.signal.aborted || fire(onReady));
  return {
    get form() {
      return form;
    },
    get accountOnFileId() {
      return current;
    },
    destroy() {
      close();
      controller.abort();
      picker.remove();
      area.remove();
    },
  };
}
