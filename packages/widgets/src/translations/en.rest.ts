import type { RestStrings } from './translation.js';

/** English: the strings of every element but the banner (see `en.banner.ts`). */
const en: RestStrings = {
  languageName: 'English',
  close: 'Close',
  emailLabel: 'Email address',
  privacyLink: 'Privacy policy',
  errorEmail: 'Enter a valid email address.',
  errorConsent: 'Tick the box to agree first.',
  errorNetwork: 'Something went wrong. Please try again.',
  absenceNotify: "Tell me when you're back",
  absenceNotifySubmit: 'Notify me',
  absenceNotifyDone: "Thanks! We'll email you when we're back.",
  freeShippingLabel: 'Progress toward free shipping',
  freeShippingRemaining: ({ amount }) => `Add ${amount} for free shipping`,
  freeShippingRemainingTier: ({ amount, label }) => `${label}: add ${amount}`,
  freeShippingUnlocked: 'Free shipping unlocked',
  freeShippingTierUnlocked: ({ label }) => `Unlocked: ${label}`,
  cutoffToday: ({ duration }) => `Order within ${duration} to ship today`,
  // Strict comparisons: the config page renders the entry with `{hours}` and `{minutes}`.
  duration: ({ hours, minutes }) =>
    hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`,
  cutoffLater: ({ date }) => `Order now, ships ${date}`,
  cutoffDelivery: ({ method, range }) => `Estimated delivery with ${method}: ${range}`,
  deadlineOrderBy: ({ date, event, method }) =>
    `Order by ${date} for delivery before ${event} (${method})`,
  deadlineTooLate: ({ event }) => `Orders placed now will not arrive before ${event}.`,
  faqLabel: 'Frequently asked questions',
  faqSearch: 'Search the questions',
  faqEmpty: ({ query }) => `No question matches “${query}”.`,
  faqCount: ({ count }) =>
    `${count} ${new Intl.PluralRules('en').select(count) === 'one' ? 'question' : 'questions'}`,
  captureTitle: 'Save your cart',
  captureIntro: "Leave your email and we'll send you a link back to your cart.",
  captureSubmit: 'Save my cart',
  captureDone: "Saved. If you don't complete your order, we'll email you a link back to this cart.",
  captureNoThanks: 'No thanks',
  restoreKeptNewer: 'This device had a newer cart: we kept it and added your saved items.',
  restoreDone: 'Welcome back! Your saved cart is here.',
  announcementLabel: 'Announcements',
  announcementEndsIn: ({ duration }) => `Ends in ${duration}`,
  announcementEndsOn: ({ date }) => `Ends ${date}`,
  announcementPrevious: 'Previous message',
  announcementNext: 'Next message',
  announcementPause: 'Pause the messages',
  announcementDismiss: 'Dismiss this announcement',
};
export default en;
