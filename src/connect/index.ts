/**
 * `baton-sdk/connect` — the browser leg of a Worldline Connect client session: Client API calls,
 * client-side encryption (JWE via WebCrypto), field validators, input masks, and a payment form
 * built from a product's fields (`mountPaymentForm`, left out of bundles that do not use it).
 *
 * @example
 * import { createClientSession } from 'baton-sdk/connect';
 * const session = createClientSession(sessionFromYourServer);
 * const product = await session.getPaymentProduct(1, context);
 * const encryptedCustomerInput = await session.encrypt({ paymentProductId: 1, product, values });
 */
export { createClientSession } from './session.js';
export { DEFAULT_ALLOWED_HOSTS, type ClientSession, type ClientSessionOptions, type IinDetailsResult } from './client-session.js';
export type { EncryptRequest } from './encrypt-request.js';
export type { CallOptions } from './client-api.js';
export { isConnectError, type ConnectError } from './client-api.js';
export { encryptJwe, type EncryptedCustomerInput, type DeviceInformation } from './encrypt.js';
export { applyMask, removeMask } from './mask.js';
export {
  validateValues,
  failedValidators,
  isLuhnValid,
  isExpiryDateValid,
  isIbanValid,
  isResidentIdNumberValid,
  unmaskValue,
  type ValidatorName,
  type ValidateOptions,
} from './validators.js';
export { collectMetaInfo, encodeMetaInfo, SDK_IDENTIFIER, type ClientMetaInfo } from './meta-info.js';
export type {
  SessionResponse,
  PaymentContext,
  ConnectApiError,
  ConnectErrorDetails,
  IinDetails,
  IinCoBrand,
  PublicKey,
  PaymentProductNetworks,
  PaymentProductDirectory,
  DirectoryEntry,
  ConvertedAmount,
  ThirdPartyStatus,
  PrivacyPolicy,
} from './answer-types.js';
export type {
  BasicPaymentProduct,
  BasicPaymentProducts,
  BasicPaymentProductGroup,
  BasicPaymentProductGroups,
  PaymentProduct,
  PaymentProductGroup,
  PaymentProductDisplayHints,
  PaymentProductField,
  PaymentProductFieldDataRestrictions,
  PaymentProductFieldDisplayHints,
  PaymentProductFieldTooltip,
  AccountOnFile,
  AccountOnFileAttribute,
  FieldValidators,
} from './product-types.js';
export { BatonError, ValidationError, ProviderError, NetworkError, UnsafeUrlError, SecretError } from '../core/errors.js';
export { handleMerchantAction, type MerchantActionOptions, type MerchantActionResult } from './merchant-action.js';
export type { MerchantAction, KeyValuePair, CreatePaymentAnswer } from './merchant-action-schema.js';
export { renderShowData } from './show-data.js';
export { openHostedCheckout, startHostedCheckout, HOSTED_CHECKOUT_HOSTS, type HostedCheckoutOptions, type StartHostedCheckoutOptions, type StartHostedCheckoutResult, type HostedCheckoutAnswer } from './hosted-checkout.js';
export { readConnectReturn, awaitPaymentStatus, type ConnectReturn, type AwaitPaymentStatusOptions, type AwaitPaymentStatusResult } from './return-page.js';
export { paymentOutcome, FINAL_STATUS_CATEGORIES, FINAL_HOSTED_CHECKOUT_STATUSES, type PaymentOutcome } from './payment-status.js';
export { mountPaymentForm, type PaymentFormOptions, type PaymentFormHandle } from './payment-form.js';
export { mountSavedCardForm, type SavedCardFormOptions, type SavedCardFormHandle } from './saved-card-form.js';
export { accountLabel, maskedAttribute, type AccountOnFileDisplayHints } from './account-on-file.js';
export { MERCHANT_ACTION_MESSAGES, PAYMENT_FORM_MESSAGES, type MerchantActionMessages, type PaymentFormMessages } from './messages.js';
export type { FieldErrorMessages } from './field-error.js';
export { currencyExponent, toMajorUnits, formatAmount } from '../core/currency.js';
export type { PaymentFormEvents, PaymentFieldChange, PaymentBrand } from './form-events.js';
export { basicPaymentItems, type BasicPaymentItem } from './payment-items.js';
export { googlePayRequest, prepareGooglePay, GOOGLE_PAY_PRODUCT_ID, GOOGLE_PAY_SCRIPT, type GooglePayOptions, type GooglePayRequest, type GooglePayCardMethod, type GooglePayCheckout } from './google-pay.js';
export { applePayRequest, prepareApplePay, APPLE_PAY_PRODUCT_ID, APPLE_PAY_SCRIPT, type ApplePayOptions, type ApplePayRequest, type ApplePayCheckout } from './apple-pay.js';
export { WalletError, type WalletName, type WalletFailure } from './wallet-error.js';
export type { WalletOptions } from './wallet-request.js';
