import { SecretError } from '../core/errors.js';
import { assertNoSecrets } from '../core/secrets.js';

/**
 * Refuses reseller credentials (merchant secrets) in anything a sasp function is handed: `loginPassword` (and every
 * other merchant secret, via the core guard) and `loginName`, which only the merchant server's
 * `!initCustomerSession` call may carry. Throws a `SecretError`; nothing is sent.
 */
export function refuseLogin(input: unknown, path: string): void {
  assertNoSecrets(input, path);
  if (input !== null && typeof input === 'object') {
    const key = Object.keys(input).find((name) => name.toLowerCase().replace(/[-_\s]/g, '') === 'loginname');
    if (key !== undefined) throw new SecretError(`${path}.${key}`);
  }
}
