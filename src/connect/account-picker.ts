// The saved-card picker: the customer's accounts on file for one product, and optionally "a new
// card". A native radio group: reached with Tab, changed with the arrow keys, named by its legend,
// each choice named by its label (the brand and the masked card number); provider text as text only.
import { el } from '../core/element.js';
import { accountLabel, displayHintsOf } from './account-on-file.js';
import type { AccountOnFile } from './schemas.js';

/** The `value` of the "a new card" radio (account ids are numbers). */
export const NEW_CARD = 'new';

export interface AccountPickerSetup {
  readonly doc: Document;
  /** The radio group's `name`, unique on the page. */
  readonly id: string;
  readonly legend: string;
  readonly accounts: readonly AccountOnFile[];
  /** The product's label, said before each account's masked number (e.g. `VISA`). */
  readonly brand: string;
  /** The text of the "a new card" choice; none when `undefined`. */
  readonly newCard: string | undefined;
  /** The id checked first (`NEW_CARD` or an account's id). */
  readonly selected: string;
  /** A logo path under the session's asset URL → its URL (throws for a path it refuses). */
  readonly logoUrl: (path: string) => string;
  readonly onPick: (value: string) => void;
}

/** `fieldset.baton-saved`, with one `label.baton-saved-option` (radio, logo, text) per choice. */
export function createAccountPicker(setup: AccountPickerSetup): HTMLFieldSetElement {
  const { doc, id } = setup;
  const node = el(doc, 'fieldset', { className: 'baton-saved' });
  node.append(el(doc, 'legend', { textContent: setup.legend }));
  const choice = (value: string, text: string, logo?: string) => {
    const radio = el(doc, 'input', { type: 'radio', name: id, value, checked: value === setup.selected });
    radio.addEventListener('change', () => radio.checked && setup.onPick(value));
    const label = el(doc, 'label', { className: 'baton-saved-option' });
    label.append(radio);
    if (logo) {
      try {
        // Decorative: the label's text names the card.
        label.append(el(doc, 'img', { className: 'baton-brand-logo', alt: '', src: setup.logoUrl(logo) }));
      } catch {
        // An asset path the session refuses: the text alone says it.
      }
    }
    label.append(text);
    node.append(label);
  };
  for (const account of setup.accounts) {
    choice(String(account.id), [setup.brand, accountLabel(account) || String(account.id)].filter(Boolean).join(' '), displayHintsOf(account).logo);
  }
  if (setup.newCard !== undefined) choice(NEW_CARD, setup.newCard);
  return node;
}
