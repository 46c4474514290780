// The wallet loader on a page with a strict CSP and Trusted Types required (Chromium, the built
// script tag): with `baton-wallet` allowed, the wallet's script loads through Baton's policy with no
// violation; without it, preparing is a WalletError "script" that names the policy to allow.
import type { ConsoleMessage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoInChromium } from './harness.js';

const env = useDemoInChromium();
type Baton = typeof import('../../src/index.js');

const csp = (policies: string) =>
  ["default-src 'self'", "script-src 'self'", "require-trusted-types-for 'script'", `trusted-types ${policies}`, "object-src 'none'", "base-uri 'none'"].join('; ');

async function prepareOn(policies: string) {
  const page = await env.browser.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || /Content Security Policy|Trusted ?Type/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // A page as an integrator's server would send it; the script tag and the mocks are the demo's.
  await page.route(`${env.demo.url}/wallet-tt.html`, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(policies) }, body: '<!doctype html><title>wallet</title><script src="/vendor/baton.iife.min.js"></script>' }),
  );
  await page.goto(`${env.demo.url}/wallet-tt.html`);
  const outcome = await page.evaluate(async () => {
    const { connect } = (window as unknown as { Baton: Baton }).Baton;
    const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };
    const res = await fetch('/merchant/connect/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const session = connect.createClientSession(await res.json(), { allowedHosts: [location.hostname] });
    const product = await session.getPaymentProduct(320, context);
    try {
      const checkout = await connect.prepareGooglePay(session, product, {
        amount: 1000, currencyCode: 'EUR', gatewayMerchantId: 'FAKE-merchant-1', scriptUrl: `${location.origin}/wallets/google-pay.js`, allowedHosts: [location.hostname],
      });
      return { ok: checkout.request.transactionInfo.totalPrice, scripts: document.querySelectorAll('script[src$="/wallets/google-pay.js"]').length };
    } catch (error) {
      const e = error as { name: string; kind?: string; message: string };
      return { error: { name: e.name, kind: e.kind, message: e.message } };
    }
  });
  await page.close();
  return { outcome, problems };
}

describe('wallet script under CSP and Trusted Types (Chromium)', () => {
  it('loads through the baton-wallet policy when the page allows it, with no violation', async () => {
    const { outcome, problems } = await prepareOn('baton-wallet');
    expect(outcome).toEqual({ ok: '10.00', scripts: 1 });
    expect(problems).toEqual([]);
  });

  it('is a WalletError "script" naming the policy when the page does not allow it', async () => {
    const { outcome } = await prepareOn('baton');
    expect(outcome.error).toMatchObject({ name: 'WalletError', kind: 'script' });
    expect(outcome.error?.message).toContain('baton-wallet');
  });
});
