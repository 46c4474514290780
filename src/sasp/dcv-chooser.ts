// The DCV part of a rendered status: one row per domain, and a method chooser where the section
// offers choosing (or changing) a method.
import type { ElementFactory } from '../core/element.js';
import { breakable } from './break-points.js';
import { fill } from '../core/messages.js';
import { dcvMethodToApi } from './dcv.js';
import type { StatusMessages } from './messages.js';
import type { DcvDomain } from './schemas.js';
import type { ActionName, SaspAction } from './vocabulary.js';

/** What a domain row takes from the status view it is part of. */
export interface ChooserView {
  readonly el: ElementFactory;
  readonly badge: (value: string, className?: string) => HTMLElement;
  readonly disclosure: (className: string, summary: HTMLElement, open: boolean) => HTMLDetailsElement;
  /** Runs the user's action: `button` is disabled until it settles, a failure goes into `message`. */
  readonly run: (action: SaspAction, button: HTMLButtonElement, message: HTMLElement) => Promise<void>;
  /** The method picked per domain whose chooser was open in the rendering this one replaces. */
  readonly kept: ReadonlyMap<string, string>;
  /** The view's texts. */
  readonly m: StatusMessages;
}

export /** The actions that offer choosing (or changing) a DCV method. */
const CHOOSE_ACTIONS: readonly ActionName[] = ['selectDCVMethod', 'canChangeDCVMethod'];

/** Domain statuses where nothing is left for the customer to choose. */
const DOMAIN_SETTLED = ['Completed', 'InProgress', 'NotApplicable'];

/** `CNAME_CSR_HASH`, `CNAME CSR Hash` and `cname csr hash` are the same method. */
const sameMethod = (a: string | undefined, b: string) => !!a && a.replace(/[\s_-]/g, '').toLowerCase() === b.replace(/[\s_-]/g, '').toLowerCase();

let groups = 0;

export function domainItem(view: ChooserView, domain: DcvDomain, action: ActionName | undefined, required: boolean, message: HTMLElement, waiting: string[]): HTMLElement {
  const { el, badge, disclosure, run, kept, m } = view;
  const item = el('li', 'baton-sasp-domain');
  item.dataset.status = domain.dcvStatus;
  const offered = domain.methods.filter((method) => method.options.length);
  const chooser = !!action && offered.length > 0 && domain.dcvStatus !== 'Completed';
  const row = el(chooser ? 'summary' : 'p', 'baton-sasp-domain__row');
  row.append(breakable(item.ownerDocument, domain.domainName, 'baton-sasp-domain__name'), ' · ', badge(domain.dcvStatus, 'baton-sasp-domain__status'));
  row.append(' · ', el('span', 'baton-sasp-domain__method', fill(m.selectedMethod, { method: domain.selectedMethod ?? m.noMethod })));
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
  fieldset.append(el('legend', undefined, fill(m.methodFor, { domain: domain.domainName })));
  const group = `baton-sasp-dcv-${++groups}`;
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
  const submit = el('button', 'baton-sasp-dcv-submit', fill(m.useMethod, { domain: domain.domainName }));
  submit.type = 'button';
  submit.addEventListener('click', () => {
    const chosen = fieldset.querySelector<HTMLInputElement>('input[type=radio]:checked');
    if (!chosen) {
      message.textContent = fill(m.chooseMethodFirst, { domain: domain.domainName });
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
