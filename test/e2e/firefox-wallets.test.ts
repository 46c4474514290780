// Google Pay and Apple Pay in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), against the
// demo's mock Connect server and its stand-in wallet scripts (which do what Google's and Apple's JS
// references document): the demo's wallet button paying end to end, the request for JPY and for
// EUR as the wallet's sheet shows it, Apple's merchant validation through the Client API, and a
// wallet that cannot load being a WalletError. Real clicks; the page-side fixture is
// test/fixtures/wallet-page.ts, loaded through vite's /@fs/ route.
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { WalletCase, WalletLog } from '../fixtures/wallet-page.js';
import { ariaSelector as role, useDemoInFirefox } from './firefox-harness.js';

const env = useDemoInFirefox();
const FIXTURE = `/@fs${fileURLToPath(new URL('../fixtures/wallet-page.ts', import.meta.url))}`;

async function openDemo(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${env.demo.url}/`);
  return { page, errors };
}

const walletLog = async (page: Page) => JSON.parse(await page.evaluate(() => JSON.stringify(window.walletLog ?? null))) as WalletLog;
async function until(page: Page, predicate: (log: WalletLog) => boolean): Promise<WalletLog> {
  for (let i = 0; i < 200; i++) {
    const log = await walletLog(page);
    if (log && predicate(log)) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return walletLog(page);
}

/** The fixture's wallet in the demo page, its button clicked, the sheet's text, then "Pay". */
async function payWith(wallet: WalletCase): Promise<{ page: Page; log: WalletLog; shown: string; errors: string[] }> {
  const { page, errors } = await openDemo();
  // A string, not a function: vitest would rewrite a function's `import()` for Node.
  await page.evaluate(`import(${JSON.stringify(FIXTURE)}).then((m) => m.mountWallet(location.origin, ${JSON.stringify(wallet)})).then(() => undefined)`);
  const ready = await until(page, (l) => l.ready || !!l.error);
  expect(ready.error).toBeUndefined();
  await page.locator(`#wallet-under-test ${role('button', wallet.wallet === 'google-pay' ? 'Pay with Google Pay' : 'Pay with Apple Pay')}`).click();
  const sheet = await page.waitForSelector('dialog[open] p', { timeout: 20_000 });
  const shown = (await sheet!.evaluate((node) => node.textContent)) as string;
  await page.waitForSelector('dialog[open] button:not([disabled])', { timeout: 20_000 });
  await page.locator('dialog[open] button:not([disabled])::-p-text(Pay)').click();
  const log = await until(page, (l) => !!l.payment || !!l.error);
  return { page, log, shown, errors };
}

describe('Firefox ESR: wallets', () => {
  it('the demo’s wallet buttons pay end to end with the mock wallet', async () => {
    for (const name of ['Google Pay', 'Apple Pay']) {
      const { page, errors } = await openDemo();
      await page.locator(`#connect-demo ${role('button', 'Start checkout (€10.00)')}`).click();
      await page.locator(role('radio', name)).click();
      await page.locator(role('button', `Pay with ${name} (mock wallet)`)).click();
      await page.waitForSelector('dialog[open] button:not([disabled])', { timeout: 20_000 });
      expect(await page.$eval('dialog[open] p', (node) => node.textContent)).toContain('EUR 10.00');
      await page.locator('dialog[open] button:not([disabled])::-p-text(Pay)').click();
      const result = await page.waitForFunction(() => document.querySelector('#connect-result')?.textContent || undefined, { timeout: 20_000, polling: 100 });
      expect(await result.jsonValue()).toBe(`Payment PENDING_APPROVAL: ${name}; the merchant server decrypted encryptedPaymentData.`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('Google Pay: the request for JPY has no decimals, for EUR two; the token reaches the platform', async () => {
    for (const [currencyCode, total] of [['JPY', '1000'], ['EUR', '10.00']] as const) {
      const { page, log, shown, errors } = await payWith({ wallet: 'google-pay', currencyCode, amount: 1000 });
      expect(shown).toBe(`Mock Google Pay: pay ${currencyCode} ${total} to Baton test shop with Visa •••• 1111`);
      expect(log.payment?.status).toBe(201);
      expect(log.payment?.body.received?.fields).toEqual(['encryptedPaymentData']);
      expect(log.payment?.body.payment?.paymentOutput).toMatchObject({ mobilePaymentMethodSpecificOutput: { paymentProductId: 320 } });
      // The wallet's script was added once, only when the wallet was prepared.
      expect(await page.$$eval('script[src$="/wallets/google-pay.js"]', (nodes) => nodes.length)).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('Apple Pay: JPY and EUR, merchant validation through POST products/302/sessions', async () => {
    for (const [currencyCode, total] of [['JPY', '1000'], ['EUR', '10.00']] as const) {
      const { page, log, shown } = await payWith({ wallet: 'apple-pay', currencyCode, amount: 1000 });
      expect(shown).toBe(`Mock Apple Pay: pay ${currencyCode} ${total} to Baton test shop`);
      expect(log.payment?.status).toBe(201);
      expect(log.payment?.body.payment?.paymentOutput).toMatchObject({ mobilePaymentMethodSpecificOutput: { paymentProductId: 302 } });
      const calls = (await (await fetch(`${env.demo.url}/connect/__requests/${log.clientSessionId}`)).json()) as Array<{ method: string; path: string; body: unknown }>;
      expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/products/302/sessions')).map((c) => c.body)).toEqual([
        {
          paymentProductSession302SpecificInput: {
            displayName: 'Baton test shop',
            domainName: new URL(env.demo.url).hostname,
            validationUrl: 'https://apple-pay-gateway-cert.apple.com/paymentservices/startSession',
          },
        },
      ]);
      await page.close();
    }
  });

  it('a wallet whose script does not load is a WalletError "script"; no button is shown', async () => {
    for (const wallet of ['google-pay', 'apple-pay'] as const) {
      const { page } = await openDemo();
      await page.evaluate(`import(${JSON.stringify(FIXTURE)}).then((m) => m.mountWallet(location.origin, ${JSON.stringify({ wallet, currencyCode: 'EUR', amount: 1000, scriptUrl: `${env.demo.url}/wallets/missing.js` })})).then(() => undefined)`);
      const log = await until(page, (l) => l.ready || !!l.error);
      expect(log.ready).toBe(false);
      expect(log.error).toMatchObject({ name: 'WalletError', kind: 'script', wallet });
      expect(await page.$$eval('#wallet-under-test button', (nodes) => nodes.length)).toBe(0);
      await page.close();
    }
  });
});
