/**
 * DCV method names: the status document's (`email`/`whoisEmail` with an address, `csrHash` with
 * `CNAME CSR Hash`/`HTTP CSR Hash`/`HTTPS CSR Hash`, `manual` with `Manual`) and the names of
 * Sectigo's update API (`EMAIL`, `CNAME_CSR_HASH`, `HTTP_CSR_HASH`, `HTTPS_CSR_HASH`). Unknown
 * values are passed through unchanged both ways.
 */
import type { Open } from '../core/documented.js';

/** DCV method as Sectigo's update API names it; `MANUAL` for the status document's `Manual`. */
export type DcvApiMethod = Open<'EMAIL' | 'CNAME_CSR_HASH' | 'HTTP_CSR_HASH' | 'HTTPS_CSR_HASH' | 'MANUAL'>;

/** A chosen DCV method in the update API's terms. `email` is set for `EMAIL`. */
export interface DcvChoice {
  readonly method: DcvApiMethod;
  readonly email?: string;
}

/** The update API's method names, with the status document's `type` and option label. */
const METHODS: ReadonlyArray<readonly [DcvApiMethod, string, string]> = [
  ['CNAME_CSR_HASH', 'csrHash', 'CNAME CSR Hash'],
  ['HTTP_CSR_HASH', 'csrHash', 'HTTP CSR Hash'],
  ['HTTPS_CSR_HASH', 'csrHash', 'HTTPS CSR Hash'],
  ['MANUAL', 'manual', 'Manual'],
];

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
  const label = String(option).trim().toLowerCase();
  return { method: METHODS.find((known) => known[2].toLowerCase() === label)?.[0] ?? option };
}

/** A DCV method as the status document offers it: its `type` and the option's label. */
export interface DcvOffer {
  /** `email`, `csrHash` or `manual`. */
  type: string;
  /** The email address, or the label (`HTTPS CSR Hash`, `Manual`). */
  option: string;
}

/**
 * Maps an update-API method back to the status document's `type` and option label.
 *
 * @example
 * sasp.dcvMethodFromApi('HTTPS_CSR_HASH'); // { type: 'csrHash', option: 'HTTPS CSR Hash' }
 * sasp.dcvMethodFromApi('EMAIL', 'admin@example.com'); // { type: 'email', option: 'admin@example.com' }
 */
export function dcvMethodFromApi(method: string, email?: string): DcvOffer {
  const name = String(method).trim().toUpperCase();
  if (name === 'EMAIL') return { type: 'email', option: email ?? '' };
  const known = METHODS.find(([api]) => api === name);
  return known ? { type: known[1], option: known[2] } : { type: method, option: method };
}
