// Hosted checkout (MyCheckout, the SAQ A path): the merchant server calls
// `POST /v1/{merchantId}/hostedcheckouts`; the browser goes to `https://payment.` +
// `partialRedirectUrl` ("A special 'payment' subdomain will always work so you can always add
// 'https://payment.' at the beginning of this response value", `CreateHostedCheckoutResponse`,
// https://worldline-global-collect.github.io/connect-sdk-dotnet/latest/api/Worldline.Connect.Sdk.V1.Domain.CreateHostedCheckoutResponse.html).
import { NetworkError, ValidationError } from '../core/errors.js';
import { lookup } from '../core/lookup.js';
import { httpFailure, request as http } from '../core/http.js';
import { navigate, navigationTargetOf, type Navigation, type NavigationTarget } from '../core/navigate.js';
import { assertNoSecrets } from '../core/secrets.js';
import { pageOriginPolicy, resolveUrl } from '../core/url-guard.js';
import { readJson } from '../core/validate.js';

/**
 * Where MyCheckout pages live. The answer's `partialRedirectUrl` names a data centre (`pay1`…`pay6`)
 * on one of two domains, in each environment:
 * - `checkout.worldline-solutions.com`: live `pay1.checkout…`, pre-production `pay2.preprod.checkout…`
 *   (Worldline's A2A integration guide, docs.connect.worldline-solutions.com/payment-product/worldline-account-to-account-payments/integration/globalcollect);
 * - `secured-by-ingenico.com`, the older name: live `pay1.secured-by-ingenico.com`, pre-production
 *   `pay1.preprod…`, sandbox `pay1.sandbox…` (Worldline's client SDK environments and their examples).
 * Every page is under `/checkout/`.
 */
export const HOSTED_CHECKOUT_HOSTS: readonly string[] = ['*.checkout.worldline-solutions.com', '*.secured-by-ingenico.com'];
const PATHS = ['/checkout/'];

export interface HostedCheckoutOptions {
  /** Hosts the checkout may be on. Default `HOSTED_CHECKOUT_HOSTS`. */
  readonly allowedHosts?: readonly string[];
  /** How to navigate (see core `navigate`). Default `'auto'`. */
  readonly target?: NavigationTarget;
  /**
   * What goes before `partialRedirectUrl`. Default `'https://payment.'`, as Worldline documents. A
   * development mock on loopback may use `'http://'`; the result passes the URL guard either way.
   */
  readonly urlPrefix?: string;
}

/** The create-hosted-checkout answer (`CreateHostedCheckoutResponse`) or the part Baton reads. */
export interface HostedCheckoutAnswer {
  readonly partialRedirectUrl?: string | null;
  readonly hostedCheckoutId?: string | null;
}

const own = (object: object, key: string): unknown => lookup(object as Record<string, unknown>, key);

/**
 * Sends the customer to the hosted checkout: `https://payment.` + `partialRedirectUrl`, checked by
 * the URL guard (https, a Worldline checkout host, a path under `/checkout/`). Takes the
 * `partialRedirectUrl` or the whole create-hosted-checkout answer (its `RETURNMAC` is not read).
 *
 * @example
 * openHostedCheckout('pay1.checkout.worldline-solutions.com/checkout/1234-abc:065d…:bb9b…');
 */
export function openHostedCheckout(partialRedirectUrlOrAnswer: string | HostedCheckoutAnswer, options: HostedCheckoutOptions = {}): Navigation {
  const what = 'openHostedCheckout';
  const partial = typeof partialRedirectUrlOrAnswer === 'object' && partialRedirectUrlOrAnswer !== null ? own(partialRedirectUrlOrAnswer, 'partialRedirectUrl') : partialRedirectUrlOrAnswer;
  // Without a protocol, as documented: "https://" or "//" in front would make "payment." a host of its own.
  if (typeof partial !== 'string' || partial === '' || /^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(partial)) {
    throw new ValidationError(what, [{ path: 'partialRedirectUrl', message: 'expected a URL without protocol and subdomain, e.g. pay1.checkout.worldline-solutions.com/checkout/…', received: typeof partial === 'string' ? partial.slice(0, 80) : String(partial) }]);
  }
  if (options === null || typeof options !== 'object') throw new ValidationError(`${what} options`, [{ path: '', message: 'expected an object' }]);
  const prefix = own(options, 'urlPrefix') ?? 'https://payment.';
  if (typeof prefix !== 'string') throw new ValidationError(`${what} options`, [{ path: 'urlPrefix', message: 'expected a string' }]);
  const hosts = own(options, 'allowedHosts') ?? HOSTED_CHECKOUT_HOSTS;
  const target = navigationTargetOf({ target: own(options, 'target') as NavigationTarget | undefined }, `${what} options`);
  // The exact URL, checked as written by navigate's guard.
  return navigate(prefix + partial, { allowedHosts: hosts as string[], pathPrefixes: PATHS }, { target });
}

export interface StartHostedCheckoutOptions extends HostedCheckoutOptions {
  /** Your server's endpoint that creates the hosted checkout. Relative, or on the page's own origin. */
  readonly url: string | URL;
  /** The order (amount, currency, …) sent as JSON. Merchant secrets in it are refused. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** Hosts `url` may be on. Default the page's own origin (plus loopback while the page is on loopback). */
  readonly merchantHosts?: readonly string[];
  readonly signal?: AbortSignal;
}

/** What `startHostedCheckout` did: the checkout your server created, and the navigation to it. */
export interface StartHostedCheckoutResult {
  /** The id your server relayed (`undefined` when it sent none): keep it to ask for the status. */
  readonly hostedCheckoutId: string | undefined;
  /** How the checkout was opened. */
  readonly navigation: Navigation;
}

/**
 * The one-call path: POSTs `body` to your server (which calls `POST /v1/{merchantId}/hostedcheckouts`
 * and relays `partialRedirectUrl` and `hostedCheckoutId`, keeping `RETURNMAC`), then opens the
 * checkout. Not retried: the checkout may exist. Throws `NetworkError` when the server does not
 * answer 2xx JSON with a `partialRedirectUrl`, otherwise as `openHostedCheckout`.
 *
 * @example
 * await startHostedCheckout({ url: '/my-server/hosted-checkout', body: { amount: 1000, currencyCode: 'EUR' } });
 */
export async function startHostedCheckout(options: StartHostedCheckoutOptions): Promise<StartHostedCheckoutResult> {
  const what = 'startHostedCheckout options';
  if (options === null || typeof options !== 'object') throw new ValidationError(what, [{ path: '', message: 'expected an object' }]);
  const input = own(options, 'url');
  const raw = input instanceof URL ? input.href : input;
  if (typeof raw !== 'string' || raw === '') throw new ValidationError(what, [{ path: 'url', message: 'expected a URL (string or URL)' }]);
  const body = own(options, 'body') ?? {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError(what, [{ path: 'body', message: 'expected an object' }]);
  assertNoSecrets(body, 'body');
  const signal = own(options, 'signal') as AbortSignal | undefined;
  const merchantHosts = own(options, 'merchantHosts');
  const policy = merchantHosts === undefined ? pageOriginPolicy() : { allowedHosts: merchantHosts as string[] };
  const url = resolveUrl(raw, policy)?.href;
  if (!url) throw new ValidationError(what, [{ path: 'url', message: 'not a valid URL' }]);
  const response = await http(url, { method: 'POST', policy, json: body, signal, acceptStatus: () => true });
  const answer = readJson(response.text) as HostedCheckoutAnswer | undefined;
  const partial = answer && typeof answer === 'object' ? own(answer, 'partialRedirectUrl') : undefined;
  if (response.status < 200 || response.status > 299 || typeof partial !== 'string') {
    throw httpFailure({ method: 'POST', url }, response);
  }
  const id = own(answer!, 'hostedCheckoutId');
  return {
    hostedCheckoutId: typeof id === 'string' ? id : undefined,
    navigation: openHostedCheckout(partial, { allowedHosts: options.allowedHosts, target: options.target, urlPrefix: options.urlPrefix }),
  };
}
