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
  console.log(state, report.height);
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
    expect(height).toBeLessThanOrEqual(1700);
    // Keyboard focus is visible on Baton's controls.
    await section.getByRole('button').filter({ hasText: /^Use this method for/ }).first().focus();
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
    await seen(page, '#sasp-demo', 'sasp-hostile-phone');
    await page.close();
  });

  it('the README’s themed screenshot', async () => {
    const { page } = await saspStatus('654824', { ...DESKTOP, viewport: { width: 900, height: 900 } });
    await page.addStyleTag({
      content: ':root { --baton-accent: #7b2cbf; --baton-radius: 14px; --baton-font: Georgia, serif; --baton-border: #d9c7ef; --baton-subtle: #f7f1fd; --baton-gap: 0.85rem; }',
    });
    await seen(page, '#sasp-demo .baton-sasp-status', 'sasp-themed');
    if (process.env.BATON_UPDATE_DOCS) {
      mkdirSync('docs', { recursive: true });
      copyFileSync('test-results/screenshots/ui-sasp-themed.png', 'docs/styling.png');
    }
    await page.close();
  });
});
