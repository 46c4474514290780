import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createClientSession, ValidationError } from 'baton-sdk/connect';

const mockUrl = inject('mockUrl');
const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };

async function mint() {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return res.json();
}

describe('connect in real Chromium', () => {
  it('creates a session, detects the card, encrypts, and the merchant server decrypts it', async () => {
    const session = createClientSession(await mint(), { allowedHosts: ['127.0.0.1'], appIdentifier: 'browser-test/1' });

    const iin = await session.getIinDetails('4111 1111', context);
    expect(iin).toMatchObject({ status: 'SUPPORTED', details: { paymentProductId: 1 } });

    const product = await session.getPaymentProduct(1, context);
    const encryptedCustomerInput = await session.encrypt({
      paymentProductId: 1,
      product,
      values: { cardNumber: '4111 1111 1111 1111', expiryDate: '12/30', cvv: '123', cardholderName: 'Łukasz 王 Müller' },
    });
    expect(encryptedCustomerInput.split('.')).toHaveLength(5);

    const res = await fetch(`${mockUrl}/merchant/connect/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encryptedCustomerInput }),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.payment.paymentOutput.cardPaymentMethodSpecificOutput.card).toEqual({
      cardNumber: '************1111',
      expiryDate: '1230',
      cardholderName: 'Łukasz 王 Müller',
    });
    // In a browser the device information for 3-D Secure travels inside the JWE.
    expect(body.received.hasDeviceInformation).toBe(true);

    // The headers crossed CORS: the mock saw the session and the browser's meta info.
    const wire = await (await fetch(`${mockUrl}/connect/__requests/${session.clientSessionId}`)).json();
    const meta = JSON.parse(atob(wire[0].headers['x-gcs-clientmetainfo']));
    expect(meta).toMatchObject({
      screenSize: `${window.innerWidth}x${window.innerHeight}`,
      platformIdentifier: navigator.userAgent,
      sdkCreator: 'Baton',
      appIdentifier: 'browser-test/1',
    });
    expect(wire[0].headers.authorization).toBe(`GCS v1Client:${session.clientSessionId}`);
  });

  it('refuses invalid card values with a ValidationError naming the fields', async () => {
    const session = createClientSession(await mint(), { allowedHosts: ['127.0.0.1'] });
    const product = await session.getPaymentProduct(3, context);
    await expect(session.encrypt({ paymentProductId: 3, product, values: { cardNumber: '5555 5555 5555 4445', expiryDate: '01/20', cvv: '1', cardholderName: 'A B' } }))
      .rejects.toSatisfy((e) => e instanceof ValidationError && e.issues.map((i) => i.path).join() === 'cardNumber,expiryDate,cvv');
  });
});
