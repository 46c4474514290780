// Readable text for the status document's codes (section and domain statuses, actions), in English.
import { lookup } from '../core/lookup.js';
import { STATUS_MESSAGES } from './messages.js';

/**
 * Readable text for a section or domain status; unknown values are shown as sent.
 *
 * @example
 * sasp.statusLabel('ActionRequired'); // 'Action required'
 */
export const statusLabel = (status: string) => lookup(STATUS_MESSAGES.statuses, status) ?? status;
/**
 * Readable text for an action; unknown actions are shown as sent.
 *
 * @example
 * sasp.actionLabel('resendAgreementEmail'); // 'Resend the agreement e-mail'
 */
export const actionLabel = (action: string) => lookup(STATUS_MESSAGES.actions, action) ?? action;
