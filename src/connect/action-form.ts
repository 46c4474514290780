// SHOW_FORM: the action's `formFields` (the same `PaymentProductField` format as Get payment
// product) rendered with the payment form's field kit; the checked values go back to the merchant
// server, which sends them in a Complete payment request.
import { fill } from '../core/messages.js';
import { fieldError } from './field-error.js';
import { createField } from './form-field.js';
import { el } from '../core/element.js';
import type { MerchantActionMessages } from './messages.js';
import type { PaymentProductField } from './schemas.js';
import { unmaskValue, validateValues } from './validators.js';

/** The mounted SHOW_FORM form. */
export interface ActionForm {
  readonly form: HTMLFormElement;
  /** Resolves with the field values (unmasked) once the customer submits a form that passes every validator. */
  readonly values: Promise<Record<string, string>>;
}

let mounted = 0;

/** Mounts `fields` into `container` (replacing what it held), with `messages`' texts; `submitLabel` replaces `messages.continue`. */
export function mountActionForm(container: HTMLElement, fields: readonly PaymentProductField[], messages: MerchantActionMessages, submitLabel = messages.continue): ActionForm {
  const doc = container.ownerDocument;
  const uid = `baton-action-${++mounted}`;
  const form = el(doc, 'form', { className: 'baton-form', noValidate: true });
  form.dataset.state = 'idle';
  const order = (field: PaymentProductField) => field.displayHints?.displayOrder ?? Infinity;
  const rendered = [...fields].sort((a, b) => order(a) - order(b)).map((field) => createField(doc, field, uid));
  const status = el(doc, 'p', { className: 'baton-status' });
  status.setAttribute('role', 'status');
  form.append(...rendered.map((field) => field.root), el(doc, 'button', { className: 'baton-submit', type: 'submit', textContent: submitLabel }), status);

  const values = new Promise<Record<string, string>>((resolve) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = Object.fromEntries(rendered.map((field) => [field.id, unmaskValue(field.id, field.value(), field.def.displayHints?.mask)]));
      const issues = validateValues({ fields: rendered.map((field) => field.def) }, typed);
      let first: HTMLInputElement | undefined;
      for (const field of rendered) {
        const failed = issues.some((i) => i.path === field.id);
        field.setError(failed ? fieldError(messages, field.def, field.label, typed[field.id]!) : '');
        if (failed && !first) first = field.control;
      }
      if (first) {
        form.dataset.state = 'invalid';
        status.textContent = fill(messages.fixFields, { count: issues.length });
        first.focus();
        return;
      }
      form.dataset.state = 'done';
      status.textContent = '';
      resolve(typed);
    });
  });
  container.replaceChildren(form);
  return { form, values };
}
