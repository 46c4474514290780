// Mock of Worldline Connect's server API for completing a payment: create payment (with its
// `merchantAction`), get payment, create and get hosted checkout, plus the pages the customer
// visits on Worldline's side (a 3-D Secure issuer page and a MyCheckout page) that return to the
// merchant's returnUrl. Shapes from Worldline's server SDK models (connect-sdk-nodejs 7.0.0,
// src/v1/model/domain/index.ts; line numbers below). The merchant server calls these in-process
// (`demo/mock/merchant-connect.ts`); the customer's browser visits only the pages.
import { randomBytes, randomUUID } from 'node:crypto';
import type { MockContext, Route } from './route.js';
import { html, json, redirect, type MockResponse } from './http.js';

/** A payment as `Payment` (l. 1855) with `statusOutput` (`PaymentStatusOutput`, l. 2155). */
interface MockPayment {
  id: string;
  status: string;
  statusCategory: string;
  returnUrl?: string;
  RETURNMAC?: string;
  /** Status calls left before a REDIRECTED payment, once authenticated, reports its final status. */
  settling?: number;
  output: Record<string, unknown>;
}

interface MockHostedCheckout {
  id: string;
  status: string;
  returnUrl: string;
  RETURNMAC: string;
  paymentId?: string;
}

interface PaymentsState {
  readonly payments: Map<string, MockPayment>;
  readonly checkouts: Map<string, MockHostedCheckout>;
}

function state(ctx: MockContext): PaymentsState {
  let s = ctx.state.get('connect-payments') as PaymentsState | undefined;
  if (!s) ctx.state.set('connect-payments', (s = { payments: new Map(), checkouts: new Map() }));
  return s;
}

// The status → statusCategory pairs of Worldline's "Statuses" reference table
// (apireference.connect.worldline-solutions.com/s2sapi/v1/en_US/nodejs/statuses.html).
const CATEGORY: Record<string, string> = {
  REDIRECTED: 'PENDING_PAYMENT',
  PENDING_PAYMENT: 'PENDING_PAYMENT',
  AUTHORIZATION_REQUESTED: 'PENDING_CONNECT_OR_3RD_PARTY',
  PENDING_APPROVAL: 'PENDING_MERCHANT',
  CAPTURED: 'COMPLETED',
  REJECTED: 'UNSUCCESSFUL',
  CANCELLED: 'UNSUCCESSFUL',
};

/** The card that asks for a 3-D Secure challenge (any other valid card is frictionless). */
export const CHALLENGE_CARD = '4000000000001091';
/** Worldline's payment product 11: bank transfer. */
export const BANK_TRANSFER = 11;

const paymentJson = (p: MockPayment) => ({ id: p.id, status: p.status, statusOutput: { statusCategory: p.statusCategory, isAuthorized: p.statusCategory === 'PENDING_MERCHANT' || p.statusCategory === 'COMPLETED' }, paymentOutput: p.output });

function setStatus(p: MockPayment, status: string): void {
  p.status = status;
  p.statusCategory = CATEGORY[status] ?? 'CREATED';
}

export interface CardInput {
  readonly cardNumber: string;
  readonly output: Record<string, unknown>;
  /** `cardPaymentMethodSpecificInput.threeDSecure.redirectionData.returnUrl` (`RedirectionData`, l. 2361). */
  readonly returnUrl: string;
}

/**
 * `POST /v1/{merchantId}/payments` (`CreatePaymentResult`, l. 787): the card `CHALLENGE_CARD` gets a
 * REDIRECT to the issuer's 3-D Secure page with a RETURNMAC (`RedirectDataBase`, l. 2267); another
 * card is frictionless (no `merchantAction`); product 11 gets SHOW_INSTRUCTIONS with `showData`
 * (`KeyValuePair[]`, l. 1439; the keys are the mock's own: the models do not list them).
 */
export function createPayment(ctx: MockContext, input: CardInput | { readonly bankTransfer: true }): Record<string, unknown> {
  const id = `${Date.now()}${randomBytes(4).toString('hex')}_0`;
  if ('bankTransfer' in input) {
    const payment: MockPayment = { id, status: '', statusCategory: '', output: { amountOfMoney: { amount: 1000, currencyCode: 'EUR' }, paymentMethod: 'bankTransfer' } };
    setStatus(payment, 'PENDING_PAYMENT');
    state(ctx).payments.set(id, payment);
    const reference = `BT-${id.slice(-10, -2).toUpperCase()}`;
    return {
      payment: paymentJson(payment),
      merchantAction: {
        actionType: 'SHOW_INSTRUCTIONS',
        showData: [
          { key: 'ACCOUNT_HOLDER', value: 'Worldline Mock Merchant B.V.' },
          { key: 'IBAN', value: 'NL91ABNA0417164300' },
          { key: 'BIC', value: 'ABNANL2A' },
          { key: 'AMOUNT', value: 'EUR 10.00' },
          { key: 'PAYMENT_REFERENCE', value: reference },
        ],
      },
    };
  }
  const payment: MockPayment = { id, status: '', statusCategory: '', output: input.output };
  if (input.cardNumber !== CHALLENGE_CARD) {
    setStatus(payment, input.cardNumber === '4000000000000002' ? 'REJECTED' : 'PENDING_APPROVAL');
    state(ctx).payments.set(id, payment);
    return { payment: paymentJson(payment) };
  }
  setStatus(payment, 'REDIRECTED');
  payment.returnUrl = input.returnUrl;
  payment.RETURNMAC = randomUUID();
  state(ctx).payments.set(id, payment);
  return {
    payment: paymentJson(payment),
    merchantAction: { actionType: 'REDIRECT', redirectData: { redirectURL: `${ctx.origin}/connect/3ds/${id}`, RETURNMAC: payment.RETURNMAC } },
  };
}

/** `GET /v1/{merchantId}/payments/{paymentId}` (`PaymentResponse`, l. 2153). A just-authenticated payment reports AUTHORIZATION_REQUESTED once, then its result. */
export function getPayment(ctx: MockContext, id: string): Record<string, unknown> | undefined {
  const payment = state(ctx).payments.get(id);
  if (!payment) return undefined;
  if (payment.settling !== undefined && payment.settling-- <= 0) {
    payment.settling = undefined;
    setStatus(payment, 'PENDING_APPROVAL');
  }
  return paymentJson(payment);
}

/**
 * `POST /v1/{merchantId}/hostedcheckouts` (`CreateHostedCheckoutResponse`, l. 719): `partialRedirectUrl`
 * is the checkout URL without protocol and subdomain; on loopback there is no subdomain, so the demo
 * prefixes `http://` where Worldline documents `https://payment.`.
 */
export function createHostedCheckout(ctx: MockContext, returnUrl: string): Record<string, unknown> {
  const id = randomUUID();
  const checkout: MockHostedCheckout = { id, status: 'IN_PROGRESS', returnUrl, RETURNMAC: randomUUID() };
  state(ctx).checkouts.set(id, checkout);
  const host = new URL(ctx.origin).host;
  return { RETURNMAC: checkout.RETURNMAC, hostedCheckoutId: id, merchantReference: `mock-${id.slice(0, 8)}`, partialRedirectUrl: `${host}/checkout/9991-${randomBytes(8).toString('hex')}:${id}:${randomBytes(8).toString('hex')}` };
}

/** `GET /v1/{merchantId}/hostedcheckouts/{id}` (`GetHostedCheckoutResponse`, l. 1309 with `CreatedPaymentOutput`, l. 847). */
export function getHostedCheckout(ctx: MockContext, id: string): Record<string, unknown> | undefined {
  const checkout = state(ctx).checkouts.get(id);
  if (!checkout) return undefined;
  const payment = checkout.paymentId ? getPayment(ctx, checkout.paymentId) : undefined;
  return payment ? { status: checkout.status, createdPaymentOutput: { payment } } : { status: checkout.status };
}

/** The RETURNMAC Worldline issued for a payment or checkout (what a real merchant server stored from the create answer). */
export function issuedMac(ctx: MockContext, kind: 'payment' | 'checkout', id: string): string | undefined {
  const s = state(ctx);
  return kind === 'payment' ? s.payments.get(id)?.RETURNMAC : s.checkouts.get(id)?.RETURNMAC;
}

const page = (title: string, body: string) =>
  html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`);

/** Back to the merchant's returnUrl with the parameters appended ("we will append this property and value to the query-string"). */
function backTo(returnUrl: string, params: Record<string, string>): MockResponse {
  const url = new URL(returnUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return redirect(url.href);
}

/** The pages the customer's browser visits on Worldline's side (mock issuer ACS and MyCheckout). */
export function paymentPageRoutes(ctx: MockContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/connect/3ds/:paymentId',
      server: 'worldline',
      cors: false,
      handle: (req) => {
        const payment = state(ctx).payments.get(req.params.paymentId!);
        if (!payment || payment.status !== 'REDIRECTED') return page('Unknown authentication', '<p>This authentication is unknown or finished.</p>');
        return page(
          'Mock issuer: confirm this payment',
          `<p>EUR 10.00 to Worldline Mock Merchant. This page stands for the card issuer's 3-D Secure challenge.</p>
           <form method="post" action="/connect/3ds/${payment.id}"><button name="result" value="ok">Confirm</button> <button name="result" value="cancel">Cancel</button></form>`,
        );
      },
    },
    {
      method: 'POST',
      path: '/connect/3ds/:paymentId',
      server: 'worldline',
      cors: false,
      handle: async (req) => {
        const payment = state(ctx).payments.get(req.params.paymentId!);
        if (!payment?.returnUrl || payment.status !== 'REDIRECTED') return page('Unknown authentication', '<p>This authentication is unknown or finished.</p>');
        const ok = (await req.formData()).get('result') === 'ok';
        if (ok) {
          setStatus(payment, 'AUTHORIZATION_REQUESTED');
          payment.settling = 1;
        } else setStatus(payment, 'CANCELLED');
        return backTo(payment.returnUrl, { RETURNMAC: payment.RETURNMAC!, REF: payment.id });
      },
    },
    {
      method: 'GET',
      path: '/checkout/:token',
      server: 'worldline',
      cors: false,
      handle: (req) => {
        const id = req.params.token!.split(':')[1] ?? '';
        const checkout = state(ctx).checkouts.get(id);
        if (!checkout || checkout.status !== 'IN_PROGRESS') return page('MyCheckout', '<p>This checkout is unknown or finished.</p>');
        return page(
          'MyCheckout (mock)',
          `<p>Pay EUR 10.00. Card data is typed here, on Worldline's page, never on the merchant's.</p>
           <form method="post" action="/checkout/${encodeURIComponent(req.params.token!)}"><button name="result" value="pay">Pay</button> <button name="result" value="cancel">Cancel</button></form>`,
        );
      },
    },
    {
      method: 'POST',
      path: '/checkout/:token',
      server: 'worldline',
      cors: false,
      handle: async (req) => {
        const id = req.params.token!.split(':')[1] ?? '';
        const checkout = state(ctx).checkouts.get(id);
        if (!checkout || checkout.status !== 'IN_PROGRESS') return page('MyCheckout', '<p>This checkout is unknown or finished.</p>');
        if ((await req.formData()).get('result') === 'pay') {
          const created = createPayment(ctx, { cardNumber: '4111111111111111', output: { paymentMethod: 'card' }, returnUrl: checkout.returnUrl });
          const payment = state(ctx).payments.get((created.payment as { id: string }).id)!;
          setStatus(payment, 'CAPTURED');
          checkout.status = 'PAYMENT_CREATED';
          checkout.paymentId = payment.id;
        } else checkout.status = 'CANCELLED_BY_CONSUMER';
        return backTo(checkout.returnUrl, { RETURNMAC: checkout.RETURNMAC, hostedCheckoutId: checkout.id });
      },
    },
  ];
}

export const notFound = (what: string): MockResponse => json({ errorId: randomUUID(), errors: [{ code: '1002', id: 'UNKNOWN_ID', message: `unknown ${what}`, httpStatusCode: 404 }] }, 404);
