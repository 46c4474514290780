// Completing a Connect payment end to end in Chromium, against the mocks: 3-D Secure redirect and
// return, a frictionless card, bank-transfer instructions, the hosted checkout round trip; and
// REDIRECTs Baton must refuse. Asserts the URL navigated to, the DOM shown and the requests sent.
import { createRequire } from 'node:module';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './axe.js';
import { openDemoSection, saveScreenshot, useDemoInChromium } from './harness.js';

const env = useDemoInChromium();
const IIFE = createRequire(import.meta.url).resolve('../../dist/baton-connect.iife.min.js');

/** What the mock servers received (method, path, the JSON body's fields), in order. */
async function mockLog(page: Page): Promise<{ server: string; method: string; path: string; fields: Record<string, string> }[]> {
  return (await page.request.get(`${env.demo.url}/__mock/log`)).json();
}

/** Every request the page sends from now on: method, URL, body (when the browser exposes it). */
function recordRequests(page: Page): { method: string; url: string; body: string }[] {
  const seen: { method: string; url: string; body: string }[] = [];
  page.on('request', (request: Request) => seen.push({ method: request.method(), url: request.url(), body: request.postDataBuffer()?.toString('utf8') ?? '' }));
  return seen;
}

async function payByCard(page: Page, cardNumber: string): Promise<void> {
  const section = page.locator('#connect-demo');
  await section.getByRole('button', { name: /start checkout/i }).click();
  await section.getByRole('radio', { name: 'VISA' }).check();
  await section.getByLabel('Card number').pressSequentially(cardNumber);
  await section.getByLabel('Expiry date').pressSequentially('1230');
  await section.getByLabel('CVV').pressSequentially('123');
  await section.getByLabel('Cardholder name').fill('Ada Lovelace');
  await section.getByRole('button', { name: /pay/i }).click();
}

describe('connect: completing a payment (Chromium)', () => {
  it('card with 3-D Secure: redirect to the issuer page, return with RETURNMAC, status from the merchant server', async () => {
    const { page, errors } = await openDemoSection(env, '#connect-demo');
    await page.request.post(`${env.demo.url}/__mock/log/clear`);
    const requests = recordRequests(page);
    await payByCard(page, '4000000000001091');
    await page.waitForURL(/\/connect\/3ds\/[^/?]+$/);
    expect(new URL(page.url()).origin).toBe(env.demo.url);
    await page.getByRole('heading', { name: 'Mock issuer: confirm this payment' }).waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/\/connect-return\.html\?RETURNMAC=[^&]+&REF=/);
    const mac = new URL(page.url()).searchParams.get('RETURNMAC')!;
    const status = page.locator('#connect-return-status');
    await expect.poll(() => status.getAttribute('data-final'), { timeout: 20_000 }).toBe('PENDING_MERCHANT');
    expect(await status.textContent()).toBe('PENDING_APPROVAL / PENDING_MERCHANT');
    // RETURNMAC went to the merchant server only, in a POST body: no URL but the return page's own carries it.
    expect(requests.filter((r) => r.url.includes(mac)).map((r) => new URL(r.url).pathname)).toEqual(['/connect-return.html']);
    const statusCalls = requests.filter((r) => r.url.endsWith('/merchant/connect/status'));
    expect(statusCalls.length).toBeGreaterThan(1); // AUTHORIZATION_REQUESTED first, then the result
    for (const r of statusCalls) expect(r).toMatchObject({ method: 'POST', url: `${env.demo.url}/merchant/connect/status` });
    const received = (await mockLog(page)).filter((e) => e.path === '/merchant/connect/status');
    expect(received.at(-1)!.fields).toEqual({ RETURNMAC: mac, REF: new URL(page.url()).searchParams.get('REF') });
    // Nothing carrying it went anywhere else.
    expect((await mockLog(page)).filter((e) => JSON.stringify(e.fields).includes(mac)).every((e) => e.path === '/merchant/connect/status')).toBe(true);
    // The create-payment answer relayed to the page held no RETURNMAC.
    const create = requests.find((r) => r.url.endsWith('/merchant/connect/payments'))!;
    expect(create.method).toBe('POST');
    await saveScreenshot(page, 'connect-3ds-return');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('frictionless card: no action, no navigation, the payment shown', async () => {
    const { page, errors } = await openDemoSection(env, '#connect-demo');
    const start = page.url();
    await payByCard(page, '4111111111111111');
    await expect.poll(() => page.locator('#connect-demo output').textContent()).toBe('Payment PENDING_APPROVAL: card ************1111, Ada Lovelace');
    expect(page.url()).toBe(start);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bank transfer: SHOW_INSTRUCTIONS rendered as an accessible description list', async () => {
    const { page, errors } = await openDemoSection(env, '#connect-demo');
    const requests = recordRequests(page);
    await page.getByRole('button', { name: 'Bank transfer' }).click();
    const region = page.getByRole('region', { name: 'Bank transfer details' });
    await region.waitFor();
    expect(await region.locator('dt').allTextContents()).toEqual(['Account holder', 'IBAN', 'BIC', 'Amount', 'Payment reference']);
    expect(await region.locator('dd').nth(1).textContent()).toBe('NL91ABNA0417164300');
    expect(requests.filter((r) => !r.url.includes('/__mock/')).map((r) => `${r.method} ${new URL(r.url).pathname} ${r.body}`)).toEqual(['POST /merchant/connect/payments {"paymentProductId":11}']);
    expect(await seriousA11yViolations(page, '#connect-next')).toEqual([]);
    await saveScreenshot(page, 'connect-bank-transfer');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hosted checkout: to the checkout page, back with hostedCheckoutId and RETURNMAC, status from the merchant server', async () => {
    const { page, errors } = await openDemoSection(env, '#connect-demo');
    const requests = recordRequests(page);
    await page.getByRole('button', { name: 'Hosted checkout' }).click();
    await page.waitForURL(/\/checkout\/9991-[0-9a-f]+:[0-9a-f-]+:[0-9a-f]+$/);
    expect(requests.filter((r) => r.url.includes('/merchant/'))[0]).toMatchObject({ method: 'POST', url: `${env.demo.url}/merchant/connect/hosted-checkout` });
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/\/connect-return\.html\?RETURNMAC=[^&]+&hostedCheckoutId=/);
    const status = page.locator('#connect-return-status');
    await expect.poll(() => status.getAttribute('data-final'), { timeout: 20_000 }).toBe('COMPLETED');
    expect(await status.textContent()).toBe('PAYMENT_CREATED / CAPTURED / COMPLETED');
    const back = new URL(page.url()).searchParams;
    const asked = requests.filter((r) => r.url.endsWith('/merchant/connect/status'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.method === 'POST')).toBe(true);
    const received = (await mockLog(page)).filter((e) => e.path === '/merchant/connect/status');
    expect(received.at(-1)!.fields).toEqual({ RETURNMAC: back.get('RETURNMAC'), hostedCheckoutId: back.get('hostedCheckoutId') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a forged return (wrong RETURNMAC) gets no status', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.url}/connect-return.html?RETURNMAC=forged&hostedCheckoutId=00000000-0000-0000-0000-000000000000&status=CAPTURED`);
    await expect.poll(() => page.locator('#connect-return-status').textContent()).toMatch(/NetworkError: .*403/);
    await page.close();
  });

  describe('REDIRECTs Baton refuses (the script tag, in the demo page)', () => {
    async function attempt(action: object): Promise<{ error: string; url: string; start: string }> {
      const page = await env.browser.newPage();
      await page.goto(`${env.demo.url}/`);
      await page.addScriptTag({ path: IIFE });
      const start = page.url();
      let dialog = false;
      page.on('dialog', (d) => ((dialog = true), void d.dismiss()));
      const error = await page.evaluate(async (a) => {
        const Baton = (window as unknown as { Baton: { connect: { handleMerchantAction(x: object): Promise<unknown> } } }).Baton;
        try {
          await Baton.connect.handleMerchantAction(a);
          return 'no error';
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        }
      }, action);
      const url = page.url();
      expect(dialog).toBe(false);
      await page.close();
      return { error, url, start };
    }

    it.each([
      ['a javascript: URL', 'javascript:alert(document.domain)', /UnsafeUrlError: .*absolute http/],
      ['credentials', 'https://user:secret@acs.example/3ds', /UnsafeUrlError: .*credentials/],
      ['a data: URL', 'data:text/html,<script>alert(1)</script>', /UnsafeUrlError/],
    ])('refuses %s and stays on the page', async (_name, redirectURL, expected) => {
      const { error, url, start } = await attempt({ actionType: 'REDIRECT', redirectData: { redirectURL, RETURNMAC: 'f8b4c9a2-6a55-4f3e-a4f0-6c1b9a3e7d10' } });
      expect(error).toMatch(expected);
      expect(url).toBe(start);
    });

    it('refuses an unknown actionType', async () => {
      const { error, url, start } = await attempt({ actionType: 'OPEN_APP', redirectData: { redirectURL: 'https://acs.example/' } });
      expect(error).toMatch(/ValidationError: .*actionType: is not one Baton knows/);
      expect(url).toBe(start);
    });
  });
});
