export {
  BatonError,
  ValidationError,
  ProviderError,
  NetworkError,
  UnsafeUrlError,
  SecretError,
  type ProviderName,
  type ValidationIssue,
  type NetworkFailure,
  type UrlRule,
} from './errors.js';
export { safeUrl, type UrlPolicy } from './url-guard.js';
export { navigate, postForm, type NavigationTarget, type Navigation } from './navigate.js';
export { assertNoSecrets, isSecretKey } from './secrets.js';
export { readJwtExpiry, assertNotExpired } from './jwt.js';
export type { HttpResponse, HttpRequest, RetryPolicy } from './http.js';
export type { MountTarget } from './mount-target.js';
