// The return page: Worldline sends the customer back to the merchant's `returnUrl` with parameters
// appended. They prove nothing (anyone can type a URL): the merchant server compares RETURNMAC with
// the one it kept and asks Worldline; the page waits for its answer.
import * as v from 'valibot';
import { requestUrl } from '../core/egress.js';
import { BatonError, ValidationError } from '../core/errors.js';
import { callback, hostsOption, msOption, optionsShape, signalOption, urlInput } from '../core/options.js';
import { own } from '../core/own.js';
import { pollUntilFinal } from '../core/poll-final.js';
import { policyFor } from '../core/url-guard.js';
import { parseWith, readJson } from '../core/validate.js';
import { paymentOutcome, type PaymentOutcome } from './payment-status.js';

/**
 * The parameters Worldline appends on return: `RETURNMAC` ("When the customer is returned to your
 * site we will append this property and value to the query-string", `CreateHostedCheckoutResponse`
 * and `RedirectData` in Worldline's server SDK docs), `hostedCheckoutId` after a hosted checkout,
 * `REF` and `paymentId` after a redirect payment. All untrusted.
 */
export interface ConnectReturn {
  readonly RETURNMAC: string | undefined;
  readonly hostedCheckoutId: string | undefined;
  readonly REF: string | undefined;
  readonly paymentId: string | undefined;
  readonly trusted: false;
}

const PARAMS = ['RETURNMAC', 'hostedCheckoutId', 'REF', 'paymentId'] as const;
// Ids and MACs are short printable tokens (UUIDs, digits); anything else is not Worldline's.
const TOKEN = /^[\x21-\x7e]{1,256}$/;

/**
 * Reads the return parameters from `url` (default: this page's address). Throws `ValidationError`
 * when none is there or one is malformed. Send them to your server with `awaitPaymentStatus`.
 *
 * @example
 * const returned = readConnectReturn(); // ?RETURNMAC=…&hostedCheckoutId=…
 */
export function readConnectReturn(url?: string | URL): ConnectReturn {
  const page = typeof location === 'undefined' ? undefined : location.href;
  const href = url === undefined ? page : url instanceof URL ? url.href : url;
  if (typeof href !== 'string') throw new BatonError('readConnectReturn needs a URL outside a browser');
  let query: URLSearchParams;
  try {
    query = new URL(href, page).searchParams;
  } catch {
    throw new ValidationError('return URL', [{ path: '', message: 'not a valid URL' }]);
  }
  const found: Record<string, string | undefined> = {};
  for (const name of PARAMS) {
    const value = query.get(name);
    if (value === null || value === '') continue;
    if (!TOKEN.test(value)) throw new ValidationError('return URL', [{ path: name, message: 'expected 1–256 printable ASCII characters' }]);
    found[name] = value;
  }
  if (!found.hostedCheckoutId && !found.REF && !found.paymentId && !found.RETURNMAC) {
    throw new ValidationError('return URL', [{ path: '', message: `none of ${PARAMS.join(', ')}` }]);
  }
  return Object.freeze({ RETURNMAC: found.RETURNMAC, hostedCheckoutId: found.hostedCheckoutId, REF: found.REF, paymentId: found.paymentId, trusted: false as const });
}

export interface AwaitPaymentStatusOptions {
  /** Your server's status endpoint, relative or on the page's own origin. It receives the return parameters as a JSON POST. */
  readonly statusUrl: string | URL;
  /** What `readConnectReturn` read. */
  readonly returned: ConnectReturn;
  /** Hosts `statusUrl` may be on. Default the page's own origin (plus loopback while the page is on loopback). */
  readonly allowedHosts?: readonly string[];
  readonly signal?: AbortSignal;
  /** First delay between questions. Default 3 000 ms; then the schedule of SBC's `awaitFinalStatus`. */
  readonly intervalMs?: number;
  /** Give up with a `NetworkError` of kind `'timeout'`. Default one hour. */
  readonly timeoutMs?: number;
  /** Called with every pending outcome. */
  readonly onProgress?: (outcome: PaymentOutcome) => void;
}

/** The final outcome `awaitPaymentStatus` waited for. */
export interface AwaitPaymentStatusResult extends PaymentOutcome {
  /** Your server's answer exactly as received (what Worldline answered it). */
  readonly answer: unknown;
}

/**
 * Asks your server for the payment's status until it is final, with the return parameters in the
 * body of a POST to your own origin (never in a URL, never to anyone else): your server compares
 * `RETURNMAC` with the one it kept, asks Worldline (Get hosted checkout or Get payment) and answers
 * what Worldline answered. Same bounded, visibility-aware schedule as SBC's `awaitFinalStatus`.
 *
 * @example
 * const outcome = await awaitPaymentStatus({ statusUrl: '/my-server/connect/status', returned: readConnectReturn() });
 * show(outcome.statusCategory === 'COMPLETED' ? 'Paid' : 'Not paid');
 */
export async function awaitPaymentStatus(options: AwaitPaymentStatusOptions): Promise<AwaitPaymentStatusResult> {
  // Own properties only, each read once: an inherited `allowedHosts` or `onProgress` is no option.
  const opts = parseWith(
    optionsShape({
      statusUrl: urlInput('expected a URL (string or URL)'),
      returned: v.custom<ConnectReturn>((value) => !!value && typeof value === 'object', 'expected what readConnectReturn read'),
      allowedHosts: hostsOption,
      signal: signalOption,
      intervalMs: msOption,
      timeoutMs: msOption,
      onProgress: v.optional(callback<(outcome: PaymentOutcome) => void>()),
    }),
    options,
    'awaitPaymentStatus options',
  );
  const policy = policyFor(opts.allowedHosts, 'awaitPaymentStatus({ allowedHosts })');
  const url = requestUrl(opts.statusUrl, policy).href;
  // Only the documented parameters, own and read once.
  const returned = own(opts.returned);
  const json = Object.fromEntries(PARAMS.map((name) => [name, returned[name]]).filter(([, value]) => typeof value === 'string'));
  return pollUntilFinal({
    url,
    policy,
    method: 'POST',
    json,
    signal: opts.signal,
    intervalMs: opts.intervalMs ?? 3_000,
    timeoutMs: opts.timeoutMs,
    onProgress: opts.onProgress,
    read(text) {
      const answer = readJson(text);
      const outcome = paymentOutcome(answer);
      return outcome.final ? { final: true, value: Object.freeze({ ...outcome, answer }) } : { final: false, progress: outcome };
    },
  });
}
