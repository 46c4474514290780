// Fetch-API handlers for SBC: each answers what the browser's matching `baton-sdk/sbc` function reads.
import { ValidationError } from '../../core/errors.js';
import { allowOnly, errorResponse, handler } from '../answer-error.js';
import { ConfigError, SignatureError } from '../errors.js';
import { jsonResponse, readFields, seeOther, textResponse } from '../http.js';
import { verifyPaynetReturn, type VerifiedReturn } from './callback.js';
import { initiateSaleSignature, newNonce } from './sale-signature.js';
import { orderStatus, recall, remember, sbcConfig, sendFormOrder, UnknownOrderError, type PaynetFormOrder, type SbcConfig } from './server.js';

type Handler = (request: Request) => Promise<Response>;
/** Throw `ForbiddenError` when the signed-in customer may not see this order. */
type Authorize = (request: Request, orderId: string) => Promise<void> | void;

export interface SbcHandlerOptions {
  /**
   * Builds the order for a browser's `startHostedForm` POST, from YOUR records: the fields the
   * browser sent (`amountCentis`, `currency`, …) are a request, not a price list.
   */
  readonly order?: (request: Request, sent: ReadonlyMap<string, string>) => Promise<PaynetFormOrder> | PaynetFormOrder;
  /** `preauth-form` (default) or `sale-form`. */
  readonly formOperation?: 'preauth-form' | 'sale-form';
  /** For initiate-sale: your invoice id for the sale (your records). */
  readonly invoice?: (request: Request, sale: { amountCentis: number; currency: string }) => Promise<string> | string;
  /** The GET page the payer's return is sent on to (303), with `?orderId=` only. */
  readonly returnPage?: string;
  /** Called once per verified callback (a replay is answered `OK` without calling it again). */
  readonly onResult?: (result: VerifiedReturn) => Promise<void> | void;
  /** Checks the status asker owns the order. Without it, anyone holding an order id may read its status. */
  readonly authorize?: Authorize;
}

/**
 * The SBC handlers of a merchant server, over one config:
 * - `preauthForm`: `startHostedForm`'s POST → the gateway's answer, relayed as text;
 * - `initiateSale`: `initiateSale`'s JSON → `{ endpointId, invoiceId, session: { nonce, signature } }`;
 * - `callback`: the gateway's server callback (control checked, replay answered `OK` once handled);
 * - `return`: the payer's cross-site POST back → 303 to `returnPage?orderId=` (no other query);
 * - `status`: `awaitFinalStatus`'s `GET ?orderId=` → `{ orderId, paynetOrderId, status }`.
 */
export function sbcHandlers(config: SbcConfig, options: SbcHandlerOptions = {}): Record<'preauthForm' | 'initiateSale' | 'callback' | 'return' | 'status', Handler> {
  const settings = sbcConfig(config);
  const verified = async (result: VerifiedReturn, source: 'callback' | 'return') => {
    const known = await recall(settings.store, result.clientOrderId);
    // A final status already verified stands: the payer's return does not overwrite the callback.
    if (known && known.status !== 'processing' && known.source !== 'status-query') return;
    await remember(settings.store, { orderId: result.clientOrderId, paynetOrderId: known?.paynetOrderId ?? result.orderid, status: result.status, source });
  };

  return {
    preauthForm: handler(async (request) => {
      const refused = allowOnly(request, 'POST');
      if (refused) return refused;
      if (!options.order) throw new ConfigError('sbcHandlers options.order', 'is required for preauthForm');
      const order = await options.order(request, await readFields(request));
      const answer = await sendFormOrder(settings, order, options.formOperation);
      return textResponse(answer.body, answer.status >= 200 && answer.status < 300 ? 200 : 502);
    }),

    initiateSale: handler(async (request) => {
      const refused = allowOnly(request, 'POST');
      if (refused) return refused;
      if (!settings.saleSigningKey) throw new ConfigError('sbc config.saleSigningKey', 'is required for initiateSale');
      if (!options.invoice) throw new ConfigError('sbcHandlers options.invoice', 'is required for initiateSale');
      const body = (await request.json().catch(() => undefined)) as
        | { session?: { accessToken?: unknown }; consumer?: { device?: { serialNumber?: unknown } }; transaction?: { amountCentis?: unknown; currency?: unknown } }
        | undefined;
      const invalid = (message: string) => jsonResponse({ error: { cause: 'INVALID_REQUEST', code: 'INVALID_REQUEST', message } }, 400);
      const accessToken = body?.session?.accessToken;
      const serialNumber = body?.consumer?.device?.serialNumber;
      const amountCentis = body?.transaction?.amountCentis;
      const currency = body?.transaction?.currency;
      if (typeof accessToken !== 'string' || accessToken.length < 32 || accessToken.length > 128) return invalid('session.accessToken must be 32–128 characters');
      if (typeof serialNumber !== 'string' || serialNumber.length < 1 || serialNumber.length > 50) return invalid('consumer.device.serialNumber must be 1–50 characters');
      if (typeof amountCentis !== 'number' || !Number.isSafeInteger(amountCentis) || amountCentis <= 0) return invalid('transaction.amountCentis must be a positive integer');
      if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return invalid('transaction.currency must be ISO 4217 upper case');
      const endpointId = settings.endpointId ?? settings.endpointGroupId!;
      const invoiceId = await options.invoice(request, { amountCentis, currency });
      const nonce = newNonce();
      const signature = await initiateSaleSignature({ accessToken, serialNumber, endpointId, nonce, invoiceId, amountCentis, currency }, settings.saleSigningKey);
      return jsonResponse({ endpointId, invoiceId, session: { nonce, signature } });
    }),

    callback: async (request) => {
      const refused = allowOnly(request, 'GET', 'POST');
      if (refused) return refused;
      try {
        const result = await verifyPaynetReturn(await readFields(request), settings.merchantControl, settings.store, 'callback');
        await verified(result, 'callback');
        await options.onResult?.(result);
        return textResponse('OK');
      } catch (error) {
        // The gateway resends a callback it thinks was lost: answer it as done, act once.
        if (error instanceof SignatureError && error.reason === 'replayed') return textResponse('OK');
        return errorResponse(error);
      }
    },

    return: handler(async (request) => {
      const refused = allowOnly(request, 'POST');
      if (refused) return refused;
      if (!options.returnPage) throw new ConfigError('sbcHandlers options.returnPage', 'is required for the return handler');
      const fields = await readFields(request);
      let result: VerifiedReturn;
      try {
        result = await verifyPaynetReturn(fields, settings.merchantControl, settings.store, 'return');
      } catch (error) {
        if (!(error instanceof SignatureError && error.reason === 'replayed')) throw error;
        // A reload of the gateway's POST: the page asks the server for the status anyway.
        return seeOther(pageFor(options.returnPage, fields.get('client_orderid') ?? '', request));
      }
      await verified(result, 'return');
      return seeOther(pageFor(options.returnPage, result.clientOrderId, request));
    }),

    status: handler(async (request) => {
      const refused = allowOnly(request, 'GET');
      if (refused) return refused;
      const orderId = new URL(request.url).searchParams.get('orderId') ?? '';
      if (!orderId || orderId.length > 128) throw new ValidationError('status', [{ path: 'orderId', message: 'expected 1–128 characters' }]);
      await options.authorize?.(request, orderId);
      try {
        return jsonResponse(await orderStatus(settings, orderId));
      } catch (error) {
        if (error instanceof UnknownOrderError) return jsonResponse({ error: { code: 'UNKNOWN_ORDER', message: 'no such order' } }, 404);
        throw error;
      }
    }),
  };
}

/** `page` with `?orderId=` only: nothing else from the gateway's POST is carried onward. */
function pageFor(page: string, orderId: string, request: Request): string {
  const url = new URL(page, request.url);
  url.search = '';
  url.hash = '';
  url.searchParams.set('orderId', orderId);
  return url.href;
}
