import { BatonError } from '../core/errors.js';

/** Why a signature check failed. */
export type SignatureFailure = 'missing' | 'mismatch' | 'unknown-key' | 'replayed';

/**
 * Thrown by the server half when a signed message from a provider (a Connect webhook, an SBC
 * callback or return, a Connect `RETURNMAC`) fails its check. Nothing was acted on.
 * `reason` says which check: `missing` (no signature or key id), `mismatch`, `unknown-key`
 * (the key id names no configured secret), `replayed` (a callback already handled).
 */
export class SignatureError extends BatonError {
  override name = 'SignatureError';
  readonly reason: SignatureFailure;
  readonly what: string;
  constructor(what: string, reason: SignatureFailure, detail: string) {
    super(`${what}: ${detail}`);
    this.what = what;
    this.reason = reason;
  }
}

/**
 * Thrown when the server half is set up wrong: a required secret, hook or option is missing.
 * `option` names what fixes it. Raised when the handler is created, before any request.
 */
export class ConfigError extends BatonError {
  override name = 'ConfigError';
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}

/** Thrown when the signed-in customer may not act on the order (`authorize` said no). */
export class ForbiddenError extends BatonError {
  override name = 'ForbiddenError';
  constructor(message = 'the signed-in customer does not own this order') {
    super(message);
  }
}
