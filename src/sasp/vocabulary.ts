// The open enums of Sectigo's status document: the documented values autocomplete, any other
// value is kept as sent.
import type { Open } from '../core/documented.js';
import type { DcvApiMethod } from './dcv.js';

/** Status of a section: documented values, or whatever else Sectigo sends (e.g. `notCompleted`). */
export type SectionStatus = Open<'NotApplicable' | 'ActionRequired' | 'Completed' | 'InProgress' | 'Unknown'>;

/** Order status as documented, or any other value. */
export type OrderStatus = Open<
  'Current' | 'Awaiting Payment' | 'Payment Promised' | 'Pending' | 'Awaiting Authorization' | 'Processed' | 'Rejected' | 'Refunded' | 'ERROR!!!'
>;

/** Every action the status document lists, or any other value. */
export type ActionName = Open<
  | 'needProvideCSR'
  | 'canReplaceCSR'
  | 'selectDCVMethod'
  | 'canChangeDCVMethod'
  | 'enterDCVCode'
  | 'canUpdateEmailAddress'
  | 'resendAgreementEmail'
  | 'needUpdateEmailAddress'
  | 'callMeNow'
  | 'callMeLater'
  | 'provideCorrectPhoneNumber'
  | 'enterCallbackCode'
  | 'requestManualCallback'
  | 'uploadDocument'
>;

/** DCV method type of the status document. */
export type DcvMethodType = Open<'whoisEmail' | 'email' | 'csrHash' | 'manual'>;

/**
 * A section of the post-payment status: the seven of the v1.00 document, `caa` and `ma` (added in
 * v1.01/v1.02), or the answer's key without `Status` for a section Baton does not know.
 */
export type SectionName = Open<'csr' | 'dcv' | 'caa' | 'agreement' | 'callback' | 'organization' | 'ma' | 'secondApproval' | 'fsup'>;

/** What the user asked for: one of the status's `availableActions`, or a DCV method choice. */
export interface SaspAction {
  readonly section: SectionName;
  readonly action: ActionName;
  /** For DCV choices: the domain. */
  readonly domainName?: string;
  /** For DCV choices: the method in the update API's terms (`EMAIL`, `CNAME_CSR_HASH`, …). */
  readonly method?: DcvApiMethod;
  /** For DCV choices: the option as offered (`admin@example.com`, `CNAME CSR Hash`, `Manual`). */
  readonly option?: string;
}
