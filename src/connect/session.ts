// A Connect client session: what the merchant server created, and every Client API call made
// on the customer's behalf with it.
import * as v from 'valibot';
import { NetworkError, UnsafeUrlError, ValidationError } from '../core/errors.js';
import { pathSegment, safeUrl } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { callClientApi, isConnectError, type CallOptions, type ClientApiTarget } from './client-api.js';
import { collectDeviceInformation, encryptJwe, randomNonce, type EncryptedCustomerInput } from './encrypt.js';
import {
  AccountOnFileSchema,
  Bool,
  Id,
  wholeFrom,
  BasicPaymentProductGroupsSchema,
  BasicPaymentProductsSchema,
  ConvertAmountSchema,
  DirectorySchema,
  IinDetailsSchema,
  NetworksSchema,
  PaymentContextSchema,
  PaymentProductSchema,
  PrivacyPolicySchema,
  PublicKeySchema,
  SessionResponseSchema,
  ThirdPartyStatusSchema,
  type AccountOnFile,
  type BasicPaymentProductGroups,
  type BasicPaymentProducts,
  type ConvertedAmount,
  type IinDetails,
  type PaymentContext,
  type PaymentProduct,
  type PaymentProductField,
  type PaymentProductDirectory,
  type PaymentProductNetworks,
  type PrivacyPolicy,
  type PublicKey,
  type SessionResponse,
  type ThirdPartyStatus,
} from './schemas.js';
import { asciiDigits } from './digits.js';
import { unmaskValue, validateValues } from './validators.js';

/** Worldline's Client API and asset hosts. Override with `allowedHosts` (e.g. for a proxy or a mock). */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = [
  '*.api-ingenico.com',
  '*.worldline-solutions.com',
  '*.globalcollect.com',
  '*.ingenico.com',
  // Worldline's older client SDKs load assets from assets.pay1.secured-by-ingenico.com.
  '*.secured-by-ingenico.com',
];

export interface ClientSessionOptions {
  /** Hosts `clientApiUrl` and `assetUrl` may point to. Default: `DEFAULT_ALLOWED_HOSTS`. */
  readonly allowedHosts?: readonly string[];
  /** Your app's name and version, sent in `X-GCS-ClientMetaInfo`. */
  readonly appIdentifier?: string;
  /** Per-request timeout. Default 15 000 ms. */
  readonly timeoutMs?: number;
}

/** What `getIinDetails` found. `details` is present when the platform knows the IIN. */
export type IinDetailsResult =
  | { readonly status: 'NOT_ENOUGH_DIGITS' | 'UNKNOWN' }
  | { readonly status: 'SUPPORTED' | 'EXISTING_BUT_NOT_ALLOWED'; readonly details: IinDetails };

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

const ProductId = wholeFrom(1, 'must be a positive integer');
const EncryptRequestSchema = v.looseObject({
  paymentProductId: ProductId,
  values: v.custom<Record<string, string>>(
    (value) => !!value && typeof value === 'object' && !Array.isArray(value) && Object.entries(value).every(([key, text]) => key && typeof text === 'string'),
    'must map field ids to strings',
  ),
  tokenize: v.optional(Bool, false),
  accountOnFileId: v.optional(ProductId),
  accountOnFile: v.optional(AccountOnFileSchema),
  product: v.optional(PaymentProductSchema),
});
const DirectoryContextSchema = v.looseObject({ countryCode: PaymentContextSchema.entries.countryCode, currencyCode: PaymentContextSchema.entries.currencyCode });
const ConvertSchema = v.looseObject({
  source: PaymentContextSchema.entries.currencyCode,
  target: PaymentContextSchema.entries.currencyCode,
  amount: PaymentContextSchema.entries.amount,
});
const PrivacySchema = v.looseObject({ locale: PaymentContextSchema.entries.locale, paymentProductId: v.optional(ProductId) });

/**
 * `clientApiUrl` may end in `/client`, `/client/v1`, or neither, with or without `/`. Built as
 * text on the checked origin: a path such as `//evil.example/client` stays a path on that origin.
 */
function clientApiBase(url: URL, customerId: string): URL {
  let path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  if (!path.endsWith('/client')) path += '/client';
  return new URL(`${url.origin}${path}/v1/${pathSegment(customerId, 'customerId')}/`);
}


/** A client session over the Connect Client API. Every method validates its input and the platform's answer, and takes a `signal`. */
export interface ClientSession {
  readonly clientSessionId: string;
  readonly customerId: string;
  /** Tokens the platform refused when the session was created: remove them from your records. */
  readonly invalidTokens: readonly string[];
  /** Deprecated by the platform; kept for information. */
  readonly region: string | undefined;
  /** Base of every Client API call: `{clientApiUrl}/v1/{customerId}/`. */
  readonly apiBaseUrl: URL;
  /**
   * The URL of an asset (a product logo, a tooltip image) under the session's `assetUrl`.
   *
   * @example
   * img.src = session.assetUrl(product.displayHints?.logo ?? '');
   */
  assetUrl(path: string): string;
  /**
   * The payment products available in `context` (GET `products`, fields hidden).
   *
   * @example
   * const { paymentProducts } = await session.getBasicPaymentProducts({
   *   countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false,
   * });
   */
  getBasicPaymentProducts(context: PaymentContext, options?: CallOptions): Promise<BasicPaymentProducts>;
  /**
   * The payment product groups (e.g. `cards`) available in `context` (GET `productgroups`).
   *
   * @example
   * const { paymentProductGroups } = await session.getBasicPaymentProductGroups(context);
   */
  getBasicPaymentProductGroups(context: PaymentContext, options?: CallOptions): Promise<BasicPaymentProductGroups>;
  /**
   * One payment product with its fields, validators and masks (GET `products/{id}`).
   *
   * @example
   * const visa = await session.getPaymentProduct(1, context);
   */
  getPaymentProduct(paymentProductId: number, context: PaymentContext, options?: CallOptions): Promise<PaymentProduct>;
  /**
   * Which product a (partial) card number belongs to. Sends only the first 8 digits (or 6 when
   * fewer than 8 are typed) as `bin`; with fewer than 6 digits answers `NOT_ENOUGH_DIGITS`
   * without a request. An IIN the platform does not know is `UNKNOWN`.
   *
   * @example
   * const iin = await session.getIinDetails('4111 1111', context);
   * if (iin.status === 'SUPPORTED') show(iin.details.paymentProductId);
   */
  getIinDetails(partialCardNumber: string, context: PaymentContext, options?: CallOptions): Promise<IinDetailsResult>;
  /**
   * The session's encryption key (GET `crypto/publickey`), fetched once per session; a failed
   * fetch is not cached.
   *
   * @example
   * const { keyId, publicKey } = await session.getPublicKey();
   */
  getPublicKey(options?: CallOptions): Promise<PublicKey>;
  /**
   * The card networks a wallet product (Apple Pay, Google Pay) accepts in `context`.
   *
   * @example
   * const { networks } = await session.getPaymentProductNetworks(320, context);
   */
  getPaymentProductNetworks(paymentProductId: number, context: PaymentContext, options?: CallOptions): Promise<PaymentProductNetworks>;
  /**
   * The issuer directory of a product (e.g. iDEAL banks).
   *
   * @example
   * const { entries } = await session.getPaymentProductDirectory(809, { countryCode: 'NL', currencyCode: 'EUR' });
   */
  getPaymentProductDirectory(
    paymentProductId: number,
    context: { countryCode: string; currencyCode: string },
    options?: CallOptions,
  ): Promise<PaymentProductDirectory>;
  /**
   * Converts an amount (minor units) between currencies (GET `services/convert/amount`).
   *
   * @example
   * const { convertedAmount } = await session.convertAmount({ source: 'EUR', target: 'USD', amount: 1000 });
   */
  convertAmount(request: { source: string; target: string; amount: number }, options?: CallOptions): Promise<ConvertedAmount>;
  /**
   * The status of a payment at a third party (e.g. a wallet app), for polling after a redirect.
   *
   * @example
   * const { thirdPartyStatus } = await session.getThirdPartyPaymentStatus(paymentId);
   */
  getThirdPartyPaymentStatus(paymentId: string, options?: CallOptions): Promise<ThirdPartyStatus>;
  /**
   * The privacy policy text (HTML from the platform — render it sanitised or in a sandboxed frame).
   *
   * @example
   * const { htmlContent } = await session.getPrivacyPolicy({ locale: 'en_GB', paymentProductId: 1 });
   */
  getPrivacyPolicy(request?: { locale?: string; paymentProductId?: number }, options?: CallOptions): Promise<PrivacyPolicy>;
  /**
   * Encrypts the customer's input for the platform: a compact JWE your server sends as
   * `encryptedCustomerInput` when it creates the payment. With `product`, values are unmasked
   * and checked against its validators first (`ValidationError` naming the failing fields).
   *
   * @example
   * const encryptedCustomerInput = await session.encrypt({
   *   paymentProductId: 1, product: visa,
   *   values: { cardNumber: '4111 1111 1111 1111', expiryDate: '12/30', cvv: '123', cardholderName: 'Łukasz 王 Müller' },
   * });
   */
  encrypt(request: EncryptRequest, options?: CallOptions): Promise<string>;
}

/**
 * `input` checked with a loose schema, keeping only the schema's own keys (what is sent as the
 * query: unknown keys stay out; an undefined value is left out by the encoder).
 */
function pick<const TEntries extends v.ObjectEntries>(schema: v.LooseObjectSchema<TEntries, undefined>, input: unknown, what: string): v.InferOutput<v.ObjectSchema<TEntries, undefined>> {
  const output = parseWith(schema, input, what);
  return Object.fromEntries(Object.keys(schema.entries).map((key) => [key, output[key]])) as v.InferOutput<v.ObjectSchema<TEntries, undefined>>;
}

function isNotFound(error: unknown): boolean {
  return (isConnectError(error) && error.details.httpStatus === 404) || (error instanceof NetworkError && error.status === 404);
}

/**
 * Starts a client session from what your server got from `POST /v1/{merchantId}/sessions`.
 * Checks the ids and that `clientApiUrl`/`assetUrl` are on the allow-list.
 *
 * @example
 * import { createClientSession } from 'baton-sdk/connect';
 * const session = createClientSession(await myServer.post('/checkout/session')); // what your server got from Worldline
 * const { paymentProducts } = await session.getBasicPaymentProducts({ countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false });
 */
export function createClientSession(sessionResponse: SessionResponse, options: ClientSessionOptions = {}): ClientSession {
  const response = parseWith(SessionResponseSchema, sessionResponse, 'session response');
  // Anything but an array of host names (null included) is refused by the URL guard's policy check.
  // `Object()`: a `null` options object reads as none.
  const { allowedHosts: hosts = DEFAULT_ALLOWED_HOSTS } = Object(options) as ClientSessionOptions;
  const policy = { allowedHosts: hosts };
  const { clientSessionId, customerId } = response;
  const apiBaseUrl = clientApiBase(safeUrl(response.clientApiUrl, policy), customerId);
  const asset = safeUrl(response.assetUrl, policy);
  // The asset base without its query: asset paths are resolved against the directory.
  const assetBase = new URL(`${asset.origin}${asset.pathname.replace(/\/?$/, '/')}`);
  // Assets stay on the asset host itself, under its path: not merely on some allowed host.
  const assetPolicy = { allowedHosts: [assetBase.host], pathPrefixes: [assetBase.pathname] };
  const target: ClientApiTarget = {
    // `appIdentifier` and `timeoutMs`; the keys after the spread are the session's own.
    ...options,
    base: apiBaseUrl,
    policy: { allowedHosts: hosts, pathPrefixes: [apiBaseUrl.pathname] },
    clientSessionId,
  };
  // Answers kept for the session's life: the public key (key ''), and one IIN lookup per bin and
  // context (typing digits 7, 8, … repeats none). A failed call (offline, aborted, 5xx) is not
  // kept: the next one asks again.
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let pending = cache.get(key) as Promise<T> | undefined;
    if (!pending) {
      const made = (pending = make());
      cache.set(key, made);
      made.catch(() => cache.get(key) === made && cache.delete(key));
    }
    return pending;
  };

  const call = <const TSchema extends v.GenericSchema>(
    path: string,
    schema: TSchema,
    searchParams: Record<string, string | number | boolean | undefined> | undefined,
    callOptions: CallOptions | undefined,
    json?: unknown,
  ) => callClientApi(target, path, schema, searchParams, callOptions?.signal, json);
  const contextOf = (context: PaymentContext) => pick(PaymentContextSchema, context, 'payment context');
  const productPath = (id: number, suffix = '') => `products/${pathSegment(parseWith(ProductId, id, 'paymentProductId'), 'paymentProductId')}${suffix}`;

  const session: ClientSession = {
    clientSessionId,
    customerId,
    invalidTokens: Object.freeze([...response.invalidTokens]),
    region: response.region,
    apiBaseUrl,
    assetUrl(path) {
      // Whitespace and controls too: the URL parser strips them, so "\t//host" would become "//host".
      if (typeof path !== 'string' || /^[a-z][a-z0-9+.-]*:|^\/\/|\\|[\u0000-\u0020\u007f]/i.test(path)) {
        throw new UnsafeUrlError(String(path), 'not a path relative to the session assetUrl');
      }
      // The final URL must stay under the asset base: no `..`, `..;` or encoded slash climbs out.
      return safeUrl(new URL(path.replace(/^\/+/, ''), assetBase).href, assetPolicy).href;
    },
    getBasicPaymentProducts: async (context, opts) => call('products', BasicPaymentProductsSchema, { ...contextOf(context), hide: 'fields' }, opts),
    getBasicPaymentProductGroups: async (context, opts) =>
      call('productgroups', BasicPaymentProductGroupsSchema, { ...contextOf(context), hide: 'fields' }, opts),
    getPaymentProduct: async (id, context, opts) => call(productPath(id), PaymentProductSchema, contextOf(context), opts),
    getPaymentProductNetworks: async (id, context, opts) => call(productPath(id, '/networks'), NetworksSchema, contextOf(context), opts),
    getPaymentProductDirectory: async (id, context, opts) =>
      call(productPath(id, '/directory'), DirectorySchema, pick(DirectoryContextSchema, context, 'directory context'), opts),
    convertAmount: async (request, opts) => call('services/convert/amount', ConvertAmountSchema, pick(ConvertSchema, request, 'convertAmount request'), opts),
    getThirdPartyPaymentStatus: async (paymentId, opts) =>
      call(`payments/${pathSegment(parseWith(Id, paymentId, 'paymentId'), 'paymentId')}/thirdpartystatus`, ThirdPartyStatusSchema, undefined, opts),
    getPrivacyPolicy: async (request = {}, opts) => call('services/privacypolicy', PrivacyPolicySchema, pick(PrivacySchema, request, 'getPrivacyPolicy request'), opts),
    async getIinDetails(partialCardNumber, context, opts) {
      const digits = parseWith(
        v.pipe(v.string('must be a string'), v.transform((s) => asciiDigits(s).replace(/[\s-]/g, '')), v.regex(/^\d*$/, 'must be digits, spaces and dashes')),
        partialCardNumber,
        'partialCardNumber',
      );
      const { countryCode, isRecurring, amount, currencyCode } = contextOf(context);
      if (digits.length < 6) return { status: 'NOT_ENOUGH_DIGITS' };
      const bin = digits.slice(0, digits.length < 8 ? 6 : 8);
      const paymentContext = { countryCode, isRecurring, amountOfMoney: { amount, currencyCode } };
      return once(JSON.stringify([bin, paymentContext]), () =>
        call('services/getIINdetails', IinDetailsSchema, undefined, opts, { bin, paymentContext }).then(
          (details): IinDetailsResult => ({ status: details.isAllowedInContext ? 'SUPPORTED' : 'EXISTING_BUT_NOT_ALLOWED', details }),
          (error: unknown): IinDetailsResult => {
            if (isNotFound(error)) return { status: 'UNKNOWN' };
            throw error;
          },
        ),
      );
    },
    getPublicKey: (opts) => once('', () => call('crypto/publickey', PublicKeySchema, undefined, opts)),
    async encrypt(request, opts) {
      const input = parseWith(EncryptRequestSchema, request, 'encrypt request');
      const { product } = input;
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
      const device = collectDeviceInformation();
      const plaintext: EncryptedCustomerInput = {
        clientSessionId,
        nonce: randomNonce(),
        paymentProductId: input.paymentProductId,
        tokenize: input.tokenize,
        paymentValues: Object.entries(values).map(([key, value]) => ({ key, value })),
        // Undefined ones are left out of the JSON.
        accountOnFileId,
        collectedDeviceInformation: device,
      };
      return encryptJwe(plaintext, await session.getPublicKey(opts));
    },
  };
  return session;
}
