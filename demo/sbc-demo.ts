// Demo section for baton-sdk/sbc: initiate sale, and the hosted payment form round trip.
// Imports Baton by package name, as an integrator would. DOM by createElement/textContent only.
import { configure, encodeMerchantFormData, initiateSale, startHostedForm, BatonError, ProviderError } from 'baton-sdk/sbc';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function field(label: string, name: string, value: string, props: Record<string, unknown> = {}): HTMLLabelElement {
  return el('label', {}, `${label} `, el('input', { name, value, ...props }), ' ');
}

/** A failure as the payer's support team would want it: kind, code and message, as text. */
export function describeError(error: unknown): string {
  if (error instanceof ProviderError) {
    const cause = (error.details as { cause?: string } | undefined)?.cause;
    return `${error.name} ${cause ? `${cause} ` : ''}(${error.code}): ${error.providerMessage}`;
  }
  if (error instanceof BatonError) return `${error.name}: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

export function mountSbcDemo(root: HTMLElement): void {
  // The mock gateway is this dev server (loopback, under /sbc/paynet/): configured once, here.
  configure({ allowedHosts: [location.hostname], pathPrefixes: ['/sbc/paynet/'] });
  root.append(saleSection(), hostedFormSection());
  root.hidden = false;
}

function saleSection(): HTMLElement {
  const result = el('output', { id: 'sbc-sale-result' });
  result.setAttribute('aria-live', 'polite');
  const form = el(
    'form',
    { id: 'sbc-sale-form' },
    field('Access token', 'accessToken', 'demo-access-token-0123456789abcdef-xyz'),
    field('Device serial number', 'serialNumber', 'DEMO-SN-1'),
    field('IMEI (optional)', 'imei', ''),
    field('Amount (centis)', 'amountCentis', '1042', { inputMode: 'numeric' }),
    field('Currency', 'currency', 'EUR'),
    el('button', { type: 'submit' }, 'Initiate sale'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const imei = get('imei');
    result.textContent = 'Asking the merchant server…';
    initiateSale({
      url: '/merchant/sbc/initiate-sale',
      accessToken: get('accessToken'),
      device: { serialNumber: get('serialNumber'), ...(imei && { imei }) },
      // Centis are integers; a non-integer entry is refused by Baton before anything is sent.
      transaction: { amountCentis: Number(get('amountCentis')), currency: get('currency') },
    })
      .then((sale) => {
        result.replaceChildren(
          el('dl', {},
            ...(['endpointId', 'invoiceId', 'nonce', 'signature'] as const).flatMap((key) => [el('dt', {}, key), el('dd', { className: `sbc-${key}` }, sale[key])]),
          ),
        );
      })
      .catch((error: unknown) => {
        result.replaceChildren(el('p', { role: 'alert', className: 'sbc-error' }, describeError(error)));
      });
  });
  return el(
    'section',
    {},
    el('h3', {}, 'Initiate sale'),
    el('p', {}, 'The merchant server signs a session (hmac-sha1); Baton validates and returns it. Try amount 666 (FILTERED), serial "server-failed" (SERVER_FAILED, not retried) or "unavailable-2" (retried, then signed).'),
    form,
    result,
  );
}

function hostedFormSection(): HTMLElement {
  const status = el('p', { id: 'sbc-form-status' });
  status.setAttribute('aria-live', 'polite');
  const theme = el('select', { name: 'theme' }, el('option', { value: 'light' }, 'light'), el('option', { value: 'dark' }, 'dark'));
  const form = el(
    'form',
    { id: 'sbc-form' },
    field('Amount (centis)', 'amountCentis', '2500', { inputMode: 'numeric' }),
    field('Currency', 'currency', 'EUR'),
    el('label', {}, 'Form theme ', theme),
    ' ',
    el('button', { type: 'submit', id: 'sbc-pay-button' }, 'Pay on the hosted form'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    status.textContent = 'Creating the order on the merchant server…';
    startHostedForm({
      url: '/merchant/sbc/preauth',
      body: {
        amountCentis: String(data.get('amountCentis') ?? ''),
        currency: String(data.get('currency') ?? ''),
        merchant_form_data: encodeMerchantFormData({ theme: String(data.get('theme') ?? 'light') }),
      },
    })
      .then(({ form: answer }) => {
        status.textContent = `Opening the payment form for order ${answer.merchantOrderId ?? answer.paynetOrderId}…`;
      })
      .catch((error: unknown) => {
        status.replaceChildren(el('span', { role: 'alert', className: 'sbc-error' }, describeError(error)));
      });
  });
  return el(
    'section',
    {},
    el('h3', {}, 'Hosted payment form'),
    el('p', {}, 'The merchant server signs control (SHA-1) and calls preauth-form; Baton parses the relayed answer and opens the form. Test cards: 4444555566661111 approves, 4000000000000002 declines, 4000000000000069 is filtered.'),
    form,
    status,
  );
}
