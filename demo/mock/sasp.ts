// Mock of Sectigo SASP (`/sectigo/…`) and the merchant server's side of it (`/merchant/sasp/…`).
// It follows the documents (specs/sasp-init-customer-session.txt = INIT, specs/sasp-get-post-payment-status.txt
// = STATUS, cited as FILE:line) and no more: POST only (-17 on GET), case-insensitive field names,
// the documented codes and messages, answers shaped like the documents' own examples (quirks included).
// No CORS: no document promises it (STATUS:397-419 shows a plain HTML form), so the Sectigo routes
// send no CORS headers and answer no preflight; browser code reaches them by form post or through
// the merchant server. URLs the mock hands out (uploadDocumentUrl) are on another origin than the
// page (`sectigoOrigin`).
//
// Special order numbers (any other alphanumeric number up to 128 characters works like 654824):
//   654824  the documented EV multi-domain example (STATUS:184-393)
//   700001  has a replacement: !initCustomerSession returns order 700002 on line 3
//   404     -4 (invalid orderNumber) from both APIs
//   42      -42 (call limit) from !initCustomerSession
//   14      -14 (unknown error) from both APIs
//   4242    !getPostPaymentStatus always answers -42
//   4243    !getPostPaymentStatus answers -42 twice per session, then the status
//   666     hostile provider text (markup in titles, descriptions, options)
//   1999    the upload token has already expired
// A request forwarded with `X-Forwarded-Proto: http` (plain http before the TLS terminator this
// loopback mock stands behind) gets -1 (INIT:30, STATUS:160).
// Test helpers: GET /sectigo/__stats (call counters), POST /sectigo/__reset,
// POST /sectigo/__fail-next-upload (the next upload fails as the service would).
//
// Upload endpoint POST /sectigo/upload (STATUS:397-419: multipart token, successURL, errorURL,
// file…, comment): verifies the JWT (signature, exp, scope) and the fields, then sends the browser
// to successURL or errorURL (303), as the form's hidden fields say. Without them (undocumented) it
// answers a small HTML page, 200 or 4xx/5xx.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MockContext, Route } from './route.js';
import { html, json, redirect, text, urlencoded, type MockRequest, type MockResponse } from './http.js';

const UPLOAD_KEY = 'FAKE-mock-upload-signing-key';

// The document's example token (STATUS:196), decoded as far as its damaged base64 allows:
// header {"alg":"HS512"…}, payload {"sub":"/order/654824","scopes":["POST_PAYMENT_PAGE_USER"],
// "iss":"https://avs.sectigo.com","iat":…,"exp":1535337321}, valid for 12 hours.
const UPLOAD_SCOPE = 'POST_PAYMENT_PAGE_USER';
const UPLOAD_ISSUER = 'https://avs.sectigo.com';
const UPLOAD_TOKEN_SECONDS = 12 * 60 * 60;

/** Order numbers: v1.00 documents up to 64 characters (STATUS:26, INIT:22); Sectigo's current docs allow 128. */
const ORDER_NUMBER = /^[A-Za-z0-9]{1,128}$/;

// INIT:30 and STATUS:159-167.
const MESSAGES = {
  '-1': 'Request was not made over https!',
  '-14': 'An unknown error occurred!',
  '-16': 'Permission denied!',
  '-16status': 'Incorrect login details, account is locked, password has expired or your source IP is blocked.',
  '-17': 'Request used GET rather than POST!',
  '-42': 'Call limit reached! Please try again later.',
} as const;

interface SaspState {
  sessions: Map<string, { orderNumber: string; statusCalls: number }>;
  initCalls: number;
  statusCalls: number;
  statusCallsByOrder: Record<string, number>;
  uploads: Array<{ orderNumber: string; files: Array<{ name: string; size: number; sha256: string }>; comment: string }>;
  failNextUpload: boolean;
}

function state(ctx: MockContext): SaspState {
  let current = ctx.state.get('sasp') as SaspState | undefined;
  if (!current) {
    current = { sessions: new Map(), initCalls: 0, statusCalls: 0, statusCallsByOrder: {}, uploads: [], failNextUpload: false };
    ctx.state.set('sasp', current);
  }
  return current;
}

/** Form fields with lower-cased names (Sectigo reads names case-insensitively). */
export async function fields(req: MockRequest): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [key, value] of await req.formData()) if (typeof value === 'string') out.set(key.toLowerCase(), value);
  return out;
}

type Answer = { code: number; message?: string; sid?: string; orderNumber?: string };

/**
 * Sectigo is another site than the merchant's page. The mock plays it on the other loopback name
 * (`localhost` ↔ `127.0.0.1`, same port): another origin, so the demo and the tests meet the
 * same-origin policy exactly where the real page would.
 */
export function sectigoOrigin(ctx: MockContext): string {
  const origin = new URL(ctx.origin);
  origin.hostname = origin.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return origin.origin;
}

/** The request reached the TLS terminator over plain http (see the header comment). */
const overPlainHttp = (headers: Headers | undefined) => headers?.get('x-forwarded-proto')?.toLowerCase() === 'http';

/** The logic of `!initCustomerSession`, shared by the HTTP route and the merchant server. */
export function initCustomerSession(ctx: MockContext, method: string, form: Map<string, string>, headers?: Headers): Answer {
  const s = state(ctx);
  s.initCalls += 1;
  if (overPlainHttp(headers)) return { code: -1, message: MESSAGES['-1'] }; // INIT:30
  if (method !== 'POST') return { code: -17, message: MESSAGES['-17'] }; // INIT:15, INIT:30
  const allowed = ['loginname', 'loginpassword', 'ordernumber', 'responseformat'];
  const unknown = [...form.keys()].find((key) => !allowed.includes(key));
  if (unknown) return { code: -2, message: `'${unknown}' is an unrecognized argument!` }; // INIT:30
  // INIT:20-22 (required), INIT:30 (-3).
  for (const name of ['loginName', 'loginPassword', 'orderNumber']) {
    if (!form.get(name.toLowerCase())) return { code: -3, message: `The '${name}' argument is missing!` };
  }
  const format = form.get('responseformat') ?? '0';
  // INIT:23: 0 or 1.
  if (format !== '0' && format !== '1') return { code: -4, message: "The value of the 'responseFormat' argument is invalid!" };
  if (form.get('loginname') !== ctx.secrets.sectigo.loginName || form.get('loginpassword') !== ctx.secrets.sectigo.loginPassword) {
    return { code: -16, message: MESSAGES['-16'] }; // INIT:30
  }
  const order = form.get('ordernumber')!;
  if (order === '42') return { code: -42, message: MESSAGES['-42'] }; // INIT:30
  if (order === '14') return { code: -14, message: MESSAGES['-14'] }; // INIT:30
  if (!ORDER_NUMBER.test(order) || order === '404') return { code: -4, message: "The value of the 'orderNumber' argument is invalid!" }; // INIT:30
  // DESIGN.md (Sectigo notes): for an order with replacements, line 3 is the latest replacement.
  const current = order === '700001' ? '700002' : order;
  const sid = randomBytes(8).toString('hex').slice(0, 16);
  s.sessions.set(sid, { orderNumber: current, statusCalls: 0 }); // INIT:40: SID ≤ 16 chars
  return { code: 0, sid, orderNumber: current };
}

/** Renders an `!initCustomerSession` answer in the requested format, as Sectigo would. */
export function initAnswerBody(answer: Answer, format: string): MockResponse {
  if (format === '1') {
    return answer.code === 0
      ? urlencoded({ errorCode: '0', SID: answer.sid!, orderNumber: answer.orderNumber! })
      : urlencoded({ errorCode: String(answer.code), errorMessage: answer.message ?? '' });
  }
  return text(answer.code === 0 ? `0\n${answer.sid}\n${answer.orderNumber}\n` : `${answer.code}\n${answer.message}\n`);
}

/** The logic of `!getPostPaymentStatus`, shared by the HTTP route and the merchant relay. */
export function statusAnswer(ctx: MockContext, method: string, form: Map<string, string>, headers?: Headers): unknown {
  const s = state(ctx);
  s.statusCalls += 1;
  const order = form.get('ordernumber') ?? '';
  s.statusCallsByOrder[order] = (s.statusCallsByOrder[order] ?? 0) + 1;
  const fail = (code: number | string, message: string) => ({ errorCode: code, errorMessage: message, data: {} });
  if (overPlainHttp(headers)) return fail(-1, MESSAGES['-1']); // STATUS:160
  if (method !== 'POST') return fail(-17, MESSAGES['-17']); // STATUS:17, STATUS:166
  const allowed = ['loginname', 'loginpassword', 'ordernumber', 'certificateid', 'saspsessionid']; // STATUS:23-28
  const unknown = [...form.keys()].find((key) => !allowed.includes(key));
  if (unknown) return fail(-2, `'${unknown}' is an unrecognized argument!`); // STATUS:161
  const sid = form.get('saspsessionid');
  // STATUS:28: with saspSessionID, loginName and loginPassword "should be omitted".
  if (sid && (form.has('loginname') || form.has('loginpassword'))) return fail(-2, "'loginName' is an unrecognized argument when saspSessionID is given!");
  if (!order) return fail(-3, "The 'orderNumber' argument is missing!"); // STATUS:26, STATUS:162
  if (!sid) {
    // STATUS:24-25, STATUS:165.
    if (form.get('loginname') !== ctx.secrets.sectigo.loginName || form.get('loginpassword') !== ctx.secrets.sectigo.loginPassword) return fail(-16, MESSAGES['-16status']);
  }
  const session = sid ? s.sessions.get(sid) : { orderNumber: order, statusCalls: 0 };
  if (!session) return fail(-16, MESSAGES['-16status']);
  // STATUS:174-180: the example failure sends the code as a string.
  if (!ORDER_NUMBER.test(order) || order === '404' || session.orderNumber !== order) return fail('-4', "The value of the 'orderNumber' argument is invalid!");
  const certificateID = form.get('certificateid');
  if (certificateID !== undefined && !/^\d{1,16}$/.test(certificateID)) return fail(-4, "The value of the 'certificateID' argument is invalid!"); // STATUS:27
  if (order === '14') return fail(-14, MESSAGES['-14']); // STATUS:164
  session.statusCalls += 1;
  // STATUS:167.
  if (order === '4242' || (order === '4243' && session.statusCalls <= 2)) return fail(-42, MESSAGES['-42']);
  return { errorCode: 0, errorMessage: '', data: statusData(ctx, order) };
}

function signJwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS512' })}.${part(payload)}`; // STATUS:196 (header)
  return `${unsigned}.${createHmac('sha512', UPLOAD_KEY).update(unsigned).digest('base64url')}`;
}

function verifyJwt(token: string): { ok: true; payload: Record<string, unknown> } | { ok: false; code: string; message: string } {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || signature === undefined) return { ok: false, code: 'INVALID_TOKEN', message: 'The token is not a JWT' };
  const expected = createHmac('sha512', UPLOAD_KEY).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'INVALID_TOKEN', message: 'The token signature is invalid' };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return { ok: false, code: 'TOKEN_EXPIRED', message: 'The token has expired' };
  if (!Array.isArray(claims.scopes) || !claims.scopes.includes(UPLOAD_SCOPE) || claims.iss !== UPLOAD_ISSUER) return { ok: false, code: 'INVALID_TOKEN', message: 'The token does not allow uploads' };
  return { ok: true, payload: claims };
}

function domain(name: string, level = 2) {
  return {
    domainName: name,
    dcvStatus: 'notCompleted',
    selectedMethod: 'Not yet set',
    methods: [
      { type: 'email', title: 'Alternative Email Addresses', level, options: ['admin', 'administrator', 'hostmaster', 'postmaster', 'webmaster'].map((box) => `${box}@${name}`) },
      { type: 'csrHash', title: 'Alternative Methods', options: ['CNAME CSR Hash', 'HTTP CSR Hash', 'HTTPS CSR Hash'] },
      { type: 'manual', title: 'None of the above', options: ['Manual'] },
    ],
  };
}

/** The document's example answer (quirks included), for one order. */
function statusData(ctx: MockContext, order: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const hostile = order === '666';
  const evil = '<img src=x onerror="window.__batonPwned=1"><script>window.__batonPwned=1</script>';
  const data = {
    // STATUS:189: a number in the example, though documented as a string (STATUS:46); long ones stay text.
    orderNumber: /^\d{1,15}$/.test(order) ? Number(order) : order,
    productType: 410,
    productName: hostile ? `EV ${evil}` : 'COMODO EV Multi-Domain SSL Certificate',
    certificateDuration: 365,
    productTerm: 365,
    uploadDocumentUrl: `${sectigoOrigin(ctx)}/sectigo/upload`,
    uploadDocumentToken: signJwt({ sub: `/order/${order}`, scopes: [UPLOAD_SCOPE], iss: UPLOAD_ISSUER, iat: now, exp: order === '1999' ? now - 60 : now + UPLOAD_TOKEN_SECONDS }),
    orderStatus: 'Pending',
    domainName: 'Multiple domains',
    primaryDomainName: 'mn.gov',
    maxMDCDomains: 3,
    maxMDCWildcardDomains: 0,
    csrStatus: {
      title: hostile ? `<script>window.__batonPwned=1</script>Submit your CSR` : 'Submit your CSR',
      status: 'Completed',
      description: 'You have already submitted your CSR.',
      availableActions: ['canReplaceCSR'],
    },
    dcvStatus: {
      title: 'Domain Control Validation',
      status: 'ActionRequired',
      MD5: '55F0233969C9C4325B1A19D4B357ED20',
      SHA256: '549B164F1F97EC4095C3FEF212F6B86016FF66F7F9115FFEBB2AB796FF226A8',
      uniqueValue: 'mTpFcllg',
      description: hostile
        ? `First line <b>not bold</b>\n${evil}`
        : 'In order to verify your ownership of the domain in the application, it is mandatory to complete domain control validation.',
      domains: hostile
        ? [{ ...domain('mn.gov'), methods: [{ type: 'email', title: `Mail ${evil}`, level: 2, options: ['<a href="javascript:alert(1)">admin@mn.gov</a>'] }] }]
        : [domain('mn.gov'), domain('mnsure.org'), domain('state.mn.us', 3)],
      availableActions: ['selectDCVMethod'],
    },
    agreementStatus: {
      title: 'Agreement Execution',
      status: 'Completed',
      // Documented as a string, unlike the other sections.
      availableActions: 'resendAgreementEmail',
      clickThroughStatus: 'Executed',
      clickThroughEmailAddress: 'andrey.tomikhin@sectigo.com',
      lastEmailSent: '2019-11-20',
      lastOpenDate: '2019-11-20',
    },
    callbackStatus: {
      title: 'Signer Verification',
      status: 'InProgress',
      description:
        'Our validation staff is currently verifying the phone number used in your application.\nOnce this process is complete, you will receive an email containing further instructions.',
    },
    organizationStatus: {
      title: 'Organization Validation',
      status: 'InProgress',
      availableActions: ['uploadDocument'],
      description:
        'Our validation staff will now attempt to validate your organization by consulting various federal and business databases.\nIn most cases this is a routine process that should be completed within a couple of working days.\nIf they cannot locate certain pieces of information about your organization, they may contact you and request documentation.',
      organizationName: { title: 'Organization name', status: 'Unknown' },
      legalExistence: { title: 'Legal Existence', status: 'Unknown' },
      assumedName: { title: 'Assumed Name', status: 'Unknown' },
      physicalExistence: { title: 'Physical Existence', status: 'Unknown' },
      operationalExistence: { title: 'Operational Existence', status: 'Unknown' },
      trademarkCheck: { title: 'Trademark check', status: 'NotApplicable' },
    },
    secondApprovalStatus: { title: 'Second Approval', status: 'Unknown' },
    fsupStatus: { title: 'Fast Service Certificate', status: 'NotApplicable' },
  };
  return data;
}

async function upload(ctx: MockContext, req: MockRequest): Promise<MockResponse> {
  const s = state(ctx);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return page('Upload failed', '<p>Expected multipart/form-data.</p>', 400);
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  // STATUS:409-410: where the browser goes after the upload.
  const successURL = field('successURL');
  const errorURL = field('errorURL');
  const isUrl = (value: string | undefined): value is string => !!value && /^https?:\/\//.test(value);
  const refuse = (message: string, status: number): MockResponse => (isUrl(errorURL) ? redirect(errorURL) : page('Upload failed', `<p>${escapeHtml(message)}</p>`, status));
  if (s.failNextUpload) {
    s.failNextUpload = false;
    return refuse('The upload service is temporarily unavailable', 500);
  }
  const token = field('token'); // STATUS:401, STATUS:408
  if (!token) return refuse("The 'token' field is missing", 400);
  const verified = verifyJwt(token);
  if (!verified.ok) return refuse(verified.message, 401);
  const files = form.getAll('file').filter((value): value is File => typeof value !== 'string' && value.name !== ''); // STATUS:411
  if (!files.length) return refuse('No document was attached', 400);
  const comment = field('comment') ?? ''; // STATUS:413
  const described = await Promise.all(files.map(async (file) => ({ name: file.name, size: file.size, sha256: createHash('sha256').update(Buffer.from(await file.arrayBuffer())).digest('hex') })));
  s.uploads.push({ orderNumber: String(verified.payload.sub ?? '').replace('/order/', ''), files: described, comment });
  return isUrl(successURL) ? redirect(successURL) : page('Documents received', `<p>${files.length} document(s) received.</p>`);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(title: string, body: string, status = 200): MockResponse {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`, status);
}

export function saspRoutes(ctx: MockContext): Route[] {
  return [
    {
      method: '*',
      path: '/sectigo/products/!initCustomerSession',
      server: 'sectigo',
      cors: false,
      handle: async (req) => {
        const form = await fields(req);
        return initAnswerBody(initCustomerSession(ctx, req.method, form, req.headers), form.get('responseformat') ?? '0');
      },
    },
    {
      method: '*',
      path: '/sectigo/products/!getPostPaymentStatus',
      server: 'sectigo',
      cors: false,
      // STATUS:32: application/json.
      handle: async (req) => json(statusAnswer(ctx, req.method, await fields(req), req.headers)),
    },
    {
      method: 'GET',
      path: '/sectigo/products/postPayment1a',
      server: 'sectigo',
      cors: false,
      // INIT:53-59: the hosted page opened with SID and orderNumber.
      handle: (req) => {
        const sid = req.url.searchParams.get('SID') ?? '';
        const order = req.url.searchParams.get('orderNumber') ?? '';
        const session = state(ctx).sessions.get(sid);
        if (!session || session.orderNumber !== order) return page('Sectigo post-payment', '<p>This session is not valid for this order.</p>');
        return page(`Sectigo post-payment: order ${order}`, `<p>Mock hosted page for order ${escapeHtml(order)} (session ${escapeHtml(sid)}).</p>`);
      },
    },
    { method: 'POST', path: '/sectigo/upload', server: 'sectigo', cors: false, handle: (req) => upload(ctx, req) },
    {
      method: 'GET',
      path: '/sectigo/__stats',
      handle: () => {
        const s = state(ctx);
        const statusCallsBySession = Object.fromEntries([...s.sessions].map(([sid, session]) => [sid, session.statusCalls]));
        return json({ initCalls: s.initCalls, statusCalls: s.statusCalls, statusCallsByOrder: s.statusCallsByOrder, statusCallsBySession, uploads: s.uploads });
      },
    },
    { method: 'POST', path: '/sectigo/__reset', handle: () => (ctx.state.delete('sasp'), json({ ok: true })) },
    { method: 'POST', path: '/sectigo/__fail-next-upload', handle: () => ((state(ctx).failNextUpload = true), json({ ok: true })) },

    // The merchant server: it holds the reseller login and relays Sectigo's raw answer.
    {
      method: 'POST',
      path: '/merchant/sasp/session',
      server: 'merchant',
      handle: async (req) => {
        const input = await fields(req);
        const format = input.get('format') ?? '0';
        const form = new Map([
          ['loginname', ctx.secrets.sectigo.loginName],
          ['loginpassword', ctx.secrets.sectigo.loginPassword],
          ['ordernumber', input.get('ordernumber') ?? ''],
          ['responseformat', format],
        ]);
        const answer = initCustomerSession(ctx, 'POST', form);
        ctx.log.add({
          server: 'sectigo',
          method: 'POST',
          path: '/sectigo/products/!initCustomerSession',
          status: 200,
          fields: { loginName: ctx.secrets.sectigo.loginName, loginPassword: ctx.secrets.sectigo.loginPassword, orderNumber: form.get('ordernumber')!, responseFormat: format },
          note: 'server to server, from the merchant server',
        });
        return initAnswerBody(answer, format);
      },
    },
    {
      method: 'POST',
      path: '/merchant/sasp/action',
      server: 'merchant',
      handle: (req) => {
        const action = req.json() as { action?: string; domainName?: string; method?: string };
        return json({ ok: true, message: `The merchant server would now ask Sectigo to ${action.action ?? 'act'}${action.domainName ? ` for ${action.domainName} (${action.method})` : ''}.` });
      },
    },
    { method: 'GET', path: '/merchant/sasp/documents-sent', server: 'merchant', handle: () => page('Documents sent', '<p>Sectigo received your documents.</p>') },
    {
      method: 'GET',
      path: '/merchant/sasp/documents-failed',
      server: 'merchant',
      handle: () => page('Upload failed', '<p>Sectigo did not accept the documents.</p>'),
    },
  ];
}
