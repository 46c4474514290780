// The status page as a person sees it in real Chromium, unstyled (Baton ships no required
// stylesheet): how tall the spec's example is at 1280 px, whether a radio stays on its label's
// line, whether anything overlaps or runs off the side, and keyboard use of the collapsed chooser.
import { getAllByRole, getByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { parseStatusResponse, renderStatus, type SaspAction } from 'baton-sdk/sasp';
import { SPEC_EXAMPLE, newerStatusAnswer } from '../../fixtures/sasp-status-newer.js';

let container: HTMLElement;
beforeEach(async () => {
  await page.viewport(1280, 900);
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => document.body.replaceChildren());

const specStatus = () => parseStatusResponse(JSON.stringify(SPEC_EXAMPLE));

/** Every line box of the element (an inline element that wraps has several). */
const boxes = (element: Element) => [...element.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);

/** Radios whose centre is not within the first line of their label's text. */
function radiosOffTheirLine(root: HTMLElement): string[] {
  return [...root.querySelectorAll('label.baton-sasp-dcv-option')].flatMap((label) => {
    const radio = label.querySelector('input[type=radio]')!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(label.lastChild!);
    const line = range.getClientRects()[0];
    const centre = radio.top + radio.height / 2;
    const apart = !line || centre < line.top || centre > line.bottom || Math.abs(line.left - radio.right) > 12;
    return apart ? [label.textContent!] : [];
  });
}

/** Pairs of visible text-bearing boxes (not nested in each other) that overlap by more than 1 px. */
function overlaps(root: HTMLElement): string[] {
  const selector = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, legend, summary, label, button, span';
  const items = [...root.querySelectorAll(selector)].filter((element) => element.checkVisibility());
  const found: string[] = [];
  for (const [i, a] of items.entries()) {
    for (const b of items.slice(i + 1)) {
      if (a.contains(b) || b.contains(a)) continue;
      for (const ra of boxes(a)) {
        for (const rb of boxes(b)) {
          const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (x > 1 && y > 1) found.push(`${a.tagName}"${a.textContent!.slice(0, 30)}" × ${b.tagName}"${b.textContent!.slice(0, 30)}"`);
        }
      }
    }
  }
  return found;
}

/** Visible elements that reach past the right edge of the viewport (cut off for the reader). */
const offTheSide = (root: HTMLElement) =>
  [...root.querySelectorAll('*')].filter((element) => element.checkVisibility() && boxes(element).some((rect) => rect.right > window.innerWidth + 0.5)).map((element) => element.outerHTML.slice(0, 80));

describe('the compact status page in Chromium', () => {
  it('fits the spec example in about 1,600 px at 1280 px wide, every radio on its label’s line, nothing overlapping', async () => {
    const root = renderStatus(container, specStatus(), { onAction: () => undefined });
    expect(window.innerWidth).toBe(1280);
    const height = root.getBoundingClientRect().height;
    expect(height).toBeGreaterThan(600); // it did render the seven sections and three choosers
    expect(height).toBeLessThanOrEqual(1600);
    expect(document.documentElement.scrollHeight).toBeLessThanOrEqual(1620);
    expect(getAllByRole(root, 'radiogroup')).toHaveLength(3);
    expect(root.querySelectorAll('label.baton-sasp-dcv-option')).toHaveLength(27);
    expect(radiosOffTheirLine(root)).toEqual([]);
    expect(overlaps(root)).toEqual([]);
    expect(offTheSide(root)).toEqual([]);
  });

  it('keeps each radio on its label’s line when the options wrap (a 360 px phone)', async () => {
    await page.viewport(360, 800);
    const root = renderStatus(container, specStatus(), { onAction: () => undefined });
    const tops = new Set([...root.querySelectorAll('.baton-sasp-dcv-method[data-type=email] label')].slice(0, 5).map((label) => Math.round(label.getBoundingClientRect().top)));
    expect(tops.size).toBeGreaterThan(1); // the options do wrap at this width
    expect(radiosOffTheirLine(root)).toEqual([]);
    expect(overlaps(root)).toEqual([]);
  });

  it('renders a status with nulls and the newer sections: readable, nothing overlapping', async () => {
    const status = parseStatusResponse(JSON.stringify(newerStatusAnswer()));
    expect(status.uploadDocumentToken).toBeUndefined();
    const root = renderStatus(container, status, { onAction: () => undefined });
    const headings = getAllByRole(root, 'heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Certificate signing request',
      'Domain Control Validation',
      'CAA Check',
      'Agreement',
      'Signer Verification',
      'Organization Validation',
      'Mark Asserter Verification',
      'Second Approval',
      'Logo Validation',
    ]);
    const caa = getByRole(root, 'region', { name: 'CAA Check' });
    expect(within(caa).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['mnsure.org: CAA record does not list sectigo.com', 'state.mn.us: DNS timeout']);
    expect(root.querySelector('.baton-sasp-overview__todo')?.textContent).toBe('Needs your action: Domain Control Validation (mn.gov, mnsure.org, state.mn.us); CAA Check');
    expect(root.getBoundingClientRect().height).toBeLessThanOrEqual(1800);
    expect(radiosOffTheirLine(root)).toEqual([]);
    expect(overlaps(root)).toEqual([]);
    expect(offTheSide(root)).toEqual([]);
  });

  it('opens a collapsed chooser and chooses a method with the keyboard alone', async () => {
    const status = specStatus();
    const dcv = { ...status.dcvStatus!, status: 'InProgress', availableActions: ['canChangeDCVMethod'] };
    dcv.domains = dcv.domains.map((domain) => ({ ...domain, dcvStatus: 'InProgress', selectedMethod: 'HTTP CSR Hash' }));
    const actions: SaspAction[] = [];
    const root = renderStatus(container, { ...status, dcvStatus: dcv }, { onAction: (action) => void actions.push(action) });
    const toggles = [...root.querySelectorAll('details.baton-sasp-dcv-toggle')] as HTMLDetailsElement[];
    expect(toggles.map((t) => t.open)).toEqual([false, false, false]);
    expect(root.querySelector('input[type=radio]')!.checkVisibility()).toBe(false);

    // Tab from the "Replace the CSR" button to the first domain row.
    getByRole(root, 'button', { name: 'Replace the CSR' }).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement?.textContent).toBe('mn.gov · In progress · Selected method: HTTP CSR Hash');
    await userEvent.keyboard('{Enter}');
    expect(toggles[0]!.open).toBe(true);
    const selected = within(toggles[0]!).getByRole('radio', { name: 'HTTP CSR Hash' }) as HTMLInputElement;
    expect(selected.checked).toBe(true);
    expect(selected.checkVisibility()).toBe(true);
    await userEvent.keyboard('{Tab}'); // into the radio group, on the checked radio
    expect(document.activeElement).toBe(selected);
    await userEvent.keyboard('{ArrowDown}');
    expect((document.activeElement as HTMLInputElement).value).toBe('HTTPS CSR Hash');
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement?.textContent).toBe('Use this method for mn.gov');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => actions).toEqual([{ section: 'dcv', action: 'canChangeDCVMethod', domainName: 'mn.gov', method: 'HTTPS_CSR_HASH', option: 'HTTPS CSR Hash' }]);

    // Space closes it again.
    toggles[0]!.querySelector('summary')!.focus();
    await userEvent.keyboard(' ');
    expect(toggles[0]!.open).toBe(false);
  });
});
