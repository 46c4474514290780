// The demo's language switch: English (Baton's default texts) or German (`baton-sdk/locales/de`).
// Each view reads the choice when it renders; a change re-renders what listens.
import { merchantAction, paymentForm, saspStatus, saspUpload } from 'baton-sdk/locales/de';

export type DemoLanguage = 'en' | 'de';
const listeners: Array<() => void> = [];
let current: DemoLanguage = 'en';

export const language = (): DemoLanguage => current;
export const onLanguageChange = (listener: () => void): void => void listeners.push(listener);

/** The options each Baton UI takes for the language chosen (nothing for English, the default). */
export const texts = () =>
  current === 'de'
    ? { paymentForm: { messages: paymentForm, locale: 'de-DE' }, action: { messages: merchantAction }, status: { messages: saspStatus, locale: 'de-DE' }, upload: { messages: saspUpload } }
    : { paymentForm: { submitLabel: 'Pay €10.00' }, action: {}, status: {}, upload: {} };

export function mountLanguageSwitch(select: HTMLSelectElement): void {
  select.addEventListener('change', () => {
    current = select.value === 'de' ? 'de' : 'en';
    document.documentElement.lang = current;
    for (const listener of listeners) listener();
  });
}
