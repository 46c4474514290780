import * as v from 'valibot';
import { ValidationError } from '../core/errors.js';
import { anyStatus, httpFailure, request as http } from '../core/http.js';
import { navigate, navigationTargetOf, type Navigation, type NavigationTarget } from '../core/navigate.js';
import { hostsOption, optionsShape, signalOption, urlInput } from '../core/options.js';
import { kindOf, own } from '../core/own.js';
import { policyFor } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { gatewayPolicy } from './config.js';
import { serializeFormBody, type HostedFormBody } from './form-body.js';
import { parseFormResponse, type FormResponse } from './form-response.js';

export interface HostedFormOptions {
  /** Hosts the form may be on; default the configured gateway hosts (`gate.sbctech.ru`, `sandbox.sbctech.ru`). */
  readonly allowedHosts?: readonly string[];
  /** How to navigate (see core `navigate`). Default `'auto'`. */
  readonly target?: NavigationTarget;
}

/**
 * Sends the payer to the gateway's hosted payment form — only through the core URL guard:
 * https, a host on the allow-list, a path under the configured prefix (`/paynet/`).
 * Throws `UnsafeUrlError` for anything else and `ValidationError` for input that is not a URL.
 *
 * @example
 * sbc.openHostedForm(sbc.parseFormResponse(relayedBody));
 * sbc.openHostedForm('https://sandbox.sbctech.ru/paynet/form/init/BB58…', { target: 'popup' });
 */
export function openHostedForm(redirectUrlOrParsed: string | URL | Pick<FormResponse, 'redirectUrl'>, options: HostedFormOptions = {}): Navigation {
  const url = formUrl(redirectUrlOrParsed);
  const opts = parseWith(openOptions, options, 'openHostedForm options');
  const target = navigationTargetOf(opts, 'openHostedForm options');
  return navigate(url, gatewayPolicy(opts.allowedHosts), { target });
}

const openOptions = optionsShape({ allowedHosts: hostsOption });

export interface StartHostedFormOptions {
  /**
   * The merchant server's own endpoint that signs the order and calls preauth-form. Relative to the
   * page, or absolute; it must be on the page's own origin (https) unless `allowedHosts` says otherwise.
   */
  readonly url: string | URL;
  /**
   * Hosts `url` may be on (https; plain http on loopback). Default: the page's own origin, plus
   * loopback hosts while the page is on loopback. The hosted form's own hosts are configuration:
   * `configure({ allowedHosts })`.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * The order, sent urlencoded. `amountCentis` must be integer centis and `currency` ISO 4217 upper
   * case (as for `initiateSale`); merchant secrets (the signature and its key, in any spelling) are refused.
   */
  readonly body: HostedFormBody;
  /** How to open the form (see `openHostedForm`). Default `'auto'`. */
  readonly target?: NavigationTarget;
  readonly signal?: AbortSignal;
}

/** What `startHostedForm` did: the gateway's parsed answer, and the navigation it started. */
export interface StartHostedFormResult {
  /** The preauth-form answer your server relayed, parsed. */
  readonly form: FormResponse;
  /** How the form was opened (this tab, the top window, or a new one). */
  readonly navigation: Navigation;
}

const startOptions = optionsShape({
  url: urlInput('expected a URL (string or URL)'),
  allowedHosts: hostsOption,
  body: v.custom<unknown>(() => true),
  signal: signalOption,
});

/**
 * The one-call path: POSTs the order to the merchant server (which signs it and calls
 * preauth-form), parses the relayed answer and opens the hosted form. Not retried: the order may
 * exist. Bad input (`ValidationError`), an unsafe `url` (`UnsafeUrlError`) or a secret in the body
 * (`SecretError`) is refused before anything is sent. Otherwise throws like `parseFormResponse`
 * and `openHostedForm`, or `NetworkError`.
 *
 * @example
 * await sbc.startHostedForm({ url: '/api/sbc/preauth', body: { amountCentis: 1042, currency: 'EUR', email } });
 */
export async function startHostedForm(options: StartHostedFormOptions): Promise<StartHostedFormResult> {
  const what = 'startHostedForm options';
  const opts = parseWith(startOptions, options, what);
  const target = navigationTargetOf(opts, what);
  const body = serializeFormBody(opts.body, `${what}.body`);
  const response = await http(opts.url, {
    method: 'POST',
    policy: policyFor(opts.allowedHosts, 'startHostedForm({ allowedHosts })'),
    form: body,
    signal: opts.signal,
    // The relay may carry the gateway's error document on any status: read it first.
    acceptStatus: anyStatus,
  });
  let form: FormResponse;
  try {
    form = parseFormResponse(response.text);
  } catch (error) {
    if (error instanceof ValidationError && (response.status < 200 || response.status > 299)) {
      throw httpFailure({ method: 'POST', url: response.url }, response, { cause: error });
    }
    throw error;
  }
  return { form, navigation: openHostedForm(form, { target }) };
}

function formUrl(input: unknown): string | URL {
  // An own `redirectUrl` only: an inherited one (a polluted prototype) is no form response.
  const url = input !== null && typeof input === 'object' && !(input instanceof URL) ? own(input).redirectUrl : input;
  if (typeof url === 'string' || url instanceof URL) return url;
  throw new ValidationError('openHostedForm', [{ path: '', message: 'expected a URL or a parsed form response', received: kindOf(input) }]);
}
