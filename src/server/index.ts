/**
 * `baton-sdk/server`: the merchant server's half, matched to the browser's. WebCrypto and `fetch`
 * only: Node ≥ 20, Deno, Bun, Cloudflare Workers, Vercel Edge. Never import it in a browser: the
 * `browser` export condition resolves to a module that throws.
 *
 * @example
 * import { connectServer, connectSessionHandler } from 'baton-sdk/server';
 */
export { v1HmacDataToSign, v1HmacSignature, v1HmacAuthorization, canonicalHeaderValue, type V1HmacRequest, type V1HmacCredentials, type HeaderList } from './connect/v1hmac.js';
export { connectServer, type ConnectServer, type CreatePaymentInput, type HostedCheckoutStatusResult, type PaymentStatusResult } from './connect/server.js';
export type { ConnectConfig } from './connect/api.js';
export type { MerchantAction, ConnectPayment, CreatePaymentResult, HostedCheckoutStart, HostedCheckoutStatus, SessionResponse } from './connect/types.js';
export { verifyWebhook, type WebhookKeys } from './connect/webhooks.js';
export {
  connectSessionHandler,
  connectPaymentHandler,
  connectHostedCheckoutHandler,
  connectStatusHandler,
  connectWebhookHandler,
  type PaymentHandlerOptions,
} from './connect/handlers.js';
export { paynetControl, controlString, minorUnitsFromDecimal, decimalFromMinorUnits, CONTROL_FIELDS, type PaynetOperation, type ControlInput, type ControlField } from './sbc/control.js';
export { verifyPaynetReturn, CALLBACK_STATUSES, type VerifiedReturn } from './sbc/callback.js';
export { initiateSaleSignature, newNonce, type SaleSigningKey, type SaleSignatureInput } from './sbc/sale-signature.js';
export { sendFormOrder, orderStatus, sbcConfig, type SbcConfig, type SbcSettings, type FormOrderAnswer, type PaynetFormOrder, type SbcStatus } from './sbc/server.js';
export { sbcHandlers, type SbcHandlerOptions } from './sbc/handlers.js';
export { saspHandlers, SASP_CALL_LIMIT_WAIT_MS, type SaspConfig, type SaspActionRequest } from './sasp/handlers.js';
export { contentSecurityPolicy, CSP_HOSTS, type ContentSecurityPolicy, type ContentSecurityPolicyOptions, type CspProvider } from './csp.js';
export { memoryStore, type BatonStore } from './store.js';
export { constantTimeEqual } from './crypto.js';
export type { FetchLike } from './fetch.js';
export { SignatureError, ConfigError, ForbiddenError, type SignatureFailure } from './errors.js';
export { BatonError, ValidationError, ProviderError, NetworkError, UnsafeUrlError, SecretError } from '../core/errors.js';
