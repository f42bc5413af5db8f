import type { BannerStrings } from './translation.js';

/** Dutch: the absence banner's strings (loaded alone on a page with only the banner). */
const nl: BannerStrings = {
  dismiss: 'Verbergen',
  absenceLabel: 'Mededeling van de winkel',
  dayRange: ({ start, end }) => `van ${start} tot en met ${end}`,
  absenceUpcoming: ({ range }) => `We zijn ${range} afwezig.`,
  absenceActive: ({ end }) => `We zijn afwezig tot en met ${end}.`,
  absenceShips: ({ date }) =>
    `Je kunt gewoon bestellen: wat je nu bestelt, versturen we vanaf ${date}.`,
  showMore: 'Meer',
  showLess: 'Minder',
  absencePaused: ({ date }) => `Bestellingen zijn gepauzeerd tot ${date}`,
};
export default nl;

/** The language's other strings (every element but the banner needs them). */
export const rest = () => import('./nl.rest.js');
