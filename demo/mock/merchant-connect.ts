// The merchant server's Connect routes for completing a payment, built on `baton-sdk/server`:
// create the payment (relaying Connect's answer without RETURNMAC, which the server keeps), create a
// hosted checkout (relaying partialRedirectUrl), and answer the status after the customer's return
// once RETURNMAC matches (constant time). Connect itself is the mock Server API
// (demo/mock/connect-server-api.ts), which checks every call's v1HMAC signature with its own code.
import { connectHostedCheckoutHandler, connectPaymentHandler, connectServer, connectStatusHandler, memoryStore } from '../../src/server/index.js';
import type { MockContext, Route } from './route.js';
import { BANK_TRANSFER } from './connect-payments.js';
import { fetchRoute } from './merchant-server.js';

const env = (name: string): string | undefined => (typeof process === 'undefined' ? undefined : process.env[name]) || undefined;

export function merchantConnectRoutes(ctx: MockContext): Route[] {
  // Kept RETURNMACs: one store for the demo's one instance (several instances: Redis or KV).
  const store = memoryStore();
  const { merchantId, apiKeyId, secretApiKey } = ctx.secrets.worldline;
  const server = () =>
    connectServer({
      merchantId: env('BATON_CONNECT_MERCHANT_ID') ?? merchantId,
      apiKeyId: env('BATON_CONNECT_API_KEY_ID') ?? apiKeyId,
      secretApiKey: env('BATON_CONNECT_SECRET_API_KEY') ?? secretApiKey,
      endpoint: env('BATON_CONNECT_ENDPOINT') ?? `${ctx.origin}/connect/server`,
      store,
    });
  /** Where Worldline sends the customer back (the demo's return page). */
  const returnUrl = () => `${ctx.origin}/connect-return.html`;
  // The demo's cart: EUR 10.00. A real shop takes the order from its own records.
  const order = async () => ({ amountOfMoney: { amount: 1000, currencyCode: 'EUR' } });

  return [
    fetchRoute(
      'POST',
      '/merchant/connect/payments',
      () =>
        connectPaymentHandler(server(), {
          order,
          // A card: the 3-D Secure return URL. Bank transfer (product 11): no card data, its own input.
          extra: async (request) => {
            const body = (await request.clone().json().catch(() => ({}))) as { paymentProductId?: unknown };
            return body.paymentProductId === BANK_TRANSFER
              ? { bankTransferPaymentMethodSpecificInput: { paymentProductId: BANK_TRANSFER } }
              : { cardPaymentMethodSpecificInput: { returnUrl: returnUrl() } };
          },
        }),
      ctx,
    ),
    fetchRoute(
      'POST',
      '/merchant/connect/hosted-checkout',
      () => connectHostedCheckoutHandler(server(), { checkout: async () => ({ order: await order(), hostedCheckoutSpecificInput: { returnUrl: returnUrl() } }) }),
      ctx,
    ),
    fetchRoute('POST', '/merchant/connect/status', () => connectStatusHandler(server()), ctx),
  ];
}
