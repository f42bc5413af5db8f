import type { RestStrings } from './translation.js';

/**
 * French: the strings of every element but the banner (see `fr.banner.ts`), with non-breaking
 * spaces before : ; ! ? and inside « », and between a number and its unit, written as themselves.
 */
const fr: RestStrings = {
  languageName: 'Français',
  close: 'Fermer',
  emailLabel: 'Adresse e-mail',
  privacyLink: 'Politique de confidentialité',
  errorEmail: 'Saisissez une adresse e-mail valide.',
  errorConsent: 'Cochez d’abord la case pour donner votre accord.',
  errorNetwork: 'Un problème est survenu. Veuillez réessayer.',
  absenceNotify: 'Prévenez-moi à votre retour',
  absenceNotifySubmit: 'Me prévenir',
  absenceNotifyDone: 'Merci ! Nous vous écrirons à notre retour.',
  freeShippingLabel: 'Progression vers la livraison offerte',
  freeShippingRemaining: ({ amount }) => `Plus que ${amount} pour la livraison offerte`,
  freeShippingRemainingTier: ({ amount, label }) => `${label} : plus que ${amount}`,
  freeShippingUnlocked: 'Livraison offerte débloquée',
  freeShippingTierUnlocked: ({ label }) => `${label} : objectif atteint`,
  cutoffToday: ({ duration }) => `Commandez dans les ${duration} pour un envoi aujourd’hui`,
  // Strict comparisons: the config page renders the entry with `{hours}` and `{minutes}`.
  duration: ({ hours, minutes }) =>
    hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`,
  cutoffLater: ({ date }) => `Commandez maintenant : envoi le ${date}`,
  cutoffDelivery: ({ method, range }) => `Livraison estimée avec ${method} : ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Commandez avant le ${date} pour une livraison avant ${event} (${method})`,
  deadlineTooLate: ({ event }) =>
    `Les commandes passées maintenant n’arriveront pas avant ${event}.`,
  faqLabel: 'Questions fréquentes',
  faqSearch: 'Rechercher une question',
  faqEmpty: ({ query }) => `Aucune question ne correspond à « ${query} ».`,
  faqCount: ({ count }) =>
    `${count} ${new Intl.PluralRules('fr').select(count) === 'one' ? 'question' : 'questions'}`,
  captureTitle: 'Gardez votre panier',
  captureIntro: 'Laissez votre e-mail et nous vous enverrons un lien vers votre panier.',
  captureSubmit: 'Garder mon panier',
  captureDone:
    'C’est noté. Si vous ne finalisez pas votre commande, nous vous enverrons par e-mail un lien vers ce panier.',
  captureNoThanks: 'Non merci',
  restoreKeptNewer:
    'Cet appareil avait un panier plus récent : nous l’avons gardé et y avons ajouté vos articles enregistrés.',
  restoreDone: 'Bon retour ! Votre panier enregistré est là.',
  announcementLabel: 'Annonces',
  announcementEndsIn: ({ duration }) => `Se termine dans ${duration}`,
  announcementEndsOn: ({ date }) => `Jusqu’au ${date}`,
  announcementPrevious: 'Message précédent',
  announcementNext: 'Message suivant',
  announcementPause: 'Mettre les messages en pause',
  announcementDismiss: 'Masquer cette annonce',
};
export default fr;
