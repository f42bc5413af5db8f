import type { BannerStrings } from './translation.js';

/** English: the absence banner's strings (loaded alone on a page with only the banner). */
const en: BannerStrings = {
  dismiss: 'Dismiss',
  absenceLabel: 'Shop notice',
  // "7–11 Dec", but "20 Dec – 4 Jan": a spaced dash when the start has its own month.
  dayRange: ({ start, end }) => `${start}${/\s/.test(start) ? ' – ' : '–'}${end}`,
  absenceUpcoming: ({ range }) => `We're away ${range}.`,
  absenceActive: ({ end }) => `We're away until ${end}.`,
  absenceShips: ({ date }) => `You can still order: orders placed now ship from ${date}.`,
  showMore: 'More',
  showLess: 'Less',
  absencePaused: ({ date }) => `Orders are paused until ${date}`,
};
export default en;

/** The language's other strings (every element but the banner needs them). */
export const rest = () => import('./en.rest.js');
