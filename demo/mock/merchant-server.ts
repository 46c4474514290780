// The demo's merchant server, built on `baton-sdk/server`: the copy-paste reference. In your app,
// import from 'baton-sdk/server'; the demo imports the sources so `npm run demo` needs no build.
// The providers it calls are the mocks on this same server (each checks what it receives with its
// own code), unless BATON_* environment variables point it at real sandboxes (docs/server.md).
import { connectServer, connectSessionHandler, memoryStore, saspHandlers, sbcHandlers, type PaynetFormOrder } from '../../src/server/index.js';
import type { MockContext, Route } from './route.js';
import type { MockRequest, MockResponse } from './http.js';

type Handler = (request: Request) => Promise<Response>;
const env = (name: string): string | undefined => (typeof process === 'undefined' ? undefined : process.env[name]) || undefined;

/** A mock route served by a Fetch-API handler: the Node request in, the handler's Response out. */
export function fetchRoute(method: Route['method'], path: string, handler: (ctx: MockContext) => Handler, ctx: MockContext): Route {
  return {
    method,
    path,
    server: 'merchant',
    handle: async (req: MockRequest): Promise<MockResponse> => {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(req.raw);
      const response = await handler(ctx)(new Request(req.url, { method: req.method, headers: req.headers, body }));
      return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
    },
  };
}

async function demoTokens(request: Request): Promise<readonly string[]> {
  const body = (await request.json().catch(() => ({}))) as { tokens?: unknown };
  return Array.isArray(body.tokens) ? body.tokens.filter((token): token is string => typeof token === 'string').slice(0, 50) : [];
}

export function merchantServerRoutes(ctx: MockContext): Route[] {
  // One store for the demo's one instance; several instances would share Redis or KV (docs/server.md).
  const store = memoryStore();
  const { worldline, sbc, sectigo } = ctx.secrets;

  const connect = () =>
    connectServer({
      merchantId: env('BATON_CONNECT_MERCHANT_ID') ?? worldline.merchantId,
      apiKeyId: env('BATON_CONNECT_API_KEY_ID') ?? worldline.apiKeyId,
      secretApiKey: env('BATON_CONNECT_SECRET_API_KEY') ?? worldline.secretApiKey,
      endpoint: env('BATON_CONNECT_ENDPOINT') ?? `${ctx.origin}/connect/server`,
      store,
    });

  // The demo's "cart": what the browser asks for is taken as the order. A real shop reads the
  // amount and order id from its own records, never from the request.
  const order = async (_request: Request, sent: ReadonlyMap<string, string>): Promise<PaynetFormOrder> => ({
    client_orderid: sent.get('client_orderid') || `ORD-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
    order_desc: sent.get('order_desc') || 'Baton demo order',
    amountCentis: Number(sent.get('amountCentis')),
    currency: sent.get('currency') || 'EUR',
    email: sent.get('email') || 'payer@example.com',
    ipaddress: '127.0.0.1',
    redirect_url: `${ctx.origin}/merchant/sbc/return`,
    server_callback_url: `${ctx.origin}/merchant/sbc/callback`,
    fields: {
      first_name: 'Demo', last_name: 'Payer', address1: '100 Main st', city: 'Seattle', zip_code: '98102', country: 'US', phone: '+12063582043', state: 'WA',
      ...(sent.get('merchant_form_data') ? { merchant_form_data: sent.get('merchant_form_data')! } : {}),
    },
  });
  const sbcFor = (group: boolean) =>
    sbcHandlers(
      {
        gateway: env('BATON_SBC_GATEWAY') ?? `${ctx.origin}/sbc/paynet/`,
        ...(group ? { endpointGroupId: sbc.endpointGroupId } : { endpointId: env('BATON_SBC_ENDPOINT_ID') ?? sbc.endpointId }),
        login: env('BATON_SBC_LOGIN') ?? sbc.login,
        merchantControl: env('BATON_SBC_MERCHANT_CONTROL') ?? sbc.merchantControl,
        store,
      },
      { order, returnPage: `${ctx.origin}/sbc-return.html` },
    );

  const sasp = () =>
    saspHandlers({
      loginName: env('BATON_SECTIGO_LOGIN_NAME') ?? sectigo.loginName,
      loginPassword: env('BATON_SECTIGO_LOGIN_PASSWORD') ?? sectigo.loginPassword,
      endpoint: env('BATON_SECTIGO_ENDPOINT') ?? `${ctx.origin}/sectigo/products/`,
      // The demo has no sign-in, so every order is "owned". YOUR authorize must check that the
      // signed-in customer owns orderNumber (throw ForbiddenError otherwise).
      authorize: () => undefined,
      store,
    });

  return [
    // The demo lets the page name saved tokens; a real shop takes the customer's tokens from its records.
    fetchRoute('POST', '/merchant/connect/session', () => connectSessionHandler(connect(), { tokens: demoTokens }), ctx),
    // Group orders (`endpoint=group` in the demo's form) go to the endpoint group's URL.
    fetchRoute('POST', '/merchant/sbc/preauth', () => async (request) => {
      const group = new URLSearchParams(await request.clone().text()).get('endpoint') === 'group';
      return sbcFor(group).preauthForm(request);
    }, ctx),
    fetchRoute('*', '/merchant/sbc/callback', () => sbcFor(false).callback, ctx),
    fetchRoute('*', '/merchant/sbc/return', () => sbcFor(false).return, ctx),
    fetchRoute('GET', '/merchant/sbc/status', () => sbcFor(false).status, ctx),
    fetchRoute('POST', '/merchant/sasp/session', () => sasp().session, ctx),
    fetchRoute('POST', '/merchant/sasp/status', () => sasp().status, ctx),
    fetchRoute('POST', '/merchant/sasp/action', () => sasp().action, ctx),
  ];
}
