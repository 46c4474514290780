// Completing a Connect payment in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), end to
// end against the mocks: 3-D Secure redirect and return, frictionless card, bank-transfer
// instructions, hosted checkout; and REDIRECTs refused (javascript:, credentials, unknown type).
// Asserts the URL navigated to, the DOM shown, and what reached the servers (the mocks' request log).
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { ariaSelector, useDemoInFirefox } from './firefox-harness.js';

const IIFE = createRequire(import.meta.url).resolve('../../dist/baton-connect.iife.min.js');
const env = useDemoInFirefox();


const role = ariaSelector;

async function typeInto(page: Page, label: string, value: string): Promise<void> {
  const handle = await page.waitForFunction(
    (text: string) => [...document.querySelectorAll<HTMLLabelElement>('#connect-demo label')].find((node) => node.textContent?.trim() === text)?.control ?? undefined,
    { timeout: 15_000, polling: 100 },
    label,
  );
  const control = handle.asElement() as ElementHandle<HTMLInputElement>;
  await control.click({ count: 3 });
  await control.type(value);
}

/** The text of the first element matching `selector` whose text matches `pattern`, once there is one. */
async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 20_000): Promise<string> {
  const handle = await page.waitForFunction(
    (css: string, source: string) => [...document.querySelectorAll(css)].map((e) => e.textContent ?? '').find((t) => new RegExp(source).test(t)),
    { timeout, polling: 100 },
    selector,
    pattern.source,
  );
  return (await handle.jsonValue()) as string;
}

type LogEntry = { server: string; method: string; path: string; fields: Record<string, string> };
const mockLog = async (): Promise<LogEntry[]> => (await fetch(`${env.demo.url}/__mock/log`)).json() as Promise<LogEntry[]>;
const clearLog = () => fetch(`${env.demo.url}/__mock/log/clear`, { method: 'POST' });

async function openDemo(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${env.demo.url}/`);
  return { page, errors };
}

async function payByCard(page: Page, cardNumber: string): Promise<void> {
  await page.locator(`#connect-demo ${role('button', 'Start checkout (€10.00)')}`).click();
  await page.locator(role('radio', 'VISA')).click();
  await typeInto(page, 'Card number', cardNumber);
  await typeInto(page, 'Expiry date', '1230');
  await typeInto(page, 'CVV', '123');
  await typeInto(page, 'Cardholder name', 'Ada Lovelace');
}

describe('Firefox ESR: completing a Connect payment', () => {
  it('card with 3-D Secure: issuer page, return with RETURNMAC, status from the merchant server', async () => {
    const { page, errors } = await openDemo();
    await clearLog();
    await payByCard(page, '4000000000001091');
    await Promise.all([page.waitForNavigation(), page.locator(`#connect-demo ${role('button', 'Pay €10.00')}`).click()]);
    expect(page.url()).toMatch(new RegExp(`^${env.demo.url}/connect/3ds/[^/?]+$`));
    await Promise.all([page.waitForNavigation(), page.locator(role('button', 'Confirm')).click()]);
    const back = new URL(page.url());
    expect(back.pathname).toBe('/connect-return.html');
    const mac = back.searchParams.get('RETURNMAC')!;
    expect(mac).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForSelector('#connect-return-status[data-final]', { timeout: 20_000 });
    expect(await page.$eval('#connect-return-status', (e) => e.textContent)).toBe('PENDING_APPROVAL / PENDING_MERCHANT');
    const log = await mockLog();
    // The create-payment answer reached the page without RETURNMAC; the return's went to the merchant server only, in the body.
    const carrying = log.filter((e) => JSON.stringify(e.fields).includes(mac));
    expect(carrying.length).toBeGreaterThan(0);
    expect(carrying.every((e) => e.method === 'POST' && e.path === '/merchant/connect/status')).toBe(true);
    expect(carrying.at(-1)!.fields).toEqual({ RETURNMAC: mac, REF: back.searchParams.get('REF') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('frictionless card: the payment is shown, no navigation', async () => {
    const { page, errors } = await openDemo();
    const start = page.url();
    await payByCard(page, '4111111111111111');
    await page.locator(`#connect-demo ${role('button', 'Pay €10.00')}`).click();
    expect(await waitForText(page, '#connect-demo output', /Payment PENDING_APPROVAL/)).toBe('Payment PENDING_APPROVAL: card ************1111, Ada Lovelace');
    expect(page.url()).toBe(start);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bank transfer: the instructions as a description list', async () => {
    const { page, errors } = await openDemo();
    await clearLog();
    await page.locator(role('button', 'Bank transfer')).click();
    await page.waitForSelector('#connect-next dl dd');
    expect(await page.$$eval('#connect-next dt', (list) => list.map((e) => e.textContent))).toEqual(['Account holder', 'IBAN', 'BIC', 'Amount', 'Payment reference']);
    expect(await page.$eval('#connect-next section', (e) => e.getAttribute('aria-labelledby') && document.getElementById(e.getAttribute('aria-labelledby')!)?.textContent)).toBe('Bank transfer details');
    expect((await mockLog()).filter((e) => e.server === 'merchant').map((e) => [e.method, e.path, e.fields])).toEqual([['POST', '/merchant/connect/payments', { paymentProductId: '11' }]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hosted checkout: to the checkout, back with hostedCheckoutId, status from the merchant server', async () => {
    const { page, errors } = await openDemo();
    await clearLog();
    await Promise.all([page.waitForNavigation(), page.locator(role('button', 'Hosted checkout')).click()]);
    expect(page.url()).toMatch(new RegExp(`^${env.demo.url}/checkout/9991-[0-9a-f]+:[0-9a-f-]+:[0-9a-f]+$`));
    await Promise.all([page.waitForNavigation(), page.locator(role('button', 'Pay')).click()]);
    const back = new URL(page.url());
    expect(back.pathname).toBe('/connect-return.html');
    await page.waitForSelector('#connect-return-status[data-final]', { timeout: 20_000 });
    expect(await page.$eval('#connect-return-status', (e) => e.textContent)).toBe('PAYMENT_CREATED / CAPTURED / COMPLETED');
    const asked = (await mockLog()).filter((e) => e.path === '/merchant/connect/status');
    expect(asked.at(-1)).toMatchObject({ method: 'POST', fields: { RETURNMAC: back.searchParams.get('RETURNMAC'), hostedCheckoutId: back.searchParams.get('hostedCheckoutId') } });
    expect(errors).toEqual([]);
    await page.close();
  });

  describe('REDIRECTs refused (the script tag in the demo page)', () => {
    async function attempt(action: object): Promise<{ error: string; url: string; start: string }> {
      const { page } = await openDemo();
      await page.addScriptTag({ path: IIFE });
      const start = page.url();
      const error = await page.evaluate(async (a: object) => {
        try {
          await (window as unknown as { Baton: { connect: { handleMerchantAction(x: object): Promise<unknown> } } }).Baton.connect.handleMerchantAction(a);
          return 'no error';
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        }
      }, action);
      const url = page.url();
      await page.close();
      return { error, url, start };
    }
    const MAC = 'f8b4c9a2-6a55-4f3e-a4f0-6c1b9a3e7d10';

    it.each([
      ['a javascript: URL', 'javascript:alert(document.domain)', /UnsafeUrlError: .*absolute http/],
      ['credentials', 'https://user:secret@acs.example/3ds', /UnsafeUrlError: .*credentials/],
    ])('refuses %s and stays on the page', async (_name, redirectURL, expected) => {
      const { error, url, start } = await attempt({ actionType: 'REDIRECT', redirectData: { redirectURL, RETURNMAC: MAC } });
      expect(error).toMatch(expected);
      expect(url).toBe(start);
    });

    it('refuses an unknown actionType', async () => {
      const { error, url, start } = await attempt({ actionType: 'OPEN_APP' });
      expect(error).toMatch(/ValidationError: .*not one Baton knows/);
      expect(url).toBe(start);
    });
  });
});
