import { connectPaymentHandler, connectServer, connectSessionHandler, connectStatusHandler } from 'baton-sdk/server';

/** From your environment (never from a request). */
export interface ConnectEnv {
  CONNECT_MERCHANT_ID: string;
  CONNECT_API_KEY_ID: string;
  CONNECT_SECRET_API_KEY: string;
  /** Worldline's sandbox or live Server API URL, from your account's documentation. */
  CONNECT_ENDPOINT: string;
}
/** Your own records: what this customer is paying for. */
export type OrderFor = (request: Request) => Promise<{ amount: number; currencyCode: string; reference: string }>;

/** One Fetch handler for the three routes the browser calls. */
export function connectApp(env: ConnectEnv, orderFor: OrderFor): (request: Request) => Promise<Response> {
  const connect = connectServer({
    merchantId: env.CONNECT_MERCHANT_ID,
    apiKeyId: env.CONNECT_API_KEY_ID,
    secretApiKey: env.CONNECT_SECRET_API_KEY,
    endpoint: env.CONNECT_ENDPOINT,
  });
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    '/api/connect/session': connectSessionHandler(connect),
    '/api/connect/payment': connectPaymentHandler(connect, {
      order: async (request) => {
        const { amount, currencyCode, reference } = await orderFor(request);
        return { amountOfMoney: { amount, currencyCode }, references: { merchantReference: reference } };
      },
    }),
    '/api/connect/status': connectStatusHandler(connect),
  };
  return async (request) => (await routes[new URL(request.url).pathname]?.(request)) ?? new Response('Not found', { status: 404 });
}
// Hono:    app.all('/api/connect/*', (c) => handle(c.req.raw));
// Express: app.use(createServerAdapter(handle)); // @whatwg-node/server
