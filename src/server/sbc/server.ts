// The SBC (PaynetEasy) calls of a merchant server: preauth-form / sale-form and status, signed
// with `control`; order ids and final statuses kept in the store.
import { ProviderError, ValidationError } from '../../core/errors.js';
import { configObject, field, own, secretOf } from '../config.js';
import { assertSafeEndpoint } from '../endpoint.js';
import { ConfigError } from '../errors.js';
import { send, type FetchLike } from '../fetch.js';
import { memoryStore, type BatonStore } from '../store.js';
import { decimalFromMinorUnits, paynetControl } from './control.js';
import type { SaleSigningKey } from './sale-signature.js';

export interface SbcConfig {
  /** The gateway's base URL with its path prefix, e.g. `https://sandbox.sbctech.ru/paynet/`. */
  readonly gateway: string;
  /** Your endpoint id; or `endpointGroupId` (exactly one). */
  readonly endpointId?: string;
  readonly endpointGroupId?: string;
  /** Your merchant login (the `status` query signs it). */
  readonly login?: string;
  /** Your merchant control key. From your configuration (env), never from a request. */
  readonly merchantControl: string;
  /** For initiate-sale only: the `session.signature` key and its encoding. */
  readonly saleSigningKey?: SaleSigningKey;
  readonly store?: BatonStore;
  readonly fetch?: FetchLike;
  /** Per call. Default 30 000 ms. */
  readonly timeoutMs?: number;
}

/** A hosted-form order. Amount in integer minor units; the rest as PaynetEasy names it. */
export interface PaynetFormOrder {
  readonly client_orderid: string;
  readonly order_desc: string;
  /** Integer minor units (`1042`); sent as `amount=10.42`, signed as `1042`. */
  readonly amountCentis: number;
  readonly currency: string;
  readonly email: string;
  readonly ipaddress: string;
  readonly redirect_url?: string;
  readonly server_callback_url?: string;
  /** Any other documented field (`first_name`, `address1`, `city`, `zip_code`, `country`, `phone`, `state`, `merchant_form_data`, …). */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface SbcStatus {
  readonly orderId: string;
  readonly paynetOrderId: string | undefined;
  /** `approved`, `declined`, `filtered`, `error` (final) or `processing`, `unknown`. */
  readonly status: string;
  /** Where the status came from: the order just sent, a verified callback or return, or the gateway's status query. */
  readonly source: 'created' | 'callback' | 'return' | 'status-query';
}

const DAY = 24 * 60 * 60 * 1000;
const STATUS_TTL = 30 * DAY;
/** At most one gateway status query per order in this time (PaynetEasy asks for polls 3–5 s apart). */
const QUERY_GAP_MS = 2_000;

export function sbcConfig(config: SbcConfig) {
  configObject(config, 'sbc config');
  const gateway = assertSafeEndpoint(own(config, 'gateway'), 'sbc config.gateway');
  const endpointId = own(config, 'endpointId');
  const endpointGroupId = own(config, 'endpointGroupId');
  if (!endpointId === !endpointGroupId) throw new ConfigError('sbc config.endpointId', 'give exactly one of endpointId and endpointGroupId');
  return {
    gateway: gateway.href.endsWith('/') ? gateway.href : `${gateway.href}/`,
    endpointId,
    endpointGroupId,
    login: own(config, 'login'),
    merchantControl: secretOf(config, 'merchantControl', 'sbc config'),
    saleSigningKey: own(config, 'saleSigningKey'),
    store: own(config, 'store') ?? memoryStore(),
    fetch: own(config, 'fetch'),
    timeoutMs: own(config, 'timeoutMs') ?? 30_000,
  };
}
export type SbcSettings = ReturnType<typeof sbcConfig>;

/** The gateway's answer to a form order, as received: relay it to the browser unchanged. */
export interface FormOrderAnswer {
  /** The gateway's HTTP status. */
  readonly status: number;
  /** The gateway's body (`type=async-form-response&…` or an error document). */
  readonly body: string;
}

/**
 * Signs and sends a `preauth-form` (or `sale-form`) order; returns the gateway's raw answer
 * (for `sbc.startHostedForm` / `parseFormResponse` in the browser) and keeps the order ids.
 * Everything is checked before anything is sent.
 */
export async function sendFormOrder(settings: SbcSettings, order: PaynetFormOrder, operation: 'preauth-form' | 'sale-form' = 'preauth-form'): Promise<FormOrderAnswer> {
  const what = `${operation} order`;
  const clientOrderId = field(order?.client_orderid, what, 'client_orderid', 128);
  const control = await paynetControl(
    operation,
    { endpointid: settings.endpointId, endpointgroupid: settings.endpointGroupId, client_orderid: clientOrderId, amountCentis: order.amountCentis, email: field(order.email, what, 'email', 50) },
    settings.merchantControl,
  );
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(order.fields ?? {})) {
    if (/control/i.test(key)) throw new ValidationError(what, [{ path: `fields.${key}`, message: 'control is computed here, never passed in' }]);
    form.set(key, field(value, what, `fields.${key}`, 1024));
  }
  form.set('client_orderid', clientOrderId);
  form.set('order_desc', field(order.order_desc, what, 'order_desc', 125));
  form.set('amount', decimalFromMinorUnits(order.amountCentis));
  form.set('currency', field(order.currency, what, 'currency', 3));
  form.set('email', order.email);
  form.set('ipaddress', field(order.ipaddress, what, 'ipaddress', 45));
  if (order.redirect_url) form.set('redirect_url', field(order.redirect_url, what, 'redirect_url', 1024));
  if (order.server_callback_url) form.set('server_callback_url', field(order.server_callback_url, what, 'server_callback_url', 1024));
  form.set('control', control);
  const target = settings.endpointId ? encodeURIComponent(settings.endpointId) : `group/${encodeURIComponent(settings.endpointGroupId!)}`;
  const url = new URL(`api/v2/${operation}/${target}`, settings.gateway);
  const answer = await send(settings.fetch, new Request(url, { method: 'POST', body: form }), settings.timeoutMs);
  const paynetOrderId = new URLSearchParams(answer.text.replace(/\r?\n/g, '')).get('paynet-order-id')?.trim();
  if (paynetOrderId) await remember(settings.store, { orderId: clientOrderId, paynetOrderId, status: 'processing', source: 'created' });
  return { status: answer.status, body: answer.text };
}

/**
 * The order's status: a final one already verified (callback, return) from the store, else the
 * gateway's `status` query (control = sha1(login + client_orderid + orderid + key)).
 */
export async function orderStatus(settings: SbcSettings, orderId: string): Promise<SbcStatus> {
  const known = await recall(settings.store, orderId);
  if (!known) throw new UnknownOrderError(orderId);
  if (known.status !== 'processing' || !known.paynetOrderId) return known;
  // The browser may poll often: ask the gateway at most once per QUERY_GAP_MS per order.
  if (!(await settings.store.add(`baton:sbc:asked:${orderId}`, '1', QUERY_GAP_MS))) return known;
  if (!settings.login) throw new ConfigError('sbc config.login', 'is required to query the gateway status');
  const control = await paynetControl('status', { login: settings.login, client_orderid: orderId, orderid: known.paynetOrderId }, settings.merchantControl);
  const form = new URLSearchParams({ login: settings.login, client_orderid: orderId, orderid: known.paynetOrderId, control });
  const target = settings.endpointId ? encodeURIComponent(settings.endpointId) : `group/${encodeURIComponent(settings.endpointGroupId!)}`;
  const answer = await send(settings.fetch, new Request(new URL(`api/v2/status/${target}`, settings.gateway), { method: 'POST', body: form }), settings.timeoutMs);
  const fields = new URLSearchParams(answer.text.replace(/\r?\n/g, ''));
  const type = (fields.get('type') ?? '').trim().toLowerCase();
  if (type !== 'status-response') throw new ProviderError('sbc', fields.get('error-code') ?? type ?? 'error', fields.get('error-message') ?? 'the status query failed', { type });
  const status = (fields.get('status') ?? 'unknown').trim().toLowerCase();
  const result: SbcStatus = { orderId, paynetOrderId: known.paynetOrderId, status, source: 'status-query' };
  if (status !== 'processing') await remember(settings.store, result);
  return result;
}

/** No order with this id was sent from this server (the status handler answers 404). */
export class UnknownOrderError extends ValidationError {
  constructor(orderId: string) {
    super('status', [{ path: 'orderId', message: 'no such order was sent from this server', received: orderId.slice(0, 64) }]);
  }
}

export async function remember(store: BatonStore, status: SbcStatus): Promise<void> {
  await store.set(`baton:sbc:order:${status.orderId}`, JSON.stringify(status), STATUS_TTL);
}

export async function recall(store: BatonStore, orderId: string): Promise<SbcStatus | undefined> {
  const raw = await store.get(`baton:sbc:order:${orderId}`);
  return raw ? (JSON.parse(raw) as SbcStatus) : undefined;
}
