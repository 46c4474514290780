// The payment products the Connect Client API answers, as Baton documents them (the Client API
// reference's `PaymentProduct`, `PaymentProductGroup`, `AccountOnFile`, …). Plain interfaces: the
// published types mention no schema library. `schemas.ts` reads the answers, and
// test/unit/connect/types.test.ts checks at compile time that each interface here is exactly what
// its schema produces. Numbers the platform may send as text are numbers here; a `null` is absent.

/** How the platform suggests showing a product or group. */
export interface PaymentProductDisplayHints {
  /** Position in a list of products (lowest first). */
  displayOrder?: number;
  /** The product's name in the session's locale, e.g. `VISA`. */
  label?: string;
  /** A logo path, relative to the session's `assetUrl`. */
  logo?: string;
}

/** One attribute of a stored account, e.g. `{ key: 'expiryDate', value: '1230', status: 'READ_ONLY' }`. */
export interface AccountOnFileAttribute {
  /** The field id the attribute fills, e.g. `alias`, `cardholderName`, `expiryDate`. */
  key: string;
  /** The stored value, masked where the platform masks it. */
  value?: string;
  /** `READ_ONLY` (stored, cannot change), `CAN_WRITE` (stored, may be replaced) or `MUST_WRITE` (must be entered again). */
  status?: string;
  /** Why a `MUST_WRITE` value must be entered again, e.g. `IN_THE_PAST` for an expired date. */
  mustWriteReason?: string;
}

/** A stored account (token) the customer may pay with again. */
export interface AccountOnFile {
  /** The account's id, sent back as `accountOnFileId`. */
  id: number;
  /** The product the account pays with. */
  paymentProductId: number;
  /** What is stored (an empty list when the platform sends none). */
  attributes: readonly AccountOnFileAttribute[];
}

/** A product as listed by `getBasicPaymentProducts` (no fields). */
export interface BasicPaymentProduct {
  /** The product id, e.g. `1` for Visa. */
  id: number;
  /** e.g. `card`, `redirect`, `bankTransfer`. */
  paymentMethod?: string;
  /** The group the product belongs to, e.g. `cards`. */
  paymentProductGroup?: string;
  displayHints?: PaymentProductDisplayHints;
  /** Whether the product can be used for recurring payments. */
  allowsRecurring?: boolean;
  /** Whether the product can be stored as a token. */
  allowsTokenization?: boolean;
  /** Whether paying sends the customer to a third party (a bank, a wallet). */
  usesRedirectionTo3rdParty?: boolean;
  /** Stored accounts of this product (an empty list when there are none). */
  accountsOnFile: readonly AccountOnFile[];
}

/** The answer of `getBasicPaymentProducts`. */
export interface BasicPaymentProducts {
  paymentProducts: readonly BasicPaymentProduct[];
  /** Every stored account of the customer (an empty list when there are none). */
  accountsOnFile: readonly AccountOnFile[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** A product group as listed by `getBasicPaymentProductGroups`, e.g. `cards`. */
export interface BasicPaymentProductGroup {
  /** The group id, e.g. `cards`. */
  id: string;
  displayHints?: PaymentProductDisplayHints;
  accountsOnFile: readonly AccountOnFile[];
}

/** The answer of `getBasicPaymentProductGroups`. */
export interface BasicPaymentProductGroups {
  paymentProductGroups: readonly BasicPaymentProductGroup[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/**
 * The validators a field declares (`validateValues` runs them). An empty object means the check
 * has no parameters; validators Baton does not know are ignored.
 */
export interface FieldValidators {
  /** The Luhn checksum (card numbers). */
  luhn?: {};
  /** A month and year (`MMYY`) not in the past. */
  expirationDate?: {};
  emailAddress?: {};
  iban?: {};
  length?: { minLength?: number; maxLength?: number };
  range?: { minValue?: number; maxValue?: number };
  regularExpression?: { regularExpression: string };
  /** Numbers in the list are compared as their text. */
  fixedList?: { allowedValues: readonly string[] };
  /** Must be accepted (`true`). */
  termsAndConditions?: {};
  residentIdNumber?: {};
  boletoBancarioRequiredness?: { fiscalNumberLength: number };
}

/** What a field requires. */
export interface PaymentProductFieldDataRestrictions {
  /** `false` when the platform does not say. */
  isRequired: boolean;
  /** `{}` when the platform sends none. */
  validators: FieldValidators;
}

/** A field's help text and image. */
export interface PaymentProductFieldTooltip {
  image?: string;
  label?: string;
}

/** How the platform suggests showing a field. */
export interface PaymentProductFieldDisplayHints {
  displayOrder?: number;
  label?: string;
  placeholderLabel?: string;
  /** e.g. `{{9999}} {{9999}} {{9999}} {{9999}}` (at most 256 characters). */
  mask?: string;
  /** Whether the value should be hidden as it is typed (a CVV). */
  obfuscate?: boolean;
  tooltip?: PaymentProductFieldTooltip;
}

/** One input of a product's form, e.g. `cardNumber`. */
export interface PaymentProductField {
  /** The key the value is encrypted under, e.g. `cardNumber`, `expiryDate`, `cvv`. */
  id: string;
  /** e.g. `numericstring`, `string`, `expirydate`, `boolean`. */
  type?: string;
  dataRestrictions: PaymentProductFieldDataRestrictions;
  displayHints?: PaymentProductFieldDisplayHints;
}

/** A product with its fields (`getPaymentProduct`): what the payment form renders. */
export interface PaymentProduct extends BasicPaymentProduct {
  /** The inputs (an empty list when the platform sends none; at most 100). */
  fields: readonly PaymentProductField[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** One product group with its fields (`getPaymentProductGroup`), e.g. `cards`: one form for every card product. */
export interface PaymentProductGroup {
  id: string;
  displayHints?: PaymentProductDisplayHints;
  accountsOnFile: readonly AccountOnFile[];
  fields: readonly PaymentProductField[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}
