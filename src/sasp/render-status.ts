import * as v from 'valibot';
import { callback, oneOf } from '../core/schemas.js';
import { ValidationError } from '../core/errors.js';
import { NAVIGATION_TARGETS, type NavigationTarget } from '../core/navigate.js';
import { parseWith } from '../core/validate.js';
import { dcvMethodToApi, type DcvApiMethod } from './dcv.js';
import type { SaspUrlOptions } from './policy.js';
import { isRecord, isText, looseSectionSchema, shape, type ActionName, type DcvDomain, type LooseSection, type Open, type PostPaymentStatus } from './schemas.js';
import { openPostPayment } from './session.js';
import { elementFactory } from './element.js';
import { mountTarget, type MountTarget } from '../core/mount-target.js';
import { breakable } from './break-points.js';

/**
 * A section of the post-payment status: the seven of the v1.00 document, `caa` and `ma` (added in
 * v1.01/v1.02), or the answer's key without `Status` for a section Baton does not know.
 */
export type SectionName = Open<'csr' | 'dcv' | 'caa' | 'agreement' | 'callback' | 'organization' | 'ma' | 'secondApproval' | 'fsup'>;

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

const optionsSchema = shape({
  onAction: v.optional(callback<NonNullable<RenderStatusOptions['onAction']>>()),
  sid: v.optional(v.string()),
  target: v.optional(oneOf(NAVIGATION_TARGETS, `must be ${NAVIGATION_TARGETS.join(', ')}`)),
  headingLevel: v.optional(oneOf([2, 3, 4, 5, 6], 'must be 2–6')),
});

/** Known sections in display order: name, key in the answer, title when the answer has none. */
const SECTIONS: ReadonlyArray<readonly [SectionName, string, string]> = [
  ['csr', 'csrStatus', 'Certificate signing request'],
  ['dcv', 'dcvStatus', 'Domain control validation'],
  ['caa', 'caaCheckStatus', 'CAA check'],
  ['agreement', 'agreementStatus', 'Agreement'],
  ['callback', 'callbackStatus', 'Callback'],
  ['organization', 'organizationStatus', 'Organization validation'],
  ['ma', 'maStatus', 'Mark asserter verification'],
  ['secondApproval', 'secondApprovalStatus', 'Second approval'],
  ['fsup', 'fsupStatus', 'Fast service'],
];

const STATUS_LABELS: Readonly<Record<string, string>> = {
  NotApplicable: 'Not applicable',
  ActionRequired: 'Action required',
  InProgress: 'In progress',
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

/** Labelled fields of the documented sections, shown in `__details`. */
const DETAIL_FIELDS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  dcv: [['MD5', 'MD5 hash of the CSR'], ['SHA256', 'SHA-256 hash of the CSR'], ['uniqueValue', 'Unique value']],
  agreement: [
    ['clickThroughStatus', 'Click-through'],
    ['clickThroughEmailAddress', 'Agreement e-mail address'],
    ['lastEmailSent', 'Last e-mail sent'],
    ['lastOpenDate', 'Last opened'],
  ],
  callback: [['phoneNumber', 'Callback phone number']],
};

/** The actions that offer choosing (or changing) a DCV method. */
const CHOOSE_ACTIONS: readonly ActionName[] = ['selectDCVMethod', 'canChangeDCVMethod'];

/** Domain statuses where nothing is left for the customer to choose. */
const DOMAIN_SETTLED = ['Completed', 'InProgress', 'NotApplicable'];

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

/** Text of a value the schema did not check (a field of an unknown section), or undefined. */
const text = (value: unknown) => (isText(value) ? String(value) : undefined);
/** `CNAME_CSR_HASH`, `CNAME CSR Hash` and `cname csr hash` are the same method. */
const sameMethod = (a: string | undefined, b: string) => !!a && a.replace(/[\s_-]/g, '').toLowerCase() === b.replace(/[\s_-]/g, '').toLowerCase();

let nextId = 0;

/**
 * Renders a post-payment status (from `getPostPaymentStatus`) as accessible HTML into `container`,
 * replacing an earlier rendering there. Provider text is only ever set as text.
 *
 * A compact page: first the order line and an overview (what needs the customer, what is pending,
 * what is done), then one section per status section. DCV shows one row per domain (name, status
 * badge, selected method); a domain's method chooser is a `<details>` that is open only when the
 * domain still needs a method, and the user can open it at any time.
 *
 * Structure and class names (stable, for styling; no stylesheet is required):
 * - `.baton-sasp-status` root, `data-order-status`; `.baton-sasp-status__summary` order line
 * - `.baton-sasp-overview` (a list) with `.baton-sasp-overview__todo`, `__pending`, `__done` items
 * - `.baton-sasp-section` per section (`.baton-sasp-section--csr|dcv|caa|agreement|callback|organization|ma|secondApproval|fsup`,
 *   or the answer's key without `Status` for an unknown section; `data-status` = the raw status) with a heading
 *   `.baton-sasp-section__title`, `.baton-sasp-section__status` (with a `.baton-sasp-badge`, `data-status`; the domain badge too),
 *   `.baton-sasp-section__description` (line breaks as `<br>`), `.baton-sasp-section__more` (a `<details>`) holding
 *   `.baton-sasp-section__details` (`<dl>`), `.baton-sasp-section__actions` (buttons `.baton-sasp-action`,
 *   `data-action`), `.baton-sasp-section__message` (live)
 * - `.baton-sasp-requirements` / `.baton-sasp-requirement` (organization checks); `.baton-sasp-caa-errors` (CAA)
 * - `.baton-sasp-domains` / `.baton-sasp-domain` (`data-status`) holding `.baton-sasp-domain__row` (the
 *   `<summary>` of `.baton-sasp-dcv-toggle` when a chooser is offered) with `.baton-sasp-domain__name`,
 *   `.baton-sasp-domain__status` (a badge) and `.baton-sasp-domain__method`; `.baton-sasp-dcv-chooser` (a `fieldset`
 *   with role `radiogroup`), `.baton-sasp-dcv-method` per offered method with `__title`, `.baton-sasp-dcv-option`
 *   (a label that keeps its radio on its line), `.baton-sasp-dcv-submit`
 *
 * @returns The root element.
 * @throws ValidationError on bad options (e.g. neither `onAction` nor `sid`).
 *
 * @example
 * sasp.renderStatus(document.querySelector('#status')!, status, {
 *   onAction: (action) => myServer.post('/sectigo/action', action), // or omit to open the hosted page
 * });
 */
export function renderStatus(target: MountTarget, status: PostPaymentStatus, options: RenderStatusOptions): HTMLElement {
  const container = mountTarget(target, 'renderStatus container');
  const el = elementFactory(container, 'renderStatus container');
  if (!status || typeof status !== 'object' || status.orderNumber === undefined) {
    throw new ValidationError('renderStatus status', [{ path: '', message: 'expected the result of getPostPaymentStatus' }]);
  }
  const opts = parseWith(optionsSchema, options ?? {}, 'renderStatus options');
  if (!opts.onAction && !opts.sid) {
    throw new ValidationError('renderStatus options', [{ path: 'onAction', message: 'give onAction, or sid so actions can open the hosted page' }]);
  }
  const level = opts.headingLevel ?? 3;
  const badge = (value: string, className?: string) => {
    const node = el('span', className ? `baton-sasp-badge ${className}` : 'baton-sasp-badge', statusLabel(value));
    node.dataset.status = value;
    return node;
  };
  const disclosure = (className: string, summary: HTMLElement, open: boolean) => {
    const details = el('details', className);
    details.open = open;
    details.append(summary);
    return details;
  };

  const run = async (action: SaspAction, button: HTMLButtonElement, message: HTMLElement) => {
    message.textContent = '';
    button.disabled = true;
    try {
      if (options.onAction) await options.onAction(action);
      else openPostPayment({ sid: opts.sid!, orderNumber: status.orderNumber }, options);
    } catch (error) {
      message.textContent = `${actionLabel(action.action)} failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  };

  // A re-render (a status refresh) keeps what the user did in the earlier one: the choosers they
  // opened and the methods they picked, per domain.
  const previous = [...container.children].find((child) => child.classList.contains('baton-sasp-status'));
  const kept = new Map<string, string>();
  for (const toggle of previous?.querySelectorAll<HTMLDetailsElement>('details.baton-sasp-dcv-toggle[open]') ?? []) {
    kept.set(toggle.dataset.domain!, toggle.querySelector<HTMLInputElement>('input:checked')?.value ?? '');
  }

  const root = el('div', 'baton-sasp-status');
  root.dataset.orderStatus = status.orderStatus ?? '';
  const summary = [`Order ${status.orderNumber}`, status.productName, status.domainName === 'Multiple domains' && status.primaryDomainName ? `${status.primaryDomainName} and more` : status.domainName, status.orderStatus && `Order status: ${status.orderStatus}`];
  root.append(el('p', 'baton-sasp-status__summary', summary.filter(Boolean).join(' · ')));
  const overview = { todo: [] as string[], pending: [] as string[], done: [] as string[] };
  const sections: HTMLElement[] = [];

  for (const [name, data, fallbackTitle] of sectionsOf(status)) {
    const id = `baton-sasp-${++nextId}`;
    const title = data.title || fallbackTitle;
    const section = el('section', `baton-sasp-section baton-sasp-section--${name}`);
    section.dataset.status = data.status;
    section.setAttribute('aria-labelledby', id);
    const heading = el(`h${level}` as 'h3', 'baton-sasp-section__title', title);
    heading.id = id;
    const statusLine = el('p', 'baton-sasp-section__status', 'Status: ');
    statusLine.append(badge(data.status));
    section.append(heading, statusLine);
    if (data.description) section.append(textWithBreaks(el('p', 'baton-sasp-section__description'), data.description));
    const message = el('p', 'baton-sasp-section__message');
    message.setAttribute('role', 'status');

    if (name === 'caa' && status.latestCAACheckErrors.length) {
      const list = el('ul', 'baton-sasp-caa-errors');
      list.setAttribute('aria-label', 'Latest CAA check errors');
      for (const line of status.latestCAACheckErrors) list.append(el('li', undefined, line));
      section.append(list);
    }
    requirements(section, data);

    const waiting: string[] = [];
    const domains = name === 'dcv' && Array.isArray(data.domains) ? (data.domains as DcvDomain[]) : [];
    // A chooser only when the section offers choosing (or changing) a method.
    const chooseAction = CHOOSE_ACTIONS.find((action) => data.availableActions.includes(action));
    if (domains.length) {
      const list = el('ul', 'baton-sasp-domains');
      for (const domain of domains) list.append(domainItem(domain, chooseAction, data.status === 'ActionRequired', message, waiting));
      section.append(list);
    }

    const details = detailsOf(name, data);
    if (details.length) {
      const dl = el('dl', 'baton-sasp-section__details');
      for (const [term, value] of details) dl.append(el('dt', undefined, term), el('dd', undefined, value));
      // Reference values stay one click away; open when the section needs the customer (not for DCV,
      // whose hashes only matter once a CSR-hash method is chosen).
      const more = disclosure('baton-sasp-section__more', el('summary', undefined, name === 'dcv' ? 'CSR hashes' : 'Details'), data.status === 'ActionRequired' && name !== 'dcv');
      more.append(dl);
      section.append(more);
    }

    const shownChooser = chooseAction && section.querySelector('.baton-sasp-dcv-chooser');
    const actions = data.availableActions.filter((action) => !(shownChooser && CHOOSE_ACTIONS.includes(action)));
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
    sections.push(section);

    if (data.status === 'ActionRequired') overview.todo.push(waiting.length ? `${title} (${waiting.join(', ')})` : title);
    else if (data.status === 'Completed') overview.done.push(title);
    else if (data.status !== 'NotApplicable') overview.pending.push(title);
  }

  const list = el('ul', 'baton-sasp-overview');
  list.append(el('li', 'baton-sasp-overview__todo', overview.todo.length ? `Needs your action: ${overview.todo.join('; ')}` : 'Nothing needs your action now.'));
  if (overview.pending.length) list.append(el('li', 'baton-sasp-overview__pending', `Pending: ${overview.pending.join(', ')}`));
  if (overview.done.length) list.append(el('li', 'baton-sasp-overview__done', `Done: ${overview.done.join(', ')}`));
  root.append(list, ...sections);

  function requirements(section: HTMLElement, data: Record<string, unknown>): void {
    const list = el('ul', 'baton-sasp-requirements');
    // The organization checks (and any check-like object a newer answer nests in a section).
    for (const [key, check] of Object.entries(data)) {
      if (!isRecord(check) || !(text(check.status) || text(check.title))) continue;
      const state = text(check.status) ?? 'Unknown';
      const item = el('li', 'baton-sasp-requirement', `${text(check.title) ?? key}: ${statusLabel(state)}`);
      item.dataset.status = state;
      item.dataset.requirement = key;
      const description = text(check.description);
      if (description) item.append(textWithBreaks(el('span', 'baton-sasp-requirement__description'), ` — ${description}`));
      list.append(item);
    }
    if (list.children.length) section.append(list);
  }

  function domainItem(domain: DcvDomain, action: ActionName | undefined, required: boolean, message: HTMLElement, waiting: string[]): HTMLElement {
    const item = el('li', 'baton-sasp-domain');
    item.dataset.status = domain.dcvStatus;
    const offered = domain.methods.filter((method) => method.options.length);
    const chooser = !!action && offered.length > 0 && domain.dcvStatus !== 'Completed';
    const row = el(chooser ? 'summary' : 'p', 'baton-sasp-domain__row');
    row.append(breakable(item.ownerDocument, domain.domainName, 'baton-sasp-domain__name'), ' · ', badge(domain.dcvStatus, 'baton-sasp-domain__status'));
    row.append(' · ', el('span', 'baton-sasp-domain__method', `Selected method: ${domain.selectedMethod ?? 'none'}`));
    if (!chooser) {
      item.append(row);
      return item;
    }
    // Open when the customer still has to pick a method: the section needs action, the domain is
    // not validated or under way, and no offered option is selected (the document sends "Not yet set").
    const picked = offered.some((method) => method.options.some((option) => sameMethod(domain.selectedMethod, option)));
    const open = required && !DOMAIN_SETTLED.includes(domain.dcvStatus) && !picked;
    if (open) waiting.push(domain.domainName);
    const picking = kept.get(domain.domainName);
    const toggle = disclosure('baton-sasp-dcv-toggle', row, open || picking !== undefined);
    toggle.dataset.domain = domain.domainName;

    const fieldset = el('fieldset', 'baton-sasp-dcv-chooser');
    fieldset.setAttribute('role', 'radiogroup');
    fieldset.append(el('legend', undefined, `Validation method for ${domain.domainName}`));
    const group = `baton-sasp-dcv-${++nextId}`;
    for (const method of offered) {
      const box = el('div', 'baton-sasp-dcv-method');
      box.dataset.type = method.type;
      if (method.title) box.append(el('span', 'baton-sasp-dcv-method__title', `${method.title}: `));
      for (const option of method.options) {
        const label = el('label', 'baton-sasp-dcv-option');
        // The one style Baton sets (through the CSSOM, which a strict CSP allows): the radio and its
        // text are side by side, so the radio never wraps away from its text, while a long text
        // still wraps (beside the radio) instead of running off a phone's screen.
        Object.assign(label.style, { display: 'inline-flex', alignItems: 'flex-start', gap: '0.3em', maxWidth: '100%', overflowWrap: 'anywhere' });
        const radio = el('input');
        radio.type = 'radio';
        radio.name = group;
        radio.value = option;
        radio.dataset.type = method.type;
        radio.checked = picking ? picking === option : sameMethod(domain.selectedMethod, option);
        label.append(radio, breakable(label.ownerDocument, option));
        box.append(label, ' ');
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
      void run({ section: 'dcv', action: action!, domainName: domain.domainName, method, option: chosen.value }, submit, message);
    });
    fieldset.append(submit);
    toggle.append(fieldset);
    item.append(toggle);
    return item;
  }

  if (previous) previous.replaceWith(root);
  else container.append(root);
  return root;
}

type Section = LooseSection & Record<string, unknown>;

/** The sections to show, in order: the known ones, then any other section-like object of the answer. */
function sectionsOf(status: PostPaymentStatus): Array<[SectionName, Section, string]> {
  const data = status as unknown as Record<string, unknown>;
  const found: Array<[SectionName, Section, string]> = [];
  for (const [name, key, title] of SECTIONS) {
    let section = data[key] as Section | undefined;
    // CAA errors without a CAA section still deserve one.
    if (!section && name === 'caa' && status.latestCAACheckErrors.length) section = { status: 'Unknown', availableActions: [] };
    if (isRecord(section)) found.push([name, section, title]);
  }
  for (const [key, value] of Object.entries(data)) {
    // Any other object that reads as a section: named `…Status`, or with a status, title or description.
    if (key === 'raw' || SECTIONS.some((known) => known[1] === key) || !isRecord(value)) continue;
    if (!(key.endsWith('Status') || text(value.status) || text(value.title) || text(value.description))) continue;
    const parsed = v.safeParse(looseSectionSchema, value);
    const name = key.replace(/Status$/, '');
    // The key becomes a class name: only plain names.
    if (parsed.success) found.push([/^[\w-]+$/.test(name) ? name : 'other', parsed.output as Section, key]);
  }
  return found;
}

function detailsOf(name: SectionName, data: Record<string, unknown>): Array<[string, string]> {
  return (DETAIL_FIELDS[name] ?? []).flatMap(([key, term]): Array<[string, string]> => {
    const value = text(data[key]);
    return value === undefined ? [] : [[term, value]];
  });
}

/** Appends `text` to `node` as text nodes, one `<br>` per line break. */
function textWithBreaks<T extends HTMLElement>(node: T, text: string): T {
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index) node.append(node.ownerDocument.createElement('br'));
    node.append(line); // a text node
  });
  return node;
}
