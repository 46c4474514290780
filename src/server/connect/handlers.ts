// Fetch-API handlers over `connectServer`: each answers what the browser's matching function reads.
import { ValidationError } from '../../core/errors.js';
import { allowOnly, handler } from '../answer-error.js';
import { ConfigError } from '../errors.js';
import { jsonResponse, readFields } from '../http.js';
import type { CreatePaymentInput, ConnectServer } from './server.js';
import { verifyWebhook, type WebhookKeys } from './webhooks.js';

type Handler = (request: Request) => Promise<Response>;

/** `POST` → `createSession()`: the body is `connect.createClientSession`'s input. */
export function connectSessionHandler(server: ConnectServer, options: { tokens?: (request: Request) => Promise<readonly string[]> } = {}): Handler {
  return handler(async (request) => allowOnly(request, 'POST') ?? jsonResponse(await server.createSession(options.tokens ? { tokens: await options.tokens(request) } : {})));
}

export interface PaymentHandlerOptions {
  /**
   * The order for this request, from YOUR records (cart, session): amount, currency and merchant
   * reference never come from the browser. Throw `ForbiddenError` to refuse.
   */
  readonly order: (request: Request) => Promise<CreatePaymentInput['order']>;
  /** Other `CreatePaymentRequest` fields (a `returnUrl` for 3-D Secure, …), or `undefined`. */
  readonly extra?: (request: Request) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined;
}

/**
 * `POST { encryptedCustomerInput }` → Connect's create-payment answer (`payment`, `merchantAction`,
 * `creationOutput`) for the browser's `handleMerchantAction`, with Connect's status. `RETURNMAC` is
 * kept on the server, never answered. `extra(request)` may give a method's input without card data
 * (a bank transfer's `bankTransferPaymentMethodSpecificInput`).
 */
export function connectPaymentHandler(server: ConnectServer, options: PaymentHandlerOptions): Handler {
  if (typeof options?.order !== 'function') throw new ConfigError('connectPaymentHandler options.order', 'is required: the order comes from your records, never from the browser');
  return handler(async (request) => {
    const refused = allowOnly(request, 'POST');
    if (refused) return refused;
    const encryptedCustomerInput = (await readFields(request.clone())).get('encryptedCustomerInput');
    const extra = options.extra ? await options.extra(request) : undefined;
    if (!encryptedCustomerInput && !extra) throw new ValidationError('payment request', [{ path: 'encryptedCustomerInput', message: 'is required' }]);
    const order = await options.order(request);
    const result = await server.createPayment({ ...(encryptedCustomerInput ? { encryptedCustomerInput } : {}), order, ...(extra ? { extra } : {}) });
    // The create-payment answer as the browser's `handleMerchantAction` reads it, RETURNMAC removed.
    return jsonResponse(result.answer, result.httpStatus);
  });
}

/** `POST` → `{ hostedCheckoutId, partialRedirectUrl }` for the browser's `startHostedCheckout`; the request body comes from `checkout(request)` (your records). */
export function connectHostedCheckoutHandler(server: ConnectServer, options: { checkout: (request: Request) => Promise<Record<string, unknown>> }): Handler {
  if (typeof options?.checkout !== 'function') throw new ConfigError('connectHostedCheckoutHandler options.checkout', 'is required');
  return handler(async (request) => {
    const refused = allowOnly(request, 'POST');
    if (refused) return refused;
    const { hostedCheckoutId, partialRedirectUrl } = await server.createHostedCheckout(await options.checkout(request));
    return jsonResponse({ hostedCheckoutId, partialRedirectUrl });
  });
}

/**
 * The return page's status endpoint (the browser's `awaitPaymentStatus` POSTs what
 * `readConnectReturn` read: `RETURNMAC` with `hostedCheckoutId`, or with `REF`/`paymentId`). Compares
 * `RETURNMAC` with the kept one in constant time (403 otherwise), then answers Worldline's Get
 * hosted checkout or Get payment answer (`{ payment }`).
 */
export function connectStatusHandler(server: ConnectServer): Handler {
  return handler(async (request) => {
    const refused = allowOnly(request, 'POST');
    if (refused) return refused;
    const fields = await readFields(request);
    const returnMac = fields.get('RETURNMAC') ?? '';
    const hostedCheckoutId = fields.get('hostedCheckoutId');
    if (hostedCheckoutId) return jsonResponse((await server.hostedCheckoutStatus({ hostedCheckoutId, returnMac })).answer);
    // After a REDIRECT payment Worldline appends REF (the payment id) with RETURNMAC.
    const paymentId = fields.get('paymentId') ?? fields.get('REF');
    if (paymentId) return jsonResponse(await server.paymentStatus({ paymentId, returnMac }));
    throw new ValidationError('status request', [{ path: 'hostedCheckoutId', message: 'hostedCheckoutId or paymentId is required' }]);
  });
}

/**
 * Connect's webhook endpoint. `GET` answers the verification challenge (`X-GCS-Webhooks-Endpoint-Verification`
 * echoed); `POST` verifies the signature over the raw body before parsing, then calls `onEvent`.
 * 403 for a bad or unknown-key signature: nothing is parsed or acted on.
 */
export function connectWebhookHandler(options: { keys: WebhookKeys; onEvent: (event: unknown) => Promise<void> | void }): Handler {
  if (!options?.keys) throw new ConfigError('connectWebhookHandler options.keys', 'is required (secrets by key id, from your configuration)');
  if (typeof options.onEvent !== 'function') throw new ConfigError('connectWebhookHandler options.onEvent', 'is required');
  return handler(async (request) => {
    const challenge = request.headers.get('x-gcs-webhooks-endpoint-verification');
    if (request.method === 'GET' && challenge) return new Response(challenge, { headers: { 'content-type': 'text/plain' } });
    const refused = allowOnly(request, 'POST');
    if (refused) return refused;
    const event = await verifyWebhook(new Uint8Array(await request.arrayBuffer()), request.headers, options.keys);
    await options.onEvent(event);
    return new Response(null, { status: 200 });
  });
}
