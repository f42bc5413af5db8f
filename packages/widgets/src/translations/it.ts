import { plural, type Translation } from './translation.js';

/** Italian. */
const it: Translation = {
  languageName: 'Italiano',
  dismiss: 'Nascondi',
  close: 'Chiudi',
  emailLabel: 'Indirizzo email',
  privacyLink: 'Informativa sulla privacy',
  errorEmail: 'Inserisci un indirizzo email valido.',
  errorConsent: 'Spunta prima la casella per acconsentire.',
  errorNetwork: 'Qualcosa è andato storto. Riprova.',
  absenceLabel: 'Avviso del negozio',
  absenceUpcoming: ({ range }) => `Saremo assenti dal ${range}.`,
  absenceActive: ({ end }) => `Siamo assenti fino al ${end}.`,
  absenceShips: ({ date }) =>
    `Puoi comunque ordinare: gli ordini di adesso partono dal ${date}.`,
  absenceNotify: 'Avvisami al vostro ritorno',
  absenceNotifySubmit: 'Avvisami',
  absenceNotifyDone: 'Grazie! Ti scriveremo al nostro ritorno.',
  freeShippingLabel: 'Avanzamento verso la spedizione gratuita',
  freeShippingRemaining: ({ amount }) => `Aggiungi ${amount} per la spedizione gratuita`,
  freeShippingRemainingTier: ({ amount, label }) => `Aggiungi ${amount} per: ${label}`,
  freeShippingUnlocked: 'Spedizione gratuita sbloccata',
  freeShippingTierUnlocked: ({ label }) => `${label}: sbloccato`,
  cutoffToday: ({ duration }) => `Ordina entro ${duration} per la spedizione oggi`,
  cutoffLater: ({ date }) => `Ordina ora, spedizione ${date}`,
  cutoffDelivery: ({ method, range }) => `Consegna stimata con ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Ordina entro ${date} per la consegna prima di ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Gli ordini di adesso non arriveranno prima di ${event}.`,
  faqLabel: 'Domande frequenti',
  faqSearch: 'Cerca tra le domande',
  faqEmpty: ({ query }) => `Nessuna domanda corrisponde a «${query}».`,
  faqCount: ({ count }) => `${count} ${plural('it', count, 'domanda', 'domande')}`,
  captureTitle: 'Salva il carrello',
  captureIntro: 'Lascia la tua email e ti invieremo un link al tuo carrello.',
  captureSubmit: 'Salva il mio carrello',
  captureDone: 'Salvato. Ti abbiamo inviato un link al tuo carrello.',
  captureNoThanks: 'No, grazie',
};
export default it;
