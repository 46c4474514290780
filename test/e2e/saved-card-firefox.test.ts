// Paying with a saved card in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), end to end
// in the demo against the mocks, typed with the real keyboard: the demo customer's session carries
// accounts on file; the stored card shows masked and read-only, only the CVV is typed, and the
// payment completes like a typed card (frictionless, or 3-D Secure and back). axe stays clean.
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ariaSelector as role, useDemoInFirefox } from './firefox-harness.js';

const env = useDemoInFirefox();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (css: string) => {
    const axe = (window as unknown as { axe: { run(c: string, o: object): Promise<{ violations: Array<{ id: string }> }> } }).axe;
    return (await axe.run(css, { resultTypes: ['violations'] })).violations.map((v) => v.id);
  }, selector);
}

/** The demo with the returning customer's checkout open on VISA (its saved cards), and the page's errors. */
async function openSavedCards(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${env.demo.url}/`);
  await page.locator(`#connect-demo ${role('button', 'Checkout with saved cards (€10.00)')}`).click();
  await page.locator(`#connect-demo ${role('radio', 'VISA')}`).click();
  await page.waitForSelector('#connect-demo fieldset.baton-saved input:checked');
  return { page, errors };
}

const field = (id: string) => `#connect-demo .baton-form [data-field="${id}"] input`;
const state = (page: Page) =>
  page.$$eval('#connect-demo .baton-form .baton-input', (inputs) => (inputs as HTMLInputElement[]).map((input) => [input.labels?.[0]?.textContent, input.value, input.readOnly]));

async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    (css: string, source: string) => [...document.querySelectorAll(css)].map((e) => e.textContent ?? '').find((t) => new RegExp(source).test(t)),
    { timeout: 20_000, polling: 100 },
    selector,
    pattern.source,
  );
  return (await handle.jsonValue()) as string;
}

describe('Firefox ESR: paying with a saved card', () => {
  it('only the CVV is typed: the stored card is read-only, the merchant decrypts the account id and the CVV alone', async () => {
    const { page, errors } = await openSavedCards();
    expect(await page.$$eval('#connect-demo fieldset.baton-saved label', (labels) => labels.map((l) => [l.textContent, l.querySelector('input')!.checked]))).toEqual([
      ['VISA **** **** **** 1111', true],
      ['VISA **** **** **** 1091', false],
      ['A new card', false],
    ]);
    expect(await state(page)).toEqual([
      ['Card number', '**** **** **** 1111', true],
      ['Expiry date', '12/30', true],
      ['CVV', '', false],
      ['Cardholder name', 'Ada Lovelace', false],
    ]);
    expect(await axeViolations(page, '#connect-demo')).toEqual([]);

    // Typing into the read-only card number changes nothing.
    await page.locator(field('cardNumber')).click();
    await page.keyboard.type('4000');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // The focus is on the CVV now: the first field to type.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('CVV');
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    expect(await waitForText(page, '#connect-demo output', /Payment PENDING_APPROVAL/)).toBe('Payment PENDING_APPROVAL: card ************1111, Ada Lovelace');
    expect(await waitForText(page, '#connect-demo > p[role=status]', /decrypted/)).toBe('The merchant server decrypted cvv for saved card 1001; the page never sent them in clear.');
    expect((await state(page))[0]).toEqual(['Card number', '**** **** **** 1111', true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the stored 3-D Secure card, chosen with the arrow key: issuer page, and back with the final status', async () => {
    const { page, errors } = await openSavedCards();
    await page.locator(`#connect-demo ${role('radio', 'VISA **** **** **** 1111')}`).click();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (document.querySelector('#connect-demo [data-field="cardNumber"] input') as HTMLInputElement | null)?.value === '**** **** **** 1091');
    // Submitted without the CVV: announced and focused, as the card form does.
    await page.locator(`#connect-demo ${role('button', 'Pay €10.00')}`).click();
    expect(await waitForText(page, '#connect-demo .baton-status', /required/)).toBe('CVV is required.');
    expect(await page.evaluate(() => [(document.activeElement as HTMLInputElement).labels?.[0]?.textContent, document.activeElement?.getAttribute('aria-invalid')])).toEqual(['CVV', 'true']);
    expect(await axeViolations(page, '#connect-demo')).toEqual([]);
    await page.keyboard.type('123');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toMatch(new RegExp(`^${env.demo.url}/connect/3ds/[^/?]+$`));
    await Promise.all([page.waitForNavigation(), page.locator(role('button', 'Confirm')).click()]);
    expect(new URL(page.url()).pathname).toBe('/connect-return.html');
    await page.waitForSelector('#connect-return-status[data-final]', { timeout: 20_000 });
    expect(await page.$eval('#connect-return-status', (e) => e.textContent)).toBe('PENDING_APPROVAL / PENDING_MERCHANT');
    expect(errors).toEqual([]);
    await page.close();
  });
});
