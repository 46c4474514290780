// Mock of SBC (a PaynetEasy white label) and of the merchant server's SBC side.
//
// Gateway (`/sbc/paynet/…`), as specs/sbc-preauth-form.txt (cited below as "preauth-form.txt:N")
// documents it and no more: preauth-form (endpoint and group URLs, SHA-1 `control` checked), the
// hosted payment form under `/paynet/form/init/<hex>`, a server callback to the merchant and the
// payer's POST back. No CORS: the document promises none (every gateway route has `cors: false`),
// and nothing on the gateway is meant to be called by a browser script — preauth-form is the
// merchant server's call, the form is a page the payer is sent to.
// Test cards on the hosted form:
//   4444555566661111 → approved      4000000000000002 → declined
//   4000000000000069 → filtered      anything else    → the form again, with an error
//
// Merchant (`/merchant/sbc/…`, our own server, CORS for the test page): initiate-sale (a test
// double with failure triggers, for the browser's retry rules) and `__stats` (request counters).
// The merchant's preauth, callback, return and status are demo/mock/merchant-server.ts, built on
// baton-sdk/server.
// Initiate-sale triggers: amountCentis 666 → FILTERED; serial `server-failed` → SERVER_FAILED;
// serial `invalid-request…` → INVALID_REQUEST; serial `unavailable-N[-tag]` → N answers
// SERVER_UNAVAILABLE, then success; `http503-N[-tag]` → N bare HTTP 503, then success;
// `unavailable-forever[-tag]` / `http503-forever[-tag]` → always. Counts per serial at `__stats`.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { MockContext, Route } from './route.js';
import { html, json, redirect, text, type MockRequest } from './http.js';

type Status = 'processing' | 'approved' | 'declined' | 'filtered' | 'error';

interface GatewayOrder {
  paynetOrderId: string;
  /** The hex token of the form's URL (`/paynet/form/init/<hex>`, preauth-form.txt:211). */
  formToken: string;
  clientOrderId: string;
  endpoint: string;
  amount: string;
  currency: string;
  orderDesc: string;
  /** Where the payer goes back: one URL for every status, or success/fail (preauth-form.txt:69-90). */
  returnUrls: { always: string } | { success: string; fail: string } | undefined;
  callbackUrl: string | undefined;
  formData: Map<string, string>;
  status: Status;
}

interface SbcState {
  gateway: Map<string, GatewayOrder>;
  forms: Map<string, GatewayOrder>;
  initiateCalls: Map<string, number>;
  nextOrder: number;
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
// The project's currencies: the document's fail example refuses USD for a RUB project
// (preauth-form.txt:225-228); the mock's project takes these three.
const PROJECT_CURRENCIES = ['USD', 'EUR', 'RUB'];
// Parameters marked "Necessity : Required" (preauth-form.txt:18-65; e-mail's name is lost in the
// table at :45, the request example names it `email` at :178).
const REQUIRED = ['client_orderid', 'order_desc', 'amount', 'currency', 'address1', 'city', 'zip_code', 'country', 'phone', 'email', 'ipaddress', 'control', 'first_name', 'last_name'];
// "Required for USA, Canada and Australia" (preauth-form.txt:66-68).
const STATE_REQUIRED = ['US', 'CA', 'AU'];

function state(ctx: MockContext): SbcState {
  let s = ctx.state.get('sbc') as SbcState | undefined;
  if (!s) {
    s = { gateway: new Map(), forms: new Map(), initiateCalls: new Map(), nextOrder: 6863100 };
    ctx.state.set('sbc', s);
  }
  return s;
}

/**
 * The gateway's urlencoded answer in the document's layout: one pair a line, `&` leading, served
 * as `text/html;charset=utf-8` (preauth-form.txt:198, 207-211, 225-228).
 */
function paynetAnswer(fields: Record<string, string>): ReturnType<typeof text> {
  const body = Object.entries(fields)
    .map(([k, v], i) => `${i ? '&' : ''}${k}=${encodeURIComponent(v)}`)
    .join('\n');
  return text(`${body}\n`, 200, 'text/html;charset=utf-8');
}

async function fields(req: MockRequest): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [k, v] of await req.formData()) if (typeof v === 'string' && !out.has(k)) out.set(k, v);
  return out;
}

/** Major units (`10.42`, preauth-form.txt:25) to minor units (`1042`), as `control` wants them (:55). */
const minor = (amount: string) => String(Math.round(Number(amount) * 100));

export function sbcRoutes(ctx: MockContext): Route[] {
  const secrets = ctx.secrets.sbc;

  async function preauthForm(req: MockRequest, endpoint: string, known: string) {
    const f = await fields(req);
    const serial = `00000000-0000-0000-0000-${randomBytes(6).toString('hex')}`;
    // The error layout is documented (type, error-message, error-code: preauth-form.txt:145,
    // 152-155) but only one code value is (16, :225-228). Elsewhere the mock sends the message and
    // no code rather than invent one: Baton must cope with a missing code.
    const fail = (message: string, code?: string) =>
      paynetAnswer({ type: 'validation-error', 'serial-number': serial, 'error-message': message, ...(code && { 'error-code': code }) });
    if (endpoint !== known) return fail(`Endpoint ${endpoint} not found`);
    for (const name of REQUIRED) {
      if (!f.get(name)) return fail(`Field ${name} is required`);
    }
    const country = f.get('country')!.toUpperCase();
    if (STATE_REQUIRED.includes(country) && !/^[A-Za-z]{2}$/.test(f.get('state') ?? '')) {
      return fail(`Field state is required for country ${country}`);
    }
    const amount = f.get('amount')!;
    // "highest units with . delimiter", "Numeric Length : 10" (preauth-form.txt:25-26).
    if (!/^\d{1,8}(\.\d{1,2})?$/.test(amount)) return fail('Field amount must be a decimal in major units');
    // control = SHA-1(endpoint + client_orderid + amount in minor units + email + merchant_control) (:51-57).
    const expected = sha1(endpoint + f.get('client_orderid') + minor(amount) + f.get('email') + secrets.merchantControl);
    if (f.get('control')!.toLowerCase() !== expected) return fail('Control code check failed');
    const currency = f.get('currency')!;
    if (!PROJECT_CURRENCIES.includes(currency)) return fail(`Project with currency RUB does not apply request with currency ${currency}`, '16');
    // "Use either redirect_url or combination of redirect_success_url and redirect_fail_url, not both" (:74, :81, :88).
    const always = f.get('redirect_url');
    const success = f.get('redirect_success_url');
    const failUrl = f.get('redirect_fail_url');
    if (always && (success || failUrl)) return fail('Use either redirect_url or redirect_success_url and redirect_fail_url, not both');
    if (!success !== !failUrl) return fail('redirect_success_url and redirect_fail_url go together');
    for (const url of [always, success, failUrl]) {
      if (url !== undefined && url.length > 1024) return fail('Redirect URL is longer than 1024 characters'); // "Length : 1024" (:76, :83, :90)
    }

    const s = state(ctx);
    const paynetOrderId = String(s.nextOrder++);
    const order: GatewayOrder = {
      paynetOrderId,
      formToken: randomBytes(32).toString('hex').toUpperCase(),
      clientOrderId: f.get('client_orderid')!,
      endpoint,
      amount,
      currency,
      orderDesc: f.get('order_desc')!,
      returnUrls: always ? { always } : success && failUrl ? { success, fail: failUrl } : undefined,
      callbackUrl: f.get('server_callback_url'),
      formData: parseMerchantFormData(f.get('merchant_form_data')),
      status: 'processing',
    };
    s.gateway.set(paynetOrderId, order);
    s.forms.set(order.formToken, order);
    return paynetAnswer({
      type: 'async-form-response',
      'serial-number': serial,
      'merchant-order-id': order.clientOrderId,
      'paynet-order-id': paynetOrderId,
      // The hosted form, as in the success example (preauth-form.txt:211).
      'redirect-url': `${ctx.origin}/sbc/paynet/form/init/${order.formToken}`,
    });
  }

  async function pay(req: MockRequest) {
    const order = state(ctx).forms.get(req.params.token!);
    if (!order) return html(page('Unknown order', '<p>No such order.</p>'), 404);
    if (order.status !== 'processing') return html(page('Already paid', `<p>This order is ${order.status}.</p>`), 409);
    const card = String((await fields(req)).get('card_number') ?? '').replace(/\s+/g, '');
    const status: Status | undefined =
      card === '4444555566661111' ? 'approved' : card === '4000000000000002' ? 'declined' : card === '4000000000000069' ? 'filtered' : undefined;
    if (!status) return html(formPage(order, 'Use a test card: 4444555566661111 approves, 4000000000000002 declines.'), 422);
    order.status = status;
    // The return's fields and control = SHA-1(status + orderid + client_orderid + merchant_control)
    // (DESIGN.md, SBC notes, lines 144-155): `orderid` is the gateway's id.
    const params = {
      status,
      orderid: order.paynetOrderId,
      merchant_order: order.clientOrderId,
      client_orderid: order.clientOrderId,
      amount: order.amount,
      currency: order.currency,
      control: sha1(status + order.paynetOrderId + order.clientOrderId + secrets.merchantControl),
    };
    // Server callback first (the merchant's source of truth, preauth-form.txt:103-106), then the payer.
    if (order.callbackUrl) {
      const url = new URL(order.callbackUrl);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      await fetch(url).catch(() => undefined);
    }
    // redirect_url in any final status (:70-71); else success for approved, fail otherwise (:78, :85).
    const back = order.returnUrls && ('always' in order.returnUrls ? order.returnUrls.always : status === 'approved' ? order.returnUrls.success : order.returnUrls.fail);
    if (!back) return html(page('Payment finished', `<p>This order is ${esc(status)}. You may close this page.</p>`));
    // The payer returns by a cross-site POST (DESIGN.md:144-145): an auto-submitted form.
    return html(returnPage(back, params));
  }

  /**
   * The `status` query. Not in specs/; from PaynetEasy's PHP library (Query/StatusQuery.php: fields
   * client_orderid, orderid, login; control = sha1(login + client_orderid + orderid + key); answer
   * type `status-response`). A wrong control is refused as preauth-form refuses one.
   */
  async function statusQuery(req: MockRequest, endpoint: string, known: string) {
    const f = await fields(req);
    const serial = `00000000-0000-0000-0000-${randomBytes(6).toString('hex')}`;
    const fail = (message: string) => paynetAnswer({ type: 'validation-error', 'serial-number': serial, 'error-message': message });
    if (endpoint !== known) return fail(`Endpoint ${endpoint} not found`);
    for (const name of ['login', 'client_orderid', 'orderid', 'control']) if (!f.get(name)) return fail(`Field ${name} is required`);
    if (f.get('login') !== secrets.login) return fail('Login is not valid');
    const expected = sha1(f.get('login')! + f.get('client_orderid')! + f.get('orderid')! + secrets.merchantControl);
    if (f.get('control') !== expected) return fail('Control code check failed');
    const order = state(ctx).gateway.get(f.get('orderid')!);
    if (!order || order.clientOrderId !== f.get('client_orderid')) return fail('Order not found');
    return paynetAnswer({ type: 'status-response', status: order.status, 'paynet-order-id': order.paynetOrderId, 'merchant-order-id': order.clientOrderId, 'serial-number': serial });
  }

  // Every gateway route: no CORS, the document promises none.
  return [
    { method: 'POST', path: '/sbc/paynet/api/v2/status/:endpointId', server: 'sbc', cors: false, handle: (req) => statusQuery(req, req.params.endpointId!, secrets.endpointId) },
    // Endpoint and group URLs (preauth-form.txt:8-11), POST only (:3).
    { method: 'POST', path: '/sbc/paynet/api/v2/preauth-form/:endpointId', server: 'sbc', cors: false, handle: (req) => preauthForm(req, req.params.endpointId!, secrets.endpointId) },
    { method: 'POST', path: '/sbc/paynet/api/v2/preauth-form/group/:groupId', server: 'sbc', cors: false, handle: (req) => preauthForm(req, req.params.groupId!, secrets.endpointGroupId) },
    {
      // The hosted form the payer is redirected to (preauth-form.txt:156-157, 211).
      method: 'GET',
      path: '/sbc/paynet/form/init/:token',
      server: 'sbc',
      cors: false,
      handle: (req) => {
        const order = state(ctx).forms.get(req.params.token!);
        return order ? html(formPage(order)) : html(page('Unknown order', '<p>No such order.</p>'), 404);
      },
    },
    { method: 'POST', path: '/sbc/paynet/form/init/:token', server: 'sbc', cors: false, handle: pay },
    ...merchantSbcRoutes(ctx),
  ];
}

function merchantSbcRoutes(ctx: MockContext): Route[] {
  const secrets = ctx.secrets.sbc;

  function initiateSale(req: MockRequest) {
    const s = state(ctx);
    let body: any;
    try {
      body = req.json();
    } catch {
      body = undefined;
    }
    const serial: unknown = body?.consumer?.device?.serialNumber;
    const key = typeof serial === 'string' ? serial : '(none)';
    const count = (s.initiateCalls.get(key) ?? 0) + 1;
    s.initiateCalls.set(key, count);
    const failure = (cause: string, code: string, message: string, status: number) => json({ error: { cause, code, message } }, status);

    const problems = saleProblems(body);
    if (problems.length) return failure('INVALID_REQUEST', 'SBC-400', problems.join('; '), 400);
    const flaky = /^(unavailable|http503)-(\d+|forever)(-\w+)?$/.exec(key);
    if (flaky && (flaky[2] === 'forever' || count <= Number(flaky[2]))) {
      return flaky[1] === 'http503'
        ? text('Service Unavailable', 503)
        : failure('SERVER_UNAVAILABLE', 'SBC-503', 'The gateway is temporarily unavailable', 200);
    }
    if (key.startsWith('invalid-request')) return failure('INVALID_REQUEST', 'SBC-422', 'The gateway refused the request', 422);
    if (key.startsWith('server-failed')) return failure('SERVER_FAILED', 'SBC-500', 'The gateway failed while creating the sale', 500);
    if (body.transaction.amountCentis === 666) return failure('FILTERED', 'SBC-FRAUD-1', 'Transaction filtered by fraud rules', 402);

    const endpointId = secrets.endpointId;
    const invoiceId = `INV-${randomBytes(4).toString('hex')}`;
    const nonce = randomBytes(16).toString('hex');
    const signed = [body.session.accessToken, serial, endpointId, nonce, invoiceId, body.transaction.amountCentis, body.transaction.currency].join('');
    const signature = createHmac('sha1', secrets.merchantControl).update(signed).digest('hex');
    return json({ endpointId, invoiceId, session: { nonce, signature } });
  }

  return [
    { method: 'POST', path: '/merchant/sbc/initiate-sale', server: 'merchant', handle: initiateSale },
    // preauth, callback, return and status: demo/mock/merchant-server.ts (built on baton-sdk/server).
    {
      method: 'GET',
      path: '/merchant/sbc/__stats',
      handle: () => json({ initiateSale: Object.fromEntries(state(ctx).initiateCalls) }),
    },
  ];
}

function saleProblems(body: any): string[] {
  const p: string[] = [];
  const len = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
  if (!body || typeof body !== 'object') return ['body must be a JSON object'];
  if (!len(body.consumer?.device?.serialNumber, 1, 50)) p.push('consumer.device.serialNumber');
  if (body.consumer?.device?.imei !== undefined && !len(body.consumer.device.imei, 14, 16)) p.push('consumer.device.imei');
  if (!len(body.session?.accessToken, 32, 128)) p.push('session.accessToken');
  const amount = body.transaction?.amountCentis;
  if (!Number.isSafeInteger(amount) || amount <= 0) p.push('transaction.amountCentis');
  if (typeof body.transaction?.currency !== 'string' || !/^[A-Z]{3}$/.test(body.transaction.currency)) p.push('transaction.currency');
  return p;
}

function parseMerchantFormData(value: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!value) return out;
  const decoded = value.includes('%') ? decodeURIComponent(value) : value;
  for (const pair of decoded.split('&')) {
    const [k, v] = pair.split('=');
    if (k && /^[a-zA-Z0-9]+$/.test(k) && /^[a-zA-Z0-9]*$/.test(v ?? '')) out.set(k, v ?? '');
  }
  return out;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, theme = 'light'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg"><title>${esc(title)}</title></head>
<body data-theme="${esc(theme)}"><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function returnPage(action: string, params: Record<string, string>): string {
  const inputs = Object.entries(params).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  return page(
    'Returning to the merchant',
    `<form method="post" action="${esc(action)}" id="return">${inputs}<button type="submit">Return to the merchant</button></form>
<script>document.getElementById('return').submit()</script>`,
  );
}

function formPage(order: GatewayOrder, error?: string): string {
  const theme = order.formData.get('theme') ?? 'light';
  return page(
    'SBC sandbox payment form',
    `<p>Order ${esc(order.clientOrderId)}: ${esc(order.orderDesc)} — <strong id="amount">${esc(order.amount)} ${esc(order.currency)}</strong></p>
<p id="theme">Theme: ${esc(theme)}</p>
${error ? `<p role="alert" id="form-error">${esc(error)}</p>` : ''}
<form method="post" action="/sbc/paynet/form/init/${esc(order.formToken)}">
  <label>Card number <input name="card_number" id="card_number" autocomplete="off" inputmode="numeric" required></label>
  <label>Expiry <input name="expiry" value="12/99"></label>
  <label>CVV <input name="cvv" value="123"></label>
  <button type="submit" id="pay">Pay</button>
</form>
<p>Test cards: 4444555566661111 approves, 4000000000000002 declines, 4000000000000069 is filtered.</p>`,
    theme,
  );
}
