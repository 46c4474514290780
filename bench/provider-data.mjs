// Provider data cannot freeze the page (issue 23 §6): a Client API `regularExpression` is judged
// before it runs (catastrophic ones are skipped), and a product too large to render fast is refused.
// Regex rows run in Node (V8's regex engine, as in Chromium); the form rows run in Chromium on
// dist/baton-connect.iife.min.js.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Well-known evil patterns (OWASP's ReDoS examples, nested quantifiers, overlapping alternations),
// each with the input that makes a backtracking engine try every path.
export const EVIL = [
  ['(a+)+', 'a'],
  ['([a-zA-Z]+)*', 'a'],
  ['(a|aa)+', 'a'],
  ['(a|a?)+', 'a'],
  ['(.*a){12}', 'a'],
  ['(\\w+\\s?)*', 'a'],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', 'a'],
  ['(x+x+)+y', 'x'],
  ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', 'a'],
  ['\\d*\\d*\\d*\\d*\\d*x', '1'],
];
const INPUT_LENGTH = 256;

export async function measureProviderData() {
  const { failedValidators } = await import(join(root, 'dist/connect/index.js'));
  // Baton's check on the longest input the issue names: the worst over every pattern.
  // Per pattern: the median of 9 checks (after one to warm the JIT); the worst pattern is reported.
  let worst = 0;
  let cold = 0; // the first check of each pattern, JIT warm-up included
  for (const [pattern, char] of EVIL) {
    const input = `${char.repeat(INPUT_LENGTH - 1)}!`;
    const rule = { regularExpression: { regularExpression: pattern } };
    const t0 = performance.now();
    failedValidators(input, rule);
    cold = Math.max(cold, performance.now() - t0);
    const times = Array.from({ length: 9 }, () => {
      const t0 = performance.now();
      failedValidators(input, rule);
      return performance.now() - t0;
    }).sort((a, b) => a - b);
    worst = Math.max(worst, times[4]);
  }
  // The same patterns run as they are, on 22 characters only, to show what was avoided.
  let raw = 0;
  for (const [pattern, char] of EVIL.slice(0, 3)) {
    const t0 = performance.now();
    new RegExp(`^(?:${pattern})$`).test(`${char.repeat(21)}!`);
    raw = Math.max(raw, performance.now() - t0);
  }

  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><main id="root"></main>');
    await page.addScriptTag({ content: readFileSync(join(root, 'dist/baton-connect.iife.min.js'), 'utf8') });
    const form = await page.evaluate(async () => {
      const { connect, ValidationError } = window.Baton;
      const context = { countryCode: 'NL', currencyCode: 'EUR', amount: 1000, isRecurring: false, locale: 'en_GB' };
      const session = { encrypt: async () => 'jwe', getIinDetails: async () => ({ status: 'UNKNOWN' }) };
      const field = (id, mask) => ({
        id,
        type: 'numericstring',
        dataRestrictions: { isRequired: true, validators: { length: { minLength: 1, maxLength: 256 }, regularExpression: { regularExpression: '(a+)+' } } },
        displayHints: { displayOrder: 0, label: id, mask },
      });
      const mask = '{{9999}} '.repeat(29).slice(0, 256);
      const product = (count, m = mask) => ({ id: 1, paymentMethod: 'card', paymentProductGroup: 'cards', displayHints: { displayOrder: 0, label: 'Card' }, fields: Array.from({ length: count }, (_, i) => field(`f${i}`, m)) });
      const container = document.getElementById('root');
      const time = (fn) => { const t0 = performance.now(); fn(); return performance.now() - t0; };

      // At the limit: 100 fields, each with a 256-character mask. Mount, fill, submit.
      let submitted;
      const done = new Promise((resolve) => (submitted = resolve));
      let handle;
      const mountMs = time(() => (handle = connect.mountPaymentForm(container, { session, product: product(100), context, onSubmit: () => submitted() })));
      // Typed by the customer over minutes: not counted.
      for (const input of handle.form.querySelectorAll('input')) {
        input.value = '1'.repeat(200);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '1' }));
      }
      const filled = performance.now();
      handle.form.requestSubmit();
      await done;
      const submitMs = performance.now() - filled;

      // One keystroke at the end of a field whose mask is 256 characters.
      const input = handle.form.querySelector('input');
      const keys = [];
      for (let i = 0; i < 50; i++) {
        keys.push(time(() => {
          input.value += '2';
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '2' }));
        }));
      }
      keys.sort((a, b) => a - b);
      handle.destroy();

      // Over the limit: refused, and how fast.
      const refuse = (p) => {
        let error;
        const ms = time(() => { try { connect.mountPaymentForm(container, { session, product: p, context, onSubmit: () => undefined }); } catch (e) { error = e; } });
        if (!(error instanceof ValidationError)) throw new Error('not refused');
        return { ms, message: error.message.slice(0, 160) };
      };
      return {
        mountMs,
        submitMs,
        mountSubmitMs: mountMs + submitMs,
        keyMedianMs: keys[keys.length >> 1],
        keyMaxMs: keys[keys.length - 1],
        fields2000: refuse(product(2000)),
        mask32000: refuse(product(1, '{{9999}} '.repeat(3600).slice(0, 32_000))),
      };
    });
    return { regex: { patterns: EVIL.length, inputLength: INPUT_LENGTH, worstMs: worst, coldMs: cold, rawMs: raw }, form };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureProviderData(), null, 2));
