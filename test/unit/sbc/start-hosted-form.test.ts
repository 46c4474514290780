// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { ProviderError, SecretError } from '../../../src/core/errors.js';
import { configure, encodeMerchantFormData, startHostedForm } from '../../../src/sbc/index.js';
import { merchantSecrets } from '../../../demo/mock/secrets.js';
import { spyOnLocation } from '../spy-location.js';

const mockUrl = inject('mockUrl');
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

beforeAll(() => configure({ allowedHosts: ['127.0.0.1'], pathPrefixes: ['/sbc/paynet/'] }));

describe('startHostedForm against the mock merchant server and gateway', () => {
  const location = spyOnLocation();

  it('posts the order, parses the relayed answer and opens the form', async () => {
    const { form, navigation } = await startHostedForm({
      url: `${mockUrl}/merchant/sbc/preauth`,
      body: { amountCentis: 1042, currency: 'EUR', merchant_form_data: encodeMerchantFormData({ theme: 'dark' }) },
    });
    expect(form).toMatchObject({ type: 'async-form-response', paynetOrderId: expect.stringMatching(/^\d+$/) });
    expect(form.redirectUrl).toBe(`${mockUrl}/sbc/paynet/form/${form.paynetOrderId}`);
    expect(navigation.via).toBe('self');
    expect(location.assign).toHaveBeenCalledWith(form.redirectUrl);
    const page = await (await fetch(form.redirectUrl)).text();
    expect(page).toContain('10.42 EUR');
    expect(page).toContain('Theme: dark');
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

  it('refuses to send a control key', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    await expect(startHostedForm({ url: `${mockUrl}/merchant/sbc/preauth`, body: { amountCentis: 1, control: 'abc' } })).rejects.toBeInstanceOf(SecretError);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('the mock gateway checks control like the document says', () => {
  const post = async (path: string, fields: Record<string, string>) =>
    (await fetch(`${mockUrl}/sbc/paynet/api/v2/preauth-form/${path}`, { method: 'POST', body: new URLSearchParams(fields) })).text();
  const order = (endpoint: string, control?: string) => {
    const base = {
      client_orderid: 'T-1', order_desc: 'Test', amount: '10.42', currency: 'USD', email: 'john.smith@gmail.com',
      ipaddress: '65.153.12.232', first_name: 'John', last_name: 'Smith', address1: '100 Main st', city: 'Seattle',
      zip_code: '98102', country: 'US', phone: '+12063582043', redirect_url: 'https://example.com/back',
    };
    return { ...base, control: control ?? sha1(`${endpoint}T-11042john.smith@gmail.com${merchantSecrets.sbc.merchantControl}`) };
  };

  it('accepts a correct control (amount in minor units) on the endpoint and group URLs', async () => {
    expect(await post('1234', order('1234'))).toMatch(/^type=async-form-response\n&serial-number=/);
    expect(await post('group/567', order('567'))).toMatch(/^type=async-form-response/);
  });

  it('refuses a wrong control, or one computed with major units', async () => {
    expect(await post('1234', order('1234', sha1('wrong')))).toMatch(/type=validation-error[\s\S]*error-code=3/);
    const major = sha1(`1234T-110.42john.smith@gmail.com${merchantSecrets.sbc.merchantControl}`);
    expect(await post('1234', order('1234', major))).toMatch(/Control\+code|Control%20code/);
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
