// A wallet (Google Pay, Apple Pay) that cannot be used here, or a payment sheet the customer left:
// not bad input, not a network or provider error, and each needs its own answer in the UI.
import { BatonError } from '../core/errors.js';

/** Which wallet. */
export type WalletName = 'google-pay' | 'apple-pay';

/**
 * - `unavailable`: no such wallet here (no `ApplePaySession`, no `google.payments.api`, a server
 *   render), or the wallet says it cannot pay (`isReadyToPay` / `canMakePayments` answered false):
 *   hide its button;
 * - `script`: the wallet's script did not load (offline, blocked, refused by CSP or Trusted Types);
 * - `cancelled`: the customer closed the payment sheet: nothing to report;
 * - `failed`: the wallet answered an error, or no usable token.
 */
export type WalletFailure = 'unavailable' | 'script' | 'cancelled' | 'failed';

/** Thrown by the Google Pay and Apple Pay helpers. `wallet` and `kind` say what to do. */
export class WalletError extends BatonError {
  override name = 'WalletError';
  readonly wallet: WalletName;
  readonly kind: WalletFailure;
  constructor(wallet: WalletName, kind: WalletFailure, message: string, options?: { cause?: unknown }) {
    super(`${wallet === 'google-pay' ? 'Google Pay' : 'Apple Pay'}: ${message}`, options);
    this.wallet = wallet;
    this.kind = kind;
  }
}
