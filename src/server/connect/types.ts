// The Connect models the server half reads and answers (connect-sdk-nodejs
// src/v1/model/domain/index.ts, release 7.0.0). Loose: Connect adds fields; unknown ones are kept.
import type { SessionResponse } from '../../connect/schemas.js';

export type { SessionResponse };

/** `MerchantAction`: what the customer must do next (`handleMerchantAction` in the browser). */
export interface MerchantAction {
  readonly actionType?: 'REDIRECT' | 'SHOW_FORM' | 'SHOW_INSTRUCTIONS' | 'SHOW_TRANSACTION_RESULTS' | 'MOBILE_THREEDS_CHALLENGE' | 'INITIALIZE_INAPP_THREED_SECURE_SDK' | 'CALL_THIRD_PARTY' | (string & {});
  /** `RETURNMAC` is removed before the browser sees it: the server keeps it and compares it on return. */
  readonly redirectData?: { readonly redirectURL?: string; readonly [key: string]: unknown };
  readonly showData?: ReadonlyArray<{ readonly key?: string; readonly value?: string }>;
  readonly formFields?: readonly unknown[];
  readonly renderingData?: string;
  readonly thirdPartyData?: unknown;
  readonly [key: string]: unknown;
}

/** A payment as Connect answers it (`Payment`), loosely. */
export interface ConnectPayment {
  readonly id?: string;
  readonly status?: string;
  readonly statusOutput?: { readonly statusCategory?: string; readonly statusCode?: number; readonly isAuthorized?: boolean; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** What `createPayment` returns, and its handler answers the browser. */
export interface CreatePaymentResult {
  readonly payment: ConnectPayment | undefined;
  /** Absent when nothing is left for the customer to do. */
  readonly merchantAction: MerchantAction | undefined;
  readonly creationOutput: unknown;
  /** The `X-GCS-Idempotence-Key` the request carried: retry only with this key. */
  readonly idempotenceKey: string;
  /** Connect's whole answer with `RETURNMAC` removed: what the payment handler relays to the browser. */
  readonly answer: Readonly<Record<string, unknown>>;
  /** Connect's HTTP status (201 for a created payment). */
  readonly httpStatus: number;
}

/** What `createHostedCheckout` returns: where to send the customer. `RETURNMAC` stays on the server. */
export interface HostedCheckoutStart {
  readonly hostedCheckoutId: string;
  /** As Connect answered it: what the browser's `startHostedCheckout` / `openHostedCheckout` read. */
  readonly partialRedirectUrl: string;
  /** `https://payment.` + `partialRedirectUrl` (the model's description: that subdomain always works). */
  readonly redirectUrl: string;
  readonly merchantReference: string | undefined;
  readonly invalidTokens: readonly string[];
}

/** The verified outcome of a hosted checkout (`GetHostedCheckoutResponse`), as the return page reads it. */
export interface HostedCheckoutStatus {
  readonly hostedCheckoutId: string;
  /** `IN_PROGRESS`, `PAYMENT_CREATED`, `CANCELLED_BY_CONSUMER`, `CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT`, … as Connect sends it. */
  readonly status: string;
  readonly paymentId: string | undefined;
  readonly paymentStatus: string | undefined;
  readonly statusCategory: string | undefined;
}
