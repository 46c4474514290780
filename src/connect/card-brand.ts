// The card number's brand: as the number grows, ask the platform which product its IIN belongs
// to (the session answers repeated bins itself), show that product's logo, and report a card the
// platform knows but does not accept in this payment context.
import { el } from '../core/element.js';
import type { ClientSession, IinDetailsResult } from './client-session.js';
import type { PaymentContext, PaymentProduct } from './schemas.js';

export interface CardBrand {
  /** `.baton-brand`, a polite live region: the brand's logo (`img` with its name as `alt`). */
  readonly node: HTMLElement;
  /** To call with the card number on every input. */
  update(cardNumber: string): void;
  /** Resolves once the lookup for the number typed so far has answered (or failed). */
  settled(): Promise<void>;
  /** Shows `product`'s logo (a co-brand the customer picked). */
  show(product: PaymentProduct): void;
}

export interface CardBrandOptions {
  readonly session: ClientSession;
  readonly context: PaymentContext;
  readonly signal: AbortSignal;
  /** The product the form uses now; a card of another accepted product is fetched and reported. */
  readonly current: () => PaymentProduct;
  /**
   * Called with each answer for the current number; `product` when the card's product is accepted
   * (the IIN's own product first, else an allowed co-brand), `choices` every accepted brand of the
   * card (two or more for a co-badged card the customer chooses the brand of).
   */
  readonly onResult: (result: IinDetailsResult | undefined, product?: PaymentProduct, choices?: readonly PaymentProduct[]) => void;
}

export function createCardBrand(doc: Document, id: string, { session, context, signal, current, onResult }: CardBrandOptions): CardBrand {
  const node = el(doc, 'span', { className: 'baton-brand', id });
  node.setAttribute('aria-live', 'polite');
  let bin = '';
  let pending: Promise<void> = Promise.resolve();

  let shown: PaymentProduct | undefined;

  /** Shows `product`'s brand (once per brand). */
  const display = (product?: PaymentProduct) => {
    // The same brand again (the 7th and 8th digits rarely change it) is not re-announced.
    // (Ids are required: equal ids, or no product before and now.)
    if (product?.id !== shown?.id) {
      shown = product;
      const hints = product?.displayHints;
      const name = hints?.label ?? '';
      let logo: HTMLImageElement | undefined;
      if (hints?.logo) {
        try {
          logo = el(doc, 'img', { className: 'baton-brand-logo', alt: name, src: session.assetUrl(hints.logo) });
        } catch {
          // An asset path the session refuses: the name alone says it.
        }
      }
      node.replaceChildren(logo ?? name);
    }
  };
  /** Shows the product's brand and hands the answer on. */
  const report = (result?: IinDetailsResult, product?: PaymentProduct, choices?: readonly PaymentProduct[]) => {
    display(product);
    onResult(result, product, choices);
  };

  const lookUp = async (digits: string, asked: string) => {
    try {
      const result = await session.getIinDetails(digits, context, { signal });
      let choices: PaymentProduct[] = [];
      if ('details' in result) {
        const { details } = result;
        // The IIN's own product when allowed, then every allowed co-brand (the platform may list the
        // own product among them too).
        const ids = new Set([
          ...(result.status === 'SUPPORTED' ? [Number(details.paymentProductId)] : []),
          ...details.coBrands.filter((brand) => brand.isAllowedInContext).map((brand) => Number(brand.paymentProductId)),
        ]);
        const found = await Promise.all(
          [...ids].map((id) => (id === Number(current().id) ? current() : session.getPaymentProduct(id, context, { signal }).catch(() => undefined))),
        );
        choices = found.filter((product): product is PaymentProduct => !!product);
      }
      // Only the answer for what is typed now counts: the customer may have typed on.
      if (asked === bin) report(result, choices[0], choices);
    } catch {
      // A failed lookup leaves the decision to the platform when the payment is made.
      if (asked === bin) report();
    }
  };

  return {
    node,
    update(cardNumber) {
      const digits = cardNumber.replace(/\D/g, '');
      // The platform reads the first 8 digits (6 while fewer are typed): other digits change nothing.
      const next = digits.length < 6 ? '' : digits.slice(0, digits.length < 8 ? 6 : 8);
      if (next === bin) return;
      bin = next;
      // What is shown stays until the new bin's answer, so the logo does not flicker.
      if (next) pending = lookUp(digits, next);
      else report();
    },
    settled: () => pending,
    show: display,
  };
}
