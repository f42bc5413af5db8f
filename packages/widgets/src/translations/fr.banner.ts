import type { BannerStrings } from './translation.js';

/**
 * French: the absence banner's strings (loaded alone on a page with only the banner). French
 * typography keeps a non-breaking space before : ; ! ? and inside « », so a line never starts
 * with the sign (written as themselves: an escape costs bytes).
 */
const fr: BannerStrings = {
  dismiss: 'Masquer',
  absenceLabel: 'Information de la boutique',
  dayRange: ({ start, end }) => `du ${start} au ${end}`,
  absenceUpcoming: ({ range }) => `Nous serons absents ${range}.`,
  absenceActive: ({ end }) => `Nous sommes absents jusqu’au ${end}.`,
  absenceShips: ({ date }) =>
    `Vous pouvez toujours commander : les commandes passées maintenant seront expédiées dès le ${date}.`,
  showMore: 'Lire la suite',
  showLess: 'Réduire',
  absencePaused: ({ date }) => `Commandes en pause, reprise le ${date}`,
};
export default fr;

/** The language's other strings (every element but the banner needs them). */
export const rest = () => import('./fr.rest.js');
