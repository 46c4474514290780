// `handleMerchantAction`: carries out the `merchantAction` of a create-payment answer that the
// merchant server relays. The action types and what each asks for are Worldline's own words
// (`MerchantAction.ActionType`, https://worldline-global-collect.github.io/connect-sdk-dotnet/latest/api/Worldline.Connect.Sdk.V1.Domain.MerchantAction.html).
import { SecretError, ValidationError } from '../core/errors.js';
import { navigate, navigationTargetOf, type Navigation, type NavigationTarget } from '../core/navigate.js';
import { isLoopbackHost, type UrlPolicy } from '../core/url-guard.js';
import { parseWith } from '../core/validate.js';
import { mountActionForm } from './action-form.js';
import { merchantActionSchema, type CreatePaymentAnswer, type KeyValuePair, type MerchantAction } from './merchant-action-schema.js';
import { ACTION_VIEW_MESSAGES, type ActionViewMessages } from './messages.js';
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
  /** SHOW_FORM: the submit button's text. Default `messages.submit` ("Continue"). */
  readonly submitLabel?: string;
  /** SHOW_FORM's texts, in part or whole (e.g. `connectActions` from `baton-sdk/locales/de`). Default English. */
  readonly messages?: Partial<ActionViewMessages>;
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
const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined);

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
 * const answer = await (await fetch('/my-server/payments', { method: 'POST', body })).json();
 * const done = await handleMerchantAction(answer, { container: document.querySelector('#next')! });
 * if (done.actionType === 'SHOW_FORM') await sendToMyServer(await done.values);
 */
export async function handleMerchantAction(actionOrAnswer: MerchantAction | CreatePaymentAnswer | object, options: MerchantActionOptions = {}): Promise<MerchantActionResult> {
  if (actionOrAnswer === null || typeof actionOrAnswer !== 'object') {
    throw new ValidationError(WHAT, [{ path: '', message: 'expected a merchantAction or a create-payment answer', received: actionOrAnswer === null ? 'null' : typeof actionOrAnswer }]);
  }
  if (options === null || typeof options !== 'object') throw new ValidationError(`${WHAT} options`, [{ path: '', message: 'expected an object' }]);
  // The whole answer, or the action itself (it has an actionType).
  const raw = own(actionOrAnswer, 'actionType') === undefined ? own(actionOrAnswer, 'merchantAction') : actionOrAnswer;
  if (raw === undefined || raw === null) return { actionType: 'NONE' };
  const action = parseWith(merchantActionSchema(), raw, 'merchantAction');
  const container = own(options, 'container') as HTMLElement | undefined;
  const needContainer = (): HTMLElement => {
    if (container && typeof container.replaceChildren === 'function') return container;
    throw new ValidationError(`${WHAT} options`, [{ path: 'container', message: `${action.actionType} renders into an element: pass one as container` }]);
  };
  const showData = action.showData ?? [];

  switch (action.actionType) {
    case 'REDIRECT':
      return { actionType: 'REDIRECT', navigation: redirect(action, options) };
    case 'SHOW_FORM': {
      if (!action.formFields?.length) throw new ValidationError('merchantAction', [{ path: 'formFields', message: 'SHOW_FORM needs formFields' }]);
      const { form, values } = mountActionForm(needContainer(), action.formFields, actionMessages(own(options, 'messages')), (own(options, 'submitLabel') as string | undefined) ?? undefined);
      return { actionType: 'SHOW_FORM', form, values, showData };
    }
    case 'SHOW_INSTRUCTIONS':
    case 'SHOW_TRANSACTION_RESULTS': {
      const heading = own(options, 'heading');
      const labels = own(options, 'labels');
      const element = renderShowData(needContainer(), showData, {
        heading: typeof heading === 'string' ? heading : undefined,
        labels: labels !== null && typeof labels === 'object' ? (labels as Record<string, string>) : undefined,
      });
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
function actionMessages(given: unknown): ActionViewMessages {
  const messages = { ...ACTION_VIEW_MESSAGES };
  if (given === undefined) return messages;
  if (given === null || typeof given !== 'object') throw new ValidationError(`${WHAT} options`, [{ path: 'messages', message: 'expected an object of texts' }]);
  for (const key of Object.keys(messages) as (keyof ActionViewMessages)[]) {
    const text = own(given, key);
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
function redirect(action: MerchantAction, options: MerchantActionOptions): Navigation {
  const url = action.redirectData?.redirectURL;
  if (!url) throw new ValidationError('merchantAction', [{ path: 'redirectData.redirectURL', message: 'REDIRECT needs a redirectURL' }]);
  const mac = action.redirectData?.RETURNMAC;
  // RETURNMAC proves the return to the merchant server: it must not travel to the third party.
  // (Worldline's are UUIDs; a few characters would match by chance.)
  if (mac && mac.length >= 8 && url.includes(mac)) throw new SecretError('redirectData.redirectURL (it carries the RETURNMAC)');
  const hosts = own(options, 'allowedHosts');
  const target = navigationTargetOf({ target: own(options, 'target') as NavigationTarget | undefined }, `${WHAT} options`);
  const local = typeof location !== 'undefined' && isLoopbackHost(location.hostname);
  // Any host: the URL's own, as the parser reads it (the guard still checks it is the host as written).
  let itsHost = '';
  try {
    itsHost = new URL(url).host;
  } catch {
    // not a URL: the guard says why
  }
  const policy: UrlPolicy = { allowedHosts: hosts === undefined ? [itsHost] : (hosts as string[]), allowLoopbackHttp: local };
  return navigate(url, policy, { target });
}
