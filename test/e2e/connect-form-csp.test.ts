// The payment form from the script tag, on the strict-CSP page (demo/embed.html: `script-src
// 'self'`, Trusted Types required): it renders, takes a card, and pays with zero violations, and a
// product whose texts carry markup shows them as text.
import type { ConsoleMessage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useDemoInChromium } from './harness.js';

const env = useDemoInChromium();

type Baton = typeof import('../../src/index.js');

describe('payment form under CSP and Trusted Types', () => {
  it('mounts from window.Baton, pays, and shows hostile product text as text', async () => {
    const page = await env.browser.newPage();
    const problems: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.location().url.endsWith('/favicon.ico')) return;
      if (message.type() === 'error' || /Content Security Policy|Trusted ?Type|TrustedHTML/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(`${env.demo.url}/embed.html`);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");

    // The integrator's code, run in the page (DevTools evaluation is not subject to the page's
    // CSP; everything the form itself does to the DOM is).
    await page.evaluate(async () => {
      const { connect } = (window as unknown as { Baton: Baton }).Baton;
      const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false };
      const res = await fetch('/merchant/connect/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const session = connect.createClientSession(await res.json(), { allowedHosts: [location.hostname] });
      const product = await session.getPaymentProduct(1, context);
      const hostile = '<img src=x onerror="window.__batonPwned=1">';
      const fields = product.fields.map((field) =>
        field.id === 'cardholderName' ? { ...field, displayHints: { ...field.displayHints, label: `Name ${hostile}`, tooltip: { label: `<b>${hostile}</b>` } } } : field,
      );
      const card = document.createElement('section');
      const result = document.createElement('output');
      document.body.append(card, result);
      connect.mountPaymentForm(card, {
        session,
        product: { ...product, fields },
        context,
        async onSubmit(encryptedCustomerInput) {
          const paid = await fetch('/merchant/connect/payments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encryptedCustomerInput }) });
          result.textContent = (await paid.json()).payment.status;
        },
      });
    });

    await page.getByLabel('Card number').pressSequentially('4111111111111111');
    await page.getByRole('img', { name: 'VISA' }).waitFor();
    await page.getByLabel('Expiry date').pressSequentially('1230');
    await page.getByLabel('CVV').pressSequentially('123');
    const name = page.getByLabel('Name <img src=x onerror="window.__batonPwned=1">');
    await name.fill('Ada Lovelace');
    expect(await page.locator('.baton-field[data-field=cardholderName] .baton-hint').textContent()).toBe('<b><img src=x onerror="window.__batonPwned=1"></b>');
    await name.press('Enter');
    await expect.poll(() => page.locator('output').textContent()).toBe('PENDING_APPROVAL');
    expect(await page.evaluate(() => (window as unknown as { __batonPwned?: number }).__batonPwned)).toBeUndefined();
    expect(await page.locator('.baton-form img').count()).toBe(1); // the brand logo, nothing injected
    await saveScreenshot(page, 'connect-form-csp');
    expect(problems).toEqual([]);
    await page.close();
  });
});
