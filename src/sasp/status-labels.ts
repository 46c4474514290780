// Readable text for the status document's codes: section and domain statuses, actions.
import { lookup } from '../core/own.js';

const STATUS_LABELS: Readonly<Record<string, string>> = {
  NotApplicable: 'Not applicable',
  ActionRequired: 'Action required',
  InProgress: 'In progress',
  notCompleted: 'Not completed',
};

const ACTION_LABELS: Readonly<Record<string, string>> = {
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
};

/**
 * Readable text for a section or domain status; unknown values are shown as sent.
 *
 * @example
 * sasp.statusLabel('ActionRequired'); // 'Action required'
 */
export const statusLabel = (status: string) => lookup(STATUS_LABELS, status) ?? String(status);
/**
 * Readable text for an action; unknown actions are shown as sent.
 *
 * @example
 * sasp.actionLabel('resendAgreementEmail'); // 'Resend the agreement e-mail'
 */
export const actionLabel = (action: string) => lookup(ACTION_LABELS, action) ?? String(action);
