/**
 * `baton-sdk/sbc`: the browser leg of SBC (PaynetEasy) initiate sale and the hosted preauth form.
 * The merchant server signs (`signature`, `control`); Baton validates, relays and navigates.
 *
 * @example
 * import { initiateSale, startHostedForm, readReturnOrderId, awaitFinalStatus } from 'baton-sdk/sbc';
 */
export { configure, getConfig, type SbcConfig } from './config.js';
export { initiateSale, type InitiateSaleOptions, type SaleSession, type SaleFailureCause } from './sale.js';
export { parseFormResponse, type FormResponse } from './form-response.js';
export { openHostedForm, startHostedForm, type HostedFormOptions, type StartHostedFormOptions, type StartHostedFormResult } from './hosted-form.js';
export type { HostedFormBody } from './form-body.js';
export { encodeMerchantFormData } from './merchant-data.js';
export { readReturnOrderId, type ReturnOrderId } from './return-order-id.js';
export { awaitFinalStatus, type FinalStatusAnswer, type OrderStatusAnswer, type AwaitFinalStatusOptions } from './final-status.js';
export { FINAL_STATUSES, type FinalStatus } from './schemas.js';
export { BatonError, ValidationError, ProviderError, NetworkError, UnsafeUrlError, SecretError } from '../core/errors.js';
