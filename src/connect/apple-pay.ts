// Apple Pay for Connect product 302: the request built from the product's own data, the merchant
// validated by the platform (POST products/302/sessions on the Client API: no Apple merchant
// certificate or secret in the browser), and the token encrypted for the platform as Worldline's
// own example does (connect-sdk-client-js-example, …/components/wl-apple-pay.ts:
// `encryptPaymentRequest({ encryptedPaymentData: JSON.stringify(result.data.paymentData) })`; the
// session call as in connect-sdk-client-js 6.0.6, ApplePay.ts and C2SCommunicator.createPaymentProductSession).
// Apple's API: https://developer.apple.com/documentation/apple_pay_on_the_web/applepaysession.
import * as v from 'valibot';
import { ValidationError } from '../core/errors.js';
import { safeUrl } from '../core/url-guard.js';
import { callClientApi } from './client-api.js';
import type { ClientSession } from './client-session.js';
import type { BasicPaymentProduct, PaymentProduct } from './schemas.js';
import { WalletError } from './wallet-error.js';
import { readWalletOptions, readWalletProduct, Text, type WalletOptions } from './wallet-request.js';
import { loadWalletScript } from './wallet-script.js';

/** Apple Pay's product id on the Connect platform. */
export const APPLE_PAY_PRODUCT_ID = 302;
/** Apple's Apple Pay JS SDK: brings `ApplePaySession` to browsers other than Safari. */
export const APPLE_PAY_SCRIPT = 'https://applepay.cdn-apple.com/jsapi/1.latest/apple-pay-sdk.js';

export interface ApplePayOptions extends WalletOptions {
  /** The label of the total on the sheet, and the `displayName` the platform validates the merchant with. */
  readonly merchantName: string;
  /** `ApplePaySession` version. Default 3. */
  readonly version?: number;
}

/** Apple's `ApplePayPaymentRequest`, as `applePayRequest` builds it. */
export interface ApplePayRequest {
  readonly countryCode: string;
  readonly currencyCode: string;
  readonly total: { readonly label: string; readonly amount: string };
  readonly supportedNetworks: readonly string[];
  readonly merchantCapabilities: readonly ['supports3DS'];
}

/** An Apple Pay payment ready to start from a click. */
export interface ApplePayCheckout {
  readonly request: ApplePayRequest;
  /**
   * Opens Apple's payment sheet: call it synchronously in the click handler (Apple requires the
   * session to start from the gesture). Resolves with the `encryptedCustomerInput` once `submit`
   * (when given) has sent it; the sheet then shows success, or failure if `submit` threw.
   */
  pay(submit?: (encryptedCustomerInput: string) => unknown): Promise<string>;
}

interface ApplePaySessionLike {
  begin(): void;
  abort(): void;
  completeMerchantValidation(merchantSession: unknown): void;
  completePayment(status: number): void;
  onvalidatemerchant: ((event: { validationURL: string }) => void) | null;
  onpaymentauthorized: ((event: { payment?: { token?: { paymentData?: unknown } } }) => void) | null;
  oncancel: (() => void) | null;
}
interface ApplePaySessionClass {
  new (version: number, request: ApplePayRequest): ApplePaySessionLike;
  canMakePayments(): boolean;
  readonly STATUS_SUCCESS: number;
  readonly STATUS_FAILURE: number;
}
const applePaySession = () => (globalThis as { ApplePaySession?: ApplePaySessionClass }).ApplePaySession;

const entries = {
  merchantName: Text,
  version: v.optional(v.custom<number>((value) => Number.isInteger(value) && (value as number) >= 1, 'must be an ApplePaySession version (1 or more)'), 3),
};

function build(product: unknown, options: unknown) {
  const { data, acquirerCountry } = readWalletProduct(product, APPLE_PAY_PRODUCT_ID, {}, 'Apple Pay product');
  const o = readWalletOptions(entries, options, 'Apple Pay options');
  const countryCode = acquirerCountry ?? o.countryCode;
  if (!countryCode) throw new ValidationError('Apple Pay options', [{ path: 'countryCode', message: 'is required: the product has no acquirerCountry' }]);
  const request: ApplePayRequest = {
    countryCode,
    currencyCode: o.currencyCode,
    total: { label: o.merchantName, amount: o.total },
    supportedNetworks: data.networks,
    merchantCapabilities: ['supports3DS'],
  };
  return { request, o };
}

/**
 * Apple's `ApplePayPaymentRequest` for product 302: its networks, the amount in the currency's
 * major unit, the product's `acquirerCountry` (else `countryCode`, then required). Throws a
 * `ValidationError` naming the product field or option that is wrong.
 *
 * @example
 * const request = applePayRequest(await session.getPaymentProduct(302, context), {
 *   amount: 1000, currencyCode: 'EUR', countryCode: 'NL', merchantName: 'My shop',
 * }); // total.amount === '10.00'
 */
export function applePayRequest(product: PaymentProduct | BasicPaymentProduct, options: ApplePayOptions): ApplePayRequest {
  return build(product, options).request;
}

const SessionAnswer = v.looseObject({ paymentProductSession302SpecificOutput: v.looseObject({ sessionObject: v.string() }) });

/** The merchant session from the platform (Client API `POST products/302/sessions`). */
async function merchantSession(session: ClientSession, validationURL: unknown, displayName: string): Promise<unknown> {
  // Apple's validation hosts are all under apple.com; anything else is not Apple asking.
  const validationUrl = safeUrl(String(validationURL), { allowedHosts: ['*.apple.com'] }).href;
  // The session's own base and id, copied now; the request is checked against that base.
  const base = new URL(session.apiBaseUrl.href);
  const answer = await callClientApi(
    { base, policy: { allowedHosts: [base.host], pathPrefixes: [base.pathname] }, clientSessionId: session.clientSessionId },
    `products/${APPLE_PAY_PRODUCT_ID}/sessions`,
    SessionAnswer,
    undefined,
    undefined,
    { paymentProductSession302SpecificInput: { displayName, domainName: location.hostname, validationUrl } },
  );
  try {
    return JSON.parse(answer.paymentProductSession302SpecificOutput.sessionObject);
  } catch (cause) {
    throw new WalletError('apple-pay', 'failed', 'the platform answered a sessionObject that is not JSON', { cause });
  }
}

/**
 * Loads Apple's script only if this browser has no `ApplePaySession`, asks Apple whether it can pay,
 * and returns the payment to start from a click. A `WalletError` with `kind` `unavailable` (hide
 * the button) or `script` says why not.
 *
 * @example
 * const applePay = await prepareApplePay(session, product, { amount: 1000, currencyCode: 'EUR', countryCode: 'NL', merchantName: 'My shop' });
 * button.onclick = () => applePay.pay(send);
 */
export async function prepareApplePay(session: ClientSession, product: PaymentProduct | BasicPaymentProduct, options: ApplePayOptions): Promise<ApplePayCheckout> {
  const { request, o } = build(product, options);
  if (!applePaySession()) await loadWalletScript('apple-pay', o.scriptUrl ?? APPLE_PAY_SCRIPT, o.allowedHosts ?? ['applepay.cdn-apple.com'], o.nonce);
  const Sheet = applePaySession();
  let can = false;
  try {
    can = !!Sheet?.canMakePayments();
  } catch {
    // Apple throws outside a secure context: the same answer, no Apple Pay here.
  }
  if (!Sheet || !can) throw new WalletError('apple-pay', 'unavailable', 'this browser cannot pay with Apple Pay (no ApplePaySession, or canMakePayments() is false)');
  return {
    request,
    pay(submit) {
      // Built synchronously, inside the customer's click.
      const sheet = new Sheet(o.version, request);
      return new Promise<string>((resolve, reject) => {
        let open = true;
        const fail = (error: unknown) => {
          if (open) reject(error);
          open = false;
        };
        sheet.onvalidatemerchant = (event) => {
          merchantSession(session, event?.validationURL, o.merchantName).then(
            (merchant) => sheet.completeMerchantValidation(merchant),
            (error: unknown) => {
              fail(error);
              sheet.abort();
            },
          );
        };
        sheet.onpaymentauthorized = (event) => {
          const paymentData = event?.payment?.token?.paymentData;
          (async () => {
            if (!paymentData) throw new WalletError('apple-pay', 'failed', 'the payment carries no token.paymentData');
            const encryptedCustomerInput = await session.encrypt({ paymentProductId: APPLE_PAY_PRODUCT_ID, values: { encryptedPaymentData: JSON.stringify(paymentData) } });
            await submit?.(encryptedCustomerInput);
            return encryptedCustomerInput;
          })().then(
            (encryptedCustomerInput) => {
              sheet.completePayment(Sheet.STATUS_SUCCESS);
              open = false;
              resolve(encryptedCustomerInput);
            },
            (error: unknown) => {
              sheet.completePayment(Sheet.STATUS_FAILURE);
              fail(error);
            },
          );
        };
        sheet.oncancel = () => fail(new WalletError('apple-pay', 'cancelled', 'the customer closed the payment sheet'));
        sheet.begin();
      });
    },
  };
}
