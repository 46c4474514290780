// @vitest-environment happy-dom
import { getAllByRole, getByRole, queryAllByRole, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ValidationError, parseStatusResponse, renderStatus, type SaspAction } from '../../../src/sasp/index.js';

function statusFor(order = '654824', patch: Record<string, unknown> = {}) {
  const domain = (name: string) => ({
    domainName: name,
    dcvStatus: 'notCompleted',
    selectedMethod: 'Not yet set',
    methods: [
      { type: 'email', title: 'Alternative Email Addresses', level: 2, options: [`admin@${name}`, `webmaster@${name}`] },
      { type: 'csrHash', title: 'Alternative Methods', options: ['CNAME CSR Hash', 'HTTP CSR Hash', 'HTTPS CSR Hash'] },
      { type: 'manual', title: 'None of the above', options: ['Manual'] },
    ],
  });
  return parseStatusResponse(
    JSON.stringify({
      errorCode: 0,
      data: {
        orderNumber: Number(order),
        productName: 'COMODO EV Multi-Domain SSL Certificate',
        orderStatus: 'Pending',
        domainName: 'Multiple domains',
        primaryDomainName: 'mn.gov',
        csrStatus: { title: 'Submit your CSR', status: 'Completed', description: 'You have already submitted your CSR.', availableActions: ['canReplaceCSR'] },
        dcvStatus: { title: 'Domain Control Validation', status: 'ActionRequired', MD5: 'ABC', availableActions: ['selectDCVMethod'], domains: [domain('mn.gov'), domain('mnsure.org')] },
        agreementStatus: { title: 'Agreement Execution', status: 'Completed', availableActions: 'resendAgreementEmail', clickThroughEmailAddress: 'a@b.example' },
        callbackStatus: { title: 'Signer Verification', status: 'InProgress', description: 'Line one.\nLine two.\r\nLine three.' },
        organizationStatus: {
          title: 'Organization Validation',
          status: 'InProgress',
          availableActions: ['uploadDocument'],
          organizationName: { title: 'Organization name', status: 'Unknown' },
          trademarkCheck: { title: 'Trademark check', status: 'NotApplicable' },
        },
        secondApprovalStatus: { title: 'Second Approval', status: 'SomethingNew' },
        fsupStatus: { title: 'Fast Service Certificate', status: 'NotApplicable' },
        ...patch,
      },
    }),
  );
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  vi.restoreAllMocks();
});

describe('renderStatus', () => {
  it('renders the seven sections as headed regions with a text status', () => {
    renderStatus(container, statusFor(), { onAction: () => undefined });
    const headings = getAllByRole(container, 'heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Submit your CSR',
      'Domain Control Validation',
      'Agreement Execution',
      'Signer Verification',
      'Organization Validation',
      'Second Approval',
      'Fast Service Certificate',
    ]);
    const dcv = getByRole(container, 'region', { name: 'Domain Control Validation' });
    expect(dcv.querySelector('.baton-sasp-section__status')?.textContent).toBe('Status: Action required');
    expect(dcv.querySelector('.baton-sasp-badge')?.getAttribute('data-status')).toBe('ActionRequired');
    const second = getByRole(container, 'region', { name: 'Second Approval' });
    expect(second.querySelector('.baton-sasp-section__status')?.textContent).toBe('Status: SomethingNew');
    expect(second.dataset.status).toBe('SomethingNew');
    expect(container.querySelector('.baton-sasp-status__summary')?.textContent).toContain('Order 654824');
  });

  it('keeps description line breaks as <br> between text nodes', () => {
    renderStatus(container, statusFor(), { onAction: () => undefined });
    const description = getByRole(container, 'region', { name: 'Signer Verification' }).querySelector('.baton-sasp-section__description')!;
    expect(description.querySelectorAll('br')).toHaveLength(2);
    expect([...description.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)).toEqual(['Line one.', 'Line two.', 'Line three.']);
  });

  it('lists the organization requirement checks', () => {
    renderStatus(container, statusFor(), { onAction: () => undefined });
    const org = getByRole(container, 'region', { name: 'Organization Validation' });
    expect(within(org).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Organization name: Unknown', 'Trademark check: Not applicable']);
  });

  it('offers the available actions as buttons and reports them typed', async () => {
    const onAction = vi.fn<(action: SaspAction) => void>();
    renderStatus(container, statusFor(), { onAction });
    const user = userEvent.setup();
    await user.click(getByRole(container, 'button', { name: 'Replace the CSR' }));
    await user.click(getByRole(container, 'button', { name: 'Resend the agreement e-mail' }));
    await user.click(getByRole(container, 'button', { name: 'Upload documents' }));
    expect(onAction.mock.calls.map(([a]) => a)).toEqual([
      { section: 'csr', action: 'canReplaceCSR' },
      { section: 'agreement', action: 'resendAgreementEmail' },
      { section: 'organization', action: 'uploadDocument' },
    ]);
  });

  it('offers a DCV chooser per domain as a radio group, usable by keyboard', async () => {
    const onAction = vi.fn<(action: SaspAction) => void>();
    renderStatus(container, statusFor(), { onAction });
    const groups = getAllByRole(container, 'radiogroup');
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual(['Validation method for mn.gov', 'Validation method for mnsure.org']);
    const mn = groups[0]!;
    expect(within(mn).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual([
      'admin@mn.gov',
      'webmaster@mn.gov',
      'CNAME CSR Hash',
      'HTTP CSR Hash',
      'HTTPS CSR Hash',
      'Manual',
    ]);
    const user = userEvent.setup();
    await user.click(within(mn).getByRole('radio', { name: 'CNAME CSR Hash' }));
    await user.keyboard('{Tab}');
    // The section's own "select" button is replaced by the per-domain choosers.
    expect(queryAllByRole(container, 'button', { name: 'Select a validation method' })).toHaveLength(0);
    within(mn).getByRole('button', { name: 'Use this method for mn.gov' }).focus();
    await user.keyboard('{Enter}');
    // By label text: happy-dom gives <wbr> no display, so its accessible names gain spaces
    // (Chromium's do not: test/e2e/stylesheet-layout.test.ts).
    await user.click(within(groups[1]!).getByLabelText('admin@mnsure.org'));
    await user.click(within(groups[1]!).getByRole('button', { name: 'Use this method for mnsure.org' }));
    expect(onAction.mock.calls.map(([a]) => a)).toEqual([
      { section: 'dcv', action: 'selectDCVMethod', domainName: 'mn.gov', method: 'CNAME_CSR_HASH', option: 'CNAME CSR Hash' },
      { section: 'dcv', action: 'selectDCVMethod', domainName: 'mnsure.org', method: 'EMAIL', option: 'admin@mnsure.org' },
    ]);
  });

  it('shows no chooser when the section offers no method choice: one plain row per domain', () => {
    const status = statusFor();
    renderStatus(container, { ...status, dcvStatus: { ...status.dcvStatus!, status: 'InProgress', availableActions: [] } }, { onAction: () => undefined });
    expect(queryAllByRole(container, 'radiogroup')).toHaveLength(0);
    expect(container.querySelectorAll('details.baton-sasp-dcv-toggle')).toHaveLength(0);
    const dcv = getByRole(container, 'region', { name: 'Domain Control Validation' });
    expect(within(dcv).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'mn.gov · Not completed · Selected method: Not yet set',
      'mnsure.org · Not completed · Selected method: Not yet set',
    ]);
  });

  it('asks for a choice instead of sending an empty one', async () => {
    const onAction = vi.fn();
    renderStatus(container, statusFor(), { onAction });
    await userEvent.setup().click(getAllByRole(container, 'button', { name: /Use this method/ })[0]!);
    expect(onAction).not.toHaveBeenCalled();
    expect(within(getByRole(container, 'region', { name: 'Domain Control Validation' })).getByRole('status').textContent).toMatch(/Choose a validation method for mn.gov/);
  });

  it('shows a failed onAction and re-enables the button', async () => {
    renderStatus(container, statusFor(), { onAction: () => Promise.reject(new Error('server said no')) });
    const button = getByRole(container, 'button', { name: 'Replace the CSR' }) as HTMLButtonElement;
    await userEvent.setup().click(button);
    await vi.waitFor(() => expect(within(getByRole(container, 'region', { name: 'Submit your CSR' })).getByRole('status').textContent).toMatch(/server said no/));
    expect(button.disabled).toBe(false);
  });

  it('renders hostile provider text as text', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const status = statusFor('666', {
      productName: evil,
      csrStatus: { title: `<b>${evil}</b>`, status: `<i>x</i>`, description: `a\n${evil}`, availableActions: [`<svg onload=alert(1)>`] },
      dcvStatus: { status: 'ActionRequired', availableActions: ['selectDCVMethod'], domains: [{ domainName: `"><img src=x>`, methods: [{ type: 'email', title: evil, options: ['<a href="javascript:alert(1)">x</a>'] }] }] },
    });
    renderStatus(container, status, { onAction: () => undefined });
    expect(container.querySelectorAll('img, script, b, i, svg, a')).toHaveLength(0);
    expect(getByRole(container, 'heading', { name: `<b>${evil}</b>` })).toBeTruthy();
    expect(getByRole(container, 'button', { name: '<svg onload=alert(1)>' })).toBeTruthy();
    expect(getByRole(container, 'radio', { name: '<a href="javascript:alert(1)">x</a>' })).toBeTruthy();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('replaces an earlier rendering and leaves other content alone', () => {
    const heading = document.createElement('h2');
    heading.textContent = 'Mine';
    container.append(heading);
    renderStatus(container, statusFor(), { onAction: () => undefined });
    renderStatus(container, statusFor('700002'), { onAction: () => undefined });
    expect(container.querySelectorAll('.baton-sasp-status')).toHaveLength(1);
    expect(container.querySelector('.baton-sasp-status__summary')?.textContent).toContain('700002');
    expect(container.firstChild).toBe(heading);
  });

  it('by default opens the hosted post-payment page', async () => {
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as unknown as Location);
    renderStatus(container, statusFor(), { sid: 'abc123' });
    await userEvent.setup().click(getByRole(container, 'button', { name: 'Replace the CSR' }));
    expect(assign).toHaveBeenCalledWith('https://secure.sectigo.com/products/postPayment1a?SID=abc123&orderNumber=654824');
  });

  it('refuses bad options with a ValidationError', () => {
    expect(() => renderStatus(container, statusFor(), {} as never)).toThrow(ValidationError);
    expect(() => renderStatus(null as never, statusFor(), { onAction: () => undefined })).toThrow(ValidationError);
    expect(() => renderStatus(container, {} as never, { onAction: () => undefined })).toThrow(ValidationError);
    expect(() => renderStatus(container, statusFor(), { onAction: 'x' } as never)).toThrow(ValidationError);
  });
});

// Issue 23 §2: every label and lookup table is keyed safely. A section, status or action named
// like an Object.prototype member renders as text: no TypeError, no function source.
describe('renderStatus: ids named like Object.prototype members', () => {
  it('render as text', () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    const status = parseStatusResponse(
      `{"errorCode":0,"data":{"orderNumber":"1",
        "csrStatus":{"title":"CSR","status":"constructor","availableActions":["toString","__proto__","constructor"]},
        "constructorStatus":{"title":"Odd","status":"toString","availableActions":["valueOf"]},
        "toStringStatus":{"status":"hasOwnProperty"},
        "__proto__":{"status":"valueOf","title":"Proto"}}}`,
    );
    const container = document.createElement('div');
    renderStatus(container, status, { onAction: () => undefined });
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/native code|function /);
    expect(getAllByRole(container, 'button').map((button) => button.textContent)).toEqual(expect.arrayContaining(['toString', '__proto__', 'constructor', 'valueOf']));
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) expect(text).toContain(name);
    expect(names.some((name) => text.includes(`Status: ${name}`))).toBe(true);
  });

  it('statusLabel and actionLabel give such ids back as sent', async () => {
    const { statusLabel, actionLabel } = await import('../../../src/sasp/index.js');
    for (const name of ['constructor', 'toString', '__proto__', 'constructorStatus']) {
      expect(statusLabel(name)).toBe(name);
      expect(actionLabel(name)).toBe(name);
    }
  });
});
