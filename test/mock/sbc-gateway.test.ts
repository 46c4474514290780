// The SBC gateway mock (demo/mock/sbc.ts) against specs/sbc-preauth-form.txt, server to server
// as the merchant server calls it (Node's fetch: no browser, no CORS).
import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { merchantSecrets } from '../../demo/mock/secrets.js';

const mockUrl = inject('mockUrl');
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('the mock gateway behaves as specs/sbc-preauth-form.txt says', () => {
  const gateway = `${mockUrl}/sbc/paynet/api/v2/preauth-form`;
  const post = async (path: string, fields: Record<string, string>) =>
    (await fetch(`${gateway}/${path}`, { method: 'POST', body: new URLSearchParams(fields) })).text();
  const order = (endpoint: string, over: Record<string, string | undefined> = {}, control?: string) => {
    const base: Record<string, string | undefined> = {
      client_orderid: 'T-1', order_desc: 'Test', amount: '10.42', currency: 'USD', email: 'john.smith@gmail.com',
      ipaddress: '65.153.12.232', first_name: 'John', last_name: 'Smith', address1: '100 Main st', city: 'Seattle',
      state: 'WA', zip_code: '98102', country: 'US', phone: '+12063582043', redirect_url: 'https://example.com/back',
      ...over,
    };
    const fields = Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
    return { ...fields, control: control ?? sha1(`${endpoint}T-11042john.smith@gmail.com${merchantSecrets.sbc.merchantControl}`) };
  };
  const payOn = async (answer: string, card: string) => {
    const redirectUrl = decodeURIComponent(/redirect-url=([^\s&]+)/.exec(answer)![1]!);
    expect(redirectUrl).toMatch(/\/sbc\/paynet\/form\/init\/[0-9A-F]+$/);
    const page = await (await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ card_number: card }) })).text();
    return /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  };

  it('the merchant relay yields a hosted form showing the amount in major units and the form data', async () => {
    const body = new URLSearchParams({ amountCentis: '1042', currency: 'EUR', merchant_form_data: 'theme%3Ddark' });
    const answer = await (await fetch(`${mockUrl}/merchant/sbc/preauth`, { method: 'POST', body })).text();
    const redirectUrl = decodeURIComponent(/redirect-url=([^\s&]+)/.exec(answer)![1]!);
    const page = await (await fetch(redirectUrl)).text();
    expect(page).toContain('10.42 EUR');
    expect(page).toContain('Theme: dark');
  });

  it('accepts a correct control (amount in minor units) on the endpoint and group URLs', async () => {
    expect(await post('1234', order('1234'))).toMatch(/^type=async-form-response\n&serial-number=/);
    expect(await post('group/567', order('567'))).toMatch(/^type=async-form-response/);
  });

  it('refuses a wrong control, or one computed with major units, with a message and no invented code', async () => {
    const wrong = await post('1234', order('1234', {}, sha1('wrong')));
    expect(wrong).toMatch(/^type=validation-error\n/);
    expect(wrong).toContain('error-message=Control%20code%20check%20failed');
    expect(wrong).not.toContain('error-code');
    const major = sha1(`1234T-110.42john.smith@gmail.com${merchantSecrets.sbc.merchantControl}`);
    expect(await post('1234', order('1234', {}, major))).toContain('Control%20code');
  });

  it('sends the documented code 16 for a currency the project does not take', async () => {
    const control = sha1(`1234T-11042john.smith@gmail.com${merchantSecrets.sbc.merchantControl}`);
    expect(await post('1234', { ...order('1234', { currency: 'JPY' }), control })).toMatch(/error-code=16/);
  });

  it('requires state for US, CA and AU, and not elsewhere', async () => {
    for (const country of ['US', 'CA', 'AU']) {
      expect(await post('1234', order('1234', { country, state: undefined }))).toMatch(/^type=validation-error[\s\S]*state/);
    }
    expect(await post('1234', order('1234', { country: 'DE', state: undefined }))).toMatch(/^type=async-form-response/);
  });

  it('returns the payer to redirect_url in every final status', async () => {
    const answer = await post('1234', order('1234', { redirect_url: 'https://shop.example/back' }));
    expect(await payOn(answer, '4000000000000002')).toBe('https://shop.example/back');
  });

  it('accepts the success/fail pair instead: approved goes to the success URL, declined to the fail URL', async () => {
    const pair = { redirect_url: undefined, redirect_success_url: 'https://shop.example/ok', redirect_fail_url: 'https://shop.example/ko' };
    expect(await payOn(await post('1234', order('1234', pair)), '4444555566661111')).toBe('https://shop.example/ok');
    expect(await payOn(await post('1234', order('1234', pair)), '4000000000000002')).toBe('https://shop.example/ko');
    expect(await payOn(await post('1234', order('1234', pair)), '4000000000000069')).toBe('https://shop.example/ko');
  });

  it('refuses redirect_url together with the pair, and half a pair', async () => {
    const both = { redirect_success_url: 'https://shop.example/ok', redirect_fail_url: 'https://shop.example/ko' };
    expect(await post('1234', order('1234', both))).toMatch(/^type=validation-error[\s\S]*not%20both/);
    expect(await post('1234', order('1234', { redirect_url: undefined, redirect_success_url: 'https://shop.example/ok' }))).toMatch(/^type=validation-error/);
  });

  it('answers no CORS: not on a preflight, not on a POST', async () => {
    const preflight = await fetch(`${gateway}/1234`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.ok).toBe(false);
    const post = await fetch(`${gateway}/1234`, { method: 'POST', headers: { origin: 'https://shop.example' }, body: new URLSearchParams(order('1234')) });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const form = await fetch(`${mockUrl}/sbc/paynet/form/init/AB`, { headers: { origin: 'https://shop.example' } });
    expect(form.headers.get('access-control-allow-origin')).toBeNull();
  });
});


describe('CORS on the provider mocks: only where a document promises browser use', () => {
  const preflight = (path: string, method = 'GET') =>
    fetch(`${mockUrl}${path}`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': method } });

  it('Worldline Connect’s Client API answers CORS (connect-create-session.txt:3: web browsers use it)', async () => {
    const answer = await preflight('/connect/client/v1/9991-x/crypto/publickey');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('Connect assets and every SBC gateway page answer none', async () => {
    for (const [path, method] of [
      ['/connect/assets/logos/pp_logo_1.svg', 'GET'],
      ['/sbc/paynet/api/v2/preauth-form/group/567', 'POST'],
      ['/sbc/paynet/form/init/AB', 'POST'],
    ] as const) {
      const answer = await preflight(path, method);
      expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(answer.ok, path).toBe(false);
    }
    const logo = await fetch(`${mockUrl}/connect/assets/logos/pp_logo_1.svg`, { headers: { origin: 'https://shop.example' } });
    expect(logo.status).toBe(200);
    expect(logo.headers.get('access-control-allow-origin')).toBeNull();
  });
});
