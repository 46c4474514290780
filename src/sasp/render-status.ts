import * as v from 'valibot';
import { ValidationError } from '../core/errors.js';
import { elementFactory, textWithBreaks } from '../core/element.js';
import { NAVIGATION_TARGETS, type NavigationTarget } from '../core/navigate.js';
import { fill } from '../core/messages.js';
import { callback, oneOf, optionsShape, text as textSchema } from '../core/options.js';
import { parseWith } from '../core/validate.js';
import { CHOOSE_ACTIONS, domainItem, type ChooserView } from './dcv-chooser.js';
import { isRecord } from './lenient.js';
import type { SaspUrlOptions } from './policy.js';
import type { DcvDomain, PostPaymentStatus } from './schemas.js';
import { openPostPayment } from './session.js';
import { lookup } from '../core/lookup.js';
import { mountTarget, type MountTarget } from '../core/mount-target.js';
import { localDate, STATUS_MESSAGES, type StatusMessages } from './messages.js';
import { detailsOf, sectionsOf, text } from './status-sections.js';
import type { SaspAction } from './vocabulary.js';

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
  /**
   * Replaces some (or all) of `STATUS_MESSAGES`, e.g. `saspStatus` from `baton-sdk/locales/de`;
   * `sections`, `statuses`, `actions` and `fields` are merged entry by entry.
   */
  readonly messages?: Partial<StatusMessages>;
  /** The locale dates are written in (BCP 47, e.g. `de-DE`). Default: as Sectigo sends them (`2019-11-20`). */
  readonly locale?: string;
}

const optionsSchema = optionsShape({
  onAction: v.optional(callback<NonNullable<RenderStatusOptions['onAction']>>()),
  sid: v.optional(textSchema()),
  target: v.optional(oneOf(NAVIGATION_TARGETS, `must be ${NAVIGATION_TARGETS.join(', ')}`)),
  headingLevel: v.optional(oneOf([2, 3, 4, 5, 6], 'must be 2–6')),
  messages: v.optional(v.custom<Partial<StatusMessages>>((value) => !!value && typeof value === 'object', 'must be an object of texts')),
  locale: v.optional(textSchema()),
});

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
  const { onAction } = opts;
  const level = opts.headingLevel ?? 3;
  const given = opts.messages ?? {};
  const m: StatusMessages = {
    ...STATUS_MESSAGES,
    ...given,
    sections: { ...STATUS_MESSAGES.sections, ...given.sections },
    statuses: { ...STATUS_MESSAGES.statuses, ...given.statuses },
    actions: { ...STATUS_MESSAGES.actions, ...given.actions },
    fields: { ...STATUS_MESSAGES.fields, ...given.fields },
  };
  const statusLabel = (value: string) => lookup(m.statuses, value) ?? value;
  const actionLabel = (value: string) => lookup(m.actions, value) ?? value;
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
      if (onAction) await onAction(action);
      else openPostPayment({ sid: opts.sid!, orderNumber: status.orderNumber }, opts);
    } catch (error) {
      message.textContent = fill(m.actionFailed, { action: actionLabel(action.action), error: error instanceof Error ? error.message : String(error) });
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

  const view: ChooserView = { el, badge, disclosure, run, kept, m };

  const root = el('div', 'baton-sasp-status');
  root.dataset.orderStatus = status.orderStatus ?? '';
  const summary = [
    fill(m.order, { number: status.orderNumber }),
    status.productName,
    status.domainName === 'Multiple domains' && status.primaryDomainName ? fill(m.andMore, { domain: status.primaryDomainName }) : status.domainName,
    status.orderStatus && fill(m.orderStatus, { status: status.orderStatus }),
  ];
  root.append(el('p', 'baton-sasp-status__summary', summary.filter(Boolean).join(' · ')));
  const overview = { todo: [] as string[], pending: [] as string[], done: [] as string[] };
  const sections: HTMLElement[] = [];

  for (const [name, data, fallbackTitle] of sectionsOf(status)) {
    const id = `baton-sasp-${++nextId}`;
    // A title the catalogue gives (a translation) wins over Sectigo's English one.
    const title = lookup(m.sections, name) || data.title || fallbackTitle;
    const section = el('section', `baton-sasp-section baton-sasp-section--${name}`);
    section.dataset.status = data.status;
    section.setAttribute('aria-labelledby', id);
    const heading = el(`h${level}` as 'h3', 'baton-sasp-section__title', title);
    heading.id = id;
    const statusLine = el('p', 'baton-sasp-section__status', m.status);
    statusLine.append(badge(data.status));
    section.append(heading, statusLine);
    if (data.description) section.append(textWithBreaks(el('p', 'baton-sasp-section__description'), data.description));
    const message = el('p', 'baton-sasp-section__message');
    message.setAttribute('role', 'status');

    if (name === 'caa' && status.latestCAACheckErrors.length) {
      const list = el('ul', 'baton-sasp-caa-errors');
      list.setAttribute('aria-label', m.caaErrors);
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
      for (const domain of domains) list.append(domainItem(view, domain, chooseAction, data.status === 'ActionRequired', message, waiting));
      section.append(list);
    }

    const details = detailsOf(name, data);
    if (details.length) {
      const dl = el('dl', 'baton-sasp-section__details');
      for (const [key, value] of details) dl.append(el('dt', undefined, lookup(m.fields, key) ?? key), el('dd', undefined, localDate(value, opts.locale)));
      // Reference values stay one click away; open when the section needs the customer (not for DCV,
      // whose hashes only matter once a CSR-hash method is chosen).
      const more = disclosure('baton-sasp-section__more', el('summary', undefined, name === 'dcv' ? m.csrHashes : m.details), data.status === 'ActionRequired' && name !== 'dcv');
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
  list.append(el('li', 'baton-sasp-overview__todo', overview.todo.length ? m.needsAction + overview.todo.join('; ') : m.nothingToDo));
  if (overview.pending.length) list.append(el('li', 'baton-sasp-overview__pending', m.pending + overview.pending.join(', ')));
  if (overview.done.length) list.append(el('li', 'baton-sasp-overview__done', m.done + overview.done.join(', ')));
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

  if (previous) previous.replaceWith(root);
  else container.append(root);
  return root;
}
