import { describe, expect, it, vi } from 'vitest';
// -42 (call limit) and the relay have their own files: status-call-limit.test.ts, status-relay.test.ts.
import { inject } from 'vitest';
import {
  NetworkError,
  ProviderError,
  SecretError,
  UnsafeUrlError,
  ValidationError,
  getPostPaymentStatus,
  parseSessionResponse,
  parseStatusResponse,
} from '../../../src/sasp/index.js';

const mockUrl = inject('mockUrl');
const endpoint = `${mockUrl}/sectigo/products/!getPostPaymentStatus`;
const allowedHosts = ['127.0.0.1', 'localhost'];

async function session(orderNumber: string): Promise<{ sid: string; orderNumber: string }> {
  const body = await (await fetch(`${mockUrl}/merchant/sasp/session`, { method: 'POST', body: new URLSearchParams({ orderNumber }) })).text();
  const parsed = parseSessionResponse(body, { format: 0 });
  return { sid: parsed.sid, orderNumber: parsed.orderNumber ?? orderNumber };
}

interface LogEntry { method: string; path: string; fields: Record<string, string>; server: string }
async function wire(sid: string): Promise<LogEntry[]> {
  const log = (await (await fetch(`${mockUrl}/__mock/log`)).json()) as LogEntry[];
  return log.filter((entry) => entry.path === '/sectigo/products/!getPostPaymentStatus' && entry.fields.saspSessionID === sid);
}

describe('getPostPaymentStatus against the mock', () => {
  it('POSTs the session id form-urlencoded, without login fields, and returns typed data', async () => {
    const { sid, orderNumber } = await session('654824');
    const status = await getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint, allowedHosts });
    expect(status.orderNumber).toBe('654824');
    expect(status.productName).toBe('COMODO EV Multi-Domain SSL Certificate');
    expect(status.dcvStatus?.domains.map((d) => d.domainName)).toStrictEqual(['mn.gov', 'mnsure.org', 'state.mn.us']);
    const sent = await wire(sid);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.fields).toStrictEqual({ saspSessionID: sid, orderNumber: '654824' });
    expect(Object.keys(sent[0]!.fields).join()).not.toMatch(/login/i);
  });

  it('uses the order number the session returned for a replaced order', async () => {
    const { sid, orderNumber } = await session('700001');
    expect(orderNumber).toBe('700002');
    const status = await getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint, allowedHosts });
    expect(status.orderNumber).toBe('700002');
  });

  it('sends certificateID when given', async () => {
    const { sid, orderNumber } = await session('654824');
    await getPostPaymentStatus({ saspSessionID: sid, orderNumber, certificateID: 1234567, endpoint, allowedHosts });
    expect((await wire(sid))[0]!.fields.certificateID).toBe('1234567');
  });

  it('-16 for an unknown session, as a ProviderError', async () => {
    const error = await getPostPaymentStatus({ saspSessionID: 'nosuchsession', orderNumber: '654824', endpoint, allowedHosts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: -16, provider: 'sasp' });
  });

  it('-4 sent as the string "-4" becomes code -4', async () => {
    const { sid } = await session('654824');
    const error = await getPostPaymentStatus({ saspSessionID: sid, orderNumber: '111', endpoint, allowedHosts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: -4, providerMessage: "The value of the 'orderNumber' argument is invalid!" });
  });

  it('is aborted by its signal', async () => {
    const { sid, orderNumber } = await session('654824');
    const controller = new AbortController();
    controller.abort();
    const error = await getPostPaymentStatus({ saspSessionID: sid, orderNumber, endpoint, allowedHosts, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'aborted' });
  });

  it('a fetch that fails without an answer while online names CORS and, for Sectigo, the relay (issue 23)', async () => {
    // What a browser reports for a CORS refusal: a bare TypeError.
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('navigator', { onLine: true });
    try {
      const direct = await getPostPaymentStatus({ saspSessionID: 'abc', orderNumber: '1', endpoint, allowedHosts }).catch((e: unknown) => e);
      expect(direct).toMatchObject({ name: 'NetworkError', kind: 'offline' });
      expect((direct as Error).message).toMatch(/most likely CORS/);
      expect((direct as Error).message).toMatch(/pass `relay`/);
      const relayed = await getPostPaymentStatus({ relay: `${mockUrl}/relay`, orderNumber: '1', allowedHosts }).catch((e: unknown) => e);
      expect((relayed as Error).message).toMatch(/most likely CORS/);
      expect((relayed as Error).message).not.toMatch(/pass `relay`/);
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it('refuses login fields before sending', async () => {
    await expect(getPostPaymentStatus({ saspSessionID: 'abc', orderNumber: '1', loginPassword: 'x' } as never)).rejects.toThrow(SecretError);
    await expect(getPostPaymentStatus({ saspSessionID: 'abc', orderNumber: '1', loginName: 'x' } as never)).rejects.toThrow(SecretError);
  });

  it('refuses bad arguments and endpoints with clear errors', async () => {
    await expect(getPostPaymentStatus(undefined as never)).rejects.toThrow(ValidationError);
    await expect(getPostPaymentStatus({ orderNumber: '1' } as never)).rejects.toThrow(/saspSessionID|SID/);
    await expect(getPostPaymentStatus({ saspSessionID: 'abc', orderNumber: '1', certificateID: 'x1' })).rejects.toThrow(ValidationError);
    await expect(getPostPaymentStatus({ saspSessionID: 'abc', orderNumber: '1', endpoint: 'https://evil.example/x' })).rejects.toThrow(UnsafeUrlError);
    // Loopback is allowed only while the page itself is on loopback (or there is no page).
    vi.stubGlobal('location', new URL('https://shop.example/checkout'));
    try {
      await expect(getPostPaymentStatus({ saspSessionID: 'abc', orderNumber: '1', endpoint: `${mockUrl}/x` })).rejects.toThrow(UnsafeUrlError);
      await expect(getPostPaymentStatus({ relay: `${mockUrl}/x`, orderNumber: '1' })).rejects.toThrow(UnsafeUrlError);
      await expect(getPostPaymentStatus({ relay: 'https://shop.example:8443/x', orderNumber: '1' })).rejects.toThrow(UnsafeUrlError);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

const example = {
  errorCode: 0,
  errorMessage: '',
  data: {
    orderNumber: 654824,
    productType: '410',
    orderStatus: 'Brand New Status',
    csrStatus: { title: 'Submit your CSR', status: 'Completed', availableActions: ['canReplaceCSR'] },
    dcvStatus: {
      title: 'Domain Control Validation',
      status: 'ActionRequired',
      availableActions: ['selectDCVMethod'],
      domains: [
        {
          domainName: 'mn.gov',
          dcvStatus: 'notCompleted',
          selectedMethod: 'Not yet set',
          methods: [
            { type: 'email', title: 'Alternative Email Addresses', level: 2, options: ['admin@mn.gov'] },
            { type: 'futureMethod', title: 'New', options: 'Only option' },
          ],
        },
      ],
    },
    agreementStatus: { title: 'Agreement Execution', status: 'Completed', availableActions: 'resendAgreementEmail' },
    callbackStatus: { title: 'Signer Verification', status: 'InProgress' },
    organizationStatus: { status: 'InProgress', organizationName: { title: 'Organization name', status: 'Unknown' } },
    secondApprovalStatus: { title: 'Second Approval', status: 'Unknown' },
    fsupStatus: { title: 'Fast Service Certificate', status: 'NotApplicable' },
    somethingNew: { kept: true },
  },
};

describe('parseStatusResponse: tolerant of the document’s own quirks', () => {
  const status = parseStatusResponse(JSON.stringify(example));
  it('orderNumber as a number becomes text; numeric strings become numbers', () => {
    expect(status.orderNumber).toBe('654824');
    expect(status.productType).toBe(410);
  });
  it('keeps unknown enum values', () => {
    expect(status.orderStatus).toBe('Brand New Status');
    expect(status.dcvStatus?.domains[0]?.dcvStatus).toBe('notCompleted');
    expect(status.dcvStatus?.domains[0]?.methods[1]?.type).toBe('futureMethod');
    expect(status.organizationStatus?.organizationName?.status).toBe('Unknown');
  });
  it('reads availableActions given as a string', () => {
    expect(status.agreementStatus?.availableActions).toStrictEqual(['resendAgreementEmail']);
    expect(status.callbackStatus?.availableActions).toStrictEqual([]);
    expect(status.dcvStatus?.domains[0]?.methods[1]?.options).toStrictEqual(['Only', 'option']);
  });
  it('level as a number', () => {
    expect(status.dcvStatus?.domains[0]?.methods[0]?.level).toBe(2);
    expect(parseStatusResponse(JSON.stringify({ ...example, data: { ...example.data, dcvStatus: { domains: [{ domainName: 'a', methods: [{ type: 'email', level: '3', options: [] }] }] } } })).dcvStatus?.domains[0]?.methods[0]?.level).toBe(3);
  });
  it('keeps the raw data and unknown fields', () => {
    expect(status.raw).toStrictEqual(example.data);
    expect((status as unknown as Record<string, unknown>).somethingNew).toStrictEqual({ kept: true });
  });
  it('errorCode "-4" (string) is a ProviderError with code -4', () => {
    const body = JSON.stringify({ errorCode: '-4', errorMessage: "The value of the 'orderNumber' argument is invalid!", data: {} });
    expect(() => parseStatusResponse(body)).toThrow(ProviderError);
    try {
      parseStatusResponse(body);
    } catch (error) {
      expect(error).toMatchObject({ code: -4 });
    }
  });
  it.each([-1, -2, -3, -14, -16, -17, -42])('errorCode %i is a ProviderError', (code) => {
    expect(() => parseStatusResponse(JSON.stringify({ errorCode: code, errorMessage: 'm', data: {} }))).toThrow(ProviderError);
  });
  it.each([
    ['HTML', '<html>502</html>'],
    ['empty', ''],
    ['no errorCode', '{"data":{}}'],
    ['no data on success', '{"errorCode":0}'],
  ])('refuses %s with a ValidationError', (_name, body) => {
    expect(() => parseStatusResponse(body)).toThrow(ValidationError);
  });

  it('a javascript: upload URL is never offered: the upload is unavailable, the rest of the status stays', () => {
    const status = parseStatusResponse(JSON.stringify({ errorCode: 0, data: { orderNumber: '1', uploadDocumentUrl: 'javascript:alert(1)', uploadDocumentToken: 'a.b.c' } }));
    expect(status.uploadDocumentUrl).toBeUndefined();
    expect(status.orderNumber).toBe('1');
    expect((status.raw as Record<string, unknown>).uploadDocumentUrl).toBe('javascript:alert(1)');
  });
});
