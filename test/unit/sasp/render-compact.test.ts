// @vitest-environment happy-dom
// The compact status page (issue 17 §2) and the sections added after v1.00 (issue 15 item 4), as
// the DOM a user gets: the overview, one row per domain with its chooser open only where the
// customer must choose, null fields, CAA/MA and unknown sections. Layout and keyboard in real
// Chromium: test/browser/sasp/status-layout.test.ts.
import { getAllByRole, getByRole, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatonError, parseStatusResponse, renderStatus, type PostPaymentStatus, type SaspAction } from '../../../src/sasp/index.js';
import { SPEC_EXAMPLE, newerStatusAnswer } from '../../fixtures/sasp-status-newer.js';

const spec = () => parseStatusResponse(JSON.stringify(SPEC_EXAMPLE));
const newer = (patch: Record<string, unknown> = {}) => parseStatusResponse(JSON.stringify(newerStatusAnswer(patch)));
const text = (element: Element | null | undefined) => element?.textContent;

let container: HTMLElement;
beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  container.remove();
  vi.restoreAllMocks();
});

/** The spec's DCV section with each domain patched. */
function withDomains(status: PostPaymentStatus, patches: Array<Record<string, unknown>>, section: Record<string, unknown> = {}): PostPaymentStatus {
  const dcv = status.dcvStatus!;
  return { ...status, dcvStatus: { ...dcv, ...section, domains: dcv.domains.map((domain, i) => ({ ...domain, ...patches[i] })) } };
}

const toggles = () => [...container.querySelectorAll<HTMLDetailsElement>('details.baton-sasp-dcv-toggle')];

describe('the overview', () => {
  it('says first what needs the customer, what is pending and what is done', () => {
    const root = renderStatus(container, spec(), { onAction: () => undefined });
    const overview = root.querySelector('.baton-sasp-overview')!;
    expect(root.children[1]).toBe(overview); // right after the order line, before the sections
    expect(getAllByRole(overview as HTMLElement, 'listitem').map(text)).toEqual([
      'Needs your action: Domain Control Validation (mn.gov, mnsure.org, state.mn.us)',
      'Pending: Signer Verification, Organization Validation, Second Approval',
      'Done: Submit your CSR, Agreement Execution',
    ]);
  });

  it('says so when nothing needs the customer', () => {
    const status = spec();
    renderStatus(container, { ...status, dcvStatus: { ...status.dcvStatus!, status: 'Completed', availableActions: [] } }, { onAction: () => undefined });
    expect(text(container.querySelector('.baton-sasp-overview__todo'))).toBe('Nothing needs your action now.');
    expect(text(container.querySelector('.baton-sasp-overview__done'))).toBe('Done: Submit your CSR, Domain Control Validation, Agreement Execution');
  });
});

describe('one row per domain', () => {
  it('shows name, status badge and selected method in one row; the chooser is open where a method must be chosen', () => {
    renderStatus(container, spec(), { onAction: () => undefined });
    const rows = [...container.querySelectorAll('.baton-sasp-domain__row')];
    expect(rows.map(text)).toEqual([
      'mn.gov · Not completed · Selected method: Not yet set',
      'mnsure.org · Not completed · Selected method: Not yet set',
      'state.mn.us · Not completed · Selected method: Not yet set',
    ]);
    expect(rows.map((row) => row.tagName)).toEqual(['SUMMARY', 'SUMMARY', 'SUMMARY']);
    expect(rows[0]!.querySelector('.baton-sasp-badge')?.getAttribute('data-status')).toBe('notCompleted');
    expect(toggles().map((t) => t.open)).toEqual([true, true, true]);
  });

  it('collapses the chooser of a domain that is done, under way or has its method; a completed domain gets no chooser', () => {
    const status = withDomains(spec(), [{ dcvStatus: 'Completed', selectedMethod: 'admin@mn.gov' }, { selectedMethod: 'HTTP_CSR_HASH' }, {}]);
    renderStatus(container, status, { onAction: () => undefined });
    const items = getAllByRole(getByRole(container, 'region', { name: 'Domain Control Validation' }), 'listitem');
    expect(items[0]!.querySelector('details')).toBeNull();
    expect(items[0]!.querySelector('.baton-sasp-domain__row')?.tagName).toBe('P');
    expect(toggles().map((t) => t.open)).toEqual([false, true]);
    // The selected method is checked, however it is spelled.
    expect(within(toggles()[0]!).getByRole('radio', { name: 'HTTP CSR Hash', hidden: true })).toHaveProperty('checked', true);
    expect(text(container.querySelector('.baton-sasp-overview__todo'))).toBe('Needs your action: Domain Control Validation (state.mn.us)');
  });

  it('keeps every chooser collapsed when the section only offers a change', () => {
    renderStatus(container, withDomains(spec(), [{ dcvStatus: 'InProgress' }, {}, {}], { status: 'InProgress', availableActions: ['canChangeDCVMethod'] }), { onAction: () => undefined });
    expect(toggles().map((t) => t.open)).toEqual([false, false, false]); // (hidden until opened: checked in Chromium)
    expect(text(container.querySelector('.baton-sasp-overview__todo'))).toBe('Nothing needs your action now.');
  });

  it('the user opens a collapsed chooser from its row and chooses', async () => {
    const onAction = vi.fn<(action: SaspAction) => void>();
    renderStatus(container, withDomains(spec(), [{}, {}, {}], { status: 'InProgress', availableActions: ['canChangeDCVMethod'] }), { onAction });
    const user = userEvent.setup();
    await user.click(getAllByRole(container, 'group').find((g) => g.tagName === 'DETAILS')!.querySelector('summary')!);
    expect(toggles()[0]!.open).toBe(true);
    const group = getByRole(container, 'radiogroup', { name: 'Validation method for mn.gov' });
    await user.click(within(group).getByRole('radio', { name: 'Manual' }));
    await user.click(within(group).getByRole('button', { name: 'Use this method for mn.gov' }));
    expect(onAction).toHaveBeenCalledWith({ section: 'dcv', action: 'canChangeDCVMethod', domainName: 'mn.gov', method: 'MANUAL', option: 'Manual' });
  });

  it('a re-render (status refresh) keeps the choosers the user opened and the method they picked', async () => {
    const status = withDomains(spec(), [{}, {}, {}], { status: 'InProgress', availableActions: ['canChangeDCVMethod'] });
    renderStatus(container, status, { onAction: () => undefined });
    const user = userEvent.setup();
    await user.click(toggles()[1]!.querySelector('summary')!);
    await user.click(within(toggles()[1]!).getByRole('radio', { name: 'Manual' }));
    renderStatus(container, withDomains(spec(), [{}, {}, {}], { status: 'InProgress', availableActions: ['canChangeDCVMethod'] }), { onAction: () => undefined });
    expect(container.querySelectorAll('.baton-sasp-status')).toHaveLength(1);
    expect(toggles().map((t) => t.open)).toEqual([false, true, false]);
    expect(within(toggles()[1]!).getByRole('radio', { name: 'Manual' })).toHaveProperty('checked', true);
    // A fresh container starts fresh.
    const other = document.body.appendChild(document.createElement('div'));
    renderStatus(other, status, { onAction: () => undefined });
    expect([...other.querySelectorAll<HTMLDetailsElement>('details.baton-sasp-dcv-toggle')].map((t) => t.open)).toEqual([false, false, false]);
    other.remove();
  });

  it('keeps each radio and its text side by side in one label; long text wraps beside the radio', () => {
    renderStatus(container, spec(), { onAction: () => undefined });
    const labels = [...container.querySelectorAll<HTMLLabelElement>('label.baton-sasp-dcv-option')];
    expect(labels).toHaveLength(27);
    for (const label of labels) {
      expect(label.style.display).toBe('inline-flex');
      expect(label.style.overflowWrap).toBe('anywhere');
      // The text in one span: the <wbr> break points of an address must not become flex items.
      expect([...label.childNodes].map((node) => node.nodeName)).toEqual(['INPUT', 'SPAN']);
    }
    expect(text(container.querySelector('.baton-sasp-dcv-method__title'))).toBe('Alternative Email Addresses: ');
  });

  it('keeps reference details one click away: the CSR hashes and a completed section’s fields', () => {
    renderStatus(container, spec(), { onAction: () => undefined });
    const more = [...container.querySelectorAll<HTMLDetailsElement>('details.baton-sasp-section__more')];
    expect(more.map((d) => [text(d.querySelector('summary')), d.open])).toEqual([
      ['CSR hashes', false],
      ['Details', false],
    ]);
    expect(more[0]!.querySelector('dl.baton-sasp-section__details dd')?.textContent).toBe('55F0233969C9C4325B1A19D4B357ED20');
  });

  it('opens the details of a section that needs the customer', () => {
    const status = spec();
    renderStatus(container, { ...status, agreementStatus: { ...status.agreementStatus!, status: 'ActionRequired' } }, { onAction: () => undefined });
    expect(getByRole(container, 'region', { name: 'Agreement Execution' }).querySelector('details')?.open).toBe(true);
  });
});

describe('nulls and the sections added after v1.00', () => {
  it('renders a status with nulls: default titles, no empty fields, null sections left out', () => {
    renderStatus(container, newer(), { onAction: () => undefined });
    expect(getByRole(container, 'region', { name: 'Certificate signing request' })).toBeTruthy();
    const agreement = getByRole(container, 'region', { name: 'Agreement' });
    expect([...agreement.querySelectorAll('dt')].map(text)).toEqual(['Click-through', 'Last opened']);
    expect(container.querySelector('.baton-sasp-section--fsup')).toBeNull();
    expect(text(container.querySelector('.baton-sasp-status__summary'))).toContain(`Order ${newerStatusAnswer().data.orderNumber as string}`);
  });

  it('renders caaCheckStatus with its errors, maStatus, and an unknown section generically', () => {
    renderStatus(container, newer(), { onAction: () => undefined });
    const caa = getByRole(container, 'region', { name: 'CAA Check' });
    expect(caa.classList).toContain('baton-sasp-section--caa');
    expect(text(caa.querySelector('.baton-sasp-section__status'))).toBe('Status: Action required');
    expect(caa.querySelector('.baton-sasp-section__description br')).not.toBeNull();
    expect(getByRole(caa, 'list', { name: 'Latest CAA check errors' }).querySelectorAll('li')).toHaveLength(2);
    expect([...caa.querySelectorAll('.baton-sasp-caa-errors li')].map(text)).toEqual(['mnsure.org: CAA record does not list sectigo.com', 'state.mn.us: DNS timeout']);

    const ma = getByRole(container, 'region', { name: 'Mark Asserter Verification' });
    expect(ma.classList).toContain('baton-sasp-section--ma');
    expect(text(ma.querySelector('.baton-sasp-section__status'))).toBe('Status: In progress');

    const logo = getByRole(container, 'region', { name: 'Logo Validation' });
    expect(logo.classList).toContain('baton-sasp-section--vmcLogo');
    expect(text(logo.querySelector('.baton-sasp-section__description'))).toBe('We are checking your logo file.');
    expect(text(logo.querySelector('.baton-sasp-section__status'))).toBe('Status: In progress');
  });

  it('shows CAA errors even without a caaCheckStatus section', () => {
    renderStatus(container, newer({ caaCheckStatus: null }), { onAction: () => undefined });
    const caa = getByRole(container, 'region', { name: 'CAA check' });
    expect(text(caa.querySelector('.baton-sasp-section__status'))).toBe('Status: Unknown');
    expect(caa.querySelectorAll('.baton-sasp-caa-errors li')).toHaveLength(2);
  });

  it('offers an unknown section’s actions and reports them with the section’s name', async () => {
    const onAction = vi.fn<(action: SaspAction) => void>();
    renderStatus(container, newer({ cmcStatus: { status: 'ActionRequired', availableActions: ['uploadLogo'], checks: { title: 'Prior use', status: 'InProgress' } } }), { onAction });
    const cmc = getByRole(container, 'region', { name: 'cmcStatus' });
    expect(getAllByRole(cmc, 'listitem').map(text)).toEqual(['Prior use: In progress']);
    await userEvent.setup().click(within(cmc).getByRole('button', { name: 'uploadLogo' }));
    expect(onAction).toHaveBeenCalledWith({ section: 'cmc', action: 'uploadLogo' });
  });

  it('ignores what is not a section, and keeps hostile keys and text out of markup', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const status = newer({ 'a b"><img src=x>Status': { title: evil, status: evil, description: evil, [evil]: evil }, someList: [{ status: 'x' }], someText: 'hello', emptyObject: {} });
    renderStatus(container, status, { onAction: () => undefined });
    const odd = getByRole(container, 'region', { name: evil });
    expect(odd.className).toBe('baton-sasp-section baton-sasp-section--other');
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.textContent).not.toContain('hello');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('renders any status the parser accepts, or the parser refuses it with a BatonError', () => {
    const paths = fc.array(fc.nat(), { minLength: 1, maxLength: 5 });
    const values = fc.oneof(fc.constant(null), fc.constant(''), fc.string(), fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null))), fc.array(fc.oneof(fc.string(), fc.constant(null))));
    fc.assert(
      fc.property(paths, values, (path, replacement) => {
        const answer = newerStatusAnswer();
        let node: unknown = answer.data;
        for (const [depth, step] of path.entries()) {
          if (node === null || typeof node !== 'object') break;
          const keys = Object.keys(node);
          if (!keys.length) break;
          const key = keys[step % keys.length]!;
          if (depth === path.length - 1) (node as Record<string, unknown>)[key] = replacement;
          else node = (node as Record<string, unknown>)[key];
        }
        let status: PostPaymentStatus;
        try {
          status = parseStatusResponse(JSON.stringify(answer));
        } catch (error) {
          expect(error).toBeInstanceOf(BatonError);
          return;
        }
        const root = renderStatus(container, status, { onAction: () => undefined });
        expect(root.querySelector('.baton-sasp-overview__todo')).not.toBeNull();
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
