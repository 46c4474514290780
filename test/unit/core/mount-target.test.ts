// @vitest-environment happy-dom
// Every DOM mount takes an element or a selector matching exactly one element (as Stripe's and
// Adyen's mounts do); anything else is a ValidationError naming the mount, and nothing is rendered.
import { getByRole } from '@testing-library/dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ValidationError } from '../../../src/index.js';
import { createClientSession, mountPaymentForm, type PaymentContext, type PaymentProduct, type ClientSession } from '../../../src/connect/index.js';
import { mountUploadForm, parseStatusResponse, renderStatus } from '../../../src/sasp/index.js';

const mockUrl = inject('mockUrl');
const context: PaymentContext = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${b64({ alg: 'HS256' })}.${b64({ sub: '/order/1', exp: Math.floor(Date.now() / 1000) + 600 })}.c2ln`;
const status = parseStatusResponse(JSON.stringify({ errorCode: 0, data: { orderNumber: 1, orderStatus: 'Pending', csrStatus: { title: 'Submit your CSR', status: 'Completed' } } }));

let session: ClientSession;
let visa: PaymentProduct;
beforeAll(async () => {
  const res = await fetch(`${mockUrl}/merchant/connect/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  session = createClientSession(await res.json(), { allowedHosts: ['127.0.0.1'] });
  visa = await session.getPaymentProduct(1, context);
});
afterEach(() => document.body.replaceChildren());

/** Each public mount, called with `target`. */
const mounts = {
  mountPaymentForm: (target: unknown) => mountPaymentForm(target as string, { session, product: visa, context, onSubmit: () => undefined }),
  renderStatus: (target: unknown) => renderStatus(target as string, status, { onAction: () => undefined }),
  mountUploadForm: (target: unknown) => mountUploadForm(target as string, { url: 'https://avspartners.sectigolabs.com/avs/ws/api/v002/order', token }),
};
const what = { mountPaymentForm: 'form', renderStatus: 'heading', mountUploadForm: 'button' } as const;

function page(html: string) {
  document.body.innerHTML = html;
}

describe.each(Object.keys(mounts) as Array<keyof typeof mounts>)('%s(selector)', (name) => {
  const mount = mounts[name];

  it('renders into the one element a selector matches', () => {
    page('<main><div id="card"></div><div class="other"></div></main>');
    mount('#card');
    expect(getByRole(document.querySelector<HTMLElement>('#card')!, what[name])).toBeTruthy();
    expect(document.querySelector('.other')!.children).toHaveLength(0);
  });

  it.each([
    ['matches nothing', '<div id="card"></div>', '#crad', /matches 0/],
    ['matches two elements', '<div class="pay"></div><div class="pay"></div>', '.pay', /exactly one element, and matches 2/],
    ['is not a selector', '<div id="card"></div>', '#card[', /not a valid CSS selector/],
  ])('refuses a selector that %s, naming the mount, and renders nothing', (_, html, selector, message) => {
    page(html);
    const before = document.body.innerHTML;
    let caught: unknown;
    try {
      mount(selector);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as Error).message).toContain(`${name} container`);
    expect((caught as Error).message).toMatch(message);
    expect((caught as ValidationError).issues[0]!.received).toBe(selector);
    expect(document.body.innerHTML).toBe(before);
  });

  it.each([null, undefined, 42, {}, { append: () => undefined }])('refuses %j as a container with a ValidationError', (target) => {
    expect(() => mount(target)).toThrow(ValidationError);
    expect(() => mount(target)).toThrow(/expected an HTML element or a CSS selector/);
  });
});
