// The demo's main flows in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core:
// Sectigo status + DCV choice + upload, Connect card payment, SBC initiate sale and the hosted form
// round trip. Elements are found by role, accessible name and visible text (as a user finds them),
// so the flows survive markup changes. Each end state is screenshotted (test-results/screenshots/
// firefox-*.png) and its layout checked like in Chromium.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIREFOX_WINDOW, setViewportSize } from '../firefox.js';
import { ariaSelector, useDemoInFirefox } from './firefox-harness.js';
import { measureLayout } from './layout.js';

const env = useDemoInFirefox();


/** A selector for the element with `role` and accessible name `name` (puppeteer's ARIA query). */
const role = ariaSelector;

/**
 * Types `value` into the form control labelled `label` (its `<label>`'s text, as a user reads it;
 * a password input has no textbox role to find it by), inside `scope`.
 */
async function typeInto(page: Page, label: string, value: string, scope = 'body'): Promise<void> {
  const handle = await page.waitForFunction(
    (css: string, text: string) =>
      [...document.querySelectorAll<HTMLLabelElement>(`${css} label`)].find((node) => node.textContent?.trim() === text)?.control ?? undefined,
    { timeout: 15_000, polling: 100 },
    scope,
    label,
  );
  const control = handle.asElement() as ElementHandle<HTMLInputElement>;
  await control.click({ count: 3 });
  await control.type(value);
}

/** The page's viewport width as the page itself sees it (what the layout checks measure). */
const viewportWidth = (page: Page) => page.evaluate(() => window.innerWidth);

/**
 * Opens the demo in a new tab, sized like a laptop (the window's size, set at launch: see
 * FIREFOX_WINDOW), collecting uncaught page errors.
 */
async function openDemo(path = '/'): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${env.demo.url}${path}`);
  expect(await viewportWidth(page), 'laptop viewport width').toBe(FIREFOX_WINDOW.width);
  return { page, errors };
}

/** Waits until some element matching `selector` shows `text` (a substring or a pattern). */
async function waitForText(page: Page, selector: string, text: string | RegExp, timeout = 15_000): Promise<string> {
  const pattern = typeof text === 'string' ? { source: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' } : { source: text.source, flags: text.flags };
  const handle = await page.waitForFunction(
    (css: string, source: string, flags: string) => {
      const re = new RegExp(source, flags);
      return [...document.querySelectorAll(css)].map((e) => e.textContent ?? '').find((t) => re.test(t));
    },
    { timeout, polling: 100 },
    selector,
    pattern.source,
    pattern.flags,
  );
  return (await handle.jsonValue()) as string;
}

/** Screenshot of `selector` as firefox-<state>.png, then the layout facts at a `width`-px viewport. */
async function seen(page: Page, selector: string, state: string, width: number = FIREFOX_WINDOW.width): Promise<void> {
  expect(await viewportWidth(page), `viewport width for ${state}`).toBe(width);
  mkdirSync('test-results/screenshots', { recursive: true });
  const element = await page.$(selector);
  expect(element, `${selector} for ${state}`).not.toBeNull();
  await element!.screenshot({ path: `test-results/screenshots/firefox-${state}.png` });
  const report = await page.evaluate(measureLayout, selector);
  expect(report.problems, state).toEqual([]);
}

describe('Firefox ESR: the demo’s main flows', () => {
  it('Sectigo: session → status → DCV choice → document upload', async () => {
    const { page, errors } = await openDemo();
    await typeInto(page, 'Order number', '654824', '#sasp-demo');
    await page.locator(`#sasp-demo ${role('button', 'Start session')}`).click();
    await page.locator(role('heading', 'Domain Control Validation')).wait();
    const group = await page.locator(role('radiogroup', 'Validation method for mn.gov')).waitHandle();
    await (await group.waitForSelector(role('radio', 'CNAME CSR Hash')))!.click();
    await page.locator(role('button', 'Use this method for mn.gov')).click();
    await waitForText(page, '#sasp-demo [role=status], #sasp-demo p', /mn\.gov.*CNAME_CSR_HASH/);

    const file = join(mkdtempSync(join(tmpdir(), 'baton-ff-')), 'deed.pdf');
    writeFileSync(file, Buffer.alloc(120_000, 65));
    const chooser = await page.waitForSelector('#sasp-demo form input[type=file]');
    await chooser!.uploadFile(file);
    await typeInto(page, 'Comment', 'from Firefox', '#sasp-demo');
    await page.locator(`#sasp-demo ${role('button', 'Upload')}`).click();
    await waitForText(page, '#sasp-demo [role=status]', 'Documents uploaded.');
    await seen(page, '#sasp-demo', 'sasp');
    // The same page on a phone: still nothing overlaps or sticks out.
    await setViewportSize(page, 375, 740);
    await seen(page, '#sasp-demo', 'sasp-phone', 375);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Connect: a card payment, encrypted in the page', async () => {
    const { page, errors } = await openDemo();
    await page.locator(`#connect-demo ${role('button', 'Start checkout (€10.00)')}`).click();
    await page.locator(role('radio', 'VISA')).click();
    await typeInto(page, 'Card number', '4111111111111111', '#connect-demo');
    await typeInto(page, 'Expiry date', '1230', '#connect-demo');
    await typeInto(page, 'CVV', '123', '#connect-demo');
    await typeInto(page, 'Cardholder name', 'Łukasz 王 Müller', '#connect-demo');
    await page.locator(`#connect-demo ${role('button', 'Pay €10.00')}`).click();
    expect(await waitForText(page, '#connect-demo output, #connect-demo [role=status]', /Payment PENDING_APPROVAL/)).toBe(
      'Payment PENDING_APPROVAL: card ************1111, Łukasz 王 Müller',
    );
    await seen(page, '#connect-demo', 'connect');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('SBC: initiate sale shows the signed session', async () => {
    const { page, errors } = await openDemo();
    await page.locator(`#sbc-demo ${role('button', 'Initiate sale')}`).click();
    const signature = await waitForText(page, '#sbc-demo dd', /^[0-9a-f]{40}$/);
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    await seen(page, '#sbc-demo', 'sbc-sale');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('SBC: the hosted form round trip ends on the return page with the server’s status', async () => {
    const { page, errors } = await openDemo();
    await Promise.all([page.waitForNavigation(), page.locator(`#sbc-demo ${role('button', 'Pay on the hosted form')}`).click()]);
    expect(page.url()).toMatch(/\/sbc\/paynet\/form\//);
    await typeInto(page, 'Card number', '4444555566661111');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(role('button', 'Pay')).click()]);
    // The gateway's page posts back to the merchant, which redirects to the return page.
    await page.waitForFunction(() => location.pathname.endsWith('/sbc-return.html'), { timeout: 15_000, polling: 100 });
    await page.waitForSelector('#sbc-return-status[data-final]', { timeout: 15_000 });
    expect(await waitForText(page, 'main dd', /^(approved|declined)$/)).toBe('approved');
    await seen(page, 'main', 'sbc-return');
    expect(errors).toEqual([]);
    await page.close();
  });
});
