// Schemas for what the merchant server relays and what the Connect Client API answers.
// Strict for ids and URLs (they build requests), tolerant for display data (unknown fields kept,
// numbers as strings accepted).
import * as v from 'valibot';
import { convert, list, matching, shape, text } from '../core/options.js';
import { textish } from '../core/schemas.js';

// The types of what these schemas read are plain interfaces (no valibot type is published);
// test/unit/connect/types.test.ts checks that they agree. Re-exported for the modules that read them.
export type {
  AccountOnFile,
  BasicPaymentProduct,
  BasicPaymentProductGroups,
  BasicPaymentProducts,
  FieldValidators,
  PaymentProduct,
  PaymentProductField,
  PaymentProductGroup,
} from './product-types.js';
export type {
  ConnectErrorDetails,
  ConvertedAmount,
  IinDetails,
  PaymentContext,
  PaymentProductDirectory,
  PaymentProductNetworks,
  PrivacyPolicy,
  PublicKey,
  SessionResponse,
  ThirdPartyStatus,
} from './answer-types.js';

/** A finite number, or a decimal string as some gateways send. */
const numberish = v.pipe(
  v.custom<number | string>((value) => Number.isFinite(value) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)), 'must be a number'),
  convert(Number),
);

/** Ids that end up in a URL path or an `Authorization` header. */
export const Id = v.pipe(text(), matching(/^[A-Za-z0-9._~-]{1,128}$/, 'must be 1–128 of A-Z a-z 0-9 . _ ~ -'));
/** A number, or a numeric string as some gateways send. */
const Num = numberish;
// Built from `v.custom` (as in core/schemas.ts): `v.boolean`, `v.number`, `v.integer`, `v.minValue`,
// `v.minLength` and `v.nullable` would each be bytes in every bundle for a one-line check.
export const Bool = v.custom<boolean>((value) => typeof value === 'boolean', 'must be true or false');
/** A non-empty string. */
const Filled = (message = 'is required') => v.custom<string>((value) => typeof value === 'string' && value !== '', message);
/** An integer from `min` up. */
export const wholeFrom = (min: number, message: string) => v.custom<number>((value) => Number.isInteger(value) && (value as number) >= min, message);
/**
 * An optional field the platform may also send as `null`: null means absent (read as `undefined`,
 * so the output type is the same as `v.optional(schema)`).
 */
export const absent = <S extends v.GenericSchema>(schema: S) =>
  v.optional(v.pipe(v.custom<unknown>(() => true), convert((value) => value ?? undefined), v.optional(schema)));
const Text = absent(text());

/** The session your server got from `POST /v1/{merchantId}/sessions` (`domain.SessionResponse`). */
export const SessionResponseSchema = shape({
  clientSessionId: Id,
  customerId: Id,
  clientApiUrl: Filled(),
  assetUrl: Filled(),
  invalidTokens: v.optional(list(text()), []),
  region: v.optional(text()),
});

/** The payment context every product call is made in. */
export const PaymentContextSchema = shape({
  countryCode: v.pipe(text(), matching(/^[A-Z]{2}$/, 'must be a country code such as "NL"')),
  currencyCode: v.pipe(text(), matching(/^[A-Z]{3}$/, 'must be a currency code such as "EUR"')),
  amount: wholeFrom(0, 'must be an integer in cents'),
  isRecurring: Bool,
  /** Only products that support paying in installments (sent as `isInstallments`). */
  isInstallments: v.optional(Bool),
  locale: v.optional(v.pipe(text(), matching(/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/, 'must be a locale such as "en_GB"'))),
});

/** `{errorId, errors: [...]}` — the Client API's error document. */
export const ErrorResponseSchema = shape({
  errorId: text(),
  errors: list(
    shape({
      code: textish,
      id: Text,
      category: Text,
      httpStatusCode: v.optional(v.custom<number>(Number.isFinite, 'must be a number')),
      message: Text,
      propertyName: Text,
      requestId: Text,
    }),
  ),
});

const DisplayHints = shape({ displayOrder: absent(Num), label: Text, logo: Text });

/**
 * A stored account (token). Attribute `status`: `READ_ONLY` (stored, cannot change),
 * `CAN_WRITE` (stored, may be replaced), `MUST_WRITE` (must be entered again, e.g. an expired date).
 */
export const AccountOnFileSchema = shape({
  id: Num,
  paymentProductId: Num,
  attributes: v.optional(list(shape({ key: text(), value: Text, status: Text, mustWriteReason: Text })), []),
});
const AccountsOnFile = v.optional(list(AccountOnFileSchema), []);

const BasicProductFields = {
  id: Num,
  paymentMethod: Text,
  paymentProductGroup: Text,
  displayHints: absent(DisplayHints),
  allowsRecurring: v.optional(Bool),
  allowsTokenization: v.optional(Bool),
  usesRedirectionTo3rdParty: v.optional(Bool),
  accountsOnFile: AccountsOnFile,
};

const BasicPaymentProductSchema = shape(BasicProductFields);

export const BasicPaymentProductsSchema = shape({
  paymentProducts: list(BasicPaymentProductSchema),
  accountsOnFile: AccountsOnFile,
});

export const BasicPaymentProductGroupsSchema = shape({
  paymentProductGroups: list(
    shape({
      id: text(),
      displayHints: absent(DisplayHints),
      accountsOnFile: AccountsOnFile,
    }),
  ),
});

/** The validators a field may declare; unknown ones are kept and ignored by `validateValues`. */
const FieldValidatorsSchema = shape({
  luhn: v.optional(shape({})),
  expirationDate: v.optional(shape({})),
  emailAddress: v.optional(shape({})),
  iban: v.optional(shape({})),
  length: v.optional(shape({ minLength: v.optional(Num), maxLength: v.optional(Num) })),
  range: v.optional(shape({ minValue: v.optional(Num), maxValue: v.optional(Num) })),
  regularExpression: v.optional(shape({ regularExpression: text() })),
  // Numbers in the list (an installments list of 1, 3, 6) are compared as their text.
  fixedList: v.optional(shape({ allowedValues: list(textish) })),
  termsAndConditions: v.optional(shape({})),
  residentIdNumber: v.optional(shape({})),
  boletoBancarioRequiredness: v.optional(shape({ fiscalNumberLength: Num })),
});

/**
 * Limits on a product Baton renders and checks: far above any real product (a card has about
 * five fields and masks of about twenty characters), low enough that no answer, however large,
 * can make the form slow (see bench/RESULTS.md). Over them, the product is a `ValidationError`.
 */
const MAX_PRODUCT_FIELDS = 100;
const MAX_MASK_LENGTH = 256;

export const PaymentProductFieldSchema = shape({
  id: text(),
  type: v.optional(text()),
  dataRestrictions: v.optional(
    shape({ isRequired: v.optional(Bool, false), validators: v.optional(FieldValidatorsSchema, {}) }),
    { isRequired: false, validators: {} },
  ),
  // Display hints only shape the form: a null hint is an absent one, not a reason to refuse the product.
  displayHints: absent(
    shape({
      displayOrder: absent(Num),
      label: Text,
      placeholderLabel: Text,
      mask: v.pipe(Text, v.custom<string | undefined>((mask) => ((mask as string | undefined) ?? '').length <= MAX_MASK_LENGTH, `at most ${MAX_MASK_LENGTH} characters (Baton's limit for a mask)`)),
      obfuscate: absent(Bool),
      // PaymentProductFieldDisplayHints.tooltip in the Client API reference: an image and a label.
      tooltip: absent(shape({ image: Text, label: Text })),
    }),
  ),
});

export const PaymentProductSchema = shape({
  ...BasicProductFields,
  // Counted before any field is read: refusing 2 000 fields costs nothing.
  fields: v.optional(
    v.pipe(
      v.custom<unknown>((list) => !Array.isArray(list) || list.length <= MAX_PRODUCT_FIELDS, `at most ${MAX_PRODUCT_FIELDS} fields (Baton's limit for one product)`),
      list(PaymentProductFieldSchema),
    ),
    [],
  ),
});

/** One product group with its fields (GET `productgroups/{id}`), e.g. `cards`: one form for every card product. */
export const PaymentProductGroupSchema = shape({
  id: text(),
  displayHints: absent(DisplayHints),
  accountsOnFile: AccountsOnFile,
  fields: v.optional(list(PaymentProductFieldSchema), []),
});

export const IinDetailsSchema = shape({
  paymentProductId: Num,
  countryCode: Text,
  isAllowedInContext: v.optional(Bool, true),
  coBrands: v.optional(
    list(shape({ paymentProductId: Num, isAllowedInContext: v.optional(Bool, true) })),
    [],
  ),
});

export const PublicKeySchema = shape({
  keyId: Filled(),
  publicKey: v.pipe(text(), matching(/^[A-Za-z0-9+/\s]+={0,2}$/, 'must be base64 DER')),
});

export const NetworksSchema = shape({ networks: list(text()) });

export const DirectorySchema = shape({
  entries: list(
    shape({
      issuerId: text(),
      issuerName: Text,
      issuerList: Text,
      countryNames: v.optional(list(text()), []),
    }),
  ),
});

export const ConvertAmountSchema = shape({ convertedAmount: Num });

export const ThirdPartyStatusSchema = shape({ thirdPartyStatus: text() });

export const PrivacyPolicySchema = shape({ htmlContent: text() });
