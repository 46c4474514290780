import { sbcHandlers, type PaynetFormOrder } from 'baton-sdk/server';

/** From your environment (never from a request). */
export interface SbcEnv {
  /** The gateway with its path prefix, e.g. https://sandbox.sbctech.ru/paynet/ */
  SBC_GATEWAY: string;
  SBC_ENDPOINT_ID: string;
  SBC_LOGIN: string;
  SBC_MERCHANT_CONTROL: string;
  /** Where this server is reached, for the gateway's return and callback. */
  PUBLIC_URL: string;
}
/** Your own records: the order behind this request (amount in integer minor units). */
export type SbcOrderFor = (request: Request) => Promise<{ id: string; amountCentis: number; currency: string; email: string; ip: string }>;

export function sbcApp(env: SbcEnv, orderFor: SbcOrderFor): (request: Request) => Promise<Response> {
  const sbc = sbcHandlers(
    { gateway: env.SBC_GATEWAY, endpointId: env.SBC_ENDPOINT_ID, login: env.SBC_LOGIN, merchantControl: env.SBC_MERCHANT_CONTROL },
    {
      order: async (request): Promise<PaynetFormOrder> => {
        const order = await orderFor(request);
        return {
          client_orderid: order.id, order_desc: `Order ${order.id}`, amountCentis: order.amountCentis, currency: order.currency,
          email: order.email, ipaddress: order.ip,
          redirect_url: `${env.PUBLIC_URL}/api/sbc/return`, server_callback_url: `${env.PUBLIC_URL}/api/sbc/callback`,
          fields: { first_name: 'Ada', last_name: 'Lovelace', address1: '1 Main st', city: 'Riga', zip_code: 'LV-1050', country: 'LV', phone: '+37100000000' },
        };
      },
      returnPage: '/sbc-return.html', // a GET page: it reads ?orderId= and asks /api/sbc/status
    },
  );
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    '/api/sbc/preauth': sbc.preauthForm, '/api/sbc/return': sbc.return, '/api/sbc/callback': sbc.callback, '/api/sbc/status': sbc.status,
  };
  return async (request) => (await routes[new URL(request.url).pathname]?.(request)) ?? new Response('Not found', { status: 404 });
}
// Express: app.use(createServerAdapter(handle)); // @whatwg-node/server
