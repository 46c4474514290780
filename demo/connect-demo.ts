// Demo section for baton-sdk/connect: the merchant server creates a session, the browser picks a
// product, and Baton's payment form (masks, IIN detection, validation) encrypts the card with the
// session's public key; the merchant server (mock) decrypts it to create the payment.
import {
  createClientSession,
  handleMerchantAction,
  mountPaymentForm,
  mountSavedCardForm,
  prepareApplePay,
  prepareGooglePay,
  startHostedCheckout,
  BatonError,
  WalletError,
  type BasicPaymentProduct,
  type ClientSession,
  type PaymentContext,
} from 'baton-sdk/connect';
import { texts } from './language.js';

export interface ConnectDemoOptions {
  /** Where the merchant server (mock) answers. Default: this page's origin. */
  readonly merchantUrl?: string;
}

const CONTEXT: PaymentContext = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function describeError(error: unknown): string {
  if (error instanceof BatonError) return `${error.name}: ${error.message}`;
  return String(error);
}

export function mountConnectDemo(root: HTMLElement, { merchantUrl = '' }: ConnectDemoOptions = {}): void {
  root.hidden = false;
  const merchant = merchantUrl || location.origin;
  const status = el('p', { role: 'status' });
  const start = el('button', { type: 'button', textContent: 'Start checkout (€10.00)' });
  // A returning customer: the session is created with the customer's stored tokens (the mock's
  // demo/mock/connect-accounts.ts), so cards come with their accounts on file.
  const returning = el('button', { type: 'button', textContent: 'Checkout with saved cards (€10.00)' });
  const body = el('div');
  root.append(
    el('p', { textContent: 'The merchant server creates a Connect session; card data is encrypted in this page and only the merchant server (mock) can decrypt it. Try 4111 1111 1111 1111 (frictionless) or 4000 0000 0000 1091 (3-D Secure).' }),
    el('p', { textContent: 'With saved cards, the demo customer has two stored VISA cards (…1111 frictionless, …1091 3-D Secure) and a Mastercard whose expiry date has passed: only the CVV (any 3 digits) is typed again.' }),
    start,
    ' ',
    returning,
    body,
    status,
  );
  root.append(completionDemo(merchant));

  const begin = async (tokens: readonly string[]) => {
    start.disabled = returning.disabled = true;
    status.textContent = 'Creating a session…';
    try {
      const res = await fetch(`${merchant}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tokens.length ? { tokens } : {}) });
      const session = createClientSession(await res.json(), { allowedHosts: [new URL(merchant).hostname], appIdentifier: 'baton-demo/0.1' });
      const { paymentProducts } = await session.getBasicPaymentProducts(CONTEXT);
      body.replaceChildren(productPicker(session, paymentProducts, merchant, status));
      status.textContent = `Session ${session.clientSessionId.slice(0, 8)}… ready: pick a payment method.`;
    } catch (error) {
      status.textContent = describeError(error);
      start.disabled = returning.disabled = false;
    }
  };
  start.addEventListener('click', () => begin([]));
  returning.addEventListener('click', () => begin(['demo-token-visa-1111', 'demo-token-visa-1091', 'demo-token-mc-4444']));
}

function productPicker(session: ClientSession, products: readonly BasicPaymentProduct[], merchant: string, status: HTMLElement): HTMLElement {
  const fieldset = el('fieldset', {}, el('legend', { textContent: 'Payment method' }));
  const form = el('div');
  for (const product of products) {
    const id = `connect-product-${product.id}`;
    const radio = el('input', { type: 'radio', name: 'connect-product', id, value: String(product.id) });
    const label = el('label', { htmlFor: id });
    const logo = product.displayHints?.logo;
    if (logo) label.append(el('img', { src: session.assetUrl(logo), alt: '', width: 32, height: 20 }), ' ');
    label.append(product.displayHints?.label ?? `Product ${product.id}`);
    radio.addEventListener('change', async () => {
      if (product.id === 320 || product.id === 302) {
        form.replaceChildren(await walletDemo(session, product.id === 320 ? 320 : 302, merchant, status));
        return;
      }
      if (product.paymentMethod !== 'card') {
        form.replaceChildren(el('p', { textContent: `${product.displayHints?.label ?? 'This method'} redirects to a third party; this demo covers cards.` }));
        return;
      }
      status.textContent = 'Loading the card form…';
      try {
        const details = await session.getPaymentProduct(Number(product.id), CONTEXT);
        const result = el('output', { id: 'connect-result' });
        result.setAttribute('aria-live', 'polite');
        const card = el('div');
        form.replaceChildren(card, result);
        const options = {
          session,
          product: details,
          context: CONTEXT,
          ...texts().paymentForm,
          // The form hands over the JWE; sending it is the merchant's part. A throw here is shown
          // in the form, which keeps what the customer typed.
          async onSubmit(encryptedCustomerInput: string) {
            const res = await fetch(`${merchant}/merchant/connect/payments`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ encryptedCustomerInput }),
            });
            const answer = await res.json();
            if (!res.ok) throw new Error(`the merchant server answered ${res.status} ${answer.errors?.[0]?.id ?? ''}`.trim());
            const saved = answer.received.accountOnFileId === undefined ? '' : ` for saved card ${answer.received.accountOnFileId}`;
            status.textContent = `The merchant server decrypted ${answer.received.fields.join(', ')}${saved}; the page never sent them in clear.`;
            // The answer's merchantAction, if any: a 3-D Secure redirect for the challenge card.
            const done = await handleMerchantAction(answer, { container: result, ...texts().action });
            if (done.actionType === 'REDIRECT') {
              result.textContent = `Redirecting to 3-D Secure (${done.navigation.url.host})…`;
              return;
            }
            const paid = answer.payment.paymentOutput.cardPaymentMethodSpecificOutput.card;
            result.textContent = `Payment ${answer.payment.status}: card ${paid.cardNumber}, ${paid.cardholderName}`;
          },
        };
        // A saved card when the session has one for this product; else the card form.
        if (details.accountsOnFile.length) {
          mountSavedCardForm(card, options);
          status.textContent = 'Pay with a saved card (type its CVV), or choose "A new card".';
          return;
        }
        mountPaymentForm(card, options);
        status.textContent = 'Enter the card details (try 4111 1111 1111 1111, or the co-badged Carte Bancaire + VISA card 4970 1012 3456 7893 to choose its brand).';
      } catch (error) {
        status.textContent = describeError(error);
      }
    });
    fieldset.append(el('div', {}, radio, label));
  }
  return el('div', {}, fieldset, form);
}

/**
 * Google Pay (320) or Apple Pay (302): the real wallet where the browser has it, else the mock's
 * stand-in script (Baton loads `scriptUrl` only when the wallet's own API is missing). The token
 * goes to the merchant server encrypted, as the card data does.
 */
async function walletDemo(session: ClientSession, id: 320 | 302, merchant: string, status: HTMLElement): Promise<HTMLElement> {
  const name = id === 320 ? 'Google Pay' : 'Apple Pay';
  const file = id === 320 ? 'google-pay.js' : 'apple-pay-sdk.js';
  const result = el('output', { id: 'connect-result' });
  result.setAttribute('aria-live', 'polite');
  status.textContent = `Preparing ${name}…`;
  try {
    const product = await session.getPaymentProduct(id, CONTEXT);
    const options = { amount: CONTEXT.amount, currencyCode: CONTEXT.currencyCode, countryCode: CONTEXT.countryCode, merchantName: 'Baton demo shop', scriptUrl: `${merchant}/wallets/${file}`, allowedHosts: [new URL(merchant).hostname] };
    const checkout = id === 320 ? await prepareGooglePay(session, product, { ...options, gatewayMerchantId: 'FAKE-merchant-1' }) : await prepareApplePay(session, product, options);
    const mock = !!document.querySelector(`script[src="${options.scriptUrl}"]`);
    const button = el('button', { type: 'button', textContent: `Pay with ${name}${mock ? ' (mock wallet)' : ''}` });
    button.addEventListener('click', () => {
      result.textContent = '';
      // Inside the click: both wallets open their sheet only from a user gesture.
      checkout
        .pay(async (encryptedCustomerInput) => {
          const res = await fetch(`${merchant}/merchant/connect/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encryptedCustomerInput }) });
          const answer = await res.json();
          if (!res.ok) throw new Error(`the merchant server answered ${res.status} ${answer.errors?.[0]?.id ?? ''}`.trim());
          result.textContent = `Payment ${answer.payment.status}: ${name}; the merchant server decrypted ${answer.received.fields.join(', ')}.`;
        })
        .catch((error: unknown) => {
          status.textContent = error instanceof WalletError && error.kind === 'cancelled' ? `${name} was closed; nothing was paid.` : describeError(error);
        });
    });
    status.textContent = mock ? `${name} is not available in this browser: the button opens the mock wallet.` : `${name} is ready.`;
    return el('div', {}, button, result);
  } catch (error) {
    status.textContent = error instanceof WalletError && error.kind === 'unavailable' ? `${name} is not available here (${error.message}).` : describeError(error);
    return el('div', {}, result);
  }
}

/** Bank transfer (SHOW_INSTRUCTIONS) and the hosted checkout (no card data on this page). */
function completionDemo(merchant: string): HTMLElement {
  const out = el('div', { id: 'connect-next' });
  const note = el('p', { role: 'status', id: 'connect-next-status' });
  const transfer = el('button', { type: 'button', textContent: 'Bank transfer' });
  const hosted = el('button', { type: 'button', textContent: 'Hosted checkout' });
  transfer.addEventListener('click', async () => {
    note.textContent = 'Creating the payment…';
    try {
      const res = await fetch(`${merchant}/merchant/connect/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ paymentProductId: 11 }) });
      const done = await handleMerchantAction(await res.json(), { container: out, heading: 'Bank transfer details', labels: { ACCOUNT_HOLDER: 'Account holder', PAYMENT_REFERENCE: 'Payment reference', AMOUNT: 'Amount' } });
      note.textContent = done.actionType === 'SHOW_INSTRUCTIONS' ? 'Transfer the amount with the reference below.' : done.actionType;
    } catch (error) {
      note.textContent = describeError(error);
    }
  });
  hosted.addEventListener('click', async () => {
    note.textContent = 'Creating the hosted checkout…';
    try {
      // The mock is on loopback without a `payment.` subdomain: Worldline's checkouts take the default prefix and hosts.
      await startHostedCheckout({ url: `${merchant}/merchant/connect/hosted-checkout`, urlPrefix: 'http://', allowedHosts: [new URL(merchant).host] });
    } catch (error) {
      note.textContent = describeError(error);
    }
  });
  return el('div', {}, el('h3', { textContent: 'Without a card form' }), el('p', {}, transfer, ' ', hosted), note, out);
}
