import { hoursAndMinutes, plural, type Translation } from './translation.js';

/** English. */
const en: Translation = {
  languageName: 'English',
  dismiss: 'Dismiss',
  close: 'Close',
  emailLabel: 'Email address',
  privacyLink: 'Privacy policy',
  errorEmail: 'Enter a valid email address.',
  errorConsent: 'Tick the box to agree first.',
  errorNetwork: 'Something went wrong. Please try again.',
  absenceLabel: 'Shop notice',
  // "7–11 Dec", but "20 Dec – 4 Jan": a spaced dash when the start has its own month.
  dayRange: ({ start, end }) => `${start}${/\s/.test(start) ? ' – ' : '–'}${end}`,
  absenceUpcoming: ({ range }) => `We're away ${range}.`,
  absenceActive: ({ end }) => `We're away until ${end}.`,
  absenceShips: ({ date }) => `You can still order: orders placed now ship from ${date}.`,
  absenceNotify: "Tell me when you're back",
  absenceNotifySubmit: 'Notify me',
  absenceNotifyDone: "Thanks! We'll email you when we're back.",
  freeShippingLabel: 'Progress toward free shipping',
  freeShippingRemaining: ({ amount }) => `Add ${amount} for free shipping`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: add ${amount}`,
  freeShippingUnlocked: 'Free shipping unlocked',
  freeShippingTierUnlocked: ({ label }) => `Unlocked: ${label}`,
  cutoffToday: ({ duration }) => `Order within ${duration} to ship today`,
  duration: ({ hours, minutes }) => hoursAndMinutes(hours, minutes, 'h', 'min'),
  cutoffLater: ({ date }) => `Order now, ships ${date}`,
  cutoffDelivery: ({ method, range }) => `Estimated delivery with ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Order by ${date} for delivery before ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Orders placed now will not arrive before ${event}.`,
  faqLabel: 'Frequently asked questions',
  faqSearch: 'Search the questions',
  faqEmpty: ({ query }) => `No question matches “${query}”.`,
  faqCount: ({ count }) => `${count} ${plural('en', count, 'question', 'questions')}`,
  captureTitle: 'Save your cart',
  captureIntro: "Leave your email and we'll send you a link back to your cart.",
  captureSubmit: 'Save my cart',
  captureDone: 'Saved. We have emailed you a link to your cart.',
  captureNoThanks: 'No thanks',
};
export default en;
