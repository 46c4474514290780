// Every UI state Baton renders in the demo, seen in Chromium with baton-sdk/style.css: a screenshot
// of each (test-results/screenshots/ui-*.png) and the layout facts a person would notice — nothing
// overlaps or is clipped, labels stay with their controls, no sideways scrolling, bounded height —
// at desktop and phone widths, light and dark. `BATON_UPDATE_DOCS=1` also rewrites the README's
// themed screenshot (docs/styling.png).
import { copyFileSync, mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './axe.js';
import { openDemoSection, useDemoInChromium } from './harness.js';
import { focusRingShown, measureLayout } from './layout.js';

const env = useDemoInChromium();

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
const DARK: BrowserContextOptions = { ...DESKTOP, colorScheme: 'dark' };

/** Screenshots `selector` as `ui-<state>` and asserts its layout; returns its height. */
async function seen(page: Page, selector: string, state: string): Promise<number> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.locator(selector).screenshot({ path: `test-results/screenshots/ui-${state}.png` });
  const report = await page.evaluate(measureLayout, selector);
  expect(report.problems, state).toEqual([]);
  return report.height;
}

async function saspStatus(order: string, options: BrowserContextOptions): Promise<{ page: Page; section: Locator; errors: string[] }> {
  const { page, errors } = await openDemoSection(env, '#sasp-demo', options);
  const section = page.locator('#sasp-demo');
  await section.getByLabel('Order number').fill(order);
  await section.getByRole('button', { name: 'Start session' }).click();
  await section.locator('.baton-sasp-status').waitFor();
  return { page, section, errors };
}

describe('Sectigo status and upload, seen', () => {
  it('the documented example at 1280 px: compact, nothing overlaps, radios stay with their labels', async () => {
    const { page, section, errors } = await saspStatus('654824', DESKTOP);
    const height = await seen(page, '#sasp-demo .baton-sasp-status', 'sasp-status-desktop');
    expect(height, 'status height at 1280 px (the issue: about 1,600 px)').toBeLessThanOrEqual(1700);
    // Keyboard focus is visible on Baton's controls (reached with Tab, so :focus-visible applies).
    const submit = section.getByRole('button').filter({ hasText: /^Use this method for/ }).first();
    await submit.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await submit.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.evaluate(focusRingShown)).toBe('shown');
    await section.locator('form.baton-sasp-upload').waitFor();
    await seen(page, '#sasp-demo form.baton-sasp-upload', 'sasp-upload-idle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone (375 px)', async () => {
    const { page } = await saspStatus('654824', PHONE);
    await seen(page, '#sasp-demo', 'sasp-phone');
    await page.close();
  });

  it('in dark mode, with readable contrast', async () => {
    const { page } = await saspStatus('654824', DARK);
    await seen(page, '#sasp-demo', 'sasp-dark');
    expect(await seriousA11yViolations(page, '#sasp-demo')).toEqual([]);
    await page.close();
  });

  it('upload done, then failed (expired token), keep their layout', async () => {
    const { page, section } = await saspStatus('654824', DESKTOP);
    const form = section.locator('form.baton-sasp-upload');
    await form.locator('input[type=file]').setInputFiles([{ name: 'deed.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(50_000, 65) }]);
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => form.getAttribute('data-state')).toBe('done');
    await seen(page, '#sasp-demo form.baton-sasp-upload', 'sasp-upload-done');
    await page.close();

    const expired = await saspStatus('1999', DESKTOP);
    const failing = expired.section.locator('form.baton-sasp-upload');
    await failing.locator('input[type=file]').setInputFiles([{ name: 'deed.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10_000, 65) }]);
    await failing.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => failing.getAttribute('data-state')).toBe('failed');
    await seen(expired.page, '#sasp-demo form.baton-sasp-upload', 'sasp-upload-failed');
    await expired.page.close();
  });

  it('hostile provider text (long, markup) wraps instead of overflowing', async () => {
    const { page } = await saspStatus('666', PHONE);
    await page.locator('#sasp-demo').screenshot({ path: 'test-results/screenshots/ui-sasp-hostile-phone.png' });
    const report = await page.evaluate(measureLayout, '#sasp-demo');
    expect(report.problems).toEqual([]);
    await page.close();
  });

  it('the README’s themed screenshot', async () => {
    const { page } = await saspStatus('654824', { ...DESKTOP, viewport: { width: 900, height: 900 } });
    await page.addStyleTag({
      content: ':root { --baton-accent: #7b2cbf; --baton-radius: 14px; --baton-font: Georgia, serif; --baton-border: #d9c7ef; --baton-subtle: #f7f1fd; --baton-gap: 0.85rem; }',
    });
    await seen(page, '#sasp-demo .baton-sasp-status', 'sasp-themed');
    // The README shows the top of it: summary, overview and the domains to validate.
    // In page coordinates (a full-page clip), not the viewport's.
    const box = await page.locator('#sasp-demo .baton-sasp-status').evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.left + scrollX, y: rect.top + scrollY, width: rect.width, height: rect.height };
    });
    const top = 'test-results/screenshots/ui-sasp-themed-top.png';
    await page.screenshot({ path: top, fullPage: true, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: Math.min(box.height, 1000) + 8 } });
    if (process.env.BATON_UPDATE_DOCS) {
      mkdirSync('docs', { recursive: true });
      copyFileSync(top, 'docs/styling.png');
    }
    await page.close();
  });
});

async function connectCardForm(options: BrowserContextOptions): Promise<{ page: Page; section: Locator; errors: string[] }> {
  const { page, errors } = await openDemoSection(env, '#connect-demo', options);
  const section = page.locator('#connect-demo');
  await section.getByRole('button', { name: /start checkout/i }).click();
  await section.getByRole('radio', { name: 'VISA' }).check();
  await section.getByLabel('Card number').waitFor();
  return { page, section, errors };
}

async function fillCard(section: Locator, number: string): Promise<void> {
  await section.getByLabel('Card number').pressSequentially(number);
  await section.getByLabel('Expiry date').pressSequentially('1230');
  await section.getByLabel('CVV').pressSequentially('123');
  await section.getByLabel('Cardholder name').fill('Ada Lovelace');
}

describe('Connect payment form, seen', () => {
  it('empty, then with every field invalid, then paid (1280 px)', async () => {
    const { page, section, errors } = await connectCardForm(DESKTOP);
    await seen(page, '#connect-demo', 'connect-form');
    await section.getByRole('button', { name: /^pay/i }).click();
    // The submit's own outcome (the form's state), not a field mark a blur on the way may already have set.
    await expect.poll(() => section.locator('form.baton-form').getAttribute('data-state')).toBe('invalid');
    expect(await section.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
    await seen(page, '#connect-demo', 'connect-invalid');
    await section.getByLabel('Card number').fill('');
    await fillCard(section, '4111111111111111');
    await section.getByRole('button', { name: /^pay/i }).click();
    await section.getByText(/Payment PENDING_APPROVAL/).waitFor();
    await seen(page, '#connect-demo', 'connect-paid');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a card that is not accepted, on a phone', async () => {
    const { page, section } = await connectCardForm(PHONE);
    await fillCard(section, '6011000990139424');
    await section.getByText('This card is not accepted for this payment.').first().waitFor();
    await seen(page, '#connect-demo', 'connect-declined-phone');
    await page.close();
  });

  it('in dark mode, with readable contrast', async () => {
    const { page } = await connectCardForm(DARK);
    await seen(page, '#connect-demo', 'connect-dark');
    expect(await seriousA11yViolations(page, '#connect-demo')).toEqual([]);
    await page.close();
  });
});

describe('SBC, seen', () => {
  it('initiate sale: the signed session, then a refusal', async () => {
    const { page } = await openDemoSection(env, '#sbc-demo', DESKTOP);
    const section = page.locator('#sbc-demo');
    await section.getByRole('button', { name: 'Initiate sale' }).click();
    await section.locator('dd').filter({ hasText: /^[0-9a-f]{40}$/ }).waitFor();
    await seen(page, '#sbc-demo', 'sbc-sale');
    await section.getByLabel('Amount (centis)').first().fill('666');
    await section.getByRole('button', { name: 'Initiate sale' }).click();
    await section.getByRole('alert').filter({ hasText: 'FILTERED' }).waitFor();
    await seen(page, '#sbc-demo', 'sbc-sale-filtered');
    await page.close();
  });

  it('the hosted form and the return page, on a phone', async () => {
    const { page } = await openDemoSection(env, '#sbc-demo', PHONE);
    await seen(page, '#sbc-demo', 'sbc-phone');
    await page.locator('#sbc-demo').getByRole('button', { name: 'Pay on the hosted form' }).click();
    await page.waitForURL(/\/sbc\/paynet\/form\//);
    await page.getByLabel('Card number').fill('4444555566661111');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/\/sbc-return\.html/);
    await page.locator('#sbc-return-status[data-final]').waitFor({ timeout: 10_000 });
    await seen(page, 'main', 'sbc-return-phone');
    await page.close();
  });
});

describe('the script-tag page, seen', () => {
  it('links baton.css under its strict CSP, and the styles apply', async () => {
    const page = await env.browser.newPage(DESKTOP);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|stylesheet/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${env.demo.url}/embed.html`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.locator('.baton-sasp-status').waitFor();
    // The stylesheet's rules are in effect: the status is a flex column, sections have a state border.
    const styled = await page.locator('.baton-sasp-section').first().evaluate((section) => ({
      root: getComputedStyle(section.parentElement!).display,
      border: getComputedStyle(section).borderInlineStartWidth,
    }));
    expect(styled).toEqual({ root: 'flex', border: '4px' });
    await seen(page, 'main', 'embed');
    expect(violations).toEqual([]);
    await page.close();
  });
});
