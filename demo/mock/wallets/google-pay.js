// A stand-in for Google's pay.js (https://pay.google.com/gp/p/js/pay.js) where the real wallet
// cannot run (tests, the demo without a Google account). It does what Google's client reference
// documents and no more (https://developers.google.com/pay/api/web/reference/client):
// `new google.payments.api.PaymentsClient({ environment })`, `isReadyToPay(IsReadyToPayRequest)` →
// `{ result }`, `loadPaymentData(PaymentDataRequest)` → `PaymentData` or a rejection with an
// `AError`-like `{ statusCode, statusMessage }` (`CANCELED` when the customer closes the sheet,
// `DEVELOPER_ERROR` for a request the reference does not allow), `prefetchPaymentData`.
// The sheet is a <dialog> with "Pay" and "Cancel"; the token is a TEST token in the ECv2 shape
// (https://developers.google.com/pay/api/web/guides/resources/payment-data-cryptography), marked MOCK.
(() => {
  const NETWORKS = ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'];
  const developerError = (statusMessage) => Promise.reject({ statusCode: 'DEVELOPER_ERROR', statusMessage });
  const isStringList = (list) => Array.isArray(list) && list.length > 0 && list.every((item) => typeof item === 'string');

  // IsReadyToPayRequest / PaymentDataRequest: apiVersion 2.0 and CARD methods with auth methods and networks (request-objects reference).
  function methodsProblem(request) {
    if (!request || request.apiVersion !== 2 || request.apiVersionMinor !== 0) return 'apiVersion must be 2 and apiVersionMinor 0';
    if (!Array.isArray(request.allowedPaymentMethods) || !request.allowedPaymentMethods.length) return 'allowedPaymentMethods is required';
    for (const method of request.allowedPaymentMethods) {
      if (method?.type !== 'CARD') return 'this stand-in knows type CARD only';
      const { allowedAuthMethods, allowedCardNetworks } = method.parameters ?? {};
      if (!isStringList(allowedAuthMethods) || allowedAuthMethods.some((m) => m !== 'PAN_ONLY' && m !== 'CRYPTOGRAM_3DS')) return 'allowedAuthMethods: PAN_ONLY and/or CRYPTOGRAM_3DS';
      if (!isStringList(allowedCardNetworks) || allowedCardNetworks.some((n) => !NETWORKS.includes(n))) return `allowedCardNetworks: some of ${NETWORKS.join(', ')}`;
    }
    return undefined;
  }

  function sheet(request) {
    return new Promise((resolve, reject) => {
      const dialog = document.createElement('dialog');
      dialog.setAttribute('aria-label', 'Google Pay (mock)');
      const { totalPrice, currencyCode } = request.transactionInfo;
      const title = document.createElement('p');
      title.textContent = `Mock Google Pay: pay ${currencyCode} ${totalPrice}${request.merchantInfo?.merchantName ? ` to ${request.merchantInfo.merchantName}` : ''} with Visa •••• 1111`;
      const pay = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Pay' });
      const cancel = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Cancel' });
      dialog.append(title, pay, ' ', cancel);
      document.body.append(dialog);
      dialog.showModal();
      const close = () => dialog.remove();
      cancel.addEventListener('click', () => (close(), reject({ statusCode: 'CANCELED', statusMessage: 'User closed the Payment Request UI.' })));
      dialog.addEventListener('cancel', () => (close(), reject({ statusCode: 'CANCELED', statusMessage: 'User closed the Payment Request UI.' })));
      pay.addEventListener('click', () => {
        close();
        const { gateway, gatewayMerchantId } = request.allowedPaymentMethods[0].tokenizationSpecification.parameters;
        const signedMessage = JSON.stringify({ encryptedMessage: 'MOCK', ephemeralPublicKey: 'MOCK', tag: 'MOCK', mock: { gateway, gatewayMerchantId, totalPrice, currencyCode } });
        resolve({
          apiVersion: 2,
          apiVersionMinor: 0,
          paymentMethodData: {
            type: 'CARD',
            description: 'Visa •••• 1111',
            info: { cardNetwork: 'VISA', cardDetails: '1111' },
            tokenizationData: { type: 'PAYMENT_GATEWAY', token: JSON.stringify({ signature: 'MOCK', intermediateSigningKey: { signedKey: 'MOCK', signatures: ['MOCK'] }, protocolVersion: 'ECv2', signedMessage }) },
          },
        });
      });
    });
  }

  class PaymentsClient {
    #environment;
    constructor(paymentOptions = {}) {
      this.#environment = paymentOptions.environment ?? 'TEST';
    }
    isReadyToPay(request) {
      const problem = methodsProblem(request);
      return problem ? developerError(problem) : Promise.resolve({ result: true });
    }
    prefetchPaymentData() {}
    loadPaymentData(request) {
      const problem = methodsProblem(request);
      if (problem) return developerError(problem);
      const spec = request.allowedPaymentMethods[0].tokenizationSpecification;
      if (spec?.type !== 'PAYMENT_GATEWAY' || typeof spec.parameters?.gateway !== 'string' || typeof spec.parameters?.gatewayMerchantId !== 'string') {
        return developerError('tokenizationSpecification: PAYMENT_GATEWAY with gateway and gatewayMerchantId');
      }
      const info = request.transactionInfo;
      if (!info || !/^[A-Z]{3}$/.test(info.currencyCode ?? '')) return developerError('transactionInfo.currencyCode is required');
      if (!['FINAL', 'ESTIMATED', 'NOT_CURRENTLY_KNOWN'].includes(info.totalPriceStatus)) return developerError('transactionInfo.totalPriceStatus');
      if (info.totalPriceStatus !== 'NOT_CURRENTLY_KNOWN' && !/^[0-9]+(\.[0-9]+)?$/.test(info.totalPrice ?? '')) return developerError('transactionInfo.totalPrice');
      if (this.#environment === 'PRODUCTION' && !request.merchantInfo?.merchantId) return developerError('merchantInfo.merchantId is required in PRODUCTION');
      return sheet(request);
    }
  }
  window.google ??= {};
  window.google.payments = { api: { PaymentsClient } };
})();
