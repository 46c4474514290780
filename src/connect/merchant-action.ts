// `handleMerchantAction`: carries out the `merchantAction` of a create-payment answer that the
// merchant server relays. The action types and what each asks for are Worldline's own words
// (`MerchantAction.ActionType`, https://worldline-global-collect.github.io/connect-sdk-dotnet/latest/api/Worldline.Connect.Sdk.V1.Domain.MerchantAction.html).
import * as v from 'valibot';
import { SecretError, ValidationError } from '../core/errors.js';
import { lookup } from '../core/lookup.js';
import { navigate, navigationTargetOf, type Navigation, type NavigationTarget } from '../core/navigate.js';
import { hostsOption, optionsShape, text } from '../core/options.js';
import { own } from '../core/own.js';
import { isLoopbackHost, type UrlPolicy } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { mountActionForm } from './action-form.js';
import { MERCHANT_ACTION_MESSAGES, type MerchantActionMessages } from './messages.js';
import { merchantActionSchema, type CreatePaymentAnswer, type KeyValuePair, type MerchantAction } from './merchant-action-schema.js';
import { renderShowData } from './show-data.js';

export interface MerchantActionOptions {
  /** Where SHOW_FORM, SHOW_INSTRUCTIONS and SHOW_TRANSACTION_RESULTS render (its content is replaced). */
  readonly container?: HTMLElement;
  /**
   * REDIRECT: hosts the redirect may go to. Default any host (the card issuer's 3-D Secure page
   * cannot be known in advance); the URL must still be https, without credentials, and read as written.
   */
  readonly allowedHosts?: readonly string[];
  /** REDIRECT: how to navigate (see core `navigate`). Default `'auto'`: this tab, or the top window when framed. */
  readonly target?: NavigationTarget;
  /** SHOW_INSTRUCTIONS / SHOW_TRANSACTION_RESULTS: a heading above the list. */
  readonly heading?: string;
  /** Texts shown for `showData` keys (e.g. `{ ACCOUNTNUMBER: 'Account number' }`); default the key itself. */
  readonly labels?: Readonly<Record<string, string>>;
  /** SHOW_FORM: the submit button's text. Default `messages.continue` ("Continue"). */
  readonly submitLabel?: string;
  /** The views' texts (any of them; the rest stay English), e.g. `merchantAction` from `baton-sdk/locales/de`. */
  readonly messages?: Partial<MerchantActionMessages>;
}

/** What `handleMerchantAction` did. `RETURNMAC` is in none of them: it stays with the merchant server. */
export type MerchantActionResult =
  /** The answer asked for nothing (a frictionless card): ask your server for the status. */
  | { readonly actionType: 'NONE' }
  | { readonly actionType: 'REDIRECT'; readonly navigation: Navigation }
  | {
      readonly actionType: 'SHOW_FORM';
      readonly form: HTMLFormElement;
      /** Resolves with the checked values: send them to your server for a Complete payment request. */
      readonly values: Promise<Record<string, string>>;
      /** For some products (Bancontact 3012, WeChat Pay 863) a QR code or app intent; not rendered. */
      readonly showData: readonly KeyValuePair[];
    }
  | { readonly actionType: 'SHOW_INSTRUCTIONS' | 'SHOW_TRANSACTION_RESULTS'; readonly element: HTMLElement; readonly showData: readonly KeyValuePair[] }
  /** "The merchant needs to call a third party using the data found in thirdPartyData": yours to call. */
  | { readonly actionType: 'CALL_THIRD_PARTY'; readonly thirdPartyData: Readonly<Record<string, unknown>> };

const WHAT = 'handleMerchantAction';

// Built when called: a schema at module level is a call a bundler keeps even when it is unused.
const optionsSchema = () =>
  optionsShape({
    container: v.optional(v.custom<HTMLElement>((value) => !!value && typeof (value as HTMLElement).replaceChildren === 'function', 'must be an element')),
    allowedHosts: hostsOption,
    heading: v.optional(text()),
    labels: v.optional(v.custom<Readonly<Record<string, string>>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
    submitLabel: v.optional(text()),
    messages: v.optional(v.custom<Partial<MerchantActionMessages>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
  });
type Options = v.InferOutput<ReturnType<typeof optionsSchema>>;

/**
 * Carries out a `merchantAction` (or the whole create-payment answer holding one):
 * - `REDIRECT`: navigates to `redirectData.redirectURL` after the URL guard (https, no
 *   credentials, no other scheme, read as written; any host unless `allowedHosts` narrows it).
 * - `SHOW_FORM`: renders `formFields` in `container`; `values` resolves with what was typed.
 * - `SHOW_INSTRUCTIONS`, `SHOW_TRANSACTION_RESULTS`: renders `showData` as a `<dl>` in `container`.
 * - `CALL_THIRD_PARTY`: hands back `thirdPartyData` for your code to call the third party.
 * - `MOBILE_THREEDS_CHALLENGE`, `INITIALIZE_INAPP_THREED_SECURE_SDK`: `ValidationError` (for an
 *   EMVCo mobile SDK inside an app, not a browser), as is any unknown `actionType`.
 * `RETURNMAC` is never sent, shown or returned: your server keeps it and compares it on return.
 *
 * @example
 * // `myServer` stands for your app's own client of your server.
 * const answer = await myServer.post('/my-server/payments', body);
 * const done = await handleMerchantAction(answer, { container: document.querySelector('#next')! });
 * if (done.actionType === 'SHOW_FORM') await sendToMyServer(await done.values);
 */
export async function handleMerchantAction(actionOrAnswer: MerchantAction | CreatePaymentAnswer | object, options: MerchantActionOptions = {}): Promise<MerchantActionResult> {
  if (actionOrAnswer === null || typeof actionOrAnswer !== 'object') {
    throw new ValidationError(WHAT, [{ path: '', message: 'expected a merchantAction or a create-payment answer', received: actionOrAnswer === null ? 'null' : typeof actionOrAnswer }]);
  }
  // Own properties only, each read once: an inherited `allowedHosts` or `container` is no option.
  const opts = parseWith(optionsSchema(), options ?? {}, `${WHAT} options`);
  // The whole answer, or the action itself (it has an actionType).
  const given = own(actionOrAnswer);
  const raw = given.actionType === undefined ? given.merchantAction : given;
  if (raw === undefined || raw === null) return { actionType: 'NONE' };
  const action = parseWith(merchantActionSchema(), raw, 'merchantAction');
  const { container } = opts;
  const needContainer = (): HTMLElement => {
    if (container) return container;
    throw new ValidationError(`${WHAT} options`, [{ path: 'container', message: `${action.actionType} renders into an element: pass one as container` }]);
  };
  const showData = action.showData ?? [];

  switch (action.actionType) {
    case 'REDIRECT':
      return { actionType: 'REDIRECT', navigation: redirect(action, opts) };
    case 'SHOW_FORM': {
      if (!action.formFields?.length) throw new ValidationError('merchantAction', [{ path: 'formFields', message: 'SHOW_FORM needs formFields' }]);
      const { form, values } = mountActionForm(needContainer(), action.formFields, actionMessages(opts.messages), opts.submitLabel);
      return { actionType: 'SHOW_FORM', form, values, showData };
    }
    case 'SHOW_INSTRUCTIONS':
    case 'SHOW_TRANSACTION_RESULTS': {
      const element = renderShowData(needContainer(), showData, { heading: opts.heading, labels: opts.labels });
      return { actionType: action.actionType, element, showData };
    }
    case 'CALL_THIRD_PARTY':
      if (!action.thirdPartyData) throw new ValidationError('merchantAction', [{ path: 'thirdPartyData', message: 'CALL_THIRD_PARTY needs thirdPartyData' }]);
      return { actionType: 'CALL_THIRD_PARTY', thirdPartyData: action.thirdPartyData };
    case 'MOBILE_THREEDS_CHALLENGE':
    case 'INITIALIZE_INAPP_THREED_SECURE_SDK':
      throw new ValidationError('merchantAction', [
        {
          path: 'actionType',
          message: `${action.actionType} is for an EMVCo 3-D Secure SDK inside a mobile app, not a browser: create browser payments without the in-app 3-D Secure input`,
          received: action.actionType,
        },
      ]);
    default:
      // Never ignored: a payment would sit waiting for an action nobody carried out.
      throw new ValidationError('merchantAction', [
        {
          path: 'actionType',
          message: 'is not one Baton knows (REDIRECT, SHOW_FORM, SHOW_INSTRUCTIONS, SHOW_TRANSACTION_RESULTS, CALL_THIRD_PARTY): handle it yourself before calling handleMerchantAction',
          received: action.actionType.slice(0, 60),
        },
      ]);
  }
}

/** The English texts with the given ones (strings only, own keys of the catalogue only) over them. */
function actionMessages(given: unknown): MerchantActionMessages {
  const messages = { ...MERCHANT_ACTION_MESSAGES };
  if (given === undefined) return messages;
  if (given === null || typeof given !== 'object') throw new ValidationError(`${WHAT} options`, [{ path: 'messages', message: 'expected an object of texts' }]);
  const texts = own(given);
  for (const key of Object.keys(messages) as (keyof MerchantActionMessages)[]) {
    const text = texts[key];
    if (typeof text === 'string') messages[key] = text;
    else if (text !== undefined) throw new ValidationError(`${WHAT} options`, [{ path: `messages.${key}`, message: 'must be a string' }]);
  }
  return messages;
}

/**
 * REDIRECT through the one URL guard. A third party's page (the card issuer's 3-D Secure page)
 * cannot be on a list known in advance, so the host is free unless `allowedHosts` narrows it;
 * everything else the guard checks still holds. Plain http only while the page itself is on loopback.
 */
function redirect(action: MerchantAction, opts: Options): Navigation {
  const url = action.redirectData?.redirectURL;
  if (!url) throw new ValidationError('merchantAction', [{ path: 'redirectData.redirectURL', message: 'REDIRECT needs a redirectURL' }]);
  const mac = action.redirectData?.RETURNMAC;
  // RETURNMAC proves the return to the merchant server: it must not travel to the third party.
  // (Worldline's are UUIDs; a few characters would match by chance.)
  if (mac && mac.length >= 8 && url.includes(mac)) throw new SecretError('redirectData.redirectURL (it carries the RETURNMAC)');
  const hosts = opts.allowedHosts;
  const target = navigationTargetOf(opts, `${WHAT} options`);
  const local = typeof location !== 'undefined' && isLoopbackHost(location.hostname);
  // Any host: the URL's own, as the parser reads it (the guard still checks it is the host as written).
  let itsHost = '';
  try {
    itsHost = new URL(url).host;
  } catch {
    // not a URL: the guard says why
  }
  const policy: UrlPolicy = { allowedHosts: hosts ?? (itsHost ? [itsHost] : []), allowLoopbackHttp: local, allowedHostsOption: `${WHAT}(…, { allowedHosts })` };
  return navigate(url, policy, { target });
}
