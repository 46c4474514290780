// Demo section for baton-sdk/connect: the merchant server creates a session, the browser picks a
// product, fills a masked card form with IIN detection, encrypts with the session's public key,
// and the merchant server (mock) decrypts it to create the payment.
import {
  applyMask,
  createClientSession,
  BatonError,
  ValidationError,
  type BasicPaymentProduct,
  type ClientSession,
  type PaymentContext,
  type PaymentProduct,
  type PaymentProductField,
} from 'baton-sdk/connect';

export interface ConnectDemoOptions {
  /** Where the merchant server (mock) answers. Default: this page's origin. */
  readonly merchantUrl?: string;
}

const CONTEXT: PaymentContext = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };

const AUTOCOMPLETE: Record<string, AutoFill> = { cardNumber: 'cc-number', expiryDate: 'cc-exp', cvv: 'cc-csc', cardholderName: 'cc-name' };

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
  const body = el('div');
  root.append(el('p', { textContent: 'The merchant server creates a Connect session; card data is encrypted in this page and only the merchant server (mock) can decrypt it.' }), start, body, status);

  start.addEventListener('click', async () => {
    start.disabled = true;
    status.textContent = 'Creating a session…';
    try {
      const res = await fetch(`${merchant}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const session = createClientSession(await res.json(), { allowedHosts: [new URL(merchant).hostname], appIdentifier: 'baton-demo/0.1' });
      const { paymentProducts } = await session.getBasicPaymentProducts(CONTEXT);
      body.replaceChildren(productPicker(session, paymentProducts, merchant, status));
      status.textContent = `Session ${session.clientSessionId.slice(0, 8)}… ready: pick a payment method.`;
    } catch (error) {
      status.textContent = describeError(error);
      start.disabled = false;
    }
  });
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
      if (product.paymentMethod !== 'card') {
        form.replaceChildren(el('p', { textContent: `${product.displayHints?.label ?? 'This method'} redirects to a third party; this demo covers cards.` }));
        return;
      }
      status.textContent = 'Loading the card form…';
      try {
        const details = await session.getPaymentProduct(Number(product.id), CONTEXT);
        form.replaceChildren(cardForm(session, details, merchant, status));
        status.textContent = `Enter the card details (try 4111 1111 1111 1111).`;
      } catch (error) {
        status.textContent = describeError(error);
      }
    });
    fieldset.append(el('div', {}, radio, label));
  }
  return el('div', {}, fieldset, form);
}

function cardForm(session: ClientSession, product: PaymentProduct, merchant: string, status: HTMLElement): HTMLFormElement {
  const form = el('form', { noValidate: true });
  form.setAttribute('aria-label', `${product.displayHints?.label ?? 'Card'} details`);
  const inputs = new Map<string, { input: HTMLInputElement; error: HTMLElement }>();
  const brand = el('p', { id: 'connect-brand' });
  brand.setAttribute('aria-live', 'polite');
  let lastBin = '';
  // What the platform said of the card number typed so far: paying with a refused card is pointless.
  let refusedCard = false;

  for (const field of product.fields as readonly PaymentProductField[]) {
    const id = `connect-${field.id}`;
    const hints = field.displayHints;
    const input = el('input', { id, name: field.id, type: 'text', placeholder: hints?.placeholderLabel ?? '', autocomplete: AUTOCOMPLETE[field.id] ?? 'off' });
    if (field.type === 'numericstring' || field.type === 'expirydate') input.inputMode = 'numeric';
    const error = el('span', { id: `${id}-error`, className: 'field-error' });
    input.setAttribute('aria-describedby', error.id);
    const mask = hints?.mask;
    input.addEventListener('input', () => {
      if (mask) input.value = applyMask(input.value, mask);
      if (field.id === 'cardNumber') void detect(input.value);
    });
    inputs.set(field.id, { input, error });
    form.append(el('div', {}, el('label', { htmlFor: id, textContent: hints?.label ?? field.id }), ' ', input, ' ', error));
  }

  async function detect(value: string) {
    const digits = value.replace(/\D/g, '');
    const bin = digits.length >= 8 ? digits.slice(0, 8) : digits.slice(0, 6);
    if (bin === lastBin) return;
    lastBin = bin;
    try {
      const iin = await session.getIinDetails(digits, CONTEXT);
      if (bin !== lastBin) return; // a newer lookup is on its way
      refusedCard = iin.status === 'EXISTING_BUT_NOT_ALLOWED';
      brand.textContent =
        iin.status === 'SUPPORTED' ? `Card detected: product ${iin.details.paymentProductId}${iin.details.paymentProductId === Number(product.id) ? '' : ' (not the product you picked)'}`
        : iin.status === 'EXISTING_BUT_NOT_ALLOWED' ? 'This card is not accepted for this payment.'
        : iin.status === 'UNKNOWN' ? 'Unknown card number.'
        : '';
    } catch (error) {
      brand.textContent = describeError(error);
    }
  }

  const pay = el('button', { type: 'submit', textContent: 'Pay €10.00' });
  const result = el('output', { id: 'connect-result' });
  result.setAttribute('aria-live', 'polite');
  form.append(brand, pay, result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const { input, error } of inputs.values()) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
    if (refusedCard) {
      const card = inputs.get('cardNumber');
      card?.input.setAttribute('aria-invalid', 'true');
      if (card) card.error.textContent = 'This card is not accepted for this payment.';
      status.textContent = 'Please use another card.';
      return;
    }
    pay.disabled = true;
    status.textContent = 'Encrypting…';
    try {
      const values = Object.fromEntries([...inputs].map(([key, { input }]) => [key, input.value]));
      const encryptedCustomerInput = await session.encrypt({ paymentProductId: Number(product.id), product, values });
      status.textContent = 'Paying through the merchant server…';
      const res = await fetch(`${merchant}/merchant/connect/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ encryptedCustomerInput }),
      });
      const answer = await res.json();
      if (!res.ok) throw new Error(`merchant server answered ${res.status}: ${answer.errors?.[0]?.id ?? 'error'}`);
      const card = answer.payment.paymentOutput.cardPaymentMethodSpecificOutput.card;
      result.textContent = `Payment ${answer.payment.status}: card ${card.cardNumber}, ${card.cardholderName}`;
      status.textContent = `The merchant server decrypted ${answer.received.fields.join(', ')}; the page never sent them in clear.`;
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) {
          const target = inputs.get(issue.path);
          if (!target) continue;
          target.input.setAttribute('aria-invalid', 'true');
          target.error.textContent = issue.message;
        }
        status.textContent = 'Please check the highlighted fields.';
      } else {
        status.textContent = describeError(error);
      }
    } finally {
      pay.disabled = false;
    }
  });
  return form;
}
