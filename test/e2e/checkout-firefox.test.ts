// The checkout UI in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), typed with the real
// keyboard: the page-side fixture (test/fixtures/checkout-page.ts) is loaded into the demo page
// through vite's /@fs/ route, against the built package and the demo's mock Connect server.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { PaymentFieldChange } from 'baton-sdk/connect';
import type { CheckoutLog } from '../fixtures/checkout-page.js';
import { useDemoInFirefox } from './firefox-harness.js';

const env = useDemoInFirefox();
const FIXTURE = `/@fs${fileURLToPath(new URL('../fixtures/checkout-page.ts', import.meta.url))}`;
const SASP_FIXTURE = `/@fs${fileURLToPath(new URL('../fixtures/sasp-locale-page.ts', import.meta.url))}`;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations (ids) inside `selector`, run in the page. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (css: string) => {
    const axe = (window as unknown as { axe: { run(c: string, o: object): Promise<{ violations: Array<{ id: string }> }> } }).axe;
    return (await axe.run(css, { resultTypes: ['violations'] })).violations.map((v) => v.id);
  }, selector);
}


/** The demo page with the fixture's form for `productId` mounted, and the page's errors. */
async function openCheckout(productId = 1): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${env.demo.url}/`);
  // A string, not a function: vitest would rewrite a function's `import()` for Node.
  await page.evaluate(`import(${JSON.stringify(FIXTURE)}).then((m) => m.mountRecorded(location.origin, ${Number(productId)})).then(() => undefined)`);
  return { page, errors };
}

// As JSON: BiDi's serialisation hands back an object met twice (one brand in several events) as undefined.
const log = async (page: Page) => JSON.parse(await page.evaluate(() => JSON.stringify(window.batonLog))) as CheckoutLog;
/** The input of the field labelled `label` (a password input has no textbox role to find it by). */
const FIELD_IDS: Record<string, string> = { 'Card number': 'cardNumber', 'Expiry date': 'expiryDate', CVV: 'cvv', 'Cardholder name': 'cardholderName' };
const input = (label: string) => `#checkout-under-test [data-field="${FIELD_IDS[label]}"] input`;
/** Waits until the page's log satisfies `predicate` (polled in the page's own terms). */
async function until(page: Page, predicate: (log: CheckoutLog) => boolean): Promise<CheckoutLog> {
  for (let i = 0; i < 150; i++) {
    const current = await log(page);
    if (predicate(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return log(page);
}
const changes = (l: CheckoutLog, fieldId: string) =>
  l.events.filter(([n, p]) => n === 'change' && (p as PaymentFieldChange).fieldId === fieldId).map(([, p]) => p as PaymentFieldChange);
const named = (l: CheckoutLog, name: string) => l.events.filter(([n]) => n === name).map(([, p]) => p);

describe('Firefox ESR: the payment form’s events', () => {
  it('onReady once, onChange per key with its payload, onBrand, a same-brand paste, onValidityChange', async () => {
    const { page, errors } = await openCheckout();
    await page.locator(input('Card number')).click();
    await page.keyboard.type('4111111111111111');
    let l = await until(page, (x) => changes(x, 'cardNumber').at(-1)?.brand?.paymentProductId === 1);
    expect(named(l, 'ready')).toHaveLength(1);
    expect(changes(l, 'cardNumber').length).toBeGreaterThanOrEqual(16);
    expect(changes(l, 'cardNumber')[0]).toEqual({ fieldId: 'cardNumber', empty: false, complete: false, valid: true });
    expect(changes(l, 'cardNumber').at(-1)).toEqual({ fieldId: 'cardNumber', empty: false, complete: true, valid: true, brand: { paymentProductId: 1, label: 'VISA' } });
    expect(named(l, 'brand')).toEqual([{ paymentProductId: 1, label: 'VISA' }]);

    // A paste of another VISA over the whole number (the clipboard's text, as Firefox inserts it).
    const before = l.events.length;
    await page.$eval(input('Card number'), (node) => (node as HTMLInputElement).select());
    await page.$eval(input('Card number'), (node) => {
      const data = new DataTransfer();
      data.setData('text/plain', '4000 0000 0000 0002');
      // What a paste does to an input: the editor inserts the text and fires `input` (insertFromPaste).
      (node as HTMLInputElement).setRangeText('4000 0000 0000 0002', 0, (node as HTMLInputElement).value.length, 'end');
      node.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', dataTransfer: data }));
    });
    l = await until(page, (x) => x.events.length > before);
    expect(l.events.slice(before).find(([n]) => n === 'change')?.[1]).toMatchObject({ fieldId: 'cardNumber', empty: false, complete: true });
    expect(named(l, 'brand')).toHaveLength(1);

    // A wrong expiry shown on leaving the field, then the whole form completed.
    await page.locator(input('Expiry date')).click();
    await page.keyboard.type('1399');
    await page.keyboard.press('Tab');
    l = await until(page, (x) => !!changes(x, 'expiryDate').at(-1)?.error);
    expect(changes(l, 'expiryDate').at(-1)).toEqual({
      fieldId: 'expiryDate',
      empty: false,
      complete: false,
      valid: false,
      error: 'Expiry date is not a valid month, or it has passed.',
    });
    await page.locator(input('Expiry date')).click({ count: 3 });
    await page.keyboard.type('1230');
    await page.locator(input('CVV')).click();
    await page.keyboard.type('123');
    await page.locator(input('Cardholder name')).click();
    await page.keyboard.type('Ada');
    l = await until(page, (x) => named(x, 'validity').length > 0);
    expect(named(l, 'validity')).toEqual([true]);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    l = await until(page, (x) => named(x, 'validity').length > 1);
    expect(named(l, 'validity')).toEqual([true, false]);
    expect(named(l, 'ready')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the status line lets go of "Card number is required." once the number is typed', async () => {
    const { page, errors } = await openCheckout();
    await page.locator('#checkout-under-test ::-p-aria([role="button"][name="Pay €10.00"])').click();
    const status = () => page.$eval('#checkout-under-test [role=status]', (node) => node.textContent);
    await page.waitForFunction(() => document.querySelector('#checkout-under-test [role=status]')?.textContent === 'Card number is required.', { polling: 100 });
    await page.keyboard.type('4111111111111111');
    await page.waitForFunction(() => document.querySelector('#checkout-under-test [role=status]')?.textContent === 'Expiry date is required.', { polling: 100 });
    expect(await status()).toBe('Expiry date is required.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a co-badged card: the brand chosen with the keyboard alone is the product paid with', async () => {
    const { page, errors } = await openCheckout();
    await page.locator(input('Card number')).click();
    await page.keyboard.type('4970101234567893');
    await page.waitForSelector('#checkout-under-test fieldset.baton-cobrand:not([hidden]) input[value="1"]');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(await focused()).toBe('Carte Bancaire');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('VISA');
    expect(await page.$eval('#checkout-under-test [role=status]', (node) => node.textContent)).toBe('Paying with VISA.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1230');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ada Lovelace');
    await page.keyboard.press('Enter');
    const l = await until(page, (x) => x.payments.length > 0);
    expect(l.payments[0]?.payment?.paymentOutput?.cardPaymentMethodSpecificOutput?.paymentProductId).toBe(1);
    expect(named(l, 'brand')).toEqual([
      { paymentProductId: 130, label: 'Carte Bancaire' },
      { paymentProductId: 1, label: 'VISA' },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Firefox ESR: the Sectigo UI in German', () => {
  it('the status and the upload form from baton-sdk/locales/de, dates as Germans write them, axe clean', async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    await page.goto(`${env.demo.url}/`);
    await page.evaluate(`import(${JSON.stringify(SASP_FIXTURE)}).then((m) => void m.renderGerman())`);
    const texts = await page.evaluate(() => {
      const root = document.querySelector('#sasp-de')!;
      const agreement = [...root.querySelectorAll('section.baton-sasp-section--agreement dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`);
      return {
        headings: [...root.querySelectorAll('h2')].map((h) => h.textContent),
        dcvStatus: root.querySelector('.baton-sasp-section--dcv .baton-sasp-section__status')?.textContent,
        agreement,
        legend: root.querySelector('.baton-sasp-dcv-chooser legend')?.textContent,
        upload: root.querySelector('.baton-sasp-upload__submit')?.textContent,
      };
    });
    expect(texts.headings.slice(0, 2)).toEqual(['Zertifikatsanforderung (CSR)', 'Domain-Validierung']);
    expect(texts.dcvStatus).toBe('Status: Aktion erforderlich');
    expect(texts.agreement).toContain('Letzte E-Mail gesendet=20. November 2019');
    expect(texts.legend).toBe('Validierungsmethode für mn.gov');
    expect(texts.upload).toBe('Hochladen');
    expect(await axeViolations(page, '#sasp-de')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Firefox ESR: the demo’s language switch and co-badged card', () => {
  it('switched to German, the Connect form speaks German and offers the co-badged card’s brands', async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    await page.goto(`${env.demo.url}/`);
    await page.select('#demo-language', 'de');
    await page.locator('#connect-demo ::-p-aria([role="button"][name="Start checkout (€10.00)"])').click();
    await page.locator('::-p-aria([role="radio"][name="VISA"])').click();
    await page.waitForSelector('#connect-demo form.baton-form');
    expect(await page.$eval('#connect-demo .baton-submit', (node) => node.textContent)).toBe('10,00\u00a0€ bezahlen');
    await page.locator('#connect-demo [data-field="cardNumber"] input').click();
    await page.keyboard.type('4970101234567893');
    await page.waitForSelector('#connect-demo fieldset.baton-cobrand:not([hidden])');
    expect(await page.$eval('#connect-demo fieldset.baton-cobrand legend', (node) => node.textContent)).toBe('Kartenmarke');
    expect(await page.$$eval('#connect-demo .baton-cobrand-option', (nodes) => nodes.map((n) => n.textContent))).toEqual(['Carte Bancaire', 'VISA']);
    expect(await axeViolations(page, '#connect-demo')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

