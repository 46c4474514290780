// @vitest-environment happy-dom
// Issue 23 §2: no option is ever taken from the prototype chain. Another script on the page may
// pollute Object.prototype; that must never change where a request goes or what it carries.
// (Found by the attack pass of issue 23: a polluted `endpoint` + `allowedHosts` sent the SASP
// session id to the attacker's host.)
import { fireEvent, getByLabelText } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  awaitPaymentStatus,
  createClientSession,
  currencyExponent,
  failedValidators,
  handleMerchantAction,
  mountPaymentForm,
  openHostedCheckout,
  renderShowData,
  startHostedCheckout,
  toMajorUnits,
  validateValues,
  type ClientSession,
  type PaymentProduct,
  type PaymentProductField,
} from '../../src/connect/index.js';
import { ValidationError } from '../../src/core/errors.js';
import { actionLabel, getPostPaymentStatus, mountUploadForm, openPostPayment, parseSessionResponse, statusLabel, STATUS_URL, uploadDocuments } from '../../src/sasp/index.js';
import { configure, initiateSale, openHostedForm, startHostedForm } from '../../src/sbc/index.js';
import { settled } from '../helpers/caught.js';
import { recordFetch } from '../helpers/record-fetch.js';
import { spyOnLocation } from '../helpers/spy-location.js';

const proto = Object.prototype as Record<string, unknown>;
const polluted: string[] = [];
function pollute(values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    polluted.push(key);
    proto[key] = value;
  }
}
afterEach(() => {
  for (const key of polluted.splice(0)) delete proto[key];
  vi.restoreAllMocks();
});

describe('a polluted Object.prototype changes no request', () => {
  it('sasp: an inherited endpoint, allowedHosts, relay, json or headers leave the direct call as it was', async () => {
    const sent = recordFetch('{"errorCode":0,"data":{"orderNumber":"1"}}');
    pollute({
      endpoint: 'https://evil.example/steal',
      allowedHosts: ['evil.example'],
      relay: 'https://evil.example/relay',
      json: { stolen: true },
      headers: { 'x-evil': '1' },
      searchParams: { leak: '1' },
      policy: { allowedHosts: ['evil.example'] },
      prefixUrl: 'https://evil.example/',
      credentials: 'include',
    });
    await settled(() => getPostPaymentStatus({ saspSessionID: 'SID123', orderNumber: '1' }));
    expect(sent.map((request) => request.url)).toStrictEqual([STATUS_URL]);
    expect(sent[0]!.body).toBe('saspSessionID=SID123&orderNumber=1');
  });

  it('sasp: an inherited aborted signal aborts nothing', async () => {
    const sent = recordFetch('{"errorCode":0,"data":{"orderNumber":"1"}}');
    pollute({ signal: AbortSignal.abort() });
    const result = await getPostPaymentStatus({ saspSessionID: 'SID123', orderNumber: '1' });
    expect(result.orderNumber).toBe('1');
    expect(sent).toHaveLength(1);
  });

  it('connect: inherited allowedHosts do not allow a session on another host', () => {
    pollute({ allowedHosts: ['evil.example'] });
    const response = { clientSessionId: 'a1', customerId: 'c1', clientApiUrl: 'https://evil.example/client', assetUrl: 'https://evil.example/assets' };
    expect(() => createClientSession(response)).toThrow(/evil\.example is not on the allow-list/);
  });

  it('connect: an inherited context value is not sent in the query', async () => {
    const sent = recordFetch('{"paymentProducts":[]}');
    const session = createClientSession(
      { clientSessionId: 'a1', customerId: 'c1', clientApiUrl: 'https://eu.api-ingenico.com/client', assetUrl: 'https://assets.pay1.secured-by-ingenico.com/' },
    );
    pollute({ locale: 'xx_EVIL' });
    await session.getBasicPaymentProducts({ countryCode: 'NL', currencyCode: 'EUR', amount: 100, isRecurring: false });
    expect(new URL(sent[0]!.url).searchParams.has('locale')).toBe(false);
  });

  it('connect: an inherited skipRequired skips no required field', () => {
    pollute({ skipRequired: true });
    const fields = [{ id: 'cardNumber', dataRestrictions: { isRequired: true, validators: {} } }] as unknown as PaymentProductField[];
    expect(validateValues({ fields }, {})).toStrictEqual([{ path: 'cardNumber', message: 'is required' }]);
  });

  it('sbc: inherited sale fields are not sent, inherited allowedHosts allow nothing', async () => {
    const sent = recordFetch('{"endpointId":"1","invoiceId":"2","session":{"nonce":"n","signature":"s"}}');
    pollute({ imei: '123456789012345', location: { lat: 1, lng: 2 }, ipAddresses: ['10.0.0.1'] });
    const sale = { accessToken: 'T'.repeat(40), device: { serialNumber: 'SN-1' }, transaction: { amountCentis: 1042, currency: 'EUR' } };
    await initiateSale({ ...sale, url: 'http://127.0.0.1:9/sale' });
    expect(JSON.parse(sent[0]!.body)).toStrictEqual({ consumer: { device: { serialNumber: 'SN-1' } }, session: { accessToken: 'T'.repeat(40) }, transaction: { amountCentis: 1042, currency: 'EUR' } });
    delete proto.imei;
    pollute({ allowedHosts: ['evil.example'] });
    expect(await settled(() => initiateSale({ ...sale, url: 'https://evil.example/sale' }))).toMatchObject({ name: 'UnsafeUrlError', rule: 'host' });
    expect(sent).toHaveLength(1);
  });

  it('sbc: configure ignores inherited hosts', () => {
    pollute({ allowedHosts: ['evil.example'], pathPrefixes: ['/'] });
    expect(configure({})).toStrictEqual({ allowedHosts: ['gate.sbctech.ru', 'sandbox.sbctech.ru'], pathPrefixes: ['/paynet/'] });
    expect(() => configure({ allowedHosts: ['http://gate.example:8443'] })).toThrow(ValidationError);
  });
});

// Every public function that navigates: with the prototype polluted by every option name it reads
// (and more), it goes exactly where it goes without the pollution, in the same way.
const EVIL_OPTIONS = {
  endpoint: 'https://evil.example/products/steal',
  url: 'https://evil.example/steal',
  urlPrefix: 'https://evil.example/checkout/?',
  allowedHosts: ['evil.example'],
  merchantHosts: ['evil.example'],
  pathPrefixes: ['/'],
  target: 'popup',
  redirectUrl: 'https://gate.sbctech.ru/paynet/form/evil',
  partialRedirectUrl: 'evil.example/checkout/1',
};
const CHECKOUT = 'pay1.checkout.worldline-solutions.com/checkout/1234-aa68:065d3625';
const ACS = 'https://acs.issuer-bank.example/3ds/challenge?tx=';
const SBC_FORM = 'https://gate.sbctech.ru/paynet/form/init/BB58';

describe('a polluted Object.prototype changes no navigation', () => {
  const location = spyOnLocation();
  let n = 0;

  it.each<[string, () => unknown, string | RegExp]>([
    ['connect.openHostedCheckout', () => openHostedCheckout(`${CHECKOUT}${++n}`), /^https:\/\/payment\.pay1\.checkout\.worldline-solutions\.com\/checkout\//],
    ['connect.startHostedCheckout', async () => {
      recordFetch(JSON.stringify({ partialRedirectUrl: `${CHECKOUT}${++n}`, hostedCheckoutId: 'h1' }));
      await startHostedCheckout({ url: 'http://localhost/my-server/hosted-checkout', body: { amount: 1000 } });
    }, /^https:\/\/payment\.pay1\.checkout\.worldline-solutions\.com\/checkout\//],
    ['connect.handleMerchantAction', () => handleMerchantAction({ actionType: 'REDIRECT', redirectData: { redirectURL: `${ACS}${++n}` } }), new RegExp(`^${ACS.replace(/[?.]/g, '\\$&')}`)],
    ['sasp.openPostPayment', () => openPostPayment({ sid: 'A1b2C3', orderNumber: String(++n) }), /^https:\/\/secure\.sectigo\.com\/products\/postPayment1a\?SID=A1b2C3&orderNumber=\d+$/],
    ['sbc.openHostedForm', () => openHostedForm({ redirectUrl: `${SBC_FORM}${++n}` }), /^https:\/\/gate\.sbctech\.ru\/paynet\/form\/init\/BB58\d+$/],
    ['sbc.startHostedForm', async () => {
      recordFetch(`type=async-form-response&serial-number=1&merchant-order-id=o1&paynet-order-id=${++n}&redirect-url=${encodeURIComponent(`${SBC_FORM}${n}`)}`);
      await startHostedForm({ url: 'http://localhost/my-server/preauth', body: { amountCentis: 1042, currency: 'EUR' } });
    }, /^https:\/\/gate\.sbctech\.ru\/paynet\/form\/init\/BB58\d+$/],
  ])('%s', async (_name, run, where) => {
    const opened = vi.spyOn(window, 'open');
    pollute(EVIL_OPTIONS);
    expect(await settled(run)).toBeUndefined();
    expect(location.assign).toHaveBeenCalledTimes(1);
    expect(location.assign.mock.calls[0]![0]).toMatch(where);
    expect(opened).not.toHaveBeenCalled();
  });

  it('sbc.openHostedForm: an inherited redirectUrl is no form response', () => {
    pollute(EVIL_OPTIONS);
    expect(() => openHostedForm({} as never)).toThrow(ValidationError);
    expect(location.assign).not.toHaveBeenCalled();
  });
});

describe('a polluted Object.prototype changes no request, callback or answer', () => {
  it('connect.awaitPaymentStatus: sends only the own return parameters, to the page, and calls no inherited callback', async () => {
    const sent = recordFetch('{"payment":{"id":"p1","status":"CAPTURED","statusOutput":{"statusCategory":"COMPLETED"}}}');
    const inherited = vi.fn();
    pollute({ allowedHosts: ['evil.example'], onProgress: inherited, intervalMs: 1, timeoutMs: 1, signal: AbortSignal.abort(), paymentId: 'evil', REF: 'evil' });
    const outcome = await awaitPaymentStatus({ statusUrl: 'https://evil.example/status', returned: { RETURNMAC: 'mac', hostedCheckoutId: 'h1' } as never }).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ name: 'UnsafeUrlError', rule: 'host' });
    const done = await awaitPaymentStatus({ statusUrl: '/my-server/status', returned: { RETURNMAC: 'mac', hostedCheckoutId: 'h1' } as never });
    expect(done.statusCategory).toBe('COMPLETED');
    expect(sent.map(({ url, body }) => [new URL(url).pathname, JSON.parse(body)])).toStrictEqual([['/my-server/status', { RETURNMAC: 'mac', hostedCheckoutId: 'h1' }]]);
    expect(inherited).not.toHaveBeenCalled();
  });

  it('sasp.uploadDocuments: an inherited errorCode turns no answer into a failure', async () => {
    recordFetch('{"files":[]}');
    const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    const token = `${b64({ alg: 'HS256' })}.${b64({ sub: '/order/1', exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
    pollute({ errorCode: 'SERVER_ERROR', error: 'x', errorMessage: 'Call +1 900 555 0100' });
    await expect(uploadDocuments({ url: 'https://secure.sectigo.com/products/upload', token, files: [new Blob(['x'])] })).resolves.toMatchObject({ status: 200 });
  });

  it('connect.getPublicKey and getIinDetails: an inherited aborted signal aborts nothing', async () => {
    recordFetch('{"keyId":"k1","publicKey":"MIIB"}');
    const session = createClientSession({ clientSessionId: 'a1', customerId: 'c1', clientApiUrl: 'https://eu.api-ingenico.com/client', assetUrl: 'https://assets.pay1.secured-by-ingenico.com/' });
    pollute({ signal: AbortSignal.abort() });
    await expect(session.getPublicKey()).resolves.toMatchObject({ keyId: 'k1' });
  });

  it('connect.failedValidators: an inherited validator declares nothing', () => {
    pollute({ luhn: {}, regularExpression: { regularExpression: 'x' }, emailAddress: {}, fiscalNumber: '12345678901' });
    expect(failedValidators('4111111111111112', {})).toStrictEqual([]);
    expect(failedValidators('', { boletoBancarioRequiredness: { fiscalNumberLength: 11 } })).toStrictEqual([]);
  });

  it('connect.mountPaymentForm: an inherited message never shows', () => {
    const field = { id: 'cardholderName', type: 'string', displayHints: { label: 'Name', displayOrder: 1 }, dataRestrictions: { isRequired: true, validators: { regularExpression: { regularExpression: '[a-z]+' } } } };
    const product = { id: 999, paymentMethod: 'card', paymentProductGroup: undefined, displayHints: { label: 'X', displayOrder: 0 }, fields: [field] } as unknown as PaymentProduct;
    const session = { encrypt: async () => 'jwe', getIinDetails: async () => ({ status: 'UNKNOWN' }), assetUrl: (path: string) => path } as unknown as ClientSession;
    const root = document.body.appendChild(document.createElement('div'));
    pollute({ regularExpression: 'Call +1 900 555 0100 to pay', iban: 'Call +1 900 555 0100 to pay' });
    mountPaymentForm(root, { session, product, context: { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false }, onSubmit: () => {} });
    const input = getByLabelText(root, 'Name') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '123' } });
    fireEvent.blur(input);
    expect(root.textContent).toContain('Name is not valid.');
    expect(root.textContent).not.toContain('900');
    root.remove();
  });
});

// Provider ids named like Object.prototype members: text, never a function's source or a TypeError.
describe('lookup tables keyed by provider ids', () => {
  const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'constructorStatus'];

  it.each(NAMES)('%s renders as text in every table', (name) => {
    expect(statusLabel(name)).toBe(name);
    expect(actionLabel(name)).toBe(name);
    expect(currencyExponent(name)).toBe(2);
    expect(toMajorUnits(1000, name)).toBe('10.00');
    const root = document.createElement('div');
    renderShowData(root, [{ key: name, value: 'v' }]);
    expect(root.querySelector('dt')!.textContent).toBe(name);
    renderShowData(root, [{ key: name, value: 'v' }], { labels: { other: 'x' } });
    expect(root.querySelector('dt')!.textContent).toBe(name);
  });

  it('a Sectigo error code with no message of its own shows no inherited text', () => {
    pollute({ '-77': 'Call +1 900 555 0100' });
    const error = settledSync(() => parseSessionResponse('-77', { format: 0 }));
    expect(error).toMatchObject({ name: 'ProviderError' });
    expect((error as Error).message).not.toContain('900');
  });
});

function settledSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
}

// Read once: a getter answers one value to the check and the use (a second read could answer another).
describe('every option is read once', () => {
  const location = spyOnLocation();
  /** `values` as getters that count their reads. */
  function counted<T extends object>(values: T): { options: T; reads: Record<string, number> } {
    const reads: Record<string, number> = {};
    const options = {} as T;
    for (const [key, value] of Object.entries(values)) {
      reads[key] = 0;
      Object.defineProperty(options, key, { enumerable: true, get: () => (reads[key]!++, value) });
    }
    return { options, reads };
  }
  const b64 = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const token = `${b64({ alg: 'HS256' })}.${b64({ sub: '/order/1', exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
  const upload = { url: 'https://secure.sectigo.com/products/upload', token, successURL: 'https://shop.example/ok', errorURL: 'https://shop.example/err' };

  it.each<[string, (options: never) => unknown, object]>([
    ['sasp.openPostPayment', (options) => openPostPayment({ sid: 'A1', orderNumber: '1' }, options), { endpoint: 'https://secure.sectigo.com/products/postPayment1a', target: 'self' }],
    ['sasp.uploadDocuments', (options) => uploadDocuments(options), { ...upload, files: [new Blob(['x'])] }],
    ['sasp.mountUploadForm', (options) => mountUploadForm(document.body.appendChild(document.createElement('div')), options), upload],
    ['connect.handleMerchantAction', (options) => handleMerchantAction({ actionType: 'REDIRECT', redirectData: { redirectURL: `${ACS}1` } }, options), { allowedHosts: ['acs.issuer-bank.example'], target: 'self' }],
    ['connect.openHostedCheckout', (options) => openHostedCheckout(`${CHECKOUT}x`, options), { allowedHosts: ['*.checkout.worldline-solutions.com'], target: 'self', urlPrefix: 'https://payment.' }],
    ['connect.startHostedCheckout', (options) => (recordFetch(JSON.stringify({ partialRedirectUrl: `${CHECKOUT}y` })), startHostedCheckout(options)), { url: 'http://localhost/hc', merchantHosts: ['localhost'], body: { amount: 1 }, target: 'self', urlPrefix: 'https://payment.' }],
    ['connect.awaitPaymentStatus', (options) => (recordFetch('{"payment":{"statusOutput":{"statusCategory":"COMPLETED"}}}'), awaitPaymentStatus(options)), { statusUrl: 'http://localhost/status', allowedHosts: ['localhost'], returned: { RETURNMAC: 'm' }, intervalMs: 10 }],
    ['sbc.startHostedForm', (options) => (recordFetch(`type=async-form-response&serial-number=1&merchant-order-id=o1&paynet-order-id=1&redirect-url=${encodeURIComponent(`${SBC_FORM}9`)}`), startHostedForm(options)), { url: 'http://localhost/preauth', allowedHosts: ['localhost'], body: { amountCentis: 1, currency: 'EUR' }, target: 'self' }],
  ])('%s', async (_name, run, values) => {
    const { options, reads } = counted(values);
    await settled(() => run(options as never));
    expect(Object.entries(reads).filter(([, count]) => count !== 1)).toStrictEqual([]);
    expect(location.assign.mock.calls.length + location.replace.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
