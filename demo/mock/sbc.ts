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
// Merchant (`/merchant/sbc/…`, our own server, CORS for the test page): initiate-sale
// (hmac-sha1 signature), preauth (signs `control`, relays the gateway's raw body), callback, return
// (the gateway POSTs the payer back; control checked, 303 to the return page with the order
// reference only), status (the server's view), and `__stats` (request counters, for tests).
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

interface MerchantOrder {
  clientOrderId: string;
  paynetOrderId?: string;
  status: Status;
  source: 'created' | 'callback' | 'status-api';
}

interface SbcState {
  gateway: Map<string, GatewayOrder>;
  forms: Map<string, GatewayOrder>;
  merchant: Map<string, MerchantOrder>;
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
    s = { gateway: new Map(), forms: new Map(), merchant: new Map(), initiateCalls: new Map(), nextOrder: 6863100 };
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

  // Every gateway route: no CORS, the document promises none.
  return [
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

  async function preauth(req: MockRequest) {
    const f = await fields(req);
    const amountCentis = Number(f.get('amountCentis'));
    if (!Number.isSafeInteger(amountCentis) || amountCentis <= 0) return json({ error: 'amountCentis must be a positive integer' }, 400);
    const clientOrderId = f.get('client_orderid') || `ORD-${randomBytes(4).toString('hex').toUpperCase()}`;
    const amount = (amountCentis / 100).toFixed(2);
    const email = f.get('email') || 'payer@example.com';
    const group = f.get('endpoint') === 'group';
    const endpoint = group ? secrets.endpointGroupId : secrets.endpointId;
    const order: Record<string, string> = {
      client_orderid: clientOrderId,
      order_desc: f.get('order_desc') || 'Baton demo order',
      amount,
      currency: f.get('currency') || 'EUR',
      email,
      first_name: 'Demo',
      last_name: 'Payer',
      address1: '100 Main st',
      city: 'Seattle',
      zip_code: '98102',
      country: 'US',
      phone: '+12063582043',
      state: 'WA', // required for US (preauth-form.txt:66-68); the document's example (:172)
      ipaddress: '127.0.0.1',
      redirect_url: `${ctx.origin}/merchant/sbc/return`,
      server_callback_url: `${ctx.origin}/merchant/sbc/callback`,
      control: sha1(endpoint + clientOrderId + String(amountCentis) + email + secrets.merchantControl),
    };
    const mfd = f.get('merchant_form_data');
    if (mfd) order.merchant_form_data = mfd;
    const gateway = `${ctx.origin}/sbc/paynet/api/v2/preauth-form/${group ? 'group/' : ''}${endpoint}`;
    const answer = await fetch(gateway, { method: 'POST', body: new URLSearchParams(order) });
    const raw = await answer.text();
    const paynetOrderId = /paynet-order-id=([^\s&]+)/.exec(raw)?.[1];
    if (paynetOrderId) state(ctx).merchant.set(clientOrderId, { clientOrderId, paynetOrderId, status: 'processing', source: 'created' });
    // Relayed as the gateway sent it: parsing is the browser's (Baton's) job.
    return text(raw, answer.status, answer.headers.get('content-type') ?? 'text/plain');
  }

  async function callback(req: MockRequest) {
    const f = await fields(req);
    const status = f.get('status') ?? '';
    const expected = sha1(status + (f.get('orderid') ?? '') + (f.get('client_orderid') ?? '') + secrets.merchantControl);
    if (f.get('control') !== expected) return text('control mismatch', 403);
    const order = state(ctx).merchant.get(f.get('client_orderid') ?? '');
    if (!order) return text('unknown order', 404);
    order.status = status as Status;
    order.source = 'callback';
    return text('OK');
  }

  function status(req: MockRequest) {
    const orderId = req.url.searchParams.get('orderId') ?? '';
    const order = state(ctx).merchant.get(orderId);
    if (!order) return json({ error: 'unknown order' }, 404);
    // No callback yet: a real server asks the gateway's status API command (preauth-form.txt:73);
    // its format is not in our documents, so the mock reads the gateway's state directly.
    if (order.status === 'processing' && order.paynetOrderId) {
      const gatewayOrder = state(ctx).gateway.get(order.paynetOrderId);
      if (gatewayOrder && gatewayOrder.status !== 'processing') {
        order.status = gatewayOrder.status;
        order.source = 'status-api';
      }
    }
    return json({ orderId: order.clientOrderId, paynetOrderId: order.paynetOrderId, status: order.status, source: order.source });
  }

  return [
    { method: 'POST', path: '/merchant/sbc/initiate-sale', server: 'merchant', handle: initiateSale },
    { method: 'POST', path: '/merchant/sbc/preauth', server: 'merchant', handle: preauth },
    { method: 'GET', path: '/merchant/sbc/callback', server: 'merchant', handle: callback },
    { method: 'GET', path: '/merchant/sbc/status', server: 'merchant', handle: status },
    {
      // The payer's return: a cross-site POST from the gateway. Its control is checked, but its
      // status is still not trusted: only the order reference goes on (303) to a GET page that
      // asks /merchant/sbc/status.
      method: '*',
      path: '/merchant/sbc/return',
      server: 'merchant',
      handle: async (req) => {
        if (req.method !== 'POST') return html(page('Method not allowed', '<p>The gateway returns the payer by POST.</p>'), 405);
        const f = await fields(req);
        const orderId = f.get('client_orderid') ?? '';
        const expected = sha1((f.get('status') ?? '') + (f.get('orderid') ?? '') + orderId + secrets.merchantControl);
        if (f.get('control') !== expected || !state(ctx).merchant.has(orderId)) {
          return html(page('Return not verified', '<p>This return did not come from the gateway. Nothing was changed.</p>'), 403);
        }
        return redirect(`${ctx.origin}/sbc-return.html?orderId=${encodeURIComponent(orderId)}`, 303);
      },
    },
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
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
