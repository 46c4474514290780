import * as v from 'valibot';
import { callback, navigationTarget, oneOf } from '../core/schemas.js';
import { ValidationError } from '../core/errors.js';
import type { NavigationTarget } from '../core/navigate.js';
import { parseWith } from '../core/validate.js';
import { dcvMethodToApi, type DcvApiMethod } from './dcv.js';
import type { SaspUrlOptions } from './policy.js';
import {
  REQUIREMENT_KEYS,
  type ActionName,
  type DcvDomain,
  type PostPaymentSection,
  type PostPaymentStatus,
} from './schemas.js';
import { openPostPayment } from './session.js';
import { elementFactory } from './element.js';

/** The seven sections of the post-payment status, in display order. */
export type SectionName = 'csr' | 'dcv' | 'agreement' | 'callback' | 'organization' | 'secondApproval' | 'fsup';

/** What the user asked for: one of the status's `availableActions`, or a DCV method choice. */
export interface SaspAction {
  readonly section: SectionName;
  readonly action: ActionName;
  /** For DCV choices: the domain. */
  readonly domainName?: string;
  /** For DCV choices: the method in the update API's terms (`EMAIL`, `CNAME_CSR_HASH`, …). */
  readonly method?: DcvApiMethod;
  /** For DCV choices: the option as offered (`admin@example.com`, `CNAME CSR Hash`, `Manual`). */
  readonly option?: string;
}

export interface RenderStatusOptions extends SaspUrlOptions {
  /**
   * Called when the user picks an action. May return a promise: the button is disabled until it
   * settles and a rejection is shown. Without `onAction`, every action opens Sectigo's hosted
   * post-payment page for `sid` (then `sid` is required).
   */
  readonly onAction?: (action: SaspAction) => void | Promise<unknown>;
  /** Session handle for the default action (open the hosted page). */
  readonly sid?: string;
  /** How the default action navigates. Default `'auto'`. */
  readonly target?: NavigationTarget;
  /** Level of the section headings (2–6). Default 3: put it under your page's `h2`. */
  readonly headingLevel?: 2 | 3 | 4 | 5 | 6;
}

const optionsSchema = v.object({
  onAction: v.optional(callback<NonNullable<RenderStatusOptions['onAction']>>()),
  sid: v.optional(v.string()),
  target: v.optional(navigationTarget),
  headingLevel: v.optional(oneOf([2, 3, 4, 5, 6], 'must be 2–6')),
});

const SECTIONS: ReadonlyArray<[SectionName, keyof PostPaymentStatus]> = [
  ['csr', 'csrStatus'],
  ['dcv', 'dcvStatus'],
  ['agreement', 'agreementStatus'],
  ['callback', 'callbackStatus'],
  ['organization', 'organizationStatus'],
  ['secondApproval', 'secondApprovalStatus'],
  ['fsup', 'fsupStatus'],
];

const DEFAULT_TITLES: Readonly<Record<SectionName, string>> = {
  csr: 'Certificate signing request',
  dcv: 'Domain control validation',
  agreement: 'Agreement',
  callback: 'Callback',
  organization: 'Organization validation',
  secondApproval: 'Second approval',
  fsup: 'Fast service',
};

const STATUS_LABELS: Readonly<Record<string, string>> = {
  NotApplicable: 'Not applicable',
  ActionRequired: 'Action required',
  Completed: 'Completed',
  InProgress: 'In progress',
  Unknown: 'Unknown',
  notCompleted: 'Not completed',
};

const ACTION_LABELS: Readonly<Record<string, string>> = {
  needProvideCSR: 'Provide a CSR',
  canReplaceCSR: 'Replace the CSR',
  selectDCVMethod: 'Select a validation method',
  canChangeDCVMethod: 'Change the validation method',
  enterDCVCode: 'Enter the validation code',
  canUpdateEmailAddress: 'Update the e-mail address',
  resendAgreementEmail: 'Resend the agreement e-mail',
  needUpdateEmailAddress: 'Update the e-mail address (required)',
  callMeNow: 'Call me now',
  callMeLater: 'Call me later',
  provideCorrectPhoneNumber: 'Provide the correct phone number',
  enterCallbackCode: 'Enter the callback code',
  requestManualCallback: 'Request a manual callback',
  uploadDocument: 'Upload documents',
};

/**
 * Readable text for a section or domain status; unknown values are shown as sent.
 *
 * @example
 * sasp.statusLabel('ActionRequired'); // 'Action required'
 */
export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;
/**
 * Readable text for an action; unknown actions are shown as sent.
 *
 * @example
 * sasp.actionLabel('resendAgreementEmail'); // 'Resend the agreement e-mail'
 */
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

let nextId = 0;

/**
 * Renders a post-payment status (from `getPostPaymentStatus`) as accessible HTML into `container`,
 * replacing an earlier rendering there. Provider text is only ever set as text.
 *
 * Structure and class names (stable, for styling; no styles are shipped):
 * - `.baton-sasp-status` root, `data-order-status`; `.baton-sasp-status__summary` order line
 * - `.baton-sasp-section` per section (`.baton-sasp-section--csr|dcv|agreement|callback|organization|secondApproval|fsup`,
 *   `data-status` = the raw status) with a heading `.baton-sasp-section__title`, `.baton-sasp-section__status`,
 *   `.baton-sasp-section__description` (line breaks as `<br>`), `.baton-sasp-section__details` (`<dl>`),
 *   `.baton-sasp-section__actions` (buttons `.baton-sasp-action`, `data-action`), `.baton-sasp-section__message` (live)
 * - `.baton-sasp-requirements` / `.baton-sasp-requirement` (organization checks)
 * - `.baton-sasp-domains` / `.baton-sasp-domain` (`data-status`), `.baton-sasp-dcv-chooser` (a `fieldset`
 *   with role `radiogroup`), `.baton-sasp-dcv-method` per offered method, `.baton-sasp-dcv-submit`
 *
 * @returns The root element.
 * @throws ValidationError on bad options (e.g. neither `onAction` nor `sid`).
 *
 * @example
 * sasp.renderStatus(document.querySelector('#status')!, status, {
 *   onAction: (action) => myServer.post('/sectigo/action', action), // or omit to open the hosted page
 * });
 */
export function renderStatus(container: HTMLElement, status: PostPaymentStatus, options: RenderStatusOptions): HTMLElement {
  if (!container || typeof (container as Partial<HTMLElement>).append !== 'function') {
    throw new ValidationError('renderStatus container', [{ path: '', message: 'expected an HTML element' }]);
  }
  if (!status || typeof status !== 'object' || status.orderNumber === undefined) {
    throw new ValidationError('renderStatus status', [{ path: '', message: 'expected the result of getPostPaymentStatus' }]);
  }
  const opts = parseWith(optionsSchema, options ?? {}, 'renderStatus options');
  if (!opts.onAction && !opts.sid) {
    throw new ValidationError('renderStatus options', [{ path: 'onAction', message: 'give onAction, or sid so actions can open the hosted page' }]);
  }
  const doc = container.ownerDocument;
  const el = elementFactory(doc);
  const level = opts.headingLevel ?? 3;
  const heading = (text: string, className: string, depth = 0) => el(`h${Math.min(level + depth, 6)}` as 'h3', className, text);

  const run = async (action: SaspAction, button: HTMLButtonElement, message: HTMLElement) => {
    message.textContent = '';
    button.disabled = true;
    try {
      if (options.onAction) await options.onAction(action);
      else openPostPayment({ sid: opts.sid!, orderNumber: status.orderNumber }, { ...options, target: opts.target ?? 'auto' });
    } catch (error) {
      message.textContent = `${actionLabel(action.action)} failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  };

  const root = el('div', 'baton-sasp-status');
  root.dataset.orderStatus = status.orderStatus ?? '';
  const summary = [`Order ${status.orderNumber}`, status.productName, status.domainName === 'Multiple domains' && status.primaryDomainName ? `${status.primaryDomainName} and more` : status.domainName, status.orderStatus && `Order status: ${status.orderStatus}`];
  root.append(el('p', 'baton-sasp-status__summary', summary.filter(Boolean).join(' · ')));

  for (const [name, key] of SECTIONS) {
    const data = status[key] as (PostPaymentSection & Record<string, unknown>) | undefined;
    if (!data || typeof data !== 'object') continue;
    const id = `baton-sasp-${++nextId}`;
    const section = el('section', `baton-sasp-section baton-sasp-section--${name}`);
    section.dataset.status = String(data.status);
    section.setAttribute('aria-labelledby', id);
    const title = heading(data.title || DEFAULT_TITLES[name], 'baton-sasp-section__title');
    title.id = id;
    section.append(title, el('p', 'baton-sasp-section__status', `Status: ${statusLabel(data.status)}`));
    if (data.description) section.append(textWithBreaks(el('p', 'baton-sasp-section__description'), data.description));
    const details = detailsOf(name, data);
    if (details.length) {
      const dl = el('dl', 'baton-sasp-section__details');
      for (const [term, value] of details) dl.append(el('dt', undefined, term), el('dd', undefined, value));
      section.append(dl);
    }
    const message = el('p', 'baton-sasp-section__message');
    message.setAttribute('role', 'status');

    if (name === 'organization') section.append(...requirements(data));
    let chooserShown = false;
    if (name === 'dcv' && Array.isArray(data.domains) && data.domains.length) {
      const list = el('ul', 'baton-sasp-domains');
      for (const domain of data.domains as DcvDomain[]) {
        const { item, chooser } = domainItem(domain, data.availableActions, message);
        chooserShown ||= chooser;
        list.append(item);
      }
      section.append(list);
    }

    const actions = data.availableActions.filter((action) => !(chooserShown && (action === 'selectDCVMethod' || action === 'canChangeDCVMethod')));
    if (actions.length) {
      const box = el('div', 'baton-sasp-section__actions');
      for (const action of actions) {
        const button = el('button', 'baton-sasp-action', actionLabel(action));
        button.type = 'button';
        button.dataset.action = action;
        button.addEventListener('click', () => void run({ section: name, action }, button, message));
        box.append(button);
      }
      section.append(box);
    }
    section.append(message);
    root.append(section);
  }

  function requirements(data: Record<string, unknown>): HTMLElement[] {
    const list = el('ul', 'baton-sasp-requirements');
    for (const key of REQUIREMENT_KEYS) {
      const check = data[key] as { title?: string; status: string; description?: string } | undefined;
      if (!check) continue;
      const item = el('li', 'baton-sasp-requirement', `${check.title || key}: ${statusLabel(check.status)}`);
      item.dataset.status = check.status;
      item.dataset.requirement = key;
      if (check.description) item.append(textWithBreaks(el('span', 'baton-sasp-requirement__description'), ` — ${check.description}`));
      list.append(item);
    }
    return list.children.length ? [list] : [];
  }

  function domainItem(domain: DcvDomain, sectionActions: readonly string[], message: HTMLElement) {
    const item = el('li', 'baton-sasp-domain');
    item.dataset.status = domain.dcvStatus;
    item.append(heading(domain.domainName, 'baton-sasp-domain__name', 1));
    const facts = [`Status: ${statusLabel(domain.dcvStatus)}`];
    if (domain.selectedMethod) facts.push(`Selected method: ${domain.selectedMethod}`);
    item.append(el('p', 'baton-sasp-domain__status', facts.join(' · ')));
    const offered = domain.methods.filter((method) => method.options.length);
    // A chooser only when the section offers choosing (or changing) and the domain is not done.
    const action: ActionName | undefined = sectionActions.includes('selectDCVMethod')
      ? 'selectDCVMethod'
      : sectionActions.includes('canChangeDCVMethod')
        ? 'canChangeDCVMethod'
        : undefined;
    if (!action || !offered.length || domain.dcvStatus === 'Completed') return { item, chooser: false };

    const fieldset = el('fieldset', 'baton-sasp-dcv-chooser');
    fieldset.setAttribute('role', 'radiogroup');
    fieldset.append(el('legend', undefined, `Validation method for ${domain.domainName}`));
    const group = `baton-sasp-dcv-${++nextId}`;
    for (const method of offered) {
      const box = el('div', 'baton-sasp-dcv-method');
      box.dataset.type = method.type;
      if (method.title) box.append(el('p', 'baton-sasp-dcv-method__title', method.title));
      for (const option of method.options) {
        const label = el('label', 'baton-sasp-dcv-option');
        const radio = el('input');
        radio.type = 'radio';
        radio.name = group;
        radio.value = option;
        radio.dataset.type = method.type;
        radio.checked = option === domain.selectedMethod;
        label.append(radio, doc.createTextNode(` ${option}`));
        box.append(label);
      }
      fieldset.append(box);
    }
    const submit = el('button', 'baton-sasp-dcv-submit', `Use this method for ${domain.domainName}`);
    submit.type = 'button';
    submit.addEventListener('click', () => {
      const chosen = fieldset.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!chosen) {
        message.textContent = `Choose a validation method for ${domain.domainName} first.`;
        fieldset.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
        return;
      }
      const { method } = dcvMethodToApi(chosen.dataset.type ?? '', chosen.value);
      void run({ section: 'dcv', action, domainName: domain.domainName, method, option: chosen.value }, submit, message);
    });
    fieldset.append(submit);
    item.append(fieldset);
    return { item, chooser: true };
  }

  const previous = [...container.children].find((child) => child.classList.contains('baton-sasp-status'));
  if (previous) previous.replaceWith(root);
  else container.append(root);
  return root;
}

function detailsOf(name: SectionName, data: Record<string, unknown>): Array<[string, string]> {
  const fields: Record<string, ReadonlyArray<[string, string]>> = {
    dcv: [['MD5', 'MD5 hash of the CSR'], ['SHA256', 'SHA-256 hash of the CSR'], ['uniqueValue', 'Unique value']],
    agreement: [
      ['clickThroughStatus', 'Click-through'],
      ['clickThroughEmailAddress', 'Agreement e-mail address'],
      ['lastEmailSent', 'Last e-mail sent'],
      ['lastOpenDate', 'Last opened'],
    ],
    callback: [['phoneNumber', 'Callback phone number']],
  };
  return (fields[name] ?? []).flatMap(([key, term]): Array<[string, string]> => {
    const value = data[key];
    return typeof value === 'string' || typeof value === 'number' ? [[term, String(value)]] : [];
  });
}

/** Appends `text` to `node` as text nodes, one `<br>` per line break. */
function textWithBreaks<T extends HTMLElement>(node: T, text: string): T {
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index) node.append(node.ownerDocument.createElement('br'));
    node.append(node.ownerDocument.createTextNode(line));
  });
  return node;
}
