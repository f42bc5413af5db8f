import { hoursAndMinutes, plural, type Translation } from './translation.js';

/** German. */
const de: Translation = {
  languageName: 'Deutsch',
  dismiss: 'Ausblenden',
  close: 'Schließen',
  emailLabel: 'E-Mail-Adresse',
  privacyLink: 'Datenschutzerklärung',
  errorEmail: 'Bitte eine gültige E-Mail-Adresse eingeben.',
  errorConsent: 'Bitte zuerst das Kästchen ankreuzen.',
  errorNetwork: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.',
  absenceLabel: 'Hinweis des Shops',
  absenceUpcoming: ({ range }) => `Wir sind vom ${range} nicht da.`,
  absenceActive: ({ end }) => `Wir sind bis ${end} nicht da.`,
  absenceShips: ({ date }) =>
    `Sie können trotzdem bestellen: Bestellungen von jetzt werden ab ${date} versendet.`,
  absenceNotify: 'Benachrichtigen, wenn Sie zurück sind',
  absenceNotifySubmit: 'Benachrichtigen',
  absenceNotifyDone: 'Danke! Wir schreiben Ihnen, sobald wir zurück sind.',
  freeShippingLabel: 'Fortschritt zum kostenlosen Versand',
  freeShippingRemaining: ({ amount }) => `Noch ${amount} bis zum kostenlosen Versand`,
  freeShippingRemainingTier: ({ amount, label }) => `Noch ${amount} bis: ${label}`,
  freeShippingUnlocked: 'Kostenloser Versand freigeschaltet',
  freeShippingTierUnlocked: ({ label }) => `${label} freigeschaltet`,
  cutoffToday: ({ duration }) => `Bestellen Sie innerhalb von ${duration} für Versand heute`,
  duration: ({ hours, minutes }) => hoursAndMinutes(hours, minutes, 'Std.', 'Min.'),
  cutoffLater: ({ date }) => `Jetzt bestellen, Versand ${date}`,
  cutoffDelivery: ({ method, range }) => `Voraussichtliche Lieferung mit ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Bestellen Sie bis ${date} für Lieferung vor ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Bestellungen von jetzt kommen nicht mehr vor ${event} an.`,
  faqLabel: 'Häufige Fragen',
  faqSearch: 'Fragen durchsuchen',
  faqEmpty: ({ query }) => `Keine Frage passt zu „${query}“.`,
  faqCount: ({ count }) => `${count} ${plural('de', count, 'Frage', 'Fragen')}`,
  captureTitle: 'Warenkorb speichern',
  captureIntro: 'Hinterlassen Sie Ihre E-Mail und wir senden Ihnen einen Link zu Ihrem Warenkorb.',
  captureSubmit: 'Warenkorb speichern',
  captureDone: 'Gespeichert. Wir haben Ihnen einen Link zu Ihrem Warenkorb geschickt.',
  captureNoThanks: 'Nein danke',
};
export default de;
