// Hosted checkout (MyCheckout, the SAQ A path): the merchant server calls
// `POST /v1/{merchantId}/hostedcheckouts`; the browser goes to `https://payment.` +
// `partialRedirectUrl` ("A special 'payment' subdomain will always work so you can always add
// 'https://payment.' at the beginning of this response value", `CreateHostedCheckoutResponse`,
// https://worldline-global-collect.github.io/connect-sdk-dotnet/latest/api/Worldline.Connect.Sdk.V1.Domain.CreateHostedCheckoutResponse.html).
import * as v from 'valibot';
import { ValidationError } from '../core/errors.js';
import { httpFailure, request as http } from '../core/http.js';
import { navigate, navigationTargetOf, type Navigation, type NavigationTarget } from '../core/navigate.js';
import { hostsOption, optionsShape, signalOption, text, urlInput } from '../core/options.js';
import { own } from '../core/own.js';
import { assertNoSecrets } from '../core/secrets.js';
import { policyFor } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';

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

// Built when called: a schema at module level is a call a bundler keeps even when it is unused.
const openEntries = () => ({ allowedHosts: hostsOption, urlPrefix: v.optional(text()) });
const startSchema = () =>
  optionsShape({
    ...openEntries(),
    url: urlInput('expected a URL (string or URL)'),
    body: v.optional(v.custom<Readonly<Record<string, unknown>>>((value) => !!value && typeof value === 'object' && !Array.isArray(value), 'expected an object')),
    merchantHosts: hostsOption,
    signal: signalOption,
  });

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
  const opts = parseWith(optionsShape(openEntries()), options ?? {}, `${what} options`);
  return openChecked(partialRedirectUrlOrAnswer, opts, what, `${what}(…, { allowedHosts })`);
}

/** `openHostedCheckout` with options already read once (`opts`); `option` names where `allowedHosts` is set. */
function openChecked(partialRedirectUrlOrAnswer: unknown, opts: { allowedHosts?: readonly string[]; urlPrefix?: string }, what: string, option: string): Navigation {
  const partial = typeof partialRedirectUrlOrAnswer === 'object' && partialRedirectUrlOrAnswer !== null ? own(partialRedirectUrlOrAnswer).partialRedirectUrl : partialRedirectUrlOrAnswer;
  // Without a protocol, as documented: "https://" or "//" in front would make "payment." a host of its own.
  if (typeof partial !== 'string' || partial === '' || /^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(partial)) {
    throw new ValidationError(what, [{ path: 'partialRedirectUrl', message: 'expected a URL without protocol and subdomain, e.g. pay1.checkout.worldline-solutions.com/checkout/…', received: typeof partial === 'string' ? partial.slice(0, 80) : String(partial) }]);
  }
  const target = navigationTargetOf(opts, `${what} options`);
  // The exact URL, checked as written by navigate's guard.
  return navigate((opts.urlPrefix ?? 'https://payment.') + partial, { allowedHosts: opts.allowedHosts ?? HOSTED_CHECKOUT_HOSTS, pathPrefixes: PATHS, allowedHostsOption: option }, { target });
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
  // Own properties only, each read once: an inherited `urlPrefix` or `allowedHosts` is no option.
  const opts = parseWith(startSchema(), options, what);
  const body = opts.body ?? {};
  assertNoSecrets(body, 'body');
  const policy = policyFor(opts.merchantHosts, 'startHostedCheckout({ merchantHosts })');
  const url = opts.url;
  const response = await http(url, { method: 'POST', policy, json: body, signal: opts.signal, acceptStatus: () => true });
  const answer = readJson(response.text) as HostedCheckoutAnswer | undefined;
  const { partialRedirectUrl: partial, hostedCheckoutId: id } = answer && typeof answer === 'object' ? own(answer) : ({} as Record<string, unknown>);
  if (response.status < 200 || response.status > 299 || typeof partial !== 'string') {
    throw httpFailure({ method: 'POST', url: response.url }, response);
  }
  return {
    hostedCheckoutId: typeof id === 'string' ? id : undefined,
    navigation: openChecked(partial, opts, what, 'startHostedCheckout({ allowedHosts })'),
  };
}
