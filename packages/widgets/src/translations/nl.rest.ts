import type { RestStrings } from './translation.js';

/** Dutch: the strings of every element but the banner (see `nl.banner.ts`). */
const nl: RestStrings = {
  languageName: 'Nederlands',
  close: 'Sluiten',
  emailLabel: 'E-mailadres',
  privacyLink: 'Privacybeleid',
  errorEmail: 'Vul een geldig e-mailadres in.',
  errorConsent: 'Vink eerst het vakje aan om akkoord te gaan.',
  errorNetwork: 'Er ging iets mis. Probeer het opnieuw.',
  absenceNotify: 'Laat me weten wanneer jullie terug zijn',
  absenceNotifySubmit: 'Laat het me weten',
  absenceNotifyDone: 'Bedankt! We mailen je zodra we terug zijn.',
  freeShippingLabel: 'Voortgang naar gratis verzending',
  freeShippingRemaining: ({ amount }) => `Nog ${amount} voor gratis verzending`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: nog ${amount}`,
  freeShippingUnlocked: 'Gratis verzending ontgrendeld',
  freeShippingTierUnlocked: ({ label }) => `Ontgrendeld: ${label}`,
  cutoffToday: ({ duration }) => `Bestel binnen ${duration} en het gaat vandaag de deur uit`,
  // Strict comparisons: the config page renders the entry with `{hours}` and `{minutes}`.
  duration: ({ hours, minutes }) =>
    hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} uur` : `${hours} uur ${minutes} min`,
  cutoffLater: ({ date }) => `Bestel nu, we versturen op ${date}`,
  cutoffDelivery: ({ method, range }) => `Verwachte levering met ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Bestel vóór ${date} voor levering vóór ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Wat je nu bestelt, komt niet meer vóór ${event} aan.`,
  faqLabel: 'Veelgestelde vragen',
  faqSearch: 'Zoek in de vragen',
  faqEmpty: ({ query }) => `Geen vraag past bij ‘${query}’.`,
  faqCount: ({ count }) =>
    `${count} ${new Intl.PluralRules('nl').select(count) === 'one' ? 'vraag' : 'vragen'}`,
  captureTitle: 'Bewaar je winkelwagen',
  captureIntro: 'Laat je e-mail achter en we sturen je een link naar je winkelwagen.',
  captureSubmit: 'Bewaar mijn winkelwagen',
  captureDone:
    'Bewaard. Als je je bestelling niet afrondt, mailen we je een link naar deze winkelwagen.',
  captureNoThanks: 'Nee, bedankt',
  restoreKeptNewer:
    'Op dit apparaat stond een nieuwere winkelwagen: die hebben we bewaard en je bewaarde artikelen eraan toegevoegd.',
  restoreDone: 'Welkom terug! Je bewaarde winkelwagen staat klaar.',
  announcementLabel: 'Aankondigingen',
  announcementEndsIn: ({ duration }) => `Eindigt over ${duration}`,
  announcementEndsOn: ({ date }) => `Tot en met ${date}`,
  announcementPrevious: 'Vorig bericht',
  announcementNext: 'Volgend bericht',
  announcementPause: 'Berichten pauzeren',
  announcementDismiss: 'Deze aankondiging verbergen',
};
export default nl;
