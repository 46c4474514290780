/**
 * DCV method names: the status document's (`email`/`whoisEmail` with an address, `csrHash` with
 * `CNAME CSR Hash`/`HTTP CSR Hash`/`HTTPS CSR Hash`, `manual` with `Manual`) and the names of
 * Sectigo's update API (`EMAIL`, `CNAME_CSR_HASH`, `HTTP_CSR_HASH`, `HTTPS_CSR_HASH`). Unknown
 * values are passed through unchanged both ways.
 */
import type { Open } from './schemas.js';

/** DCV method as Sectigo's update API names it; `MANUAL` for the status document's `Manual`. */
export type DcvApiMethod = Open<'EMAIL' | 'CNAME_CSR_HASH' | 'HTTP_CSR_HASH' | 'HTTPS_CSR_HASH' | 'MANUAL'>;

/** A chosen DCV method in the update API's terms. `email` is set for `EMAIL`. */
export interface DcvChoice {
  readonly method: DcvApiMethod;
  readonly email?: string;
}

const HASH_TO_API: Readonly<Record<string, DcvApiMethod>> = {
  'cname csr hash': 'CNAME_CSR_HASH',
  'http csr hash': 'HTTP_CSR_HASH',
  'https csr hash': 'HTTPS_CSR_HASH',
  manual: 'MANUAL',
};

const API_TO_OPTION: Readonly<Record<string, { type: string; option: string }>> = {
  CNAME_CSR_HASH: { type: 'csrHash', option: 'CNAME CSR Hash' },
  HTTP_CSR_HASH: { type: 'csrHash', option: 'HTTP CSR Hash' },
  HTTPS_CSR_HASH: { type: 'csrHash', option: 'HTTPS CSR Hash' },
  MANUAL: { type: 'manual', option: 'Manual' },
};

/**
 * Maps a method offered in the status (`type` and one of its `options`) to the update API's name.
 *
 * @example
 * sasp.dcvMethodToApi('email', 'admin@example.com'); // { method: 'EMAIL', email: 'admin@example.com' }
 * sasp.dcvMethodToApi('csrHash', 'CNAME CSR Hash');  // { method: 'CNAME_CSR_HASH' }
 */
export function dcvMethodToApi(type: string, option: string): DcvChoice {
  const kind = String(type).toLowerCase();
  if (kind === 'email' || kind === 'whoisemail' || (kind !== 'csrhash' && String(option).includes('@'))) {
    return { method: 'EMAIL', email: option };
  }
  return { method: HASH_TO_API[String(option).trim().toLowerCase()] ?? option };
}

/**
 * Maps an update-API method back to the status document's `type` and option label.
 *
 * @example
 * sasp.dcvMethodFromApi('HTTPS_CSR_HASH'); // { type: 'csrHash', option: 'HTTPS CSR Hash' }
 * sasp.dcvMethodFromApi('EMAIL', 'admin@example.com'); // { type: 'email', option: 'admin@example.com' }
 */
export function dcvMethodFromApi(method: string, email?: string): { type: string; option: string } {
  const name = String(method).trim().toUpperCase();
  if (name === 'EMAIL') return { type: 'email', option: email ?? '' };
  return API_TO_OPTION[name] ?? { type: method, option: method };
}
