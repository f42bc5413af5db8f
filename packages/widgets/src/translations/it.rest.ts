import type { RestStrings } from './translation.js';

/** Italian: the strings of every element but the banner (see `it.banner.ts`). */
const it: RestStrings = {
  languageName: 'Italiano',
  close: 'Chiudi',
  emailLabel: 'Indirizzo email',
  privacyLink: 'Informativa sulla privacy',
  errorEmail: 'Inserisci un indirizzo email valido.',
  errorConsent: 'Spunta prima la casella per acconsentire.',
  errorNetwork: 'Qualcosa è andato storto. Riprova.',
  absenceNotify: 'Avvisami al vostro ritorno',
  absenceNotifySubmit: 'Avvisami',
  absenceNotifyDone: 'Grazie! Ti scriveremo al nostro ritorno.',
  freeShippingLabel: 'Avanzamento verso la spedizione gratuita',
  freeShippingRemaining: ({ amount }) => `Aggiungi ${amount} per la spedizione gratuita`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: aggiungi ${amount}`,
  freeShippingUnlocked: 'Spedizione gratuita sbloccata',
  freeShippingTierUnlocked: ({ label }) => `${label}: obiettivo raggiunto`,
  cutoffToday: ({ duration }) => `Ordina entro ${duration} e spediamo oggi stesso`,
  // Strict comparisons: the config page renders the entry with `{hours}` and `{minutes}`.
  duration: ({ hours, minutes }) =>
    hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`,
  cutoffLater: ({ date }) => `Ordina ora: spedizione ${date}`,
  cutoffDelivery: ({ method, range }) => `Consegna stimata con ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Ordina entro ${date} per la consegna prima di ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Gli ordini effettuati ora non arriveranno prima di ${event}.`,
  faqLabel: 'Domande frequenti',
  faqSearch: 'Cerca tra le domande',
  faqEmpty: ({ query }) => `Nessuna domanda corrisponde a «${query}».`,
  faqCount: ({ count }) =>
    `${count} ${new Intl.PluralRules('it').select(count) === 'one' ? 'domanda' : 'domande'}`,
  captureTitle: 'Salva il carrello',
  captureIntro: 'Lascia la tua email e ti invieremo un link al tuo carrello.',
  captureSubmit: 'Salva il mio carrello',
  captureDone:
    'Salvato. Se non completi l’ordine, ti invieremo via email un link a questo carrello.',
  captureNoThanks: 'No, grazie',
  restoreKeptNewer:
    'Su questo dispositivo c’era un carrello più recente: l’abbiamo tenuto e vi abbiamo aggiunto gli articoli salvati.',
  restoreDone: 'Ecco di nuovo il tuo carrello salvato.',
  announcementLabel: 'Annunci',
  announcementEndsIn: ({ duration }) => `Termina tra ${duration}`,
  announcementEndsOn: ({ date }) => `Fino a ${date}`,
  announcementPrevious: 'Messaggio precedente',
  announcementNext: 'Messaggio successivo',
  announcementPause: 'Metti in pausa i messaggi',
  announcementDismiss: 'Nascondi questo annuncio',
};
export default it;
