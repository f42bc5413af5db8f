import type { BannerStrings } from './translation.js';

/** "dal 7", "dall’8", "all’11": the preposition with the article, elided before a vowel sound. */
function articled(preposition: 'dal' | 'al', day: string): string {
  return /^(8|11)\b/.test(day) ? `${preposition.slice(0, -1)}ll’${day}` : `${preposition} ${day}`;
}

/** Italian: the absence banner's strings (loaded alone on a page with only the banner). */
const it: BannerStrings = {
  dismiss: 'Nascondi',
  absenceLabel: 'Avviso del negozio',
  dayRange: ({ start, end }) => `${articled('dal', start)} ${articled('al', end)}`,
  absenceUpcoming: ({ range }) => `Saremo assenti ${range}.`,
  absenceActive: ({ end }) => `Siamo assenti fino a ${end} compreso.`,
  absenceShips: ({ date }) =>
    `Puoi comunque ordinare: gli ordini effettuati ora verranno spediti da ${date}.`,
  showMore: 'Altro',
  showLess: 'Meno',
  absencePaused: ({ date }) => `Gli ordini sono sospesi fino a ${date}`,
};
export default it;

/** The language's other strings (every element but the banner needs them). */
export const rest = () => import('./it.rest.js');
