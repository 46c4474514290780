// Mock of Worldline Connect: the Client API (`/connect/client/v1/:customerId/…`), assets, and the
// merchant server's side (`/merchant/connect/…`) that creates sessions and decrypts the JWE with
// a real RSA-2048 private key generated at start.
import { createDecipheriv, createHmac, generateKeyPairSync, privateDecrypt, randomBytes, timingSafeEqual, constants, type KeyObject } from 'node:crypto';
import type { MockContext, Route } from './route.js';
import { createPayment, paymentPageRoutes } from './connect-payments.js';
import { json, text, type MockRequest, type MockResponse } from './http.js';
import { accountOnFile, storedCards } from './connect-accounts.js';
import { WALLET_PRODUCTS, platformWalletPayment, walletClientApiRoutes, walletScriptRoutes } from './connect-wallets.js';
import { errorBody, invalid, missing } from './connect-errors.js';

interface ConnectSession {
  readonly clientSessionId: string;
  readonly customerId: string;
  /** The tokens the session was created with (`SessionRequest.tokens`). */
  readonly tokens?: readonly string[];
}

interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

interface ConnectState {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** base64 DER SubjectPublicKeyInfo, as `crypto/publickey` answers. */
  readonly publicKey: string;
  readonly sessions: Map<string, ConnectSession>;
  readonly requests: Map<string, RecordedRequest[]>;
  readonly payments: Map<string, { status: string }>;
  readonly nonces: Set<string>;
}

/** The mock's Connect state (created once per mock instance). */
export function connectState(ctx: MockContext): ConnectState {
  let state = ctx.state.get('connect') as ConnectState | undefined;
  if (!state) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    state = {
      keyId: `mock-key-${randomBytes(4).toString('hex')}`,
      privateKey,
      publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      sessions: new Map(),
      requests: new Map(),
      payments: new Map(),
      nonces: new Set(),
    };
    ctx.state.set('connect', state);
  }
  return state;
}

// --- JWE (what the platform does with `encryptedCustomerInput`) ----------------------------

/**
 * Decrypts a compact JWE (RSA-OAEP/SHA-1 + A256CBC-HS512) with Node's crypto, verifying the
 * authentication tag. Throws on any mismatch.
 */
export function decryptCompactJwe(jwe: string, privateKey: KeyObject): { header: Record<string, unknown>; plaintext: string; cek: Buffer; iv: Buffer } {
  const parts = jwe.split('.');
  if (parts.length !== 5) throw new Error('not a compact JWE (5 parts)');
  const [h, ek, ivText, ct, tagText] = parts as [string, string, string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (header.alg !== 'RSA-OAEP' || header.enc !== 'A256CBC-HS512') throw new Error(`unsupported header ${JSON.stringify(header)}`);
  const cek = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(ek, 'base64url'));
  if (cek.length !== 64) throw new Error(`content key is ${cek.length} bytes, not 64`);
  const iv = Buffer.from(ivText, 'base64url');
  const ciphertext = Buffer.from(ct, 'base64url');
  const aad = Buffer.from(h, 'ascii');
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const expected = createHmac('sha512', cek.subarray(0, 32)).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
  const tag = Buffer.from(tagText, 'base64url');
  if (tag.length !== 32 || !timingSafeEqual(tag, expected)) throw new Error('authentication tag mismatch');
  const decipher = createDecipheriv('aes-256-cbc', cek.subarray(32), iv);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  return { header, plaintext, cek, iv };
}

// --- Catalogue -------------------------------------------------------------------------

const logo = (id: number) => `logos/pp_logo_${id}.svg`;
const card = (id: number, label: string, order: number) => ({
  id,
  paymentMethod: 'card',
  paymentProductGroup: 'cards',
  displayHints: { displayOrder: order, label, logo: logo(id) },
  allowsRecurring: true,
  allowsTokenization: true,
  autoTokenized: false,
  usesRedirectionTo3rdParty: false,
  mobileIntegrationLevel: 'OPTIMISED_SUPPORT',
});

const PRODUCTS = [
  card(1, 'VISA', 0),
  card(3, 'MasterCard', 1),
  // Carte Bancaire (product 130 in Worldline's product list), the French scheme co-badged with VISA
  // or Mastercard on the same card: see the co-badged IIN below.
  card(130, 'Carte Bancaire', 4),
  {
    id: 840,
    paymentMethod: 'redirect',
    displayHints: { displayOrder: 2, label: 'PayPal', logo: logo(840) },
    allowsRecurring: false,
    allowsTokenization: false,
    autoTokenized: false,
    usesRedirectionTo3rdParty: true,
    mobileIntegrationLevel: 'BASIC_SUPPORT',
  },
  {
    id: 809,
    paymentMethod: 'redirect',
    displayHints: { displayOrder: 3, label: 'iDEAL', logo: logo(809) },
    allowsRecurring: false,
    allowsTokenization: false,
    usesRedirectionTo3rdParty: true,
  },
  ...WALLET_PRODUCTS,
];

const CARD_FIELDS = [
  {
    id: 'cardNumber',
    type: 'numericstring',
    dataRestrictions: { isRequired: true, validators: { luhn: {}, length: { minLength: 12, maxLength: 19 } } },
    displayHints: {
      displayOrder: 10,
      label: 'Card number',
      placeholderLabel: '**** **** **** ****',
      mask: '{{9999}} {{9999}} {{9999}} {{9999}} {{999}}',
      obfuscate: false,
      alwaysShow: false,
      formElement: { type: 'text' },
    },
  },
  {
    id: 'expiryDate',
    type: 'expirydate',
    dataRestrictions: {
      isRequired: true,
      validators: { expirationDate: {}, length: { minLength: 4, maxLength: 4 }, regularExpression: { regularExpression: '(?:0[1-9]|1[0-2])[0-9]{2}' } },
    },
    displayHints: { displayOrder: 20, label: 'Expiry date', placeholderLabel: 'MM/YY', mask: '{{99}}/{{99}}', obfuscate: false, formElement: { type: 'text' } },
  },
  {
    id: 'cvv',
    type: 'numericstring',
    dataRestrictions: { isRequired: true, validators: { length: { minLength: 3, maxLength: 4 }, regularExpression: { regularExpression: '^[0-9]{3}[0-9]?$' } } },
    displayHints: {
      displayOrder: 30,
      label: 'CVV',
      placeholderLabel: '123',
      mask: '{{9999}}',
      obfuscate: true,
      formElement: { type: 'text' },
      tooltip: { label: 'The 3 digits on the back of your card', image: 'tooltips/cvv.svg' },
    },
  },
  {
    id: 'cardholderName',
    type: 'string',
    dataRestrictions: { isRequired: true, validators: { length: { minLength: 2, maxLength: 51 } } },
    displayHints: { displayOrder: 40, label: 'Cardholder name', placeholderLabel: 'Name on the card', obfuscate: false, formElement: { type: 'text' } },
  },
];

const PAYPAL_FIELDS = [
  {
    id: 'emailAddress',
    type: 'string',
    dataRestrictions: { isRequired: false, validators: { emailAddress: {}, length: { minLength: 0, maxLength: 70 } } },
    displayHints: { displayOrder: 10, label: 'E-mail address', obfuscate: false, formElement: { type: 'text' } },
  },
];

/**
 * Card ranges → product, country, whether allowed in this context. The longest prefix of the bin
 * (6 or 8 digits) wins, as card ranges are assigned: Discover is every 6011 bin, not one of them.
 */
const IIN_TABLE: Record<string, { paymentProductId: number; countryCode: string; isAllowedInContext: boolean; coBrands?: unknown[] }> = {
  '411111': { paymentProductId: 1, countryCode: 'US', isAllowedInContext: true },
  '41111111': { paymentProductId: 1, countryCode: 'US', isAllowedInContext: true },
  '400000': { paymentProductId: 1, countryCode: 'NL', isAllowedInContext: true },
  '555555': { paymentProductId: 3, countryCode: 'US', isAllowedInContext: true },
  '510510': { paymentProductId: 3, countryCode: 'NL', isAllowedInContext: true, coBrands: [{ paymentProductId: 117, isAllowedInContext: false }] },
  // A co-badged Carte Bancaire + VISA card (test number 4970 1012 3456 7893): `coBrands` lists every
  // brand of the card, each with `isAllowedInContext` (the response type GetIINDetailsResponseJSON /
  // IinDetailJSON of Worldline's connect-sdk-client-js 6.0.6, dist/types/src/types/iin.d.ts).
  '497010': {
    paymentProductId: 130,
    countryCode: 'FR',
    isAllowedInContext: true,
    coBrands: [
      { paymentProductId: 130, isAllowedInContext: true },
      { paymentProductId: 1, isAllowedInContext: true },
    ],
  },
  // Discover: the platform knows it, but it is not allowed in this merchant's context.
  '6011': { paymentProductId: 128, countryCode: 'US', isAllowedInContext: false },
};

const RATES: Record<string, number> = { EUR: 1, USD: 1.1, GBP: 0.85, PLN: 4.3 };

// --- Client API ------------------------------------------------------------------------

type Handler = (req: MockRequest, session: ConnectSession, state: ConnectState) => MockResponse;

/** Checks `Authorization: GCS v1Client:<id>` against the sessions and the path's customerId. */
export function clientApi(ctx: MockContext, method: 'GET' | 'POST', path: string, handler: Handler): Route {
  return {
    method,
    path: `/connect/client/v1/:customerId/${path}`,
    server: 'worldline',
    // CORS: "Sessions allow clients, like mobile phones or web-browsers, to make use of our Client
    // API … the client will send API requests on your behalf" (specs/connect-create-session.txt:3).
    // A web browser can call an API on another origin only with CORS, so the Client API answers it.
    cors: true,
    handle: (req) => {
      const state = connectState(ctx);
      const id = /^GCS v1Client:(\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
      let body: unknown;
      try {
        body = req.raw.length ? req.json() : undefined;
      } catch {
        body = req.text();
      }
      if (id) {
        const list = state.requests.get(id) ?? [];
        list.push({
          method: req.method,
          path: req.url.pathname,
          query: Object.fromEntries(req.url.searchParams),
          headers: Object.fromEntries(['authorization', 'x-gcs-clientmetainfo', 'content-type', 'accept'].flatMap((name) => {
            const value = req.headers.get(name);
            return value === null ? [] : [[name, value]];
          })),
          body,
        });
        state.requests.set(id, list.slice(-50));
      }
      const session = id ? state.sessions.get(id) : undefined;
      if (!session || session.customerId !== req.params.customerId) return errorBody(403, '9002', 'MISSING_OR_INVALID_AUTHORIZATION');
      return handler(req, session, state);
    },
  };
}

function requireContext(req: MockRequest): MockResponse | undefined {
  for (const name of ['countryCode', 'currencyCode', 'amount', 'isRecurring']) if (!req.url.searchParams.has(name)) return missing(name);
  const q = req.url.searchParams;
  if (!/^[A-Z]{2}$/.test(q.get('countryCode')!)) return invalid('countryCode');
  if (!/^[A-Z]{3}$/.test(q.get('currencyCode')!)) return invalid('currencyCode');
  if (!/^\d+$/.test(q.get('amount')!)) return invalid('amount');
  if (!/^(true|false)$/.test(q.get('isRecurring')!)) return invalid('isRecurring');
  return undefined;
}

function productWithFields(id: number) {
  const product = PRODUCTS.find((p) => p.id === id);
  if (!product) return undefined;
  return { ...product, fields: product.paymentMethod === 'card' ? CARD_FIELDS : id === 840 ? PAYPAL_FIELDS : [] };
}

/** The session's accounts on file (demo/mock/connect-accounts.ts), of one product or all. */
const accountsOf = (session: ConnectSession, productId?: number) =>
  storedCards(session.tokens).filter((card) => productId === undefined || card.paymentProductId === productId).map(accountOnFile);

const unknownProduct = () => errorBody(404, '1007', 'UNKNOWN_PRODUCT_ID', { propertyName: 'productId' });

function clientApiRoutes(ctx: MockContext): Route[] {
  return [
    clientApi(ctx, 'GET', 'products', (req, session) => {
      const bad = requireContext(req);
      if (bad) return bad;
      const hideFields = req.url.searchParams.getAll('hide').includes('fields');
      const list = PRODUCTS.map((p) => ({ ...(hideFields ? p : productWithFields(p.id)), accountsOnFile: accountsOf(session, p.id) }));
      return json({ paymentProducts: list, accountsOnFile: accountsOf(session) });
    }),
    clientApi(ctx, 'GET', 'productgroups', (req) => {
      const bad = requireContext(req);
      if (bad) return bad;
      return json({ paymentProductGroups: [{ id: 'cards', displayHints: { displayOrder: 0, label: 'Cards', logo: 'logos/pp_group_cards.svg' }, accountsOnFile: [] }] });
    }),
    clientApi(ctx, 'GET', 'productgroups/:groupId', (req) => {
      // One group with the fields its products share: `cards` (GET productgroups/{paymentProductGroupId}
      // in Worldline's connect-sdk-client-js 6.0.6, C2SCommunicator.getPaymentProductGroup).
      const bad = requireContext(req);
      if (bad) return bad;
      if (req.params.groupId !== 'cards') return errorBody(404, '1007', 'UNKNOWN_PRODUCT_GROUP_ID', { propertyName: 'paymentProductGroupId' });
      return json({ id: 'cards', displayHints: { displayOrder: 0, label: 'Cards', logo: 'logos/pp_group_cards.svg' }, accountsOnFile: [], fields: CARD_FIELDS });
    }),
    clientApi(ctx, 'GET', 'products/:productId', (req, session) => {
      const bad = requireContext(req);
      if (bad) return bad;
      const product = productWithFields(Number(req.params.productId));
      return product ? json({ ...product, accountsOnFile: accountsOf(session, product.id) }) : unknownProduct();
    }),
    clientApi(ctx, 'GET', 'products/:productId/networks', (req) => {
      const bad = requireContext(req);
      if (bad) return bad;
      const id = Number(req.params.productId);
      if (id === 302 || id === 320) return json({ networks: ['AMEX', 'MASTERCARD', 'VISA'] });
      return PRODUCTS.some((p) => p.id === id) ? invalid('productId') : unknownProduct();
    }),
    clientApi(ctx, 'GET', 'products/:productId/directory', (req) => {
      for (const name of ['countryCode', 'currencyCode']) if (!req.url.searchParams.has(name)) return missing(name);
      if (req.params.productId !== '809') return unknownProduct();
      return json({
        entries: [
          { issuerId: 'INGBNL2A', issuerName: 'ING', issuerList: 'short', countryNames: ['Nederland'] },
          { issuerId: 'RABONL2U', issuerName: 'Rabobank', issuerList: 'short', countryNames: ['Nederland'] },
        ],
      });
    }),
    clientApi(ctx, 'POST', 'services/getIINdetails', (req) => {
      const body = (() => {
        try {
          return req.json() as { bin?: unknown; paymentContext?: unknown };
        } catch {
          return {};
        }
      })();
      if (typeof body.bin !== 'string') return missing('bin');
      if (!/^(\d{6}|\d{8})$/.test(body.bin)) return invalid('bin');
      const bin = body.bin;
      const hit = [8, 6, 4].map((length) => IIN_TABLE[bin.slice(0, length)]).find(Boolean);
      if (!hit) return errorBody(404, '300450', 'UNKNOWN_IIN', { propertyName: 'bin', message: 'IIN not found' });
      return json({ ...hit, coBrands: hit.coBrands ?? [] });
    }),
    clientApi(ctx, 'GET', 'crypto/publickey', (_req, _session, state) => json({ keyId: state.keyId, publicKey: state.publicKey })),
    clientApi(ctx, 'GET', 'services/convert/amount', (req) => {
      const q = req.url.searchParams;
      for (const name of ['source', 'target', 'amount']) if (!q.has(name)) return missing(name);
      const from = RATES[q.get('source')!];
      const to = RATES[q.get('target')!];
      if (from === undefined) return invalid('source');
      if (to === undefined) return invalid('target');
      if (!/^\d+$/.test(q.get('amount')!)) return invalid('amount');
      return json({ convertedAmount: Math.round((Number(q.get('amount')) / from) * to) });
    }),
    clientApi(ctx, 'GET', 'payments/:paymentId/thirdpartystatus', (req, _session, state) => {
      const payment = state.payments.get(req.params.paymentId!);
      if (!payment) return errorBody(404, '1002', 'UNKNOWN_PAYMENT_ID', { propertyName: 'paymentId' });
      return json({ thirdPartyStatus: payment.status === 'REJECTED' ? 'COMPLETED' : 'WAITING' });
    }),
    clientApi(ctx, 'GET', 'services/privacypolicy', (req) => {
      const locale = req.url.searchParams.get('locale') ?? 'en_GB';
      const product = req.url.searchParams.get('paymentProductId');
      return json({ htmlContent: `<p>Privacy policy (${locale}${product ? `, product ${product}` : ''}): the mock keeps nothing.</p>` });
    }),
  ];
}

// --- Assets ----------------------------------------------------------------------------

function svgLogo(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9 _-]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40" viewBox="0 0 64 40"><rect width="64" height="40" rx="6" fill="#1a3d8f"/><text x="32" y="25" font-size="11" text-anchor="middle" fill="#fff" font-family="sans-serif">${safe}</text></svg>`;
}

// No CORS on assets: no document promises it, and a page shows them with <img>, which needs none.
function assetRoutes(): Route[] {
  const labels: Record<string, string> = { '1': 'VISA', '3': 'MC', '130': 'CB', '840': 'PayPal', '809': 'iDEAL', '320': 'GPay', '302': 'Pay' };
  return [
    {
      method: 'GET',
      path: '/connect/assets/logos/:file',
      server: 'worldline',
      cors: false,
      handle: (req) => {
        const id = /^pp_logo_(\d+)\.svg$/.exec(req.params.file!)?.[1];
        if (req.params.file === 'pp_group_cards.svg') return text(svgLogo('Cards'), 200, 'image/svg+xml');
        const label = id ? labels[id] : undefined;
        return label ? text(svgLogo(label), 200, 'image/svg+xml') : json({ error: 'no such asset' }, 404);
      },
    },
    { method: 'GET', path: '/connect/assets/tooltips/:file', server: 'worldline', cors: false, handle: () => text(svgLogo('CVV'), 200, 'image/svg+xml') },
  ];
}

// --- Merchant server -------------------------------------------------------------------


/**
 * The platform's side of `POST /v1/{merchantId}/payments` with `encryptedCustomerInput`: decrypts
 * it with the session's private key (as the platform does), checks session and nonce, and answers
 * as `createPayment` decides (REDIRECT for the 3-D Secure test card, none for a frictionless one).
 * `returnUrl` is the request's `cardPaymentMethodSpecificInput.threeDSecure.redirectionData.returnUrl`.
 */
export function platformCreateCardPayment(ctx: MockContext, encryptedCustomerInput: unknown, returnUrl: string): MockResponse {
  const state = connectState(ctx);
  let input: Record<string, unknown>;
  try {
    if (typeof encryptedCustomerInput !== 'string') return missing('encryptedCustomerInput');
    const { header, plaintext } = decryptCompactJwe(encryptedCustomerInput, state.privateKey);
    if (header.kid !== state.keyId) throw new Error('unknown kid');
    input = JSON.parse(plaintext) as Record<string, unknown>;
  } catch (error) {
    return errorBody(400, '1000', 'DECRYPTION_FAILED', { propertyName: 'encryptedCustomerInput', message: String(error) });
  }
  if (typeof input.clientSessionId !== 'string' || !state.sessions.has(input.clientSessionId)) {
    return errorBody(400, '9004', 'UNKNOWN_SESSION', { propertyName: 'encryptedCustomerInput.clientSessionId' });
  }
  if (typeof input.nonce !== 'string' || state.nonces.has(input.nonce)) return errorBody(409, '1001', 'NONCE_REUSED');
  state.nonces.add(input.nonce);
  const values = new Map(
    (Array.isArray(input.paymentValues) ? input.paymentValues : []).map((v: { key?: unknown; value?: unknown }) => [String(v.key), String(v.value)]),
  );
  if (input.paymentProductId === 320 || input.paymentProductId === 302) return platformWalletPayment(ctx, input.paymentProductId, values, returnUrl);
  // Paying with an account on file: the stored card of one of the session's tokens, for this
  // product; what the customer typed again (the CVV, a changed name) replaces what is stored.
  const stored =
    input.accountOnFileId === undefined
      ? undefined
      : storedCards(state.sessions.get(input.clientSessionId)!.tokens).find((card) => card.accountOnFileId === input.accountOnFileId && card.paymentProductId === input.paymentProductId);
  if (input.accountOnFileId !== undefined && !stored) return invalid('encryptedCustomerInput.accountOnFileId');
  const cardNumber = stored?.cardNumber ?? values.get('cardNumber') ?? '';
  if (!/^\d{12,19}$/.test(cardNumber)) return errorBody(400, '21000020', 'VALUE_INVALID', { propertyName: 'cardNumber' });
  const output = {
    amountOfMoney: { amount: 1000, currencyCode: 'EUR' },
    paymentMethod: 'card',
    cardPaymentMethodSpecificOutput: {
      paymentProductId: input.paymentProductId,
      card: {
        cardNumber: `${'*'.repeat(cardNumber.length - 4)}${cardNumber.slice(-4)}`,
        expiryDate: values.get('expiryDate') ?? stored?.expiryDate,
        cardholderName: values.get('cardholderName') ?? stored?.cardholderName,
      },
    },
  };
  return json(
    {
      ...createPayment(ctx, { cardNumber, output, returnUrl }),
      // What arrived, for the demo's "proof": never the card number or CVV.
      received: {
        tokenize: input.tokenize,
        fields: [...values.keys()],
        ...(input.accountOnFileId !== undefined && { accountOnFileId: input.accountOnFileId }),
        hasDeviceInformation: typeof input.collectedDeviceInformation === 'object',
      },
    },
    201,
  );
}

export function connectRoutes(ctx: MockContext): Route[] {
  connectState(ctx); // the RSA key is generated at start
  return [
    ...clientApiRoutes(ctx),
    ...walletClientApiRoutes(ctx, clientApi),
    ...walletScriptRoutes(),
    ...assetRoutes(),
    ...paymentPageRoutes(ctx),
    {
      // For tests: what the Client API received for one session (method, path, query, headers, body).
      method: 'GET',
      path: '/connect/__requests/:clientSessionId',
      handle: (req) => json(connectState(ctx).requests.get(req.params.clientSessionId!) ?? []),
    },
  ];
}
