import type { BannerStrings } from './translation.js';

/** German: the absence banner's strings (loaded alone on a page with only the banner). */
const de: BannerStrings = {
  dismiss: 'Ausblenden',
  absenceLabel: 'Hinweis des Shops',
  dayRange: ({ start, end }) => `vom ${start} bis ${end}`,
  absenceUpcoming: ({ range }) => `Wir sind ${range} nicht da.`,
  absenceActive: ({ end }) => `Wir sind bis einschließlich ${end} nicht da.`,
  absenceShips: ({ date }) =>
    `Sie können trotzdem bestellen: Bestellungen, die Sie jetzt aufgeben, versenden wir ab ${date}.`,
  showMore: 'Mehr',
  showLess: 'Weniger',
  absencePaused: ({ date }) => `Bestellungen sind bis ${date} pausiert`,
};
export default de;

/** The language's other strings (every element but the banner needs them). */
export const rest = () => import('./de.rest.js');
