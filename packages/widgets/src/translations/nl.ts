import { hoursAndMinutes, plural, type Translation } from './translation.js';

/** Dutch. */
const nl: Translation = {
  languageName: 'Nederlands',
  dismiss: 'Verbergen',
  close: 'Sluiten',
  emailLabel: 'E-mailadres',
  privacyLink: 'Privacybeleid',
  errorEmail: 'Vul een geldig e-mailadres in.',
  errorConsent: 'Vink eerst het vakje aan om akkoord te gaan.',
  errorNetwork: 'Er ging iets mis. Probeer het opnieuw.',
  absenceLabel: 'Mededeling van de winkel',
  dayRange: ({ start, end }) => `van ${start} tot en met ${end}`,
  absenceUpcoming: ({ range }) => `We zijn ${range} afwezig.`,
  absenceActive: ({ end }) => `We zijn afwezig tot en met ${end}.`,
  absenceShips: ({ date }) =>
    `Je kunt gewoon bestellen: wat je nu bestelt, versturen we vanaf ${date}.`,
  absenceNotify: 'Laat me weten wanneer jullie terug zijn',
  absenceNotifySubmit: 'Laat het me weten',
  showMore: 'Meer',
  showLess: 'Minder',
  absencePaused: ({ date }) => `Bestellingen zijn gepauzeerd tot ${date}`,
  absenceNotifyDone: 'Bedankt! We mailen je zodra we terug zijn.',
  freeShippingLabel: 'Voortgang naar gratis verzending',
  freeShippingRemaining: ({ amount }) => `Nog ${amount} voor gratis verzending`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: nog ${amount}`,
  freeShippingUnlocked: 'Gratis verzending ontgrendeld',
  freeShippingTierUnlocked: ({ label }) => `Ontgrendeld: ${label}`,
  cutoffToday: ({ duration }) => `Bestel binnen ${duration} en het gaat vandaag de deur uit`,
  duration: ({ hours, minutes }) => hoursAndMinutes(hours, minutes, 'uur', 'min'),
  cutoffLater: ({ date }) => `Bestel nu, we versturen op ${date}`,
  cutoffDelivery: ({ method, range }) => `Verwachte levering met ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Bestel vóór ${date} voor levering vóór ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Wat je nu bestelt, komt niet meer vóór ${event} aan.`,
  faqLabel: 'Veelgestelde vragen',
  faqSearch: 'Zoek in de vragen',
  faqEmpty: ({ query }) => `Geen vraag past bij ‘${query}’.`,
  faqCount: ({ count }) => `${count} ${plural('nl', count, 'vraag', 'vragen')}`,
  captureTitle: 'Bewaar je winkelwagen',
  captureIntro: 'Laat je e-mail achter en we sturen je een link naar je winkelwagen.',
  captureSubmit: 'Bewaar mijn winkelwagen',
  captureDone:
    'Bewaard. Als je je bestelling niet afrondt, mailen we je een link naar deze winkelwagen.',
  captureNoThanks: 'Nee, bedankt',
};
export default nl;
