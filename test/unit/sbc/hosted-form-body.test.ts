// @vitest-environment happy-dom
// startHostedForm checks the order as it will be sent: integer centis, ISO 4217 currency, no
// secret. Refused input sends nothing; accepted input is sent exactly as checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretError, ValidationError } from '../../../src/core/errors.js';
import { startHostedForm, type HostedFormBody } from '../../../src/sbc/index.js';
import { recordFetch, type Sent } from '../../helpers/record-fetch.js';

const FORM_ANSWER = `type=async-form-response&paynet-order-id=1&redirect-url=${encodeURIComponent('https://sandbox.sbctech.ru/paynet/form/init/AB12')}`;
const url = 'http://127.0.0.1:9/merchant/sbc/preauth';

let sent: Sent[];
beforeEach(() => {
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, href: 'http://localhost:3000/', protocol: 'http:', hostname: 'localhost', host: 'localhost:3000', origin: 'http://localhost:3000', assign: vi.fn() } as unknown as Location);
  sent = recordFetch(() => new Response(FORM_ANSWER));
});
afterEach(() => vi.restoreAllMocks());

const start = (body: unknown) => startHostedForm({ url, body: body as HostedFormBody });

describe('startHostedForm: amountCentis and currency', () => {
  it.each([
    ['major units', { amountCentis: 10.42, currency: 'EUR' }, 'amountCentis'],
    ['major units as text', { amountCentis: '10.42', currency: 'EUR' }, 'amountCentis'],
    ['zero', { amountCentis: 0, currency: 'EUR' }, 'amountCentis'],
    ['a negative amount', { amountCentis: -5, currency: 'EUR' }, 'amountCentis'],
    ['an exponent', { amountCentis: 1e21, currency: 'EUR' }, 'amountCentis'],
    ['an exponent as text', { amountCentis: '1e3', currency: 'EUR' }, 'amountCentis'],
    ['a padded amount', { amountCentis: ' 1042', currency: 'EUR' }, 'amountCentis'],
    ['a leading zero', { amountCentis: '01042', currency: 'EUR' }, 'amountCentis'],
    ['an empty amount', { amountCentis: '', currency: 'EUR' }, 'amountCentis'],
    ['NaN', { amountCentis: Number.NaN, currency: 'EUR' }, 'amountCentis'],
    ['a boolean', { amountCentis: true, currency: 'EUR' }, 'amountCentis'],
    ['beyond safe integers', { amountCentis: '9007199254740993', currency: 'EUR' }, 'amountCentis'],
    ['a lower-case currency', { amountCentis: 1042, currency: 'eur' }, 'currency'],
    ['a four-letter currency', { amountCentis: 1042, currency: 'EURO' }, 'currency'],
    ['a numeric currency code', { amountCentis: 1042, currency: '978' }, 'currency'],
    ['a currency with a space', { amountCentis: 1042, currency: 'EUR ' }, 'currency'],
    ['an amount spelled amount_centis', { amount_centis: 10.42 }, 'amount_centis'],
    ['an amount in a bracketed name', { 'order[amountCentis]': '10.42' }, 'order[amountCentis]'],
    ['a currency in a dotted name', { 'order.Currency': 'usd' }, 'order.Currency'],
    ['an object as a value', { amountCentis: { valueOf: (): number => 1042 } }, 'amountCentis'],
  ])('refuses %s and sends nothing', async (_name, body, path) => {
    const error = await start(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect(sent).toStrictEqual([]);
  });

  it.each([
    ['major units', 'amountCentis=10.42&currency=EUR', 'amountCentis'],
    ['a lower-case currency', 'amountCentis=1042&currency=eur', 'currency'],
    ['a good amount followed by a bad one', 'amountCentis=1042&amountCentis=10.42&currency=EUR', 'amountCentis'],
    ['a good currency followed by a bad one', 'amountCentis=1042&currency=EUR&currency=eur', 'currency'],
  ])('refuses %s in a URLSearchParams body and sends nothing', async (_name, query, path) => {
    const error = await start(new URLSearchParams(query)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
    expect(sent).toStrictEqual([]);
  });

  it('lists every bad field at once', async () => {
    const error = (await start({ amountCentis: 10.42, currency: 'eur' }).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toStrictEqual(['amountCentis', 'currency']);
    expect(error.message).toMatch(/not major units/);
  });

  it('sends integer centis and an ISO currency, from an object or URLSearchParams, exactly as checked', async () => {
    await start({ amountCentis: 1042, currency: 'EUR', email: 'a@b.example', note: undefined, vip: false });
    await start(new URLSearchParams('amountCentis=2500&currency=USD&client_orderid=A-1'));
    expect(sent.map(({ url, headers, body }) => ({ url, contentType: headers.get('content-type'), body }))).toStrictEqual([
      { url, contentType: 'application/x-www-form-urlencoded;charset=UTF-8', body: 'amountCentis=1042&currency=EUR&email=a%40b.example&vip=false' },
      { url, contentType: 'application/x-www-form-urlencoded;charset=UTF-8', body: 'amountCentis=2500&currency=USD&client_orderid=A-1' },
    ]);
  });

  it('a body without amountCentis or currency is sent as it is', async () => {
    await start({ orderId: 'A-1001' });
    expect(sent.map((s) => s.body)).toStrictEqual(['orderId=A-1001']);
  });
});

describe('startHostedForm: the body sent is a copy, checked', () => {
  it('a URLSearchParams subclass cannot hide a secret or a bad amount from the check', async () => {
    class Lying extends URLSearchParams {
      override entries() {
        return new URLSearchParams('amountCentis=1042').entries();
      }
      override toString() {
        return 'amountCentis=1042';
      }
    }
    await expect(start(new Lying('amountCentis=1042&control=abc'))).rejects.toBeInstanceOf(SecretError);
    await expect(start(new Lying('amountCentis=10.42'))).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toStrictEqual([]);
  });

  it('a getter that changes its value is read once: what was checked is what is sent', async () => {
    let reads = 0;
    const body = {
      currency: 'EUR',
      get amountCentis() {
        reads++;
        return reads === 1 ? '1042' : '10.42';
      },
    };
    await start(body);
    expect(sent.map((s) => s.body)).toStrictEqual(['currency=EUR&amountCentis=1042']);
  });

  it('refuses merchant secrets under any spelling', async () => {
    for (const body of [{ control: 'x' }, { merchant_control: 'x' }, new URLSearchParams('Merchant-Control=x')]) {
      await expect(start(body)).rejects.toBeInstanceOf(SecretError);
    }
    expect(sent).toStrictEqual([]);
  });

  it.each([null, 'amountCentis=1042', 42, [['amountCentis', '1042']]])('refuses %s as a body with a ValidationError', async (body) => {
    await expect(start(body)).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toStrictEqual([]);
  });
});
