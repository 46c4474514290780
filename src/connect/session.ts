// A Connect client session: what the merchant server created, and every Client API call made
// on the customer's behalf with it.
import * as v from 'valibot';
import { NetworkError, SecretError } from '../core/errors.js';
import { assertNoSecrets } from '../core/secrets.js';
import { joinShared, type SharedTask } from '../core/shared.js';
import { pathSegment, pathUnder, safeUrl } from '../core/url-guard.js';
import { convert, hostsOption, matching, optionsShape, shape, text, timeoutOption, type Shape } from '../core/options.js';
import { lookup } from '../core/lookup.js';
import { own } from '../core/own.js';
import { parseWith } from '../core/validate.js';
import { callClientApi, isConnectError, type CallOptions, type ClientApiTarget } from './client-api.js';
import { DEFAULT_ALLOWED_HOSTS, type ClientSession, type ClientSessionOptions, type IinDetailsResult } from './client-session.js';
import { asciiDigits } from './digits.js';
import { encryptJwe } from './encrypt.js';
import { customerInput, ProductId } from './encrypt-request.js';
import {
  Id,
  BasicPaymentProductGroupsSchema,
  BasicPaymentProductsSchema,
  ConvertAmountSchema,
  DirectorySchema,
  IinDetailsSchema,
  NetworksSchema,
  PaymentContextSchema,
  PaymentProductGroupSchema,
  PaymentProductSchema,
  PrivacyPolicySchema,
  PublicKeySchema,
  SessionResponseSchema,
  ThirdPartyStatusSchema,
  type PaymentContext,
  type SessionResponse,
} from './schemas.js';

const optionsSchema = optionsShape({ allowedHosts: hostsOption, appIdentifier: v.optional(text()), timeoutMs: timeoutOption });
const DirectoryContextSchema = shape({ countryCode: PaymentContextSchema.entries.countryCode, currencyCode: PaymentContextSchema.entries.currencyCode });
const ConvertSchema = shape({
  source: PaymentContextSchema.entries.currencyCode,
  target: PaymentContextSchema.entries.currencyCode,
  amount: PaymentContextSchema.entries.amount,
});
const PrivacySchema = shape({ locale: PaymentContextSchema.entries.locale, paymentProductId: v.optional(ProductId) });

/**
 * `clientApiUrl` may end in `/client`, `/client/v1`, or neither, with or without `/`. Built as
 * text on the checked origin: a path such as `//evil.example/client` stays a path on that origin.
 */
function clientApiBase(url: URL, customerId: string): URL {
  let path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  if (!path.endsWith('/client')) path += '/client';
  return new URL(`${url.origin}${path}/v1/${pathSegment(customerId, 'customerId')}/`);
}


/**
 * `input` checked with a loose schema, keeping only the schema's own keys (what is sent as the
 * query: unknown keys stay out; an undefined value is left out by the encoder).
 */
function pick<const TEntries extends v.ObjectEntries>(schema: Shape<TEntries>, input: unknown, what: string): v.InferOutput<v.ObjectSchema<TEntries, undefined>> {
  const output = parseWith(schema, input, what);
  return Object.fromEntries(Object.keys(schema.entries).map((key) => [key, lookup(output, key)])) as v.InferOutput<v.ObjectSchema<TEntries, undefined>>;
}

function isNotFound(error: unknown): boolean {
  return (isConnectError(error) && error.details.httpStatus === 404) || (error instanceof NetworkError && error.status === 404);
}

/**
 * Starts a client session from what your server got from `POST /v1/{merchantId}/sessions`.
 * Checks the ids and that `clientApiUrl`/`assetUrl` are on the allow-list.
 *
 * @example
 * import { createClientSession } from 'baton-sdk/connect';
 * const session = createClientSession(await myServer.post('/checkout/session')); // what your server got from Worldline
 * const { paymentProducts } = await session.getBasicPaymentProducts({ countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false });
 */
export function createClientSession(sessionResponse: SessionResponse, options: ClientSessionOptions = {}): ClientSession {
  // A secret here means the merchant's server leaked it to the browser: say so, do not drop it silently.
  try {
    assertNoSecrets(sessionResponse, 'session response');
  } catch (error) {
    throw error instanceof SecretError ? new SecretError(error.path, `${error.path}: your server sent this merchant secret to the browser; remove it there and rotate it`) : error;
  }
  const response = parseWith(SessionResponseSchema, sessionResponse, 'session response');
  const opts = parseWith(optionsSchema, options ?? {}, 'createClientSession options');
  const policy = { allowedHosts: opts.allowedHosts ?? DEFAULT_ALLOWED_HOSTS, allowedHostsOption: 'createClientSession(…, { allowedHosts })' };
  const { clientSessionId, customerId } = response;
  const apiBaseUrl = clientApiBase(safeUrl(response.clientApiUrl, policy), customerId);
  const asset = safeUrl(response.assetUrl, policy);
  // The asset base without its query: asset paths are resolved against the directory.
  const assetBase = new URL(`${asset.origin}${asset.pathname.replace(/\/?$/, '/')}`);
  const target: ClientApiTarget = {
    appIdentifier: opts.appIdentifier,
    timeoutMs: opts.timeoutMs,
    base: apiBaseUrl,
    policy: { ...policy, pathPrefixes: [apiBaseUrl.pathname] },
    clientSessionId,
  };
  // Answers kept for the session's life: the public key, and one IIN lookup per bin and context
  // (typing digits 7, 8, … repeats none). A failed call (offline, 5xx) is not kept: the next one
  // asks again. Each caller's signal abandons only its own wait; the call itself runs on a signal
  // of its own, cancelled (and forgotten at once) when every caller has left.
  const cache = new Map<string, SharedTask<unknown>>();
  const once = <T>(method: string, path: string, key: string, make: (signal: AbortSignal) => Promise<T>, opts: CallOptions | undefined): Promise<T> =>
    joinShared(cache as Map<string, SharedTask<T>>, `${path} ${key}`, make, own(opts).signal as AbortSignal | undefined, (cause) => new NetworkError('aborted', { method, url: new URL(path, apiBaseUrl).href }, { cause }), true);

  const call = <const TSchema extends v.GenericSchema>(
    path: string,
    schema: TSchema,
    searchParams: Record<string, string | number | boolean | undefined> | undefined,
    callOptions: CallOptions | undefined,
    json?: unknown,
  ) => callClientApi(target, path, schema, searchParams, own(callOptions).signal as AbortSignal | undefined, json);
  const contextOf = (context: PaymentContext) => pick(PaymentContextSchema, context, 'payment context');
  const productPath = (id: number, suffix = '') => `products/${pathSegment(parseWith(ProductId, id, 'paymentProductId'), 'paymentProductId')}${suffix}`;

  const session: ClientSession = {
    clientSessionId,
    customerId,
    invalidTokens: Object.freeze([...response.invalidTokens]),
    region: response.region,
    apiBaseUrl,
    assetUrl: (path) => pathUnder(assetBase, path, 'the session assetUrl'),
    getBasicPaymentProducts: async (context, opts) => call('products', BasicPaymentProductsSchema, { ...contextOf(context), hide: 'fields' }, opts),
    getBasicPaymentProductGroups: async (context, opts) =>
      call('productgroups', BasicPaymentProductGroupsSchema, { ...contextOf(context), hide: 'fields' }, opts),
    getPaymentProduct: async (id, context, opts) => call(productPath(id), PaymentProductSchema, contextOf(context), opts),
    getPaymentProductGroup: async (id, context, opts) =>
      call(`productgroups/${pathSegment(parseWith(Id, id, 'paymentProductGroupId'), 'paymentProductGroupId')}`, PaymentProductGroupSchema, contextOf(context), opts),
    getPaymentProductNetworks: async (id, context, opts) => call(productPath(id, '/networks'), NetworksSchema, contextOf(context), opts),
    getPaymentProductDirectory: async (id, context, opts) =>
      call(productPath(id, '/directory'), DirectorySchema, pick(DirectoryContextSchema, context, 'directory context'), opts),
    convertAmount: async (request, opts) => call('services/convert/amount', ConvertAmountSchema, pick(ConvertSchema, request, 'convertAmount request'), opts),
    getThirdPartyPaymentStatus: async (paymentId, opts) =>
      call(`payments/${pathSegment(parseWith(Id, paymentId, 'paymentId'), 'paymentId')}/thirdpartystatus`, ThirdPartyStatusSchema, undefined, opts),
    getPrivacyPolicy: async (request = {}, opts) => call('services/privacypolicy', PrivacyPolicySchema, pick(PrivacySchema, request, 'getPrivacyPolicy request'), opts),
    async getIinDetails(partialCardNumber, context, opts) {
      const digits = parseWith(
        v.pipe(text('must be a string'), convert((s) => asciiDigits(s).replace(/[\s-]/g, '')), matching(/^\d*$/, 'must be digits, spaces and dashes')),
        partialCardNumber,
        'partialCardNumber',
      );
      const { countryCode, isRecurring, amount, currencyCode } = contextOf(context);
      if (digits.length < 6) return { status: 'NOT_ENOUGH_DIGITS' };
      const bin = digits.slice(0, digits.length < 8 ? 6 : 8);
      const paymentContext = { countryCode, isRecurring, amountOfMoney: { amount, currencyCode } };
      const path = 'services/getIINdetails';
      return once('POST', path, JSON.stringify([bin, paymentContext]), (signal) =>
        call(path, IinDetailsSchema, undefined, { signal }, { bin, paymentContext }).then(
          (details): IinDetailsResult => ({ status: details.isAllowedInContext ? 'SUPPORTED' : 'EXISTING_BUT_NOT_ALLOWED', details }),
          (error: unknown): IinDetailsResult => {
            if (isNotFound(error)) return { status: 'UNKNOWN' };
            throw error;
          },
        ),
        opts,
      );
    },
    getPublicKey: (opts) => once('GET', 'crypto/publickey', '', (signal) => call('crypto/publickey', PublicKeySchema, undefined, { signal }), opts),
    // Checked and prepared before the key is fetched: bad input costs no request.
    encrypt: async (request, opts) => encryptJwe(customerInput(request, clientSessionId), await session.getPublicKey(opts)),
  };
  return session;
}
