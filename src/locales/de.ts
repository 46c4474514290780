/**
 * `baton-sdk/locales/de` — German texts for every Baton UI, one named export per UI, so a bundle
 * keeps only the catalogues it uses. A translator copies this file for another language; the
 * types make sure no text is missing.
 *
 * @example
 * import { paymentForm } from 'baton-sdk/locales/de';
 * connect.mountPaymentForm(container, { session, product, context, onSubmit, messages: paymentForm, locale: 'de-DE' });
 */
import type { PaymentFormMessages } from '../connect/messages.js';

/** The Connect payment form (`mountPaymentForm`). */
export const paymentForm: PaymentFormMessages = {
  required: '{label} ist erforderlich.',
  invalid: '{label} ist ungültig.',
  luhn: '{label} ist ungültig: Bitte prüfen Sie die Ziffern.',
  expirationDate: '{label} ist kein gültiger Monat oder liegt in der Vergangenheit.',
  notAllowed: 'Diese Karte wird für diese Zahlung nicht akzeptiert. Bitte verwenden Sie eine andere Karte.',
  sending: 'Wird gesendet…',
  failed: 'Die Zahlung wurde nicht gesendet: {error}',
  pay: '{amount} bezahlen',
  formLabel: '{label}: Zahlungsdaten',
  chooseBrand: 'Kartenmarke',
  brandChosen: 'Zahlung mit {brand}.',
  savedCards: 'Gespeicherte Karten',
  newCard: 'Eine neue Karte',
};
