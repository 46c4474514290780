// One field of the payment form: a label, an input built from the field's display hints (masked
// as the customer types, caret kept in place), an optional tooltip text and an error message,
// both linked with `aria-describedby`. Provider text only ever goes in as text.
import { applyMask, removeMask } from './mask.js';
import type { PaymentProductField } from './schemas.js';
import { lookup } from '../core/lookup.js';
import { el } from '../core/element.js';

/** What browsers autofill for the platform's card fields. */
const AUTOCOMPLETE: Record<string, string> = {
  cardNumber: 'cc-number',
  expiryDate: 'cc-exp',
  cvv: 'cc-csc',
  cardholderName: 'cc-name',
  emailAddress: 'email',
};

/** The display hints the schema keeps loose, read defensively. */
interface Hints {
  label?: string;
  placeholderLabel?: string;
  mask?: string;
  obfuscate?: boolean;
  tooltip?: { label?: unknown };
}

/** One rendered field. `def` can be swapped for another product's definition of the same field. */
export interface FormField {
  readonly id: string;
  readonly label: string;
  /** `.baton-field`: label, input, hint, error. */
  readonly root: HTMLElement;
  readonly control: HTMLInputElement;
  def: PaymentProductField;
  /** The value as the customer sees it (masked). */
  value(): string;
  /** Shows `message` beside the field and sets `aria-invalid`; `''` clears both. Returns `message`. */
  setError(message: string): string;
  /** The message shown now, `''` when none. */
  error(): string;
  /** Re-applies the (possibly new) mask to what is typed. */
  reformat(): void;
}

/** Builds the field's DOM; `uid` keeps element ids unique when several forms share a page. */
export function createField(doc: Document, field: PaymentProductField, uid: string): FormField {
  const hints = (field.displayHints ?? {}) as Hints;
  const id = `${uid}-${field.id}`;
  const label = hints.label || field.id;
  // Card products have text fields only: `list`/`boolean` form elements (other payment methods)
  // are left out to keep the script tag small, and render as text inputs checked by their validators.
  const input = el(doc, 'input', {
    className: 'baton-input',
    type: hints.obfuscate ? 'password' : 'text',
    placeholder: hints.placeholderLabel ?? '',
    autocomplete: (lookup(AUTOCOMPLETE, field.id) ?? 'off') as AutoFill,
    inputMode: /^(numericstring|expirydate|integer)$/.test(field.type ?? '') ? 'numeric' : field.dataRestrictions.validators.emailAddress ? 'email' : 'text',
    spellcheck: false,
    id,
    // No `name`: without one the browser never submits card data itself, whatever happens.
    required: field.dataRestrictions.isRequired,
  });

  const root = el(doc, 'div', { className: 'baton-field' });
  root.dataset.field = field.id;
  const error = el(doc, 'p', { className: 'baton-error', id: `${id}-error` });
  let described = error.id;
  root.append(el(doc, 'label', { className: 'baton-label', textContent: label, htmlFor: id }), input);
  const tooltip = hints.tooltip?.label;
  // The schema keeps `tooltip` loose: only a string is shown.
  if (tooltip && typeof tooltip === 'string') {
    root.append(el(doc, 'p', { className: 'baton-hint', textContent: tooltip, id: `${id}-hint` }));
    described = `${id}-hint ${described}`;
  }
  // The card number is described by its brand first (`{id}-brand`, made by the form).
  if (field.id === 'cardNumber') described = `${id}-brand ${described}`;
  root.append(error);
  input.setAttribute('aria-describedby', described);

  const result: FormField = {
    id: field.id,
    label,
    root,
    control: input,
    def: field,
    value: () => input.value,
    setError(message) {
      error.textContent = message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      root.classList.toggle('baton-field--invalid', !!message);
      return message;
    },
    error: () => error.textContent ?? '',
    reformat: () => format(),
  };

  let previous = '';
  const format = (event?: InputEvent) => {
    const mask = (result.def.displayHints as Hints | undefined)?.mask;
    if (!mask) return;
    let value = input.value;
    let caret = input.selectionStart ?? value.length;
    // Deleting only a mask literal (the space in "4111 |1111") would be undone by the mask:
    // delete the character beyond it instead, as the customer meant.
    const type = event?.inputType ?? '';
    if (/^deleteContent(Backward|Forward)$/.test(type) && value !== previous && removeMask(value, mask) === removeMask(previous, mask)) {
      if (type === 'deleteContentBackward') caret = Math.max(0, caret - 1);
      value = value.slice(0, caret) + value.slice(caret + 1);
    }
    const masked = applyMask(value, mask);
    // Masks only add literals before what was typed, so the masked text before the caret is a
    // prefix of the masked whole: its length is where the caret belongs.
    const at = applyMask(value.slice(0, caret), mask).length;
    previous = masked;
    if (input.value !== masked) input.value = masked;
    if (doc.activeElement === input) input.setSelectionRange(at, at);
  };
  // Registered first, so the form's own `input` listeners see the masked value.
  input.addEventListener('input', (event) => format(event as InputEvent));
  return result;
}
