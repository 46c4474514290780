/**
 * `baton-sdk/locales/de` — German texts for every Baton UI, one named export per UI, so a bundle
 * keeps only the catalogues it uses. A translator copies this file for another language; the
 * types make sure no text is missing.
 *
 * @example
 * import { merchantAction, paymentForm, saspStatus, saspUpload } from 'baton-sdk/locales/de';
 * connect.mountPaymentForm(container, { session, product, context, onSubmit, messages: paymentForm, locale: 'de-DE' });
 * sasp.renderStatus(container, status, { onAction, messages: saspStatus, locale: 'de-DE' });
 * sasp.mountUploadForm(container, { url, token, messages: saspUpload });
 * await connect.handleMerchantAction(answer, { container, messages: merchantAction });
 */
import type { MerchantActionMessages, PaymentFormMessages } from '../connect/messages.js';
import type { StatusMessages, UploadMessages } from '../sasp/messages.js';

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

/** The Connect action views (`handleMerchantAction`: a SHOW_FORM action's form). */
export const merchantAction: MerchantActionMessages = {
  continue: 'Weiter',
  fixFields: 'Bitte prüfen Sie {count} Feld(er).',
  required: paymentForm.required,
  invalid: paymentForm.invalid,
  luhn: paymentForm.luhn,
  expirationDate: paymentForm.expirationDate,
};

/** The Sectigo status (`renderStatus`); section titles here replace Sectigo's English ones. */
export const saspStatus: StatusMessages = {
  order: 'Auftrag {number}',
  andMore: '{domain} und weitere',
  orderStatus: 'Auftragsstatus: {status}',
  status: 'Status: ',
  needsAction: 'Ihre Aktion ist nötig: ',
  nothingToDo: 'Derzeit ist keine Aktion von Ihnen nötig.',
  pending: 'In Bearbeitung: ',
  done: 'Erledigt: ',
  actionFailed: '{action} ist fehlgeschlagen: {error}',
  caaErrors: 'Letzte Fehler der CAA-Prüfung',
  csrHashes: 'CSR-Hashwerte',
  details: 'Details',
  selectedMethod: 'Gewählte Methode: {method}',
  noMethod: 'keine',
  methodFor: 'Validierungsmethode für {domain}',
  useMethod: 'Diese Methode für {domain} verwenden',
  chooseMethodFirst: 'Wählen Sie zuerst eine Validierungsmethode für {domain}.',
  sections: {
    csr: 'Zertifikatsanforderung (CSR)',
    dcv: 'Domain-Validierung',
    caa: 'CAA-Prüfung',
    agreement: 'Vereinbarung',
    callback: 'Rückruf',
    organization: 'Validierung der Organisation',
    ma: 'Prüfung des Markenzeichens',
    secondApproval: 'Zweite Freigabe',
    fsup: 'Schnellservice',
  },
  statuses: {
    Completed: 'Abgeschlossen',
    NotApplicable: 'Nicht zutreffend',
    ActionRequired: 'Aktion erforderlich',
    InProgress: 'In Bearbeitung',
    Pending: 'Ausstehend',
    Failed: 'Fehlgeschlagen',
    Unknown: 'Unbekannt',
    notCompleted: 'Nicht abgeschlossen',
  },
  actions: {
    needProvideCSR: 'CSR bereitstellen',
    canReplaceCSR: 'CSR ersetzen',
    selectDCVMethod: 'Validierungsmethode wählen',
    canChangeDCVMethod: 'Validierungsmethode ändern',
    enterDCVCode: 'Validierungscode eingeben',
    canUpdateEmailAddress: 'E-Mail-Adresse ändern',
    resendAgreementEmail: 'Vereinbarungs-E-Mail erneut senden',
    needUpdateEmailAddress: 'E-Mail-Adresse ändern (erforderlich)',
    callMeNow: 'Jetzt anrufen',
    callMeLater: 'Später anrufen',
    provideCorrectPhoneNumber: 'Richtige Telefonnummer angeben',
    enterCallbackCode: 'Rückrufcode eingeben',
    requestManualCallback: 'Manuellen Rückruf anfordern',
    uploadDocument: 'Dokumente hochladen',
  },
  fields: {
    MD5: 'MD5-Hash der CSR',
    SHA256: 'SHA-256-Hash der CSR',
    uniqueValue: 'Eindeutiger Wert',
    clickThroughStatus: 'Zustimmung',
    clickThroughEmailAddress: 'E-Mail-Adresse für die Vereinbarung',
    lastEmailSent: 'Letzte E-Mail gesendet',
    lastOpenDate: 'Zuletzt geöffnet',
    phoneNumber: 'Telefonnummer für den Rückruf',
  },
};

/** The Sectigo document upload (`mountUploadForm`). */
export const saspUpload: UploadMessages = {
  documents: 'Dokumente ',
  comment: 'Kommentar ',
  upload: 'Hochladen',
  uploadAgain: 'Erneut hochladen',
  retry: 'Hochladen wiederholen',
  progress: 'Fortschritt des Hochladens',
  log: 'Hochladevorgänge',
  chooseFirst: 'Wählen Sie mindestens ein Dokument.',
  sendingOne: '{count} Dokument wird gesendet ({size})…',
  sendingMany: '{count} Dokumente werden gesendet ({size})…',
  uploading: 'Wird hochgeladen: {percent} %',
  uploaded: 'Dokumente hochgeladen.',
  unconfirmed:
    'Die Dokumente wurden gesendet, aber keine Antwort konnte gelesen werden ({reason}); sie sind vielleicht angekommen. Prüfen Sie den Auftragsstatus, bevor Sie sie erneut senden. Ihre Dateien und Ihr Kommentar bleiben erhalten.',
  failed: 'Hochladen fehlgeschlagen: {reason}. Ihre Dateien und Ihr Kommentar bleiben erhalten; wählen Sie „Hochladen wiederholen“, um es erneut zu versuchen.',
  logLine: 'Vorgang {attempt} ({names}, {size}): {text}',
  logSending: 'wird gesendet…',
  logDone: 'hochgeladen',
  logUnconfirmed: 'gesendet, nicht bestätigt — {reason}',
  logFailed: 'fehlgeschlagen — {reason}',
};
