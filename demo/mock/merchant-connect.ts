// The merchant server's Connect routes for completing a payment: create the payment (relaying its
// merchantAction, keeping RETURNMAC), create a hosted checkout (relaying partialRedirectUrl, keeping
// RETURNMAC), and answer the status after the customer's return once RETURNMAC matches.
// Small on purpose: `baton-sdk/server` (issue 25) will replace the calls to the provider mock with
// its createPayment / createHostedCheckout / RETURNMAC compare, behind these same routes.
import { timingSafeEqual } from 'node:crypto';
import type { MockContext, Route } from './route.js';
import { platformCreateCardPayment } from './connect.js';
import { createHostedCheckout, createPayment, getHostedCheckout, getPayment, issuedMac, notFound } from './connect-payments.js';
import { json, type MockRequest } from './http.js';

/** Where Worldline sends the customer back (the demo's return page). */
const returnUrl = (ctx: MockContext) => `${ctx.origin}/connect-return.html`;

function body(req: MockRequest): Record<string, unknown> {
  try {
    const value = req.raw.length ? req.json() : {};
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A constant-time compare of the RETURNMAC that came back with the one Worldline issued. */
function macMatches(sent: unknown, issued: string | undefined): boolean {
  if (typeof sent !== 'string' || !issued) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(issued);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The action relayed to the browser without its RETURNMAC: the merchant server keeps it. */
function withoutMac(answer: Record<string, unknown>): Record<string, unknown> {
  const action = answer.merchantAction as { redirectData?: Record<string, unknown> } | undefined;
  if (!action?.redirectData) return answer;
  const { RETURNMAC: _kept, ...redirectData } = action.redirectData;
  return { ...answer, merchantAction: { ...action, redirectData } };
}

export function merchantConnectRoutes(ctx: MockContext): Route[] {
  return [
    {
      // POST /v1/{merchantId}/payments on the browser's behalf: a card (encryptedCustomerInput) or a
      // bank transfer (paymentProductId 11). The answer goes back with the action, minus RETURNMAC.
      method: 'POST',
      path: '/merchant/connect/payments',
      server: 'merchant',
      handle: (req) => {
        const input = body(req);
        if (input.paymentProductId === 11) return json(createPayment(ctx, { bankTransfer: true }), 201);
        const answer = platformCreateCardPayment(ctx, input.encryptedCustomerInput, returnUrl(ctx));
        if ((answer.status ?? 200) >= 300) return answer;
        return json(withoutMac(JSON.parse(String(answer.body)) as Record<string, unknown>), answer.status);
      },
    },
    {
      // POST /v1/{merchantId}/hostedcheckouts; the browser gets what it needs to go there.
      method: 'POST',
      path: '/merchant/connect/hosted-checkout',
      server: 'merchant',
      handle: () => {
        const { partialRedirectUrl, hostedCheckoutId } = createHostedCheckout(ctx, returnUrl(ctx));
        return json({ partialRedirectUrl, hostedCheckoutId }, 201);
      },
    },
    {
      // After the return: RETURNMAC must be the one issued for this checkout or payment; then the
      // status is Worldline's answer (Get hosted checkout or Get payment), relayed.
      method: 'POST',
      path: '/merchant/connect/status',
      server: 'merchant',
      handle: (req) => {
        const input = body(req);
        const checkoutId = typeof input.hostedCheckoutId === 'string' ? input.hostedCheckoutId : undefined;
        const paymentId = typeof input.REF === 'string' ? input.REF : typeof input.paymentId === 'string' ? input.paymentId : undefined;
        const id = checkoutId ?? paymentId;
        if (!id) return json({ error: 'hostedCheckoutId, REF or paymentId is required' }, 400);
        if (!macMatches(input.RETURNMAC, issuedMac(ctx, checkoutId ? 'checkout' : 'payment', id))) return json({ error: 'RETURNMAC does not match' }, 403);
        const answer = checkoutId ? getHostedCheckout(ctx, checkoutId) : getPayment(ctx, id);
        return answer ? json(answer) : notFound(checkoutId ? 'hostedCheckoutId' : 'paymentId');
      },
    },
  ];
}
