// @vitest-environment happy-dom
// The return page: parameters read and trusted for nothing; the status from the merchant server,
// mapped with Worldline's "Statuses" reference table
// (apireference.connect.worldline-solutions.com/s2sapi/v1/en_US/nodejs/statuses.html).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, ValidationError } from '../../../src/core/errors.js';
import { awaitPaymentStatus, paymentOutcome, readConnectReturn } from '../../../src/connect/index.js';
import { settled } from '../../helpers/caught.js';
import { recordFetch } from '../../helpers/record-fetch.js';

describe('readConnectReturn', () => {
  it('reads the hosted checkout return (RETURNMAC, hostedCheckoutId) and marks it untrusted', () => {
    expect(readConnectReturn('https://shop.example/return?RETURNMAC=959535b0-c1a1-4f5f-865e-d55776367c69&hostedCheckoutId=065d3625-ed4f-71ff-9de6-6bf8c2c79ebf')).toEqual({
      RETURNMAC: '959535b0-c1a1-4f5f-865e-d55776367c69',
      hostedCheckoutId: '065d3625-ed4f-71ff-9de6-6bf8c2c79ebf',
      REF: undefined,
      paymentId: undefined,
      trusted: false,
    });
  });

  it('reads a redirect payment return (REF, paymentId) and ignores any status in the URL', () => {
    const read = readConnectReturn(new URL('https://shop.example/return?REF=000001234510000012&paymentId=000001234510000012340000100001&status=CAPTURED'));
    expect(read).toMatchObject({ REF: '000001234510000012', paymentId: '000001234510000012340000100001' });
    expect(JSON.stringify(read)).not.toContain('CAPTURED');
  });

  it.each([
    ['no parameter', 'https://shop.example/return?orderId=1', /none of/],
    ['a control character', 'https://shop.example/return?RETURNMAC=a%0Ab', /RETURNMAC/],
    ['a space', 'https://shop.example/return?hostedCheckoutId=a%20b', /hostedCheckoutId/],
    ['an overlong value', `https://shop.example/return?REF=${'1'.repeat(300)}`, /REF/],
  ])('refuses %s', (_name, url, reason) => {
    expect(() => readConnectReturn(url)).toThrow(ValidationError);
    expect(() => readConnectReturn(url)).toThrow(reason);
  });
});

describe('paymentOutcome', () => {
  it.each([
    // [answer, final, statusCategory]
    [{ payment: { id: 'p', status: 'CAPTURED', statusOutput: { statusCategory: 'COMPLETED' } } }, true, 'COMPLETED'],
    [{ payment: { id: 'p', status: 'PENDING_APPROVAL' } }, true, 'PENDING_MERCHANT'],
    [{ payment: { id: 'p', status: 'REJECTED' } }, true, 'UNSUCCESSFUL'],
    [{ payment: { id: 'p', status: 'CANCELLED' } }, true, 'UNSUCCESSFUL'],
    [{ payment: { id: 'p', status: 'REDIRECTED' } }, false, 'PENDING_PAYMENT'],
    [{ payment: { id: 'p', status: 'AUTHORIZATION_REQUESTED' } }, false, 'PENDING_CONNECT_OR_3RD_PARTY'],
    [{ payment: { id: 'p', status: 'CREATED' } }, false, 'CREATED'],
    [{ id: 'p', status: 'PAID', statusOutput: { statusCategory: 'COMPLETED' } }, true, 'COMPLETED'],
    // The category wins over the status: it is how the reference asks to code for new statuses.
    [{ payment: { id: 'p', status: 'SOME_NEW_STATUS', statusOutput: { statusCategory: 'UNSUCCESSFUL' } } }, true, 'UNSUCCESSFUL'],
    [{ payment: { id: 'p', status: 'SOME_NEW_STATUS' } }, false, undefined],
    [{ payment: { id: 'p', status: 'constructor' } }, false, undefined],
  ])('%j is final=%s (%s)', (answer, final, statusCategory) => {
    expect(paymentOutcome(answer)).toMatchObject({ final, statusCategory });
  });

  it.each([
    [{ status: 'IN_PROGRESS' }, false],
    [{ status: 'CANCELLED_BY_CONSUMER' }, true],
    [{ status: 'CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT' }, true],
    [{ status: 'PAYMENT_CREATED', createdPaymentOutput: { payment: { id: 'p', status: 'CAPTURED', statusOutput: { statusCategory: 'COMPLETED' } } } }, true],
    [{ status: 'PAYMENT_CREATED', createdPaymentOutput: { payment: { id: 'p', status: 'PENDING_PAYMENT', statusOutput: { statusCategory: 'PENDING_PAYMENT' } } } }, false],
  ])('hosted checkout %j is final=%s', (answer, final) => {
    expect(paymentOutcome(answer)).toMatchObject({ final, hostedCheckoutStatus: answer.status });
  });

  it('refuses an answer that is no status', () => {
    expect(() => paymentOutcome('CAPTURED')).toThrow(ValidationError);
    expect(() => paymentOutcome({ payment: { status: 7 } })).toThrow(ValidationError);
  });
});

describe('awaitPaymentStatus', () => {
  afterEach(() => vi.restoreAllMocks());
  const returned = readConnectReturn('https://shop.example/return?RETURNMAC=mac-42&hostedCheckoutId=hc-42');

  /** Answers `bodies` in turn (the last one repeats); returns what was sent. */
  const answers = (...bodies: unknown[]) =>
    recordFetch((_request, count) => Response.json(bodies[Math.min(count - 1, bodies.length - 1)]));

  it('posts the return parameters to the merchant server only, in the body, until the status is final', async () => {
    const sent = answers({ status: 'IN_PROGRESS' }, { status: 'PAYMENT_CREATED', createdPaymentOutput: { payment: { id: 'p1', status: 'CAPTURED', statusOutput: { statusCategory: 'COMPLETED' } } } });
    const progress: unknown[] = [];
    const outcome = await awaitPaymentStatus({ statusUrl: 'http://localhost/my-server/status', allowedHosts: ['localhost'], returned, intervalMs: 1, onProgress: (o) => progress.push(o.hostedCheckoutStatus) });
    expect(outcome).toMatchObject({ final: true, statusCategory: 'COMPLETED', paymentId: 'p1', hostedCheckoutStatus: 'PAYMENT_CREATED' });
    expect(progress).toEqual(['IN_PROGRESS']);
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request).toMatchObject({ url: 'http://localhost/my-server/status', method: 'POST', body: '{"RETURNMAC":"mac-42","hostedCheckoutId":"hc-42"}' });
    }
  });

  it('refuses a status URL on another origin before anything is sent', async () => {
    const sent = answers({});
    const error = await settled(() => awaitPaymentStatus({ statusUrl: 'https://evil.example/status', returned }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('UnsafeUrlError');
    expect(sent).toEqual([]);
  });

  it('stops when the signal aborts', async () => {
    answers({ status: 'IN_PROGRESS' });
    const controller = new AbortController();
    const run = awaitPaymentStatus({ statusUrl: 'http://localhost/s', allowedHosts: ['localhost'], returned, signal: controller.signal, onProgress: () => controller.abort() });
    const error = await settled(() => run);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).kind).toBe('aborted');
  });
});
