import { hoursAndMinutes, plural, type Translation } from './translation.js';

/** French. */
const fr: Translation = {
  languageName: 'Français',
  dismiss: 'Masquer',
  close: 'Fermer',
  emailLabel: 'Adresse e-mail',
  privacyLink: 'Politique de confidentialité',
  errorEmail: 'Saisissez une adresse e-mail valide.',
  errorConsent: 'Cochez d’abord la case pour donner votre accord.',
  errorNetwork: 'Un problème est survenu. Veuillez réessayer.',
  absenceLabel: 'Information de la boutique',
  absenceUpcoming: ({ range }) => `Nous sommes absents du ${range}.`,
  absenceActive: ({ end }) => `Nous sommes absents jusqu’au ${end}.`,
  absenceShips: ({ date }) =>
    `Vous pouvez toujours commander : les commandes passées maintenant partent à partir du ${date}.`,
  absenceNotify: 'Prévenez-moi à votre retour',
  absenceNotifySubmit: 'Me prévenir',
  absenceNotifyDone: 'Merci ! Nous vous écrirons à notre retour.',
  freeShippingLabel: 'Progression vers la livraison offerte',
  freeShippingRemaining: ({ amount }) => `Plus que ${amount} pour la livraison offerte`,
  freeShippingRemainingTier: ({ amount, label }) => `Plus que ${amount} pour : ${label}`,
  freeShippingUnlocked: 'Livraison offerte débloquée',
  freeShippingTierUnlocked: ({ label }) => `${label} : débloqué`,
  cutoffToday: ({ duration }) => `Commandez d’ici ${duration} pour un envoi aujourd’hui`,
  duration: ({ hours, minutes }) => hoursAndMinutes(hours, minutes, 'h', 'min'),
  cutoffLater: ({ date }) => `Commandez maintenant, envoi le ${date}`,
  cutoffDelivery: ({ method, range }) => `Livraison estimée avec ${method} : ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Commandez avant le ${date} pour être livré avant ${event} (${method})`,
  deadlineTooLate: ({ event }) =>
    `Les commandes passées maintenant n’arriveront pas avant ${event}.`,
  faqLabel: 'Questions fréquentes',
  faqSearch: 'Rechercher une question',
  faqEmpty: ({ query }) => `Aucune question ne correspond à « ${query} ».`,
  faqCount: ({ count }) => `${count} ${plural('fr', count, 'question', 'questions')}`,
  captureTitle: 'Gardez votre panier',
  captureIntro: 'Laissez votre e-mail et nous vous enverrons un lien vers votre panier.',
  captureSubmit: 'Garder mon panier',
  captureDone: 'C’est noté. Nous vous avons envoyé un lien vers votre panier.',
  captureNoThanks: 'Non merci',
};
export default fr;
