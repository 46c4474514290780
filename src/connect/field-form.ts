// The part every Baton payment form shares, whatever it pays with: a `form.baton-form` of product
// fields, each checked on blur and on submit with its message beside it, a status line that only
// names a problem that still holds, the events, and one submission at a time that encrypts and
// hands the JWE to `onSubmit`. The card form (payment-form.ts) adds the brand; the saved-card form
// (saved-card-form.ts) adds the stored account.
import * as v from 'valibot';
import { fill } from '../core/messages.js';
import { callback, text } from '../core/options.js';
import type { ClientSession } from './client-session.js';
import type { PaymentFormMessages } from './messages.js';
import { type FormField } from './form-field.js';
import { el } from '../core/element.js';
import { eventEntries, fire, type PaymentFieldChange, type PaymentFormEvents } from './form-events.js';
import { PaymentContextSchema, PaymentProductSchema, type AccountOnFile } from './schemas.js';
import { unmaskValue, validateValues } from './validators.js';
import { fieldError } from './field-error.js';
import { lookup } from '../core/lookup.js';

/**
 * The options every payment form reads (each form adds its own to them). Built when called: a
 * schema at module level is a call a bundler keeps even when no form is used.
 */
export const formOptionEntries = () => ({
  session: v.custom<ClientSession>(
    (value) => !!value && typeof (value as ClientSession).encrypt === 'function' && typeof (value as ClientSession).getIinDetails === 'function',
    'must be a session from createClientSession',
  ),
  product: PaymentProductSchema,
  context: PaymentContextSchema,
  onSubmit: callback<(encryptedCustomerInput: string) => unknown>(),
  submitLabel: v.optional(text()),
  locale: v.optional(text()),
  messages: v.optional(v.custom<Partial<PaymentFormMessages>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
  ...eventEntries(),
});

export interface FieldFormSetup extends PaymentFormEvents {
  readonly doc: Document;
  /** What the form pays with, for its accessible name (`messages.formLabel`). */
  readonly label: string;
  /** The fields checked, typed and reported (in order). */
  readonly fields: readonly FormField[];
  readonly messages: PaymentFormMessages;
  readonly submitLabel: string;
  readonly signal: AbortSignal;
  readonly onSubmit: (encryptedCustomerInput: string) => unknown;
  /** Encrypts what is typed (called once every field passes). */
  readonly encrypt: () => Promise<string>;
  /** The stored account paid with: what it stores needs no value, its `MUST_WRITE` attributes do. */
  readonly accountOnFile?: AccountOnFile;
  /** A message that holds for `field` whatever its validators say (the card refused), else `''`. */
  readonly refused?: (field: FormField) => string;
  /** What `onChange` reports for `field` besides the common payload (the card's brand). */
  readonly extra?: (field: FormField) => Partial<PaymentFieldChange>;
  /** Resolves when what a submit must wait for has answered (the IIN lookup). */
  readonly settled?: () => Promise<unknown>;
}

export interface FieldForm {
  readonly form: HTMLFormElement;
  readonly status: HTMLElement;
  /** The message for `field` as it stands, `''` when it is fine. */
  check(field: FormField): string;
  /** After anything that may have changed `field`: events, live region, validity. */
  changed(field: FormField, input?: boolean): void;
}

export function createFieldForm(setup: FieldFormSetup): FieldForm {
  const { doc, fields, messages, signal, onChange, onValidityChange, accountOnFile, refused = () => '', extra } = setup;
  const say = (key: keyof PaymentFormMessages, label = '', error = '') => fill(messages[key], { label, error });
  let busy = false;

  const form = el(doc, 'form', { className: 'baton-form', noValidate: true });
  form.setAttribute('aria-label', say('formLabel', setup.label));
  const status = el(doc, 'p', { className: 'baton-status' });
  status.setAttribute('role', 'status');
  const setState = (state: string, text = '') => {
    form.dataset.state = state;
    status.textContent = text;
  };
  setState('idle');

  // Every field's value, unmasked once per round of checks (a submit checks them all with one).
  const allValues = () => Object.fromEntries(fields.map((f) => [f.id, unmaskValue(f.id, f.value(), f.def.displayHints?.mask)]));
  const check = (field: FormField, values = allValues()): string => {
    const value = values[field.id]!;
    const refusal = refused(field);
    if (refusal) return refusal;
    // Only what this field's rules read (its value; `boletoBancarioRequiredness` reads `fiscalNumber`):
    // handing every value to every field would make a submit quadratic in the fields.
    if (!validateValues({ fields: [field.def] }, { fiscalNumber: lookup(values, 'fiscalNumber') ?? '', [field.id]: value }, { accountOnFile }).length) return '';
    return fieldError(messages, field.def, field.label, value);
  };

  const complete = () => fields.every((field) => !check(field));
  let wasComplete = complete();
  const reported = new Map<FormField, string>();
  // `onChange` (always when `input`, else only when its payload differs from the last one), the
  // live region (a message that no longer holds goes), and `onValidityChange`.
  const changed = (field: FormField, input = false) => {
    const error = field.error();
    const change: PaymentFieldChange = {
      fieldId: field.id,
      empty: !field.value(),
      complete: !check(field),
      valid: !error,
      ...(error && { error }),
      ...extra?.(field),
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

  const button = el(doc, 'button', { className: 'baton-submit', textContent: setup.submitLabel, type: 'submit' });
  form.append(button, status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // One submission per action: a double click or a second Enter while one runs does nothing.
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    setState('busy');
    try {
      await setup.settled?.();
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
      const encrypted = await setup.encrypt();
      if (signal.aborted) return;
      await setup.onSubmit(encrypted);
      setState('done');
    } catch (error) {
      if (signal.aborted) return;
      setState('failed', say('failed', '', error instanceof Error ? error.message : String(error)));
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });

  return { form, status, check, changed };
}
