// @vitest-environment happy-dom
// handleMerchantAction against Worldline's `MerchantAction` model (connect-sdk-nodejs 7.0.0,
// src/v1/model/domain/index.ts l. 1646): the URL the browser went to, the DOM shown, the error thrown.
import { getByLabelText, getByRole, getByText } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatonError, SecretError, UnsafeUrlError, ValidationError } from '../../../src/core/errors.js';
import { handleMerchantAction } from '../../../src/connect/index.js';
import { merchantAction } from '../../../src/locales/de.js';
import { settled } from '../../helpers/caught.js';
import { spyOnLocation } from '../../helpers/spy-location.js';

let n = 0;
const acs = () => `https://acs.issuer-bank.example/3ds/challenge?tx=${++n}`;
const MAC = 'f8b4c9a2-6a55-4f3e-a4f0-6c1b9a3e7d10';
const redirectAction = (redirectURL: string) => ({ actionType: 'REDIRECT', redirectData: { redirectURL, RETURNMAC: MAC } });

describe('REDIRECT', () => {
  const location = spyOnLocation();
  afterEach(() => vi.restoreAllMocks());

  it('goes to a third party page on any https host, from the action or the whole answer', async () => {
    const first = acs();
    const done = await handleMerchantAction(redirectAction(first));
    expect(done).toMatchObject({ actionType: 'REDIRECT', navigation: { via: 'self', duplicate: false } });
    const second = acs();
    await handleMerchantAction({ payment: { id: '1', status: 'REDIRECTED' }, merchantAction: redirectAction(second) });
    expect(location.assign.mock.calls).toEqual([[first], [second]]);
  });

  it('never sends or hands back RETURNMAC', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const url = acs();
    const done = await handleMerchantAction(redirectAction(url));
    expect(JSON.stringify(done)).not.toContain(MAC);
    expect(location.assign.mock.calls.flat().join(' ')).not.toContain(MAC);
    expect(fetchSpy).not.toHaveBeenCalled();
    // A redirectURL that would carry it to the third party is refused.
    const leak = await settled(() => handleMerchantAction(redirectAction(`https://acs.example/?mac=${MAC}`)));
    expect(leak).toBeInstanceOf(SecretError);
    expect(location.assign).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)', /absolute http/],
    ['data:', 'data:text/html,<script>alert(1)</script>', /absolute http/],
    ['blob:', 'blob:https://acs.example/1b2c', /absolute http/],
    ['credentials', 'https://user:pass@acs.example/3ds', /credentials/],
    ['credentials hidden behind a backslash', 'https://acs.example\\@evil.example/3ds', /backslash/],
    ['plain http off loopback', 'http://acs.example/3ds', /plain http/],
    ['a host read differently than written', 'https://acs.example%2eevil.example/', /read as|not a valid/],
    ['a relative URL', '/3ds', /absolute http/],
    ['leading whitespace', ' https://acs.example/3ds', /whitespace/],
  ])('refuses %s before navigating', async (_name, url, reason) => {
    const error = await settled(() => handleMerchantAction(redirectAction(url)));
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as Error).message).toMatch(reason);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('narrows hosts with allowedHosts', async () => {
    const ok = `https://acs.bank.example/3ds?${++n}`;
    await handleMerchantAction(redirectAction(ok), { allowedHosts: ['*.bank.example'] });
    const error = await settled(() => handleMerchantAction(redirectAction(acs()), { allowedHosts: ['*.bank.example'] }));
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect(location.assign.mock.calls).toEqual([[ok]]);
  });

  it('refuses a REDIRECT without a redirectURL and a bad target, naming them', async () => {
    const missing = await settled(() => handleMerchantAction({ actionType: 'REDIRECT', redirectData: { RETURNMAC: MAC } }));
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as Error).message).toMatch(/redirectData\.redirectURL/);
    const target = await settled(() => handleMerchantAction(redirectAction(acs()), { target: 'window' as never }));
    expect((target as Error).message).toMatch(/target/);
    expect(location.assign).not.toHaveBeenCalled();
  });
});

describe('REDIRECT inside a frame', () => {
  afterEach(() => vi.restoreAllMocks());

  it('navigates the top window', async () => {
    const top = { location: { href: '' } };
    vi.spyOn(window, 'top', 'get').mockReturnValue(top as unknown as Window);
    const url = acs();
    const done = await handleMerchantAction(redirectAction(url));
    expect(done).toMatchObject({ navigation: { via: 'top' } });
    expect(top.location.href).toBe(url);
  });

  it('says why not when the frame is sandboxed and popups are blocked', async () => {
    const top = {
      get location(): never {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    vi.spyOn(window, 'top', 'get').mockReturnValue(top as unknown as Window);
    vi.spyOn(window, 'open').mockReturnValue(null);
    const error = await settled(() => handleMerchantAction(redirectAction(acs())));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as Error).message).toMatch(/sandboxed and popups are blocked/);
  });
});

describe('SHOW_INSTRUCTIONS and SHOW_TRANSACTION_RESULTS', () => {
  const bankTransfer = {
    actionType: 'SHOW_INSTRUCTIONS',
    showData: [
      { key: 'ACCOUNT_HOLDER', value: 'Worldline <b>NL</b>' },
      { key: 'IBAN', value: 'NL91ABNA0417164300' },
      { key: 'PAYMENT_REFERENCE', value: '1234 5678 9012' },
      { key: null, value: 'no key: left out' },
    ],
  };

  it('renders showData as a labelled description list, as text', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const done = await handleMerchantAction({ merchantAction: bankTransfer }, { container, heading: 'Transfer details', labels: { IBAN: 'Account (IBAN)' } });
    expect(done.actionType).toBe('SHOW_INSTRUCTIONS');
    const region = getByRole(container, 'region', { name: 'Transfer details' });
    expect([...region.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['ACCOUNT_HOLDER', 'Account (IBAN)', 'PAYMENT_REFERENCE']);
    expect([...region.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(['Worldline <b>NL</b>', 'NL91ABNA0417164300', '1234 5678 9012']);
    expect(region.querySelector('b')).toBeNull();
    expect(getByText(container, 'NL91ABNA0417164300').tagName).toBe('DD');
    container.remove();
  });

  it('renders transaction results the same way, and a key named like an Object property as itself', async () => {
    const container = document.createElement('div');
    await handleMerchantAction({ actionType: 'SHOW_TRANSACTION_RESULTS', showData: [{ key: 'constructor', value: 'x' }] }, { container });
    expect(container.querySelector('dt')?.textContent).toBe('constructor');
  });

  it('needs a container, and says so', async () => {
    const error = await settled(() => handleMerchantAction(bankTransfer));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/container/);
  });
});

describe('SHOW_FORM', () => {
  it('renders formFields with the field kit and hands back the checked values', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const done = await handleMerchantAction(
      {
        actionType: 'SHOW_FORM',
        formFields: [
          {
            id: 'phoneNumber',
            type: 'numericstring',
            dataRestrictions: { isRequired: true, validators: { length: { minLength: 8, maxLength: 12 } } },
            displayHints: { label: 'Phone number', displayOrder: 1 },
          },
        ],
      },
      { container, submitLabel: 'Confirm' },
    );
    if (done.actionType !== 'SHOW_FORM') throw new Error(done.actionType);
    const user = userEvent.setup();
    await user.click(getByRole(container, 'button', { name: 'Confirm' }));
    const input = getByLabelText(container, 'Phone number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.type(input, '0612345678');
    await user.click(getByRole(container, 'button', { name: 'Confirm' }));
    await expect(done.values).resolves.toEqual({ phoneNumber: '0612345678' });
    container.remove();
  });

  // A bank's SHOW_FORM (e.g. a card re-entry) in the customer's language: the button, each
  // field's error and the count come from the `messages` catalogue, the German locale here.
  const cardFields = [
    { id: 'cardNumber', type: 'numericstring', dataRestrictions: { isRequired: true, validators: { luhn: {} } }, displayHints: { label: 'Kartennummer', displayOrder: 1 } },
    { id: 'cardholderName', type: 'string', dataRestrictions: { isRequired: true, validators: {} }, displayHints: { label: 'Karteninhaber', displayOrder: 2 } },
  ];

  it('speaks the messages given (German locale): button, field errors, the count', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const done = await handleMerchantAction({ actionType: 'SHOW_FORM', formFields: cardFields }, { container, messages: merchantAction });
    if (done.actionType !== 'SHOW_FORM') throw new Error(done.actionType);
    const user = userEvent.setup();
    await user.type(getByLabelText(container, 'Kartennummer'), '4111111111111112');
    await user.click(getByRole(container, 'button', { name: 'Weiter' }));
    expect(getByRole(container, 'status').textContent).toBe('Bitte prüfen Sie 2 Feld(er).');
    expect(getByText(container, 'Kartennummer ist ungültig: Bitte prüfen Sie die Ziffern.')).toBeTruthy();
    expect(getByText(container, 'Karteninhaber ist erforderlich.')).toBeTruthy();
    container.remove();
  });

  it('keeps English for texts not given, and reads no text from Object.prototype', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    Object.defineProperty(Object.prototype, 'continue', { value: 'PWNED', configurable: true, writable: true });
    try {
      const done = await handleMerchantAction({ actionType: 'SHOW_FORM', formFields: cardFields }, { container, messages: { required: '{label} fehlt.' } });
      if (done.actionType !== 'SHOW_FORM') throw new Error(done.actionType);
      await userEvent.setup().click(getByRole(container, 'button', { name: 'Continue' }));
      expect(getByRole(container, 'status').textContent).toBe('2 field(s) need attention.');
      expect(getByText(container, 'Kartennummer fehlt.')).toBeTruthy();
    } finally {
      delete (Object.prototype as Record<string, unknown>).continue;
      container.remove();
    }
  });

  it('refuses SHOW_FORM without formFields', async () => {
    const error = await settled(() => handleMerchantAction({ actionType: 'SHOW_FORM' }, { container: document.createElement('div') }));
    expect((error as Error).message).toMatch(/formFields/);
  });
});

describe('other action types', () => {
  it('hands CALL_THIRD_PARTY data back to the caller (WeChat Pay, PaymentProduct863ThirdPartyData)', async () => {
    const thirdPartyData = { paymentProduct863: { appId: 'wx1', nonceStr: 'n', packageSign: 'p', paySign: 's', prepayId: 'id', signType: 'MD5', timeStamp: '1' } };
    await expect(handleMerchantAction({ actionType: 'CALL_THIRD_PARTY', thirdPartyData })).resolves.toEqual({ actionType: 'CALL_THIRD_PARTY', thirdPartyData });
  });

  it.each(['MOBILE_THREEDS_CHALLENGE', 'INITIALIZE_INAPP_THREED_SECURE_SDK'])('refuses %s: it is for a mobile SDK', async (actionType) => {
    const error = await settled(() => handleMerchantAction({ actionType, mobileThreeDSecureChallengeParameters: { acsTransactionId: '1' } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/mobile app, not a browser/);
  });

  it.each(['SHOW_QR_CODE', 'redirect', '', '__proto__'])('refuses the unknown actionType %j', async (actionType) => {
    const error = await settled(() => handleMerchantAction({ actionType }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/actionType: is not one Baton knows/);
  });

  it('answers NONE for an answer without an action (a frictionless card)', async () => {
    await expect(handleMerchantAction({ payment: { id: '1', status: 'PENDING_APPROVAL' } })).resolves.toEqual({ actionType: 'NONE' });
    await expect(handleMerchantAction({ merchantAction: null })).resolves.toEqual({ actionType: 'NONE' });
  });

  it('refuses what is no action, with a ValidationError', async () => {
    for (const input of [null, 'REDIRECT', 42, { actionType: 7 }]) {
      expect(await settled(() => handleMerchantAction(input as never))).toBeInstanceOf(ValidationError);
    }
  });
});
