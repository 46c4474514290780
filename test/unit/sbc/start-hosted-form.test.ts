// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { ProviderError, SecretError } from '../../../src/core/errors.js';
import { configure, encodeMerchantFormData, startHostedForm } from '../../../src/sbc/index.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

const mockUrl = inject('mockUrl');

beforeAll(() => configure({ allowedHosts: ['127.0.0.1'], pathPrefixes: ['/sbc/paynet/'] }));

describe('startHostedForm against the mock merchant server and gateway', () => {
  const location = spyOnLocation();

  it('posts the order, parses the relayed answer and opens the form', async () => {
    const { form, navigation } = await startHostedForm({
      url: `${mockUrl}/merchant/sbc/preauth`,
      body: { amountCentis: 1042, currency: 'EUR', merchant_form_data: encodeMerchantFormData({ theme: 'dark' }) },
    });
    expect(form).toMatchObject({ type: 'async-form-response', paynetOrderId: expect.stringMatching(/^\d+$/) });
    expect(form.redirectUrl).toMatch(new RegExp(`^${mockUrl}/sbc/paynet/form/init/[0-9A-F]{64}$`));
    expect(navigation.via).toBe('self');
    expect(location.assign).toHaveBeenCalledWith(form.redirectUrl);
  });

  it('uses the group URL too', async () => {
    const { form } = await startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: { amountCentis: 500, currency: 'USD', endpoint: 'group' } });
    expect(form.paynetOrderId).toMatch(/^\d+$/);
  });

  it('a gateway validation-error becomes a ProviderError and nothing is opened', async () => {
    const error = await startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: { amountCentis: 500, currency: 'JPY' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '16', providerMessage: 'Project with currency RUB does not apply request with currency JPY' });
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('a double click: one POST, one gateway order, one navigation; a later click may start again', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const order = { url: `${mockUrl}/merchant/sbc/preauth`, body: { amountCentis: 1043, currency: 'EUR' } };
    const [first, second] = await Promise.all([startHostedForm(order), startHostedForm(order)]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(second.form.paynetOrderId).toBe(first.form.paynetOrderId);
    expect([first.navigation.duplicate, second.navigation.duplicate]).toStrictEqual([false, true]);
    expect(location.assign).toHaveBeenCalledTimes(1);
  });

  it('refuses to send a control key', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    await expect(startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: { amountCentis: 1, control: 'abc' } })).rejects.toBeInstanceOf(SecretError);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('startHostedForm: answers that are not a form response', () => {
  beforeEach(() => {
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign: vi.fn() } as unknown as Location);
  });
  afterEach(() => vi.restoreAllMocks());

  it('reads a gateway error relayed with an HTTP error status as a ProviderError', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('type=validation-error\n&error-message=Bad+email\n&error-code=2', { status: 400 }));
    await expect(startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: {} })).rejects.toMatchObject({ name: 'ProviderError', code: '2' });
  });

  it('an async-form-response with status=error is the gateway’s error: nothing is opened', async () => {
    const body = 'type=async-form-response&status=error&error-message=Declined+by+bank&error-code=5&paynet-order-id=1'
      + `&redirect-url=${encodeURIComponent(`${mockUrl}/sbc/paynet/form/init/BB58`)}`;
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body));
    await expect(startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: {} })).rejects.toMatchObject({ name: 'ProviderError', code: '5', providerMessage: 'Declined by bank' });
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('an HTTP error without a form response → NetworkError http', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{"error":"amountCentis must be a positive integer"}', { status: 400 }));
    await expect(startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: {} })).rejects.toMatchObject({ name: 'NetworkError', kind: 'http', status: 400 });
  });

  it('a 200 that is not a form response → ValidationError', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('<html>login</html>'));
    await expect(startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: {} })).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('refuses bad options with a ValidationError', async () => {
    await expect(startHostedForm(null as never)).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(startHostedForm({ url: '', body: {} })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(startHostedForm({ url: `${mockUrl}/x`, body: 'a=b' as never })).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
