// What `encrypt` encrypts: the customer's values for one product, unmasked, checked against the
// product's validators (or a stored account's attributes), and wrapped with the session and device.
import * as v from 'valibot';
import { ValidationError } from '../core/errors.js';
import { optionsShape } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { collectDeviceInformation, randomNonce, type EncryptedCustomerInput } from './encrypt.js';
import { AccountOnFileSchema, Bool, PaymentProductSchema, wholeFrom, type AccountOnFile, type PaymentProduct, type PaymentProductField } from './schemas.js';
import { unmaskValue, validateValues } from './validators.js';

/** What `encrypt` takes: the product, the customer's values (masked or not) and options. */
export interface EncryptRequest {
  readonly paymentProductId: number;
  /** Field id → value as typed (masks, spaces and slashes are removed). */
  readonly values: Readonly<Record<string, string>>;
  /** Ask the platform to store the card as a token. Default `false`. */
  readonly tokenize?: boolean;
  /**
   * Pay with a stored account: its stored attributes need no value (those marked `MUST_WRITE`
   * do), and values typed for `READ_ONLY` attributes are not sent. The account is looked up in
   * `product.accountsOnFile`, or pass it as `accountOnFile`.
   */
  readonly accountOnFileId?: number;
  /** The account on file itself (e.g. from `getBasicPaymentProducts`); its id is the `accountOnFileId` sent. */
  readonly accountOnFile?: AccountOnFile;
  /**
   * The product from `getPaymentProduct`: when given, values are unmasked and checked first, and
   * values for field ids the product does not have are dropped (as Worldline's SDK does).
   */
  readonly product?: PaymentProduct;
}

export const ProductId = wholeFrom(1, 'must be a positive integer');

const EncryptRequestSchema = optionsShape({
  paymentProductId: ProductId,
  values: v.custom<Record<string, string>>(
    (value) => !!value && typeof value === 'object' && !Array.isArray(value) && Object.entries(value).every(([key, text]) => key && typeof text === 'string'),
    'must map field ids to strings',
  ),
  tokenize: v.optional(Bool, false),
  accountOnFileId: v.optional(ProductId),
  accountOnFile: v.optional(AccountOnFileSchema),
  // Checked by `checkedProduct`, once per distinct content.
  product: v.optional(v.custom<object>((value) => !!value && typeof value === 'object')),
});

// Checking a product against its schema is most of what `encrypt` spends outside WebCrypto, and a
// form encrypts with the same product object every time: each product object is checked once and
// its checked copy used from then on (what is checked is what is used, even if the object changes
// afterwards; pass a new object for a changed product, as `getPaymentProduct` and the form do).
const products = new WeakMap<object, PaymentProduct>();

function checkedProduct(product: object): PaymentProduct {
  const checked = products.get(product) ?? parseWith(PaymentProductSchema, product, 'encrypt request product');
  products.set(product, checked);
  return checked;
}

/** The plaintext `encrypt` sends: `request` checked, its values unmasked and validated. */
export function customerInput(request: EncryptRequest, clientSessionId: string): EncryptedCustomerInput {
  const input = parseWith(EncryptRequestSchema, request, 'encrypt request');
  const product = input.product === undefined ? undefined : checkedProduct(input.product);
  if (product && Number(product.id) !== input.paymentProductId) {
    throw new ValidationError('encrypt request', [
      { path: 'product', message: `is product ${product.id}, not paymentProductId ${input.paymentProductId}`, received: String(product.id) },
    ]);
  }
  // (Without an accountOnFileId no id equals it: no account.)
  const account = input.accountOnFile ?? product?.accountsOnFile.find((a) => Number(a.id) === input.accountOnFileId);
  const accountOnFileId = account ? Number(account.id) : input.accountOnFileId;
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(input.values)) {
    const field = product?.fields.find((f) => f.id === key);
    // Not a field of this product, or stored and unchangeable: not sent.
    if ((product && !field) || account?.attributes.some((a) => a.key === key && a.status === 'READ_ONLY')) continue;
    const value = unmaskValue(key, raw, field?.displayHints?.mask);
    if (value !== '') values[key] = value; // empty is "not given"
  }
  // Without the product, the account still says which stored values must be typed again: its
  // attributes are the fields, with no validators of their own.
  const issues = validateValues(
    product ?? { fields: (account?.attributes ?? []).map((a) => ({ id: a.key, dataRestrictions: { isRequired: false, validators: {} } }) as PaymentProductField) },
    values,
    { accountOnFile: account },
  );
  if (issues.length) throw new ValidationError('payment values', issues);
  return {
    clientSessionId,
    nonce: randomNonce(),
    paymentProductId: input.paymentProductId,
    tokenize: input.tokenize,
    paymentValues: Object.entries(values).map(([key, value]) => ({ key, value })),
    // Undefined ones are left out of the JSON.
    accountOnFileId,
    collectedDeviceInformation: collectDeviceInformation(),
  };
}
