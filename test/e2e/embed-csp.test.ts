// The script-tag page (demo/embed.html): only the minified build with its SRI hash, served with
// `script-src 'self'; require-trusted-types-for 'script'`. The Sectigo flow must run with zero
// CSP or Trusted Types violations, and be usable with the keyboard alone.
import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, useDemoInChromium } from './harness.js';

const env = useDemoInChromium();

async function openEmbed(): Promise<{ page: Page; problems: string[] }> {
  const page = await env.browser.newPage();
  const problems: string[] = [];
  const isViolation = (text: string) => /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript|integrity/i.test(text);
  page.on('console', (message: ConsoleMessage) => {
    if (message.location().url.endsWith('/favicon.ico')) return; // the browser's own request, not the page's
    if (message.type() === 'error' || isViolation(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(`${env.demo.url}/embed.html`);
  expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  return { page, problems };
}

describe('script-tag page under CSP and Trusted Types', () => {
  it('runs session → status → upload with zero violations', async () => {
    const { page, problems } = await openEmbed();
    expect(await page.evaluate(() => typeof (window as unknown as { Baton?: unknown }).Baton)).toBe('object');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.locator('.baton-sasp-status').waitFor();
    expect(await page.getByRole('heading', { name: 'Domain Control Validation' }).count()).toBe(1);

    const form = page.locator('form.baton-sasp-upload');
    await form.locator('input[type=file]').setInputFiles([{ name: 'id.png', mimeType: 'image/png', buffer: Buffer.alloc(200_000, 1) }]);
    await form.getByLabel('Comment').fill('script tag');
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => form.getAttribute('data-state')).toBe('done');
    await saveScreenshot(page, 'embed-csp');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a DCV method can be chosen with the keyboard alone', async () => {
    const { page, problems } = await openEmbed();
    // Tab to the order field, type, submit with Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('orderNumber');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('654824');
    await page.keyboard.press('Enter');
    await page.locator('.baton-sasp-status').waitFor();

    // Tab until a radio of the mn.gov chooser has focus, pick the next method with an arrow key,
    // then Tab to its button and press Enter.
    const focusedName = () =>
      page.evaluate(() => {
        const active = document.activeElement as HTMLInputElement | null;
        return active?.type === 'radio' ? (active.closest('fieldset, [role=radiogroup]')?.textContent ?? '') : '';
      });
    for (let i = 0; i < 60 && !(await focusedName()).includes('mn.gov'); i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toContain('mn.gov');
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (/Use this method for mn\.gov/.test(text)) break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#action-line').textContent()).toMatch(/Action requested: dcv/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hostile provider text (markup, javascript: links, bidi overrides, 1 MB strings) shows as text', async () => {
    const { page, problems } = await openEmbed();
    await page.getByLabel('Order number').fill('666');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.locator('.baton-sasp-status').waitFor();
    expect(await page.getByRole('heading', { name: '<script>window.__batonPwned=1</script>Submit your CSR' }).count()).toBe(1);

    // Render a crafted status straight through the script-tag build.
    const result = await page.evaluate(() => {
      const baton = (window as unknown as { Baton: { sasp: { parseStatusResponse(t: string): unknown; renderStatus(c: Element, s: unknown, o: object): void } } }).Baton;
      const huge = 'A'.repeat(1_000_000);
      const evil = '<img src=x onerror="window.__batonPwned=1"><a href="javascript:alert(1)">x</a>';
      const body = {
        errorCode: 0,
        data: {
          orderNumber: 1,
          orderStatus: 'Pending',
          csrStatus: { title: `\u202Egnp.exe ${evil}`, status: 'Completed', description: `${huge}\n${evil}`, availableActions: [] },
        },
      };
      const container = document.getElementById('status')!;
      baton.sasp.renderStatus(container, baton.sasp.parseStatusResponse(JSON.stringify(body)), { onAction() {} });
      return {
        pwned: (window as unknown as { __batonPwned?: unknown }).__batonPwned,
        injected: container.querySelectorAll('img, script, a[href^="javascript"]').length,
        hasHuge: (container.textContent ?? '').includes(huge),
        hasMarkupAsText: (container.textContent ?? '').includes('<img src=x'),
      };
    });
    expect(result).toEqual({ pwned: undefined, injected: 0, hasHuge: true, hasMarkupAsText: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
