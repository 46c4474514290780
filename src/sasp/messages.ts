// The Sectigo UI's texts: the one place a translator edits (English here; other languages in
// src/locales/). `{name}` placeholders are filled in by the view.
import type { SectionName } from './vocabulary.js';

/**
 * `renderStatus`'s texts. Known sections' titles in `sections` (a title given here wins over the
 * one in Sectigo's answer, which is English), status codes in `statuses` and actions in `actions`
 * (a code missing from them is shown as sent), the labelled values in `fields`.
 */
export interface StatusMessages {
  /** `{number}`: the order number. */
  readonly order: string;
  /** A multi-domain order's summary; `{domain}`: the primary domain. */
  readonly andMore: string;
  /** `{status}`: the order status as sent. */
  readonly orderStatus: string;
  /** Before a section's status badge. */
  readonly status: string;
  readonly needsAction: string;
  readonly nothingToDo: string;
  readonly pending: string;
  readonly done: string;
  /** `{action}`: the action's label, `{error}`: what failed. */
  readonly actionFailed: string;
  readonly caaErrors: string;
  readonly csrHashes: string;
  readonly details: string;
  /** `{method}`: the selected method, or `noMethod`. */
  readonly selectedMethod: string;
  readonly noMethod: string;
  /** The DCV chooser's legend; `{domain}`. */
  readonly methodFor: string;
  /** `{domain}`. */
  readonly useMethod: string;
  /** `{domain}`. */
  readonly chooseMethodFirst: string;
  readonly sections: Readonly<Partial<Record<SectionName, string>>>;
  readonly statuses: Readonly<Record<string, string>>;
  readonly actions: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
}

export const STATUS_MESSAGES: StatusMessages = {
  order: 'Order {number}',
  andMore: '{domain} and more',
  orderStatus: 'Order status: {status}',
  status: 'Status: ',
  needsAction: 'Needs your action: ',
  nothingToDo: 'Nothing needs your action now.',
  pending: 'Pending: ',
  done: 'Done: ',
  actionFailed: '{action} failed: {error}',
  caaErrors: 'Latest CAA check errors',
  csrHashes: 'CSR hashes',
  details: 'Details',
  selectedMethod: 'Selected method: {method}',
  noMethod: 'none',
  methodFor: 'Validation method for {domain}',
  useMethod: 'Use this method for {domain}',
  chooseMethodFirst: 'Choose a validation method for {domain} first.',
  sections: {},
  statuses: {
    NotApplicable: 'Not applicable',
    ActionRequired: 'Action required',
    InProgress: 'In progress',
    notCompleted: 'Not completed',
  },
  actions: {
    needProvideCSR: 'Provide a CSR',
    canReplaceCSR: 'Replace the CSR',
    selectDCVMethod: 'Select a validation method',
    canChangeDCVMethod: 'Change the validation method',
    enterDCVCode: 'Enter the validation code',
    canUpdateEmailAddress: 'Update the e-mail address',
    resendAgreementEmail: 'Resend the agreement e-mail',
    needUpdateEmailAddress: 'Update the e-mail address (required)',
    callMeNow: 'Call me now',
    callMeLater: 'Call me later',
    provideCorrectPhoneNumber: 'Provide the correct phone number',
    enterCallbackCode: 'Enter the callback code',
    requestManualCallback: 'Request a manual callback',
    uploadDocument: 'Upload documents',
  },
  fields: {
    MD5: 'MD5 hash of the CSR',
    SHA256: 'SHA-256 hash of the CSR',
    uniqueValue: 'Unique value',
    clickThroughStatus: 'Click-through',
    clickThroughEmailAddress: 'Agreement e-mail address',
    lastEmailSent: 'Last e-mail sent',
    lastOpenDate: 'Last opened',
    phoneNumber: 'Callback phone number',
  },
};

/** `mountUploadForm`'s texts. `{count}` documents, `{size}` their size, `{reason}` what went wrong. */
export interface UploadMessages {
  readonly documents: string;
  readonly comment: string;
  readonly upload: string;
  readonly uploadAgain: string;
  readonly retry: string;
  readonly progress: string;
  readonly log: string;
  readonly chooseFirst: string;
  /** `{count}` is 1. */
  readonly sendingOne: string;
  /** `{count}` is not 1. */
  readonly sendingMany: string;
  /** `{percent}`. */
  readonly uploading: string;
  readonly uploaded: string;
  readonly unconfirmed: string;
  readonly failed: string;
  /** A log line: `{attempt}`, `{names}`, `{size}`, `{text}` (one of the `log…` texts). */
  readonly logLine: string;
  readonly logSending: string;
  readonly logDone: string;
  readonly logUnconfirmed: string;
  readonly logFailed: string;
}

export const UPLOAD_MESSAGES: UploadMessages = {
  documents: 'Documents ',
  comment: 'Comment ',
  upload: 'Upload',
  uploadAgain: 'Upload again',
  retry: 'Retry upload',
  progress: 'Upload progress',
  log: 'Uploads',
  chooseFirst: 'Choose at least one document.',
  sendingOne: 'Sending {count} document ({size})…',
  sendingMany: 'Sending {count} documents ({size})…',
  uploading: 'Uploading: {percent}%',
  uploaded: 'Documents uploaded.',
  unconfirmed:
    'The documents were sent but no answer could be read ({reason}); they may have arrived. Check the order status before sending them again. Your files and comment are kept.',
  failed: 'Upload failed: {reason}. Your files and comment are kept; press “Retry upload” to try again.',
  logLine: 'Upload {attempt} ({names}, {size}): {text}',
  logSending: 'sending…',
  logDone: 'uploaded',
  logUnconfirmed: 'sent, unconfirmed — {reason}',
  logFailed: 'failed — {reason}',
};

/** `text` as the locale writes dates when it is a `YYYY-MM-DD` date (Sectigo's format); else as sent. */
export function localDate(text: string, locale: string | undefined): string {
  if (!locale || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? text : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
