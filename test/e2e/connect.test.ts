// Connect end to end in Chromium: the demo (built package) → merchant mock creates a session →
// Client API mock (products, product, IIN, public key) → Baton's payment form encrypts in the
// page → merchant mock decrypts with its private key and answers the masked card.
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './axe.js';
import { openDemoSection, saveScreenshot, useDemoInChromium } from './harness.js';

const env = useDemoInChromium();

describe('connect card payment', () => {
  it('pays with an encrypted card and shows the masked card', async () => {
    const { page, errors } = await openDemoSection(env, '#connect-demo');
    const section = page.locator('#connect-demo');
    await section.getByRole('button', { name: /start checkout/i }).click();
    await section.getByRole('radio', { name: 'VISA' }).check();
    const number = section.getByLabel('Card number');
    await number.pressSequentially('4111111111111111');
    await expect.poll(() => number.inputValue()).toBe('4111 1111 1111 1111');
    await section.getByRole('img', { name: 'VISA' }).waitFor();
    await section.getByLabel('Expiry date').pressSequentially('1230');
    await section.getByLabel('CVV').pressSequentially('123');
    await section.getByLabel('Cardholder name').fill('Łukasz 王 Müller');
    await section.getByRole('button', { name: /pay/i }).click();
    const result = section.locator('output');
    await expect.poll(() => result.textContent()).toBe('Payment PENDING_APPROVAL: card ************1111, Łukasz 王 Müller');
    expect(await seriousA11yViolations(page, '#connect-demo')).toEqual([]);
    await saveScreenshot(page, 'connect-paid');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a declined IIN before anything is encrypted', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.url}/`);
    await page.request.post(`${env.demo.url}/__mock/log/clear`);
    const section = page.locator('#connect-demo');
    await section.getByRole('button', { name: /start checkout/i }).click();
    await section.getByRole('radio', { name: 'VISA' }).check();
    await section.getByLabel('Card number').pressSequentially('6011000990139424');
    const refusal = 'This card is not accepted for this payment. Please use another card.';
    // Beside the field, and announced.
    await section.locator('.baton-error', { hasText: refusal }).waitFor();
    await section.locator('.baton-status', { hasText: refusal }).waitFor();
    await section.getByLabel('Expiry date').pressSequentially('1230');
    await section.getByLabel('CVV').pressSequentially('123');
    await section.getByLabel('Cardholder name').fill('Ada Lovelace');
    await section.getByRole('button', { name: /pay/i }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('cc-number');
    expect(await section.getByLabel('Card number').getAttribute('aria-invalid')).toBe('true');
    // No payment reached the merchant server.
    const log = (await (await page.request.get(`${env.demo.url}/__mock/log`)).json()) as Array<{ path: string }>;
    expect(log.some((entry) => entry.path === '/merchant/connect/payments')).toBe(false);
    expect(await section.locator('output').textContent()).not.toMatch(/Payment/);
    await saveScreenshot(page, 'connect-declined-iin');
    await page.close();
  });

  it('is usable with the keyboard alone: Tab between fields, Enter pays', async () => {
    const { page, errors } = await openDemoSection(env, '#connect-demo');
    const section = page.locator('#connect-demo');
    await section.getByRole('button', { name: /start checkout/i }).focus();
    await page.keyboard.press('Enter');
    const visa = section.getByRole('radio', { name: 'VISA' });
    await visa.waitFor();
    await visa.focus();
    await page.keyboard.press('Space');
    const number = section.getByLabel('Card number');
    await number.waitFor();
    // Out of the radio group, the next stop is the card number.
    await page.keyboard.press('Tab');
    await expect.poll(() => number.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('4111111111111111');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1230');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ada Lovelace');
    expect(await section.getByLabel('Expiry date').inputValue()).toBe('12/30');
    await page.keyboard.press('Enter');
    const result = section.locator('output');
    await expect.poll(() => result.textContent()).toBe('Payment PENDING_APPROVAL: card ************1111, Ada Lovelace');
    expect(errors).toEqual([]);
    await page.close();
  });
});
