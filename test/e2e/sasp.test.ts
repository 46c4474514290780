// Sectigo SASP end to end in Chromium: the demo (built package) → merchant mock session →
// status through the merchant relay → rendered sections, DCV choice, document upload (the real
// form post into a hidden frame, and a plain post). The mock plays Sectigo on another origin
// (the other loopback name) and sends no CORS headers, as the real one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './axe.js';
import { openDemoSection, saveScreenshot, useDemoInChromium } from './harness.js';

const env = useDemoInChromium();

async function startSession(order: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openDemoSection(env, '#sasp-demo');
  const section = page.locator('#sasp-demo');
  await section.getByLabel('Order number').fill(order);
  await section.getByRole('button', { name: 'Start session' }).click();
  return { page, errors };
}

describe('sasp demo', () => {
  it('walks session → status → DCV choice → upload', async () => {
    const { page, errors } = await startSession('654824');
    const section = page.locator('#sasp-demo');
    await section.locator('.baton-sasp-status').waitFor();
    expect(await section.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining(['Submit your CSR', 'Domain Control Validation', 'Fast Service Certificate', 'Upload documents']),
    );
    const group = section.getByRole('radiogroup', { name: 'Validation method for mn.gov' });
    await group.getByRole('radio', { name: 'CNAME CSR Hash' }).check();
    await group.getByRole('button', { name: 'Use this method for mn.gov' }).click();
    await expect.poll(() => section.getByText(/for mn.gov \(CNAME_CSR_HASH\)/).count()).toBe(1);

    // The status came through the merchant relay: the page sent only the order number.
    const log = (await (await fetch(`${env.demo.url}/__mock/log`)).json()) as Array<{ path: string; fields: Record<string, string>; note?: string }>;
    expect(log.filter((entry) => entry.path === '/merchant/sasp/status').at(-1)!.fields).toEqual({ orderNumber: '654824' });
    expect(log.filter((entry) => entry.path === '/sectigo/products/!getPostPaymentStatus').every((entry) => /server to server/.test(entry.note ?? ''))).toBe(true);

    const form = section.locator('form.baton-sasp-upload');
    // Sectigo's upload endpoint is another origin than the page, and sends no CORS headers.
    const action = new URL((await form.getAttribute('action'))!);
    expect(action.origin).not.toBe(new URL(env.demo.url).origin);
    const preflight = await fetch(action, { method: 'OPTIONS', headers: { origin: env.demo.url, 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    await form.locator('input[type=file]').setInputFiles([{ name: 'deed.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(300_000, 65) }]);
    await form.getByLabel('Comment').fill('from the e2e test');
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => form.getAttribute('data-state')).toBe('done');
    expect(await form.getByRole('status').textContent()).toBe('Documents uploaded.');
    const stats = (await (await fetch(`${env.demo.url}/sectigo/__stats`)).json()) as { uploads: Array<{ comment: string; files: Array<{ name: string; size: number }> }> };
    expect(stats.uploads.at(-1)).toMatchObject({ comment: 'from the e2e test', files: [{ name: 'deed.pdf', size: 300_000 }] });

    expect(await seriousA11yViolations(page, '#sasp-demo')).toEqual([]);
    await saveScreenshot(page, 'sasp-flow');
    // The browser never saw the reseller password.
    const secretsInPage = await page.evaluate(() => document.documentElement.outerHTML.includes('FAKE-not-a-real-password'));
    expect(secretsInPage).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the upload form also works as a plain form post (no script)', async () => {
    const { page } = await startSession('654824');
    const form = page.locator('#sasp-demo form.baton-sasp-upload');
    await form.waitFor();
    await form.locator('input[type=file]').setInputFiles([{ name: 'plain.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain') }]);
    // Submit natively, bypassing the enhancement's submit listener.
    await form.evaluate((element) => HTMLFormElement.prototype.submit.call(element as HTMLFormElement));
    await page.waitForURL(/\/merchant\/sasp\/documents-sent$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Documents sent');
    await page.close();
  });

  it('after -42 (call limit), says how long to wait and keeps Refresh off meanwhile', async () => {
    const { page, errors } = await startSession('4242');
    const section = page.locator('#sasp-demo');
    await expect.poll(() => section.getByText(/sasp answered -42: .*Refresh is available again in 10 s/).count()).toBe(1);
    expect(await section.getByRole('button', { name: 'Refresh status' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a failed status call leaves nothing of the previous order on screen', async () => {
    const { page, errors } = await startSession('654824');
    const section = page.locator('#sasp-demo');
    await section.locator('form.baton-sasp-upload').waitFor();
    // 4243: its first status call is a -42 (4242's, from the test above, is held by the relay's
    // 10 s wait, which also holds a new session for that order).
    await section.getByLabel('Order number').fill('4243');
    await section.getByRole('button', { name: 'Start session' }).click();
    await section.getByText(/Session \w+ for order 4243\./).waitFor();
    await section.getByText(/sasp answered -42/).waitFor();
    expect(await section.locator('.baton-sasp-status, form.baton-sasp-upload').count()).toBe(0);
    expect(await section.getByRole('heading', { name: 'Upload documents' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows provider errors as text', async () => {
    const { page, errors } = await startSession('404');
    await expect.poll(() => page.locator('#sasp-demo').getByText(/ProviderError: sasp answered -4/).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
