// A stand-in for Apple's Apple Pay JS (`ApplePaySession`, which Safari has built in and Apple's
// apple-pay-sdk.js brings to other browsers) where the real wallet cannot run. It does what Apple's
// reference documents and no more (https://developer.apple.com/documentation/apple_pay_on_the_web/applepaysession):
// `canMakePayments()`, `supportsVersion(v)`, `new ApplePaySession(version, ApplePayPaymentRequest)`,
// `begin()` → `onvalidatemerchant({ validationURL })`, `completeMerchantValidation(merchantSession)`,
// the customer authorizes → `onpaymentauthorized({ payment: { token } })`, `completePayment(status)`,
// `oncancel` when the customer closes the sheet, `abort()`, `STATUS_SUCCESS` 0 / `STATUS_FAILURE` 1.
// The sheet is a <dialog>; the token's paymentData has the EC_v1 shape, marked MOCK.
(() => {
  const VALIDATION_URL = 'https://apple-pay-gateway-cert.apple.com/paymentservices/startSession';
  class ApplePaySession extends EventTarget {
    static STATUS_SUCCESS = 0;
    static STATUS_FAILURE = 1;
    static canMakePayments() {
      // Apple: available only in a secure context.
      return window.isSecureContext;
    }
    static supportsVersion(version) {
      return Number.isInteger(version) && version >= 1 && version <= 14;
    }
    #request;
    #dialog;
    #validated = false;
    onvalidatemerchant = null;
    onpaymentauthorized = null;
    oncancel = null;
    constructor(version, request) {
      super();
      if (!ApplePaySession.supportsVersion(version)) throw new TypeError(`unsupported version ${version}`);
      const total = request?.total;
      if (!/^[A-Z]{2}$/.test(request?.countryCode ?? '')) throw new TypeError('countryCode');
      if (!/^[A-Z]{3}$/.test(request?.currencyCode ?? '')) throw new TypeError('currencyCode');
      if (typeof total?.label !== 'string' || !/^-?[0-9]+(\.[0-9]+)?$/.test(total?.amount ?? '')) throw new TypeError('total: label and a decimal amount');
      if (!Array.isArray(request.supportedNetworks) || !request.supportedNetworks.length) throw new TypeError('supportedNetworks');
      if (!Array.isArray(request.merchantCapabilities) || !request.merchantCapabilities.includes('supports3DS')) throw new TypeError('merchantCapabilities must include supports3DS');
      this.#request = request;
    }
    begin() {
      const dialog = (this.#dialog = document.createElement('dialog'));
      dialog.setAttribute('aria-label', 'Apple Pay (mock)');
      const title = document.createElement('p');
      title.textContent = `Mock Apple Pay: pay ${this.#request.currencyCode} ${this.#request.total.amount} to ${this.#request.total.label}`;
      const pay = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Pay with Touch ID', disabled: true });
      const cancel = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Cancel' });
      dialog.append(title, pay, ' ', cancel);
      document.body.append(dialog);
      dialog.showModal();
      cancel.addEventListener('click', () => (this.#close(), this.oncancel?.({})));
      pay.addEventListener('click', () => {
        pay.disabled = true;
        this.onpaymentauthorized?.({
          payment: {
            token: {
              paymentData: { version: 'EC_v1', data: 'MOCK', signature: 'MOCK', header: { ephemeralPublicKey: 'MOCK', publicKeyHash: 'MOCK', transactionId: 'MOCK' } },
              paymentMethod: { displayName: 'Visa 1111', network: 'Visa', type: 'debit' },
              transactionIdentifier: 'MOCK',
            },
          },
        });
      });
      this.onvalidatemerchant?.({ validationURL: VALIDATION_URL });
    }
    completeMerchantValidation(merchantSession) {
      // An opaque merchant session from Apple (through the platform): for this page's domain.
      if (!merchantSession || merchantSession.domainName !== location.hostname || typeof merchantSession.merchantSessionIdentifier !== 'string') {
        this.#close();
        throw new Error('InvalidAccessError: the merchant session is not valid for this domain');
      }
      this.#validated = true;
      this.#dialog.querySelector('button').disabled = false;
    }
    completePayment(status) {
      if (!this.#validated) throw new Error('InvalidAccessError: the merchant was not validated');
      this.#close(status === ApplePaySession.STATUS_SUCCESS ? 'done' : 'failed');
    }
    abort() {
      this.#close();
    }
    #close() {
      this.#dialog?.remove();
    }
  }
  window.ApplePaySession = ApplePaySession;
})();
