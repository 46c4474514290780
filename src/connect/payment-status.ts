// Final or pending: Connect's payment statuses and status categories, and the hosted checkout's own
// statuses, from Worldline's "Statuses" reference
// (https://apireference.connect.worldline-solutions.com/s2sapi/v1/en_US/nodejs/statuses.html: the
// table of hostedCheckout.status, payment.status and payment.statusOutput.statusCategory).
import * as v from 'valibot';
import { shape } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { orAbsent } from './merchant-action-schema.js';

/**
 * `statusCategory` values after which waiting changes nothing for the customer: paid (`COMPLETED`),
 * failed (`UNSUCCESSFUL`), authorised and waiting for the merchant (`PENDING_MERCHANT`), verified,
 * reversed or refunded. Pending: `CREATED`, `PENDING_PAYMENT`, `PENDING_CONNECT_OR_3RD_PARTY`, and any
 * category the reference does not list yet.
 */
export const FINAL_STATUS_CATEGORIES: readonly string[] = ['COMPLETED', 'UNSUCCESSFUL', 'PENDING_MERCHANT', 'ACCOUNT_VERIFIED', 'REVERSED', 'REFUNDED'];

// payment.status → statusCategory, as the reference's table pairs them (for an answer without statusOutput).
const CATEGORY_OF: Readonly<Record<string, string>> = {
  CREATED: 'CREATED',
  REJECTED: 'UNSUCCESSFUL',
  CANCELLED: 'UNSUCCESSFUL',
  REJECTED_CAPTURE: 'UNSUCCESSFUL',
  REDIRECTED: 'PENDING_PAYMENT',
  PENDING_PAYMENT: 'PENDING_PAYMENT',
  ACCOUNT_VERIFIED: 'ACCOUNT_VERIFIED',
  PENDING_APPROVAL: 'PENDING_MERCHANT',
  PENDING_COMPLETION: 'PENDING_MERCHANT',
  PENDING_CAPTURE: 'PENDING_MERCHANT',
  PENDING_FRAUD_APPROVAL: 'PENDING_MERCHANT',
  AUTHORIZATION_REQUESTED: 'PENDING_CONNECT_OR_3RD_PARTY',
  CAPTURE_REQUESTED: 'PENDING_CONNECT_OR_3RD_PARTY',
  CAPTURED: 'COMPLETED',
  PAID: 'COMPLETED',
  CHARGEBACK_NOTIFICATION: 'REVERSED',
  CHARGEBACKED: 'REVERSED',
  REVERSED: 'REVERSED',
  REFUNDED: 'REFUNDED',
};

/** hostedCheckout.status values that end the checkout without a payment (`PAYMENT_CREATED` defers to the payment; `IN_PROGRESS` is pending). */
export const FINAL_HOSTED_CHECKOUT_STATUSES: readonly string[] = ['CANCELLED_BY_CONSUMER', 'CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT'];
const HOSTED = [...FINAL_HOSTED_CHECKOUT_STATUSES, 'IN_PROGRESS', 'PAYMENT_CREATED'];

/** What a status answer means for the return page. */
export interface PaymentOutcome {
  /** True once waiting changes nothing (see `FINAL_STATUS_CATEGORIES`, `FINAL_HOSTED_CHECKOUT_STATUSES`). */
  readonly final: boolean;
  /** `payment.statusOutput.statusCategory`, or the category the reference pairs with `payment.status`. */
  readonly statusCategory: string | undefined;
  /** `payment.status` (`CAPTURED`, `REJECTED`, …). */
  readonly status: string | undefined;
  /** `status` of a Get hosted checkout answer (`IN_PROGRESS`, `PAYMENT_CREATED`, …). */
  readonly hostedCheckoutStatus: string | undefined;
  readonly paymentId: string | undefined;
}

const text = () => orAbsent(v.string());
const paymentSchema = () => shape({ id: text(), status: text(), statusOutput: orAbsent(shape({ statusCategory: text() })) });
const answerSchema = () =>
  shape({
    status: text(),
    statusOutput: orAbsent(shape({ statusCategory: text() })),
    id: text(),
    payment: orAbsent(paymentSchema()),
    createdPaymentOutput: orAbsent(shape({ payment: orAbsent(paymentSchema()) })),
  });

/**
 * Reads a status answer as Worldline sends it and your server relays it: a Get hosted checkout answer
 * (`{ status, createdPaymentOutput: { payment } }`), a payment answer (`{ payment }`) or a `Payment`
 * itself (`{ id, status, statusOutput }`). Throws `ValidationError` for another shape.
 */
export function paymentOutcome(answer: unknown): PaymentOutcome {
  const read = parseWith(answerSchema(), answer, 'payment status answer');
  const hosted = read.createdPaymentOutput !== undefined || (read.statusOutput === undefined && HOSTED.includes(read.status ?? ''));
  const payment = hosted ? read.createdPaymentOutput?.payment : (read.payment ?? read);
  const status = payment?.status;
  const statusCategory = payment?.statusOutput?.statusCategory ?? (status !== undefined && Object.prototype.hasOwnProperty.call(CATEGORY_OF, status) ? CATEGORY_OF[status] : undefined);
  const hostedCheckoutStatus = hosted ? read.status : undefined;
  const final = FINAL_HOSTED_CHECKOUT_STATUSES.includes(hostedCheckoutStatus ?? '') || (hostedCheckoutStatus !== 'IN_PROGRESS' && FINAL_STATUS_CATEGORIES.includes(statusCategory ?? ''));
  return { final, statusCategory, status, hostedCheckoutStatus, paymentId: payment?.id };
}
