// What a Connect client session offers: the public face of `createClientSession`.
import type { CallOptions } from './client-api.js';
import type { EncryptRequest } from './encrypt-request.js';
import type {
  BasicPaymentProductGroups,
  BasicPaymentProducts,
  ConvertedAmount,
  IinDetails,
  PaymentContext,
  PaymentProduct,
  PaymentProductGroup,
  PaymentProductDirectory,
  PaymentProductNetworks,
  PrivacyPolicy,
  PublicKey,
  ThirdPartyStatus,
} from './schemas.js';

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
   * One product group with its fields (GET `productgroups/{id}`): `cards` gives one form for every
   * card product, the brand then found from the IIN.
   *
   * @example
   * const cards = await session.getPaymentProductGroup('cards', context);
   */
  getPaymentProductGroup(paymentProductGroupId: string, context: PaymentContext, options?: CallOptions): Promise<PaymentProductGroup>;
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
