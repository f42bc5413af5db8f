import type { RestStrings } from './translation.js';

/** German: the strings of every element but the banner (see `de.banner.ts`). */
const de: RestStrings = {
  languageName: 'Deutsch',
  close: 'Schließen',
  emailLabel: 'E-Mail-Adresse',
  privacyLink: 'Datenschutzerklärung',
  errorEmail: 'Bitte eine gültige E-Mail-Adresse eingeben.',
  errorConsent: 'Bitte zuerst das Kästchen ankreuzen.',
  errorNetwork: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.',
  absenceNotify: 'Benachrichtigen Sie mich, wenn Sie zurück sind',
  absenceNotifySubmit: 'Benachrichtigen',
  absenceNotifyDone: 'Danke! Wir schreiben Ihnen, sobald wir zurück sind.',
  freeShippingLabel: 'Fortschritt zum kostenlosen Versand',
  freeShippingRemaining: ({ amount }) => `Noch ${amount} bis zum kostenlosen Versand`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: noch ${amount}`,
  freeShippingUnlocked: 'Kostenloser Versand freigeschaltet',
  freeShippingTierUnlocked: ({ label }) => `Freigeschaltet: ${label}`,
  cutoffToday: ({ duration }) =>
    `Bestellen Sie innerhalb von ${duration}, dann versenden wir noch heute`,
  // Strict comparisons: the config page renders the entry with `{hours}` and `{minutes}`.
  duration: ({ hours, minutes }) =>
    hours === 0
      ? `${minutes} Min.`
      : minutes === 0
        ? `${hours} Std.`
        : `${hours} Std. ${minutes} Min.`,
  cutoffLater: ({ date }) => `Jetzt bestellen, Versand am ${date}`,
  cutoffDelivery: ({ method, range }) => `Voraussichtliche Lieferung mit ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Bestellen Sie bis ${date}, damit Ihre Bestellung vor ${event} ankommt (${method})`,
  deadlineTooLate: ({ event }) =>
    `Bestellungen, die Sie jetzt aufgeben, kommen nicht mehr vor ${event} an.`,
  faqLabel: 'Häufige Fragen',
  faqSearch: 'Fragen durchsuchen',
  faqEmpty: ({ query }) => `Keine Frage passt zu „${query}“.`,
  faqCount: ({ count }) =>
    `${count} ${new Intl.PluralRules('de').select(count) === 'one' ? 'Frage' : 'Fragen'}`,
  captureTitle: 'Warenkorb speichern',
  captureIntro: 'Hinterlassen Sie Ihre E-Mail und wir senden Ihnen einen Link zu Ihrem Warenkorb.',
  captureSubmit: 'Warenkorb speichern',
  captureDone:
    'Gespeichert. Wenn Sie Ihre Bestellung nicht abschließen, schicken wir Ihnen per E-Mail einen Link zu diesem Warenkorb.',
  captureNoThanks: 'Nein danke',
  restoreKeptNewer:
    'Auf diesem Gerät lag ein neuerer Warenkorb: Wir haben ihn behalten und Ihre gespeicherten Artikel hinzugefügt.',
  restoreDone: 'Willkommen zurück! Ihr gespeicherter Warenkorb ist da.',
  announcementLabel: 'Ankündigungen',
  announcementEndsIn: ({ duration }) => `Endet in ${duration}`,
  announcementEndsOn: ({ date }) => `Bis ${date}`,
  announcementPrevious: 'Vorherige Nachricht',
  announcementNext: 'Nächste Nachricht',
  announcementPause: 'Nachrichten anhalten',
  announcementDismiss: 'Diese Ankündigung ausblenden',
};
export default de;
