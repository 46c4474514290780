// The brand choice of a co-badged card (Cartes Bancaires and VISA on one card, for example): card
// schemes and the EU's interchange regulation (2015/751, art. 8) let the customer choose the brand.
// A radio group: visible, reached with Tab and changed with the arrow keys, named by its legend.
import { el } from '../core/element.js';
import type { PaymentProduct } from './schemas.js';

export interface CoBrandChoice {
  /** `fieldset.baton-cobrand` (`hidden` while the card has fewer than two allowed brands). */
  readonly node: HTMLFieldSetElement;
  /** Offers `products`, with `selected`'s radio checked; fewer than two hides the choice. */
  show(products: readonly PaymentProduct[], selected: PaymentProduct | undefined): void;
}

export function createCoBrandChoice(
  doc: Document,
  id: string,
  legend: string,
  logoUrl: (path: string) => string,
  onPick: (product: PaymentProduct) => void,
): CoBrandChoice {
  const node = el(doc, 'fieldset', { className: 'baton-cobrand', id, hidden: true });
  let shown = '';
  return {
    node,
    show(products, selected) {
      // The same offer again (the 7th and 8th digits) keeps the radios, and so the focus.
      const key = products.map((p) => p.id).join();
      if (key === shown) {
        for (const radio of node.querySelectorAll('input')) radio.checked = radio.value === String(selected?.id);
        return;
      }
      shown = key;
      node.hidden = products.length < 2;
      node.replaceChildren(el(doc, 'legend', { textContent: legend }));
      if (node.hidden) return;
      for (const product of products) {
        const name = product.displayHints?.label || String(product.id);
        const radio = el(doc, 'input', { type: 'radio', name: id, value: String(product.id), checked: product.id === selected?.id });
        radio.addEventListener('change', () => radio.checked && onPick(product));
        const label = el(doc, 'label', { className: 'baton-cobrand-option' });
        label.append(radio);
        const logo = product.displayHints?.logo;
        if (logo) {
          try {
            // Decorative: the label's text names the brand.
            label.append(el(doc, 'img', { className: 'baton-brand-logo', alt: '', src: logoUrl(logo) }));
          } catch {
            // An asset path the session refuses: the name alone says it.
          }
        }
        label.append(name);
        node.append(label);
      }
    },
  };
}
