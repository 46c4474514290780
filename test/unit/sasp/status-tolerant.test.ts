// parseStatusResponse against the live API as it answers today (issue 15 item 4): nulls and blanks
// where the v1.00 document shows values, 128-character order numbers, and the sections Sectigo's
// changelog added after v1.00. None of these may reject the whole status.
import { describe, expect, it } from 'vitest';
import { ValidationError, parseStatusResponse, postPaymentUrl } from '../../../src/sasp/index.js';
import { LONG_ORDER_NUMBER, SPEC_EXAMPLE, newerStatusAnswer } from '../../fixtures/sasp-status-newer.js';

const withData = (patch: Record<string, unknown>) => JSON.stringify({ ...SPEC_EXAMPLE, data: { ...SPEC_EXAMPLE.data, ...patch } });
const parse = (patch: Record<string, unknown>) => parseStatusResponse(withData(patch));

describe('parseStatusResponse: nulls and blanks mean "not there"', () => {
  it.each([
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
  ])('a %s upload token or URL: the status parses, upload is simply unavailable', (_name, value) => {
    const status = parse({ uploadDocumentToken: value, uploadDocumentUrl: value });
    expect(status.uploadDocumentToken).toBeUndefined();
    expect(status.uploadDocumentUrl).toBeUndefined();
    expect(status.dcvStatus?.domains).toHaveLength(3);
    expect((status.raw as unknown as Record<string, unknown>).uploadDocumentToken).toBe(value);
  });

  it('an upload URL or token that is unsafe or malformed is never offered: no upload, the status stays', () => {
    for (const patch of [{ uploadDocumentUrl: 'javascript:alert(1)' }, { uploadDocumentUrl: '/relative/upload' }, { uploadDocumentToken: 'not a jwt' }, { uploadDocumentToken: 0 }]) {
      const status = parse(patch) as unknown as Record<string, unknown>;
      const [key] = Object.keys(patch);
      expect(status[key!], key).toBeUndefined();
      expect(status.orderNumber).toBe('654824');
    }
  });

  it.each(['csrStatus', 'dcvStatus', 'agreementStatus', 'callbackStatus', 'organizationStatus', 'secondApprovalStatus', 'fsupStatus', 'caaCheckStatus', 'maStatus'])(
    'a null %s is left out; the other sections stay',
    (key) => {
      const status = parse({ [key]: null }) as unknown as Record<string, unknown>;
      expect(status[key]).toBeUndefined();
      expect(status.orderNumber).toBe('654824');
      expect(Object.keys(status).filter((k) => k.endsWith('Status') && k !== 'orderStatus' && status[k] !== undefined).length).toBeGreaterThanOrEqual(6);
    },
  );

  it('a null title, description or lastEmailSent is left out', () => {
    const agreement = { ...(SPEC_EXAMPLE.data.agreementStatus as object), title: null, description: null, lastEmailSent: null, lastOpenDate: '' };
    const status = parse({ agreementStatus: agreement, csrStatus: { title: null, status: null, availableActions: null } });
    expect(status.agreementStatus).toMatchObject({ status: 'Completed', clickThroughStatus: 'Executed' });
    expect(status.agreementStatus?.title).toBeUndefined();
    expect(status.agreementStatus?.lastEmailSent).toBeUndefined();
    expect(status.agreementStatus?.lastOpenDate).toBeUndefined();
    expect(status.csrStatus).toEqual({ status: 'Unknown', availableActions: [] });
  });

  it('nulls inside lists are dropped: actions, domains, methods, options', () => {
    const dcv = SPEC_EXAMPLE.data.dcvStatus as { domains: Array<Record<string, unknown>> };
    const status = parse({
      dcvStatus: {
        ...dcv,
        availableActions: [null, 'selectDCVMethod'],
        domains: [null, { ...dcv.domains[0], selectedMethod: null, methods: [null, { type: 'manual', title: null, options: [null, 'Manual'] }, { type: 'email', options: null }] }],
      },
    });
    expect(status.dcvStatus?.availableActions).toEqual(['selectDCVMethod']);
    expect(status.dcvStatus?.domains).toHaveLength(1);
    const domain = status.dcvStatus!.domains[0]!;
    expect(domain.selectedMethod).toBeUndefined();
    expect(domain.methods.map((m) => [m.type, m.options])).toEqual([
      ['manual', ['Manual']],
      ['email', []],
    ]);
  });

  it('a status sent as a number is kept as text', () => {
    expect(parse({ fsupStatus: { status: 3 } }).fsupStatus?.status).toBe('3');
  });

  it('an orderNumber of 128 alphanumeric characters', () => {
    const status = parse({ orderNumber: LONG_ORDER_NUMBER });
    expect(status.orderNumber).toBe(LONG_ORDER_NUMBER);
    expect(postPaymentUrl({ sid: 'abc', orderNumber: LONG_ORDER_NUMBER }).searchParams.get('orderNumber')).toBe(LONG_ORDER_NUMBER);
    expect(() => postPaymentUrl({ sid: 'abc', orderNumber: `${LONG_ORDER_NUMBER}x` })).toThrow(/longer than 128/);
  });

  it('a null orderNumber is still a bad answer', () => {
    expect(() => parse({ orderNumber: null })).toThrow(ValidationError);
  });
});

describe('parseStatusResponse: the sections added after v1.00', () => {
  const status = parseStatusResponse(JSON.stringify(newerStatusAnswer()));

  it('caaCheckStatus and maStatus read like the documented sections', () => {
    expect(status.caaCheckStatus).toEqual({
      title: 'CAA Check',
      status: 'ActionRequired',
      description: 'A CAA record of a domain does not allow Sectigo to issue.\nUpdate the record, then ask for a new check.',
      availableActions: [],
    });
    expect(status.maStatus).toEqual({ title: 'Mark Asserter Verification', status: 'InProgress', availableActions: [] });
  });

  it('latestCAACheckErrors becomes lines of text, whatever its shape', () => {
    expect(status.latestCAACheckErrors).toEqual(['mnsure.org: CAA record does not list sectigo.com', 'state.mn.us: DNS timeout']);
    expect(parse({ latestCAACheckErrors: 'one error' }).latestCAACheckErrors).toEqual(['one error']);
    expect(parse({ latestCAACheckErrors: { code: 7, message: 'x' } }).latestCAACheckErrors).toEqual(['7: x']);
    expect(parse({ latestCAACheckErrors: [{ domainName: 'x.org', errors: ['CAA forbids sectigo.com'] }, { 'mn.gov': { code: 1, message: 'SERVFAIL' } }, true, 5] }).latestCAACheckErrors).toEqual([
      'x.org: CAA forbids sectigo.com',
      'mn.gov: 1: SERVFAIL',
      '5',
    ]);
    expect(parse({}).latestCAACheckErrors).toEqual([]);
  });

  it('a bare status text is a section too', () => {
    expect(parse({ caaCheckStatus: 'Completed' }).caaCheckStatus).toEqual({ status: 'Completed', availableActions: [] });
  });

  it('an unknown (VMC/CMC) section is kept as sent, for generic rendering', () => {
    expect((status as unknown as Record<string, unknown>).vmcLogoStatus).toEqual({ title: 'Logo Validation', status: 'InProgress', description: 'We are checking your logo file.', logoFormat: 'SVG Tiny PS' });
  });

  it('raw keeps the answer exactly, nulls included', () => {
    expect(status.raw).toEqual(newerStatusAnswer().data);
  });
});
