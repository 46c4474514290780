// What the merchant server relays (the session) and what the Connect Client API answers besides
// products (`product-types.ts`), as Baton documents it. Plain interfaces: the published types
// mention no schema library. `schemas.ts` reads the answers; test/unit/connect/types.test.ts checks
// at compile time that each interface here is exactly what its schema produces.

/**
 * The session your server got from `POST /v1/{merchantId}/sessions` (`SessionResponse` in the
 * Server API reference), relayed as it came. `createClientSession` checks every field.
 */
export interface SessionResponse {
  /** Goes into every call's `Authorization: GCS v1Client:<clientSessionId>` header. */
  readonly clientSessionId: string;
  /** Part of every Client API path: `{clientApiUrl}/v1/{customerId}/…`. */
  readonly customerId: string;
  /** The Client API's base URL for this session's region. */
  readonly clientApiUrl: string;
  /** Where product logos and other assets are, e.g. `https://payment.pay1.checkout.worldline-solutions.com/`. */
  readonly assetUrl: string;
  /** Tokens the session was created with that the platform did not accept. */
  readonly invalidTokens?: readonly string[];
  /** The region the session lives in, e.g. `EU`. */
  readonly region?: string;
}

/** The payment context every product call is made in. */
export interface PaymentContext {
  /** ISO 3166-1 alpha-2, e.g. `NL`. */
  countryCode: string;
  /** ISO 4217, e.g. `EUR`. */
  currencyCode: string;
  /** In the currency's minor units (cents): `1000` is 10.00 EUR. */
  amount: number;
  isRecurring: boolean;
  /** Only products that support paying in installments (sent as `isInstallments`). */
  isInstallments?: boolean;
  /** e.g. `en_GB`: the language of labels in the answers. */
  locale?: string;
}

/** One entry of the Client API's error document (`APIError`). */
export interface ConnectApiError {
  /** The platform's error code, e.g. `1002`, as text. */
  code: string;
  id?: string;
  category?: string;
  httpStatusCode?: number;
  message?: string;
  /** The request field the error is about, e.g. `bin`. */
  propertyName?: string;
  requestId?: string;
}

/** The `details` of a Connect `ProviderError`: the Client API's error document and the HTTP status. */
export interface ConnectErrorDetails {
  errorId: string;
  errors: readonly ConnectApiError[];
  /** The HTTP status the error document came with. */
  readonly httpStatus: number;
}

/** A co-brand of a card number (`IinDetail`): the other product the card can be paid with. */
export interface IinCoBrand {
  paymentProductId: number;
  /** `true` when the platform does not say. */
  isAllowedInContext: boolean;
}

/** What the platform knows of a card's first digits (GET `services/getIINdetails`). */
export interface IinDetails {
  /** The card's product, e.g. `1` for Visa. */
  paymentProductId: number;
  /** The issuing country, ISO 3166-1 alpha-2. */
  countryCode?: string;
  /** Whether the product can be used in this payment context (`true` when the platform does not say). */
  isAllowedInContext: boolean;
  /** Other products the card can be paid with (an empty list when there are none). */
  coBrands: readonly IinCoBrand[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** The session's encryption key (GET `crypto/publickey`). */
export interface PublicKey {
  /** Goes into the encrypted payload's `kid`. */
  keyId: string;
  /** An RSA public key, base64 DER. */
  publicKey: string;
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** The networks a product can be paid through (Apple Pay, Google Pay). */
export interface PaymentProductNetworks {
  /** e.g. `VISA`, `MASTERCARD`. */
  networks: readonly string[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** One issuer of a product's directory (an iDEAL bank, say). */
export interface DirectoryEntry {
  /** Sent back as the payment's `issuerId`. */
  issuerId: string;
  issuerName?: string;
  /** `short` (the most used issuers) or `long`. */
  issuerList?: string;
  /** An empty list when the platform sends none. */
  countryNames: readonly string[];
}

/** The issuer directory of a product (GET `products/{id}/directory`). */
export interface PaymentProductDirectory {
  entries: readonly DirectoryEntry[];
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** An amount converted between currencies (GET `services/convert/amount`). */
export interface ConvertedAmount {
  /** In the target currency's minor units. */
  convertedAmount: number;
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** The third party's status of a payment (GET `payments/{id}/thirdpartystatus`). */
export interface ThirdPartyStatus {
  /** e.g. `WAITING`, `INITIALIZED`, `AUTHORIZED`, `COMPLETED`. */
  thirdPartyStatus: string;
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}

/** The platform's privacy policy (GET `services/privacypolicy`). */
export interface PrivacyPolicy {
  /** HTML as the platform sends it: Baton never renders it; sanitise it before you do. */
  htmlContent: string;
  /** The platform's answer exactly as received (fields Baton does not document included). */
  readonly raw?: unknown;
}
