// SBC end to end in Chromium: the demo (built package) → merchant mock → gateway mock's hosted
// form → server callback → the payer's redirect → the return page, which shows the server's status.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './axe.js';
import { openDemoSection, saveScreenshot, useDemoInChromium } from './harness.js';

const env = useDemoInChromium();

const openDemo = () => openDemoSection(env, '#sbc-demo');

/** Runs the hosted-form round trip with `card`; returns the page on the return view and the order id. */
async function payWith(card: string, theme: 'light' | 'dark'): Promise<{ page: Page; orderId: string; errors: string[] }> {
  const { page, errors } = await openDemo();
  await page.locator('#sbc-form select[name=theme]').selectOption(theme);
  await page.locator('#sbc-pay-button').click();
  await page.waitForURL(/\/sbc\/paynet\/form\/init\/[0-9A-F]+$/);
  expect(await page.locator('#theme').textContent()).toBe(`Theme: ${theme}`);
  expect(await page.locator('#amount').textContent()).toBe('25.00 EUR');
  await page.locator('#card_number').fill(card);
  await page.locator('#pay').click();
  await page.waitForURL(/\/sbc-return\.html\?orderId=/);
  const orderId = new URL(page.url()).searchParams.get('orderId')!;
  // The gateway's POST back carried status=…; the return page's URL does not.
  expect(new URL(page.url()).searchParams.has('status')).toBe(false);
  await page.locator('#sbc-return-status[data-final]').waitFor({ timeout: 10_000 });
  return { page, orderId, errors };
}

describe('a newcomer’s console', () => {
  it('the demo page, the hosted form and the return page: a favicon, a phone viewport, no console error', async () => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('requestfailed', (request) => {
      // ERR_ABORTED: the browser cancelled a request because the page navigated away (the demo's
      // log panel polls /__mock/log; a poll in flight at the click is cancelled). No console shows it.
      const reason = request.failure()?.errorText;
      if (reason !== 'net::ERR_ABORTED') problems.push(`${request.url()}: ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.url()}: ${response.status()}`);
    });
    const seen = async () => {
      const head = await page.evaluate(() => ({
        viewport: document.querySelector('meta[name=viewport]')?.getAttribute('content'),
        icon: document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href,
        width: document.documentElement.clientWidth,
      }));
      expect(head.viewport, page.url()).toBe('width=device-width, initial-scale=1');
      // Laid out for the phone, not for a 980 px desktop page shrunk to fit.
      expect(head.width, page.url()).toBe(375);
      const icon = await fetch(head.icon!);
      expect([icon.status, icon.headers.get('content-type')], page.url()).toEqual([200, 'image/svg+xml']);
    };
    await page.goto(`${env.demo.url}/`);
    await page.locator('#sbc-demo').waitFor();
    await seen();
    await page.locator('#sbc-pay-button').click();
    await page.waitForURL(/\/sbc\/paynet\/form\/init\//);
    await seen();
    await page.locator('#card_number').fill('4444555566661111');
    await page.locator('#pay').click();
    await page.waitForURL(/\/sbc-return\.html/);
    await page.locator('#sbc-return-status[data-final]').waitFor({ timeout: 10_000 });
    await seen();
    expect(problems.join('\n')).toBe('');
    await page.close();
  });
});

describe('sbc hosted form round trip', () => {
  let declinedOrder = '';

  it('approves with 4444555566661111', async () => {
    const { page, orderId, errors } = await payWith('4444555566661111', 'dark');
    expect(await page.locator('#sbc-return-order').textContent()).toBe(orderId);
    expect(await page.locator('#sbc-return-status').textContent()).toBe('approved');
    await saveScreenshot(page, 'sbc-approved');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('declines with 4000000000000002', async () => {
    const { page, orderId, errors } = await payWith('4000000000000002', 'light');
    expect(await page.locator('#sbc-return-status').textContent()).toBe('declined');
    declinedOrder = orderId;
    await saveScreenshot(page, 'sbc-declined');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the return page shows the server’s status even when the query lies', async () => {
    expect(declinedOrder).not.toBe('');
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.url}/sbc-return.html?orderId=${declinedOrder}&status=approved&orderid=1&merchant_order=${declinedOrder}`);
    await page.locator('#sbc-return-status[data-final]').waitFor();
    expect(await page.locator('#sbc-return-status').textContent()).toBe('declined');
    expect(await page.content()).not.toContain('approved');
    expect(await seriousA11yViolations(page, 'main')).toEqual([]);
    await saveScreenshot(page, 'sbc-lying-query');
    await page.close();
  });

  it('the merchant return handler refuses a forged POST and a GET, and changes nothing', async () => {
    const forged = new URLSearchParams({ status: 'approved', orderid: '1', client_orderid: declinedOrder, merchant_order: declinedOrder, control: 'forged' });
    const post = await fetch(`${env.demo.url}/merchant/sbc/return`, { method: 'POST', body: forged, redirect: 'manual' });
    expect(post.status).toBe(403);
    const get = await fetch(`${env.demo.url}/merchant/sbc/return?${forged}`, { redirect: 'manual' });
    expect(get.status).toBe(405);
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.url}/sbc-return.html?orderId=${declinedOrder}`);
    await page.locator('#sbc-return-status[data-final]').waitFor();
    expect(await page.locator('#sbc-return-status').textContent()).toBe('declined');
    await page.close();
  });

  it('refuses major units on the hosted form before anything is sent', async () => {
    const { page } = await openDemo();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/sbc')) posts.push(request.url());
    });
    await page.locator('#sbc-form input[name=amountCentis]').fill('25.00');
    await page.locator('#sbc-pay-button').click();
    await expect.poll(() => page.locator('#sbc-form-status').textContent()).toContain('ValidationError');
    expect(await page.locator('#sbc-form-status').textContent()).toContain('not major units');
    expect(posts).toEqual([]);
    expect(page.url()).toBe(`${env.demo.url}/`);
    await page.close();
  });

  it('a wrong card keeps the payer on the form with a message', async () => {
    const { page } = await openDemo();
    await page.locator('#sbc-pay-button').click();
    await page.waitForURL(/\/sbc\/paynet\/form\/init\/[0-9A-F]+$/);
    await page.locator('#card_number').fill('1234123412341234');
    await page.locator('#pay').click();
    expect(await page.locator('#form-error').textContent()).toContain('4444555566661111');
    await page.close();
  });
});

describe('sbc initiate sale in the demo', () => {
  it('shows the signed session', async () => {
    const { page, errors } = await openDemo();
    await page.locator('#sbc-sale-form button[type=submit]').click();
    await page.locator('#sbc-sale-result dd.sbc-signature').waitFor();
    expect(await page.locator('#sbc-sale-result dd.sbc-endpointId').textContent()).toBe('1234');
    expect(await page.locator('#sbc-sale-result dd.sbc-signature').textContent()).toMatch(/^[0-9a-f]{40}$/);
    expect(errors).toEqual([]);
    expect(await seriousA11yViolations(page, '#sbc-demo')).toEqual([]);
    await page.close();
  });

  it('shows FILTERED, and refuses major units before sending', async () => {
    const { page } = await openDemo();
    const amount = page.locator('#sbc-sale-form input[name=amountCentis]');
    await amount.fill('666');
    await page.locator('#sbc-sale-form button[type=submit]').click();
    await expect.poll(() => page.locator('#sbc-sale-result').textContent()).toContain('FILTERED');
    await amount.fill('10.42');
    await page.locator('#sbc-sale-form button[type=submit]').click();
    await expect.poll(() => page.locator('#sbc-sale-result').textContent()).toContain('ValidationError');
    await page.close();
  });
});
