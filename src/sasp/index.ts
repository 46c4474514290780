/**
 * `baton-sdk/sasp`: the browser leg of Sectigo's SASP post-payment flow. Your server calls
 * `!initCustomerSession` with the reseller login and relays the answer; Baton parses it, opens the
 * hosted post-payment page, reads and renders the order's status, and uploads documents.
 *
 * @example
 * import { parseSessionResponse, getPostPaymentStatus, renderStatus } from 'baton-sdk/sasp';
 */
export { parseSessionResponse, postPaymentUrl, openPostPayment, SESSION_ERROR_MESSAGES, type SaspSession, type SessionResponseFormat } from './session.js';
export { getPostPaymentStatus, parseStatusResponse, STATUS_URL, CALL_LIMIT_WAIT_MS, type GetPostPaymentStatusOptions, type DirectStatusOptions, type RelayStatusOptions } from './status.js';
export { dcvMethodToApi, dcvMethodFromApi, type DcvApiMethod, type DcvChoice, type DcvOffer } from './dcv.js';
export { statusLabel, actionLabel } from './status-labels.js';
export { renderStatus, type RenderStatusOptions } from './render-status.js';
export { uploadDocuments, UPLOAD_HOSTS, type UploadDocumentsOptions, type UploadProgress, type UploadResult } from './upload.js';
export { mountUploadForm } from './upload-form.js';
export { STATUS_MESSAGES, UPLOAD_MESSAGES, type StatusMessages, type UploadMessages } from './messages.js';
export type { UploadFormOptions, UploadFormResult, UploadTransport } from './upload-form-options.js';
export { SECTIGO_HOSTS, type SaspUrlOptions } from './policy.js';
export type {
  PostPaymentStatus,
  PostPaymentSection,
  DcvStatus,
  DcvDomain,
  DcvMethod,
  AgreementStatus,
  CallbackStatus,
  OrganizationStatus,
  RequirementStatus,
  LooseSection,
} from './status-types.js';
export type { SectionStatus, OrderStatus, ActionName, DcvMethodType, SectionName, SaspAction } from './vocabulary.js';
export type { Open } from '../core/documented.js';
export { BatonError, ValidationError, ProviderError, NetworkError, UnsafeUrlError, SecretError } from '../core/errors.js';
