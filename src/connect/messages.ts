// The Connect payment form's texts: the one catalogue a translator edits (English here; other
// languages in src/locales/). `{name}` placeholders are filled in by the form.

/**
 * The payment form's texts. Placeholders: `{label}` the field's label, `{error}` the failure's
 * message, `{amount}` the payment's amount (formatted with Intl in the form's locale), `{brand}`
 * a card brand's name. Replace any of them with the `messages` option, or pass a whole locale
 * (`import { paymentForm } from 'baton-sdk/locales/de'`).
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
  /** The submit button (unless `submitLabel` is given); `{amount}` is the context's amount. */
  readonly pay: string;
  /** The form's accessible name; `{label}` is the product's label. */
  readonly formLabel: string;
  /** The legend of the brand choice a co-badged card offers. */
  readonly chooseBrand: string;
  /** Announced when the customer picks a brand of a co-badged card. */
  readonly brandChosen: string;
  /** The legend of the saved-card picker. */
  readonly savedCards: string;
  /** The picker's choice that shows the empty card form. */
  readonly newCard: string;
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
  pay: 'Pay {amount}',
  formLabel: '{label} details',
  chooseBrand: 'Card brand',
  brandChosen: 'Paying with {brand}.',
  savedCards: 'Saved cards',
  newCard: 'A new card',
};

/**
 * The Connect action views' texts (`handleMerchantAction`): the SHOW_FORM form's button and errors.
 * SHOW_INSTRUCTIONS / SHOW_TRANSACTION_RESULTS show your `heading` and `labels`, and otherwise the
 * platform's own keys. Placeholders: `{label}` the field's label, `{count}` how many fields failed.
 * Replace any of them with the `messages` option, or pass a whole locale
 * (`import { connectActions } from 'baton-sdk/locales/de'`).
 */
export interface ActionViewMessages {
  /** The SHOW_FORM submit button (unless `submitLabel` is given). */
  readonly submit: string;
  readonly required: string;
  /** A value that fails one of the field's validators. */
  readonly invalid: string;
  /** Announced when a submit finds invalid fields. */
  readonly needsAttention: string;
}

/** The default (English) action view texts. */
export const ACTION_VIEW_MESSAGES: ActionViewMessages = {
  submit: 'Continue',
  required: '{label} is required.',
  invalid: '{label} is not valid.',
  needsAttention: '{count} field(s) need attention.',
};
