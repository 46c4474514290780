// The payment form's events, as merchants know them from Stripe Elements and Adyen Web: what each
// field holds now, whether the whole form can be submitted, and the card's brand.
import * as v from 'valibot';
import { callback } from '../core/options.js';

/** A card brand: the payment product the card belongs to. */
export interface PaymentBrand {
  /** The product's id, e.g. `1` for VISA, `3` for Mastercard, `130` for Cartes Bancaires. */
  readonly paymentProductId: number;
  /** The product's display label, e.g. `"VISA"`; `""` when the product has none. */
  readonly label: string;
}

/** What `onChange` receives: one field, as it stands after the change. */
export interface PaymentFieldChange {
  /** The product field's id: `cardNumber`, `expiryDate`, `cvv`, `cardholderName`, … */
  readonly fieldId: string;
  /** Nothing is typed. */
  readonly empty: boolean;
  /** The value passes every check of the field: a submit would accept it. */
  readonly complete: boolean;
  /** No error is shown for the field (it may still be incomplete while it is typed). */
  readonly valid: boolean;
  /** The message shown beside the field, when there is one. */
  readonly error?: string;
  /** `cardNumber` only: the brand the IIN lookup found, once it has answered. */
  readonly brand?: PaymentBrand;
  /** `cardNumber` only: the brands of a co-badged card the customer can choose between (two or more). */
  readonly coBrands?: readonly PaymentBrand[];
}

/** The payment form's event callbacks (all optional). */
export interface PaymentFormEvents {
  /** Once, after the form is in the page and can be typed into. */
  readonly onReady?: () => void;
  /** On every change of a field: each input (a paste of a card of the same brand too), a message shown or cleared, a brand found. */
  readonly onChange?: (change: PaymentFieldChange) => void;
  /** When the form as a whole turns submittable (`true`: every field complete, the card accepted) or stops being so. */
  readonly onValidityChange?: (valid: boolean) => void;
  /** When the card's brand changes; `undefined` when the number no longer names one. */
  readonly onBrand?: (brand: PaymentBrand | undefined) => void;
}

/** The options' schema entries for the events (checked when mounting). */
export const eventEntries = () => ({
  onReady: v.optional(callback<() => void>()),
  onChange: v.optional(callback<(change: PaymentFieldChange) => void>()),
  onValidityChange: v.optional(callback<(valid: boolean) => void>()),
  onBrand: v.optional(callback<(brand: PaymentBrand | undefined) => void>()),
});

/** The brand of `product`, as events report it. */
export const brandOf = (product: { id: number | string; displayHints?: { label?: string } }): PaymentBrand => ({
  paymentProductId: Number(product.id),
  label: product.displayHints?.label ?? '',
});

/**
 * Calls a merchant's callback; an exception in it is the merchant's bug, and must not break the
 * customer's typing: it is reported asynchronously (the console, `window.onerror`) instead.
 */
export function fire<A extends unknown[]>(handler: ((...args: A) => void) | undefined, ...args: A): void {
  if (!handler) return;
  try {
    handler(...args);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
