// Issue 23 §2: no option is ever taken from the prototype chain. Another script on the page may
// pollute Object.prototype; that must never change where a request goes or what it carries.
// (Found by the attack pass of issue 23: a polluted `endpoint` + `allowedHosts` sent the SASP
// session id to the attacker's host.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientSession, validateValues, type PaymentProductField } from '../../src/connect/index.js';
import { ValidationError } from '../../src/core/errors.js';
import { getPostPaymentStatus, STATUS_URL } from '../../src/sasp/index.js';
import { configure, initiateSale } from '../../src/sbc/index.js';
import { settled } from '../helpers/caught.js';
import { recordFetch } from '../helpers/record-fetch.js';

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
