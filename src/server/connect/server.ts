// The Connect calls a merchant server makes, as plain functions over one config.
import { ProviderError, ValidationError } from '../../core/errors.js';
import { own } from '../config.js';
import { constantTimeEqual } from '../crypto.js';
import { SignatureError } from '../errors.js';
import { memoryStore } from '../store.js';
import { connectApi, type ConnectConfig } from './api.js';
import type { CreatePaymentResult, HostedCheckoutStart, HostedCheckoutStatus, MerchantAction, SessionResponse } from './types.js';

/** How long a kept `RETURNMAC` waits for the customer's return. */
const RETURN_TTL_MS = 24 * 60 * 60 * 1000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ConnectServer {
  /** `POST /v1/{merchantId}/sessions`: its answer is exactly what `connect.createClientSession` takes. */
  createSession(request?: { tokens?: readonly string[]; paymentProductFilters?: unknown }): Promise<SessionResponse>;
  /**
   * `POST /v1/{merchantId}/payments` with the browser's `encryptedCustomerInput` passed through.
   * Always sends `X-GCS-Idempotence-Key`: `idempotenceKey`, else the order's
   * `references.merchantReference`, else a random one. A network failure or 5xx is resent once,
   * with the same key (Connect then answers the first result, never a second charge).
   */
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  /** `POST /v1/{merchantId}/hostedcheckouts`; the `RETURNMAC` is kept (store) for the return. */
  createHostedCheckout(request: Record<string, unknown>): Promise<HostedCheckoutStart>;
  /**
   * After the customer's return (`?RETURNMAC=&hostedCheckoutId=`): compares `RETURNMAC` with the
   * kept one in constant time (`SignatureError` otherwise), then reads
   * `GET /v1/{merchantId}/hostedcheckouts/{id}`.
   */
  hostedCheckoutStatus(returned: { hostedCheckoutId: string; returnMac: string }): Promise<HostedCheckoutStatusResult>;
  /** After a payment's `REDIRECT` action: compares `RETURNMAC`, then reads `GET …/payments/{paymentId}`. */
  paymentStatus(returned: { paymentId: string; returnMac: string }): Promise<PaymentStatusResult>;
}

/** What `hostedCheckoutStatus` read: the status, and Worldline's answer exactly as received. */
export interface HostedCheckoutStatusResult extends HostedCheckoutStatus {
  readonly answer: unknown;
}

/** What `paymentStatus` read: the payment as Worldline answers it. */
export interface PaymentStatusResult {
  readonly payment: CreatePaymentResult['payment'];
}

export interface CreatePaymentInput {
  /** The browser's `session.encrypt(...)` result, unchanged. Absent only for a method without card data (give its input in `extra`). */
  readonly encryptedCustomerInput?: string;
  /** The order, set by your server (amount, currency, references): never taken from the browser. */
  readonly order: { readonly amountOfMoney: { readonly amount: number; readonly currencyCode: string }; readonly references?: { readonly merchantReference?: string }; readonly [key: string]: unknown };
  /** Other `CreatePaymentRequest` fields (e.g. `cardPaymentMethodSpecificInput` with a `returnUrl`). */
  readonly extra?: Record<string, unknown>;
  readonly idempotenceKey?: string;
}

/**
 * The Connect calls of a merchant server, signed with v1HMAC.
 *
 * @example
 * const connect = connectServer({ merchantId, apiKeyId, secretApiKey, endpoint: process.env.CONNECT_ENDPOINT! });
 * const session = await connect.createSession(); // → connect.createClientSession(session) in the browser
 */
export function connectServer(config: ConnectConfig): ConnectServer {
  const call = connectApi(config);
  const store = own(config, 'store') ?? memoryStore();
  const keep = (kind: string, id: string, mac: string) => store.set(`baton:connect:returnmac:${kind}:${id}`, mac, RETURN_TTL_MS);
  const check = async (kind: string, id: string, returnMac: string) => {
    if (typeof id !== 'string' || !ID.test(id)) throw new ValidationError('Connect return', [{ path: `${kind}Id`, message: 'expected an id' }]);
    const kept = await store.get(`baton:connect:returnmac:${kind}:${id}`);
    if (kept === undefined) throw new SignatureError('Connect return', 'unknown-key', `no RETURNMAC is kept for ${kind} ${id}`);
    if (typeof returnMac !== 'string' || !constantTimeEqual(returnMac, kept)) throw new SignatureError('Connect return', 'mismatch', 'RETURNMAC does not match the one kept');
  };

  return {
    async createSession(request = {}) {
      const answer = (await call({ method: 'POST', path: '/sessions', body: request })).body as Record<string, unknown> | undefined;
      for (const key of ['clientSessionId', 'customerId', 'clientApiUrl', 'assetUrl'] as const) {
        if (typeof answer?.[key] !== 'string' || answer[key] === '') throw new ValidationError('Connect session answer', [{ path: key, message: 'missing' }]);
      }
      const a = answer as { clientSessionId: string; customerId: string; clientApiUrl: string; assetUrl: string; invalidTokens?: string[]; region?: string };
      return { clientSessionId: a.clientSessionId, customerId: a.customerId, clientApiUrl: a.clientApiUrl, assetUrl: a.assetUrl, invalidTokens: Array.isArray(a.invalidTokens) ? a.invalidTokens : [], ...(a.region ? { region: a.region } : {}) };
    },

    async createPayment(input) {
      const what = 'createPayment input';
      const jwe = input?.encryptedCustomerInput;
      const methodInput = Object.keys(input?.extra ?? {}).some((key) => key.endsWith('PaymentMethodSpecificInput'));
      if (jwe === undefined ? !methodInput : typeof jwe !== 'string' || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/.test(jwe)) {
        throw new ValidationError(what, [{ path: 'encryptedCustomerInput', message: 'expected the compact JWE from session.encrypt() (or, for a method without card data, its …PaymentMethodSpecificInput in extra)' }]);
      }
      const amount = input.order?.amountOfMoney?.amount;
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
        throw new ValidationError(what, [{ path: 'order.amountOfMoney.amount', message: 'must be an integer of minor units (10.42 EUR = 1042), never a float' }]);
      }
      const idempotenceKey = input.idempotenceKey ?? input.order.references?.merchantReference ?? crypto.randomUUID();
      const body = { ...input.extra, ...(jwe === undefined ? {} : { encryptedCustomerInput: jwe }), order: input.order };
      const created = await call({ method: 'POST', path: '/payments', body, idempotenceKey, retries: 1 });
      const answer = created.body as { payment?: CreatePaymentResult['payment']; merchantAction?: MerchantAction } | undefined;
      const payment = answer?.payment;
      const creationOutput = (answer as { creationOutput?: unknown } | undefined)?.creationOutput;
      let merchantAction = answer?.merchantAction;
      const redirectData = merchantAction?.redirectData as { RETURNMAC?: unknown } | undefined;
      if (redirectData && typeof redirectData.RETURNMAC === 'string' && typeof payment?.id === 'string') {
        await keep('payment', payment.id, redirectData.RETURNMAC);
        const { RETURNMAC: _kept, ...rest } = redirectData;
        merchantAction = { ...merchantAction, redirectData: rest };
      }
      // Connect's whole answer as the browser may see it: RETURNMAC removed.
      const relayed = { ...(answer as Record<string, unknown>), ...(merchantAction ? { merchantAction } : {}) };
      return { payment, merchantAction, creationOutput, idempotenceKey, answer: relayed, httpStatus: created.status };
    },

    async createHostedCheckout(request) {
      const answer = (await call({ method: 'POST', path: '/hostedcheckouts', body: request })).body as Record<string, unknown> | undefined;
      const id = answer?.hostedCheckoutId;
      const mac = answer?.RETURNMAC;
      const partial = answer?.partialRedirectUrl;
      if (typeof id !== 'string' || typeof mac !== 'string' || typeof partial !== 'string' || !/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/.test(partial)) {
        throw new ProviderError('connect', 'INVALID_ANSWER', 'the hosted checkout answer lacks hostedCheckoutId, RETURNMAC or partialRedirectUrl', answer);
      }
      await keep('hostedCheckout', id, mac);
      return {
        hostedCheckoutId: id,
        partialRedirectUrl: partial,
        redirectUrl: `https://payment.${partial}`,
        merchantReference: typeof answer?.merchantReference === 'string' ? answer.merchantReference : undefined,
        invalidTokens: Array.isArray(answer?.invalidTokens) ? (answer.invalidTokens as string[]) : [],
      };
    },

    async hostedCheckoutStatus({ hostedCheckoutId, returnMac }) {
      await check('hostedCheckout', hostedCheckoutId, returnMac);
      const answer = (await call({ method: 'GET', path: `/hostedcheckouts/${encodeURIComponent(hostedCheckoutId)}`, retries: 1 })).body as
        | { status?: string; createdPaymentOutput?: { payment?: { id?: string; status?: string; statusOutput?: { statusCategory?: string } } } }
        | undefined;
      const payment = answer?.createdPaymentOutput?.payment;
      return { hostedCheckoutId, status: String(answer?.status ?? ''), paymentId: payment?.id, paymentStatus: payment?.status, statusCategory: payment?.statusOutput?.statusCategory, answer };
    },

    async paymentStatus({ paymentId, returnMac }) {
      await check('payment', paymentId, returnMac);
      // `GET …/payments/{id}` answers a `PaymentResponse`: the payment itself.
      return { payment: (await call({ method: 'GET', path: `/payments/${encodeURIComponent(paymentId)}`, retries: 1 })).body as CreatePaymentResult['payment'] };
    },
  };
}
