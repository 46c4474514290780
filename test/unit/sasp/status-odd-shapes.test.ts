// @vitest-environment happy-dom
// Shapes the live API may send that no document shows: a display field that does not fit is left
// out (or read as text), never a reason to reject the whole status; `raw` keeps the answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStatusResponse, renderStatus } from '../../../src/sasp/index.js';
import { SPEC_EXAMPLE } from '../../fixtures/sasp-status-newer.js';

const answer = (patch: (d: any) => void) => { const b = structuredClone(SPEC_EXAMPLE) as any; patch(b.data); return JSON.stringify(b); };
const render = (text: string) => { const c = document.createElement('div'); renderStatus(c, parseStatusResponse(text), { onAction: () => {} }); return c; };
afterEach(() => vi.restoreAllMocks());

describe('Sectigo status in shapes no document shows', () => {
  it('S1 caaCheckStatus / maStatus as an array of objects does not reject the status', () => {
    expect(() => parseStatusResponse(answer((d) => (d.caaCheckStatus = [{ domainName: 'mn.gov', status: 'ActionRequired' }])))).not.toThrow();
    expect(() => parseStatusResponse(answer((d) => (d.maStatus = [{ status: 'InProgress' }])))).not.toThrow();
  });
  it('S2 an unknown (VMC-like) section is shown, not silently dropped', () => {
    const c = render(answer((d) => Object.assign(d, {
      vmcStatus: { description: 'We are checking your logo.' },                       // no title/status
      cmcStatus: { title: 'CMC', status: { code: 'InProgress' } },                    // status not text
      markStatus: { title: 'Mark', status: 'ActionRequired', availableActions: [{ name: 'uploadLogo' }] },
    })));
    expect(c.textContent).toContain('We are checking your logo.');
    expect(c.textContent).toContain('CMC');
    expect(c.textContent).toContain('Mark');
  });
  it('S3 latestCAACheckErrors objects keep their error text', () => {
    const c = render(answer((d) => Object.assign(d, {
      caaCheckStatus: { status: 'ActionRequired' },
      latestCAACheckErrors: [{ domainName: 'x.org', errors: ['CAA forbids sectigo.com'] }, { 'mn.gov': { code: 1, message: 'SERVFAIL' } }],
    })));
    expect(c.querySelector('.baton-sasp-caa-errors')!.textContent).toContain('CAA forbids sectigo.com');
    expect(c.querySelector('.baton-sasp-caa-errors')!.textContent).toContain('SERVFAIL');
  });
  it('S4 an odd upload token/URL makes the upload unavailable, not the whole status rejected', () => {
    for (const patch of [(d: any) => (d.uploadDocumentToken += '\n'), (d: any) => (d.uploadDocumentToken = 'opaque-token'), (d: any) => (d.uploadDocumentUrl = '/avs/ws/api/v002/order')])
      expect(() => parseStatusResponse(answer(patch))).not.toThrow();
  });
  it('S5 display-only numbers in odd forms do not reject the status', () => {
    for (const patch of [(d: any) => (d.productTerm = '365.0'), (d: any) => (d.productType = 410.5), (d: any) => (d.maxMDCDomains = 'unlimited'), (d: any) => (d.dcvStatus.domains[0].methods[0].level = 'L2')])
      expect(() => parseStatusResponse(answer(patch))).not.toThrow();
  });
  it('S6 documented sections in odd shapes do not reject the status', () => {
    const patches: Array<(d: any) => void> = [
      (d) => (d.fsupStatus = 'NotApplicable'),                // accepted for caa/ma, refused here
      (d) => (d.organizationStatus.trademarkCheck = 'Completed'),
      (d) => (d.csrStatus.description = ['line 1', 'line 2']),
      (d) => (d.csrStatus.status = { code: 'Completed' }),
      (d) => (d.dcvStatus.domains = ['mn.gov', 'mnsure.org']),
      (d) => (d.dcvStatus.domains[0].methods[0].options = [{ email: 'admin@mn.gov' }]),
      (d) => (d.agreementStatus.clickThroughStatus = false),
      (d) => (d.agreementStatus.lastEmailSent = { date: '2019-11-20' }),
    ];
    const rejected = patches.filter((p) => { try { parseStatusResponse(answer(p)); return false; } catch { return true; } }).map(String);
    expect(rejected).toEqual([]);
  });
});
