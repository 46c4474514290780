// The wallets in the Connect mock: products 320 (Google Pay) and 302 (Apple Pay) with their
// specific data, Apple Pay's merchant validation on the Client API (`POST products/302/sessions`),
// the platform's side of a wallet payment (`encryptedPaymentData` inside the encrypted customer
// input), and the stand-in wallet scripts (./wallets/*.js) for browsers without the real wallets.
// Sources: Worldline's connect-sdk-client-js 6.0.6 (types/payment-product.ts:
// `paymentProduct320SpecificData { gateway, networks }`, `paymentProduct302SpecificData { networks }`,
// `acquirerCountry`; C2SCommunicator.createPaymentProductSession: POST `/products/{id}/sessions` with
// `paymentProductSession302SpecificInput { displayName, domainName, validationUrl }`, answer
// `paymentProductSession302SpecificOutput { sessionObject }` (a JSON string, ApplePay.ts parses it));
// its example app (wl-google-pay.ts, wl-apple-pay.ts) for `encryptedPaymentData`.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MockContext, Route } from './route.js';
import { errorBody, invalid, missing } from './connect-errors.js';
import { createPayment } from './connect-payments.js';
import { json, text, type MockRequest, type MockResponse } from './http.js';

/** The Client API route builder of `connect.ts` (handed in: importing it would make a cycle). */
type ClientApiRoute = (ctx: MockContext, method: 'GET' | 'POST', path: string, handler: (req: MockRequest) => MockResponse) => Route;

const logo = (id: number) => `logos/pp_logo_${id}.svg`;
const wallet = (id: number, label: string, order: number, specific: Record<string, unknown>) => ({
  id,
  paymentMethod: 'mobile',
  displayHints: { displayOrder: order, label, logo: logo(id) },
  allowsRecurring: false,
  allowsTokenization: false,
  autoTokenized: false,
  usesRedirectionTo3rdParty: false,
  mobileIntegrationLevel: 'OPTIMISED_SUPPORT',
  // The acquirer's country, which both wallets want as the transaction's country.
  acquirerCountry: 'NL',
  [`paymentProduct${id}SpecificData`]: specific,
});

// Networks as the mock's `products/{id}/networks` answers them. `globalcollect` is the gateway id
// Google lists for Worldline's (formerly Ingenico's) Global Collect platform.
export const WALLET_PRODUCTS = [
  wallet(320, 'Google Pay', 5, { gateway: 'globalcollect', networks: ['AMEX', 'MASTERCARD', 'VISA'] }),
  wallet(302, 'Apple Pay', 6, { networks: ['AMEX', 'MASTERCARD', 'VISA'] }),
];

// Apple's merchant validation hosts (Apple Pay on the Web, "Setting up your server": all under apple.com).
const APPLE_VALIDATION = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.apple\.com\//;

export function walletClientApiRoutes(ctx: MockContext, clientApi: ClientApiRoute): Route[] {
  return [
    clientApi(ctx, 'POST', 'products/:productId/sessions', (req) => {
      if (req.params.productId !== '302') return errorBody(404, '1007', 'UNKNOWN_PRODUCT_ID', { propertyName: 'productId' });
      let body: { paymentProductSession302SpecificInput?: Record<string, unknown> };
      try {
        body = req.json() as typeof body;
      } catch {
        return missing('paymentProductSession302SpecificInput');
      }
      const input = body?.paymentProductSession302SpecificInput;
      if (!input || typeof input !== 'object') return missing('paymentProductSession302SpecificInput');
      for (const name of ['displayName', 'domainName', 'validationUrl']) if (typeof input[name] !== 'string' || !input[name]) return missing(name);
      if (!APPLE_VALIDATION.test(String(input.validationUrl))) return invalid('validationUrl');
      // What Apple answers the platform (an opaque merchant session), relayed as a JSON string.
      const now = Date.now();
      const merchantSession = {
        epochTimestamp: now,
        expiresAt: now + 3_600_000,
        merchantSessionIdentifier: `MOCK_${randomBytes(8).toString('hex')}`,
        nonce: randomBytes(4).toString('hex'),
        merchantIdentifier: 'MOCK.merchant.identifier',
        domainName: input.domainName,
        displayName: input.displayName,
        signature: 'MOCK',
      };
      return json({ paymentProductSession302SpecificOutput: { sessionObject: JSON.stringify(merchantSession) } });
    }),
  ];
}

const script = (file: string) => readFileSync(new URL(`./wallets/${file}`, import.meta.url), 'utf8');

/** The stand-in wallet scripts, loaded with `<script src>` (which needs no CORS). */
export function walletScriptRoutes(): Route[] {
  return [
    { method: 'GET', path: '/wallets/google-pay.js', cors: false, handle: () => text(script('google-pay.js'), 200, 'text/javascript; charset=utf-8') },
    { method: 'GET', path: '/wallets/apple-pay-sdk.js', cors: false, handle: () => text(script('apple-pay-sdk.js'), 200, 'text/javascript; charset=utf-8') },
  ];
}

/**
 * The platform's side of a wallet payment: the decrypted input names product 320 or 302 and carries
 * `encryptedPaymentData` (Google's token, or Apple's `paymentData`, as JSON text).
 */
export function platformWalletPayment(ctx: MockContext, productId: number, values: Map<string, string>, returnUrl: string): MockResponse {
  const data = values.get('encryptedPaymentData');
  if (!data) return missing('encryptedPaymentData');
  let token: Record<string, unknown>;
  try {
    token = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return invalid('encryptedPaymentData');
  }
  // Google: ECv2 `{ signature, intermediateSigningKey, protocolVersion, signedMessage }`; Apple: EC_v1 `{ version, data, signature, header }`.
  const shapeOk = productId === 320 ? token.protocolVersion === 'ECv2' && typeof token.signedMessage === 'string' : token.version === 'EC_v1' && typeof token.data === 'string';
  if (!shapeOk) return invalid('encryptedPaymentData');
  const output = { amountOfMoney: { amount: 1000, currencyCode: 'EUR' }, paymentMethod: 'mobile', mobilePaymentMethodSpecificOutput: { paymentProductId: productId, network: 'VISA' } };
  return json({ ...createPayment(ctx, { cardNumber: '', output, returnUrl }), received: { fields: [...values.keys()] } }, 201);
}
