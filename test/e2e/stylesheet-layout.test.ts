// baton-sdk/style.css as a user sees it in Chromium, at 375 px and 1280 px: the light/dark switch
// (data-baton-theme, whatever the OS prefers), a card-number field as wide as the others that never
// moves when the brand appears, and long words (e-mail addresses, domains) that wrap only where
// they must. Screenshots go to test-results/screenshots/style-*.png.
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDemoSection, useDemoInChromium } from './harness.js';
import { avoidableWordBreaks, measureLayout } from './layout.js';

const env = useDemoInChromium();

const WIDTHS = {
  phone: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
} satisfies Record<string, BrowserContextOptions>;
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(22, 25, 29)';

async function shot(page: Page, locator: Locator, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await locator.screenshot({ path: `test-results/screenshots/style-${name}.png` });
}

async function cardForm(options: BrowserContextOptions): Promise<{ page: Page; section: Locator }> {
  const { page } = await openDemoSection(env, '#connect-demo', options);
  const section = page.locator('#connect-demo');
  await section.getByRole('button', { name: /start checkout/i }).click();
  await section.getByRole('radio', { name: 'VISA' }).check();
  await section.getByLabel('Card number').waitFor();
  return { page, section };
}

/** Each input's box in the form (relative to the form: typing may scroll the page), by label. */
const boxes = (section: Locator) =>
  section.locator('form.baton-form').evaluate((form) =>
    Object.fromEntries(
      [...form.querySelectorAll<HTMLInputElement>('input.baton-input')].map((input) => {
        const rect = input.getBoundingClientRect();
        const origin = form.getBoundingClientRect();
        return [input.labels?.[0]?.textContent ?? '?', { x: Math.round(rect.x - origin.x), y: Math.round(rect.y - origin.y), width: Math.round(rect.width), height: Math.round(rect.height) }];
      }),
    ),
  );

describe.each(Object.entries(WIDTHS))('at %s width', (name, size) => {
  it('the card number is as wide as the other fields and does not move when the brand appears', async () => {
    const { page, section } = await cardForm(size);
    const before = await boxes(section);
    expect(Object.keys(before)).toEqual(['Card number', 'Expiry date', 'CVV', 'Cardholder name']);
    const widths = new Set(Object.values(before).map((box) => box.width));
    expect([...widths], JSON.stringify(before)).toHaveLength(1);

    const number = section.getByLabel('Card number');
    await number.pressSequentially('4111111111111111');
    const logo = section.getByRole('img', { name: 'VISA' });
    await logo.waitFor();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await boxes(section)).toEqual(before);
    await shot(page, section.locator('form.baton-form'), `card-brand-${name}`);

    // Another brand, and no brand at all: still the same boxes.
    await number.fill('');
    await number.pressSequentially('5555555555554444');
    await section.getByRole('img', { name: 'MasterCard' }).or(section.getByRole('img', { name: /master/i })).first().waitFor();
    expect(await boxes(section)).toEqual(before);
    await number.fill('');
    await expect.poll(() => section.getByRole('img').count()).toBe(0);
    expect(await boxes(section)).toEqual(before);
    expect((await page.evaluate(measureLayout, '#connect-demo')).problems).toEqual([]);
    await page.close();
  });

  it('data-baton-theme keeps Baton light or dark whatever the OS prefers; the nearest one wins', async () => {
    for (const os of ['light', 'dark'] as const) {
      const { page, section } = await cardForm({ ...size, colorScheme: os });
      const form = section.locator('form.baton-form');
      const background = () => form.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).colorScheme]);
      const theme = (target: 'html' | 'section' | 'form', value: string | null) =>
        page.evaluate(
          ([where, to]) => {
            const element = where === 'html' ? document.documentElement : where === 'section' ? document.querySelector('#connect-demo')! : document.querySelector('form.baton-form')!;
            if (to === null) element.removeAttribute('data-baton-theme');
            else element.setAttribute('data-baton-theme', to);
          },
          [target, value] as const,
        );
      // No switch: the OS decides.
      expect(await background(), `OS ${os}, no switch`).toEqual(os === 'dark' ? [DARK_BG, 'dark'] : [LIGHT_BG, 'light']);
      await theme('html', 'light');
      expect(await background(), `OS ${os}, <html data-baton-theme=light>`).toEqual([LIGHT_BG, 'light']);
      await shot(page, form, `theme-light-on-${os}-os-${name}`);
      await theme('html', 'dark');
      expect(await background(), `OS ${os}, <html data-baton-theme=dark>`).toEqual([DARK_BG, 'dark']);
      await shot(page, form, `theme-dark-on-${os}-os-${name}`);
      // The nearest switch wins: a light section in a dark page, a dark form in a light section.
      await theme('section', 'light');
      expect(await background(), 'dark page, light section').toEqual([LIGHT_BG, 'light']);
      await theme('html', null);
      await theme('form', 'dark');
      expect(await background(), 'light section, dark form').toEqual([DARK_BG, 'dark']);
      await theme('form', null);
      await theme('section', null);
      expect(await background(), 'switch removed').toEqual(os === 'dark' ? [DARK_BG, 'dark'] : [LIGHT_BG, 'light']);
      // The switch changes only the palette: the layout holds in both schemes.
      expect((await page.evaluate(measureLayout, '#connect-demo')).problems).toEqual([]);
      await page.close();
    }
  });

  it('e-mail addresses and domains in the Sectigo status wrap only where they must', async () => {
    const { page } = await openDemoSection(env, '#sasp-demo', size);
    const section = page.locator('#sasp-demo');
    await section.getByRole('button', { name: 'Start session' }).click();
    await section.locator('.baton-sasp-status').waitFor();
    // Open every disclosure so every address is laid out.
    await section.locator('details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    await shot(page, section.locator('.baton-sasp-status'), `sasp-words-${name}`);
    expect(await page.evaluate(avoidableWordBreaks, '#sasp-demo .baton-sasp-status')).toEqual([]);
    // The break points change nothing a screen reader reads: the radio's name is the address.
    expect(await section.getByRole('radio', { name: 'administrator@state.mn.us', exact: true }).count()).toBeGreaterThan(0);
    expect(await section.locator('.baton-sasp-domain__name').first().textContent()).toMatch(/^[a-z.]+$/);
    expect((await page.evaluate(measureLayout, '#sasp-demo')).problems).toEqual([]);
    await page.close();
  });
});
