// Google Pay for Connect product 320: the request built from the product's own data, Google's
// pay.js loaded on demand, and the token encrypted for the platform as Worldline's own example does
// (connect-sdk-client-js-example, full-lit/src/elements/views/wl-view-products/components/wl-google-pay.ts:
// `encryptPaymentRequest({ encryptedPaymentData: paymentData.paymentMethodData.tokenizationData.token })`).
// Google's API: https://developers.google.com/pay/api/web/reference/client and …/request-objects.
import * as v from 'valibot';
import { oneOf } from '../core/options.js';
import type { ClientSession } from './client-session.js';
import type { BasicPaymentProduct, PaymentProduct } from './schemas.js';
import { WalletError } from './wallet-error.js';
import { readWalletOptions, readWalletProduct, Text, type WalletOptions } from './wallet-request.js';
import { loadWalletScript } from './wallet-script.js';

/** Google Pay's product id on the Connect platform. */
export const GOOGLE_PAY_PRODUCT_ID = 320;
/** Google's script, as its tutorial loads it. */
export const GOOGLE_PAY_SCRIPT = 'https://pay.google.com/gp/p/js/pay.js';

export interface GooglePayOptions extends WalletOptions {
  /**
   * Your merchant id with Worldline, which Google puts in the token for the gateway (Worldline's
   * SDK: `paymentProductSpecificInputs.googlePay.gatewayMerchantId`).
   */
  readonly gatewayMerchantId: string;
  /** Shown on the payment sheet. */
  readonly merchantName?: string;
  /** Your Google merchant id: needed for `environment: 'PRODUCTION'`. */
  readonly merchantId?: string;
  /** Default `FINAL`. */
  readonly totalPriceStatus?: 'FINAL' | 'ESTIMATED';
  /** `TEST` (Google's default: test cards, no charge) or `PRODUCTION`. */
  readonly environment?: 'TEST' | 'PRODUCTION';
}

/** Google's `CARD` payment method for the product's networks and Worldline's gateway. */
export interface GooglePayCardMethod {
  readonly type: 'CARD';
  readonly parameters: { readonly allowedAuthMethods: readonly ['PAN_ONLY', 'CRYPTOGRAM_3DS']; readonly allowedCardNetworks: readonly string[] };
  readonly tokenizationSpecification: { readonly type: 'PAYMENT_GATEWAY'; readonly parameters: { readonly gateway: string; readonly gatewayMerchantId: string } };
}

/** Google's `PaymentDataRequest`, as `googlePayRequest` builds it. */
export interface GooglePayRequest {
  readonly apiVersion: 2;
  readonly apiVersionMinor: 0;
  readonly allowedPaymentMethods: readonly [GooglePayCardMethod];
  readonly transactionInfo: { readonly currencyCode: string; readonly countryCode?: string; readonly totalPriceStatus: 'FINAL' | 'ESTIMATED'; readonly totalPrice: string };
  readonly merchantInfo?: { readonly merchantName?: string; readonly merchantId?: string };
}

/** A Google Pay payment ready to start from a click. */
export interface GooglePayCheckout {
  /** What `pay` hands to `loadPaymentData`. */
  readonly request: GooglePayRequest;
  /**
   * Opens Google's payment sheet (call it from the click), encrypts the token for the platform and
   * returns the `encryptedCustomerInput` (after `submit`, when given, has sent it).
   */
  pay(submit?: (encryptedCustomerInput: string) => unknown): Promise<string>;
}

const entries = {
  gatewayMerchantId: Text,
  merchantName: v.optional(Text),
  merchantId: v.optional(Text),
  totalPriceStatus: v.optional(oneOf(['FINAL', 'ESTIMATED'], 'must be FINAL or ESTIMATED'), 'FINAL'),
  environment: v.optional(oneOf(['TEST', 'PRODUCTION'], 'must be TEST or PRODUCTION'), 'TEST'),
};

function build(product: unknown, options: unknown) {
  const { data, acquirerCountry } = readWalletProduct(product, GOOGLE_PAY_PRODUCT_ID, { gateway: Text }, 'Google Pay product');
  const o = readWalletOptions(entries, options, 'Google Pay options');
  const countryCode = acquirerCountry ?? o.countryCode;
  const merchantInfo = { ...(o.merchantName && { merchantName: o.merchantName }), ...(o.merchantId && { merchantId: o.merchantId }) };
  const request: GooglePayRequest = {
    apiVersion: 2,
    apiVersionMinor: 0,
    allowedPaymentMethods: [
      {
        type: 'CARD',
        parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: data.networks },
        tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: data.gateway, gatewayMerchantId: o.gatewayMerchantId } },
      },
    ],
    transactionInfo: { currencyCode: o.currencyCode, ...(countryCode && { countryCode }), totalPriceStatus: o.totalPriceStatus, totalPrice: o.total },
    ...(Object.keys(merchantInfo).length && { merchantInfo }),
  };
  return { request, o };
}

/**
 * Google's `PaymentDataRequest` for product 320: its networks and gateway, your gateway merchant
 * id, the amount in the currency's major unit, the product's `acquirerCountry` (else `countryCode`).
 * Throws a `ValidationError` naming the product field or option that is wrong.
 *
 * @example
 * const request = googlePayRequest(await session.getPaymentProduct(320, context), {
 *   amount: 1000, currencyCode: 'JPY', gatewayMerchantId: '1234', merchantName: 'My shop',
 * }); // transactionInfo.totalPrice === '1000'
 */
export function googlePayRequest(product: PaymentProduct | BasicPaymentProduct, options: GooglePayOptions): GooglePayRequest {
  return build(product, options).request;
}

interface PaymentsClient {
  isReadyToPay(request: object): Promise<{ result?: unknown }>;
  loadPaymentData(request: object): Promise<{ paymentMethodData?: { tokenizationData?: { token?: unknown } } }>;
}
type GoogleGlobal = { google?: { payments?: { api?: { PaymentsClient?: new (options: { environment: string }) => PaymentsClient } } } };
const paymentsClient = () => (globalThis as GoogleGlobal).google?.payments?.api?.PaymentsClient;

/**
 * Loads Google's script (once, only now), asks Google whether this browser can pay with the
 * product's networks, and returns the payment to start from a click. A `WalletError` with `kind`
 * `unavailable` (hide the button) or `script` says why not.
 *
 * @example
 * const googlePay = await prepareGooglePay(session, product, { amount: 1000, currencyCode: 'EUR', gatewayMerchantId: '1234' });
 * button.onclick = async () => send(await googlePay.pay());
 */
export async function prepareGooglePay(session: ClientSession, product: PaymentProduct | BasicPaymentProduct, options: GooglePayOptions): Promise<GooglePayCheckout> {
  const { request, o } = build(product, options);
  if (!paymentsClient()) await loadWalletScript('google-pay', o.scriptUrl ?? GOOGLE_PAY_SCRIPT, o.allowedHosts ?? ['pay.google.com'], o.nonce);
  const Client = paymentsClient();
  if (!Client) throw new WalletError('google-pay', 'unavailable', 'the script loaded but google.payments.api.PaymentsClient is missing');
  const client = new Client({ environment: o.environment });
  // IsReadyToPayRequest: the payment methods without their tokenization (Google's reference).
  const { tokenizationSpecification: _, ...card } = request.allowedPaymentMethods[0];
  const ready = await client.isReadyToPay({ apiVersion: 2, apiVersionMinor: 0, allowedPaymentMethods: [card] }).catch((cause: unknown) => {
    throw new WalletError('google-pay', 'unavailable', `isReadyToPay failed: ${String((cause as { statusMessage?: unknown })?.statusMessage ?? cause)}`, { cause });
  });
  if (ready?.result !== true) throw new WalletError('google-pay', 'unavailable', 'this browser cannot pay with Google Pay (isReadyToPay answered false)');
  return {
    request,
    async pay(submit) {
      const paymentData = await client.loadPaymentData(request).catch((cause: { statusCode?: unknown; statusMessage?: unknown }) => {
        throw cause?.statusCode === 'CANCELED'
          ? new WalletError('google-pay', 'cancelled', 'the customer closed the payment sheet', { cause })
          : new WalletError('google-pay', 'failed', `loadPaymentData failed: ${String(cause?.statusMessage ?? cause?.statusCode ?? cause)}`, { cause });
      });
      const token = paymentData?.paymentMethodData?.tokenizationData?.token;
      if (typeof token !== 'string' || !token) throw new WalletError('google-pay', 'failed', 'the payment data carries no tokenizationData.token');
      const encryptedCustomerInput = await session.encrypt({ paymentProductId: GOOGLE_PAY_PRODUCT_ID, values: { encryptedPaymentData: token } });
      await submit?.(encryptedCustomerInput);
      return encryptedCustomerInput;
    },
  };
}
