/**
 * Every string the widgets show, per language. Plain entries are text; entries with values are
 * functions, so each language can order words and pick plural forms its own way (through `Intl`).
 * A merchant overrides any entry with `config.strings[locale][key]`, writing values as `{name}`.
 */
export interface Translation {
  /** Name of the language in itself (for documentation and tests). */
  languageName: string;
  dismiss: string;
  close: string;
  emailLabel: string;
  privacyLink: string;
  errorEmail: string;
  errorConsent: string;
  errorNetwork: string;
  /** Labels the absence banner's region. */
  absenceLabel: string;
  /** The absence's days, e.g. "7–11 Dec" or "du 7 au 11 déc." (`range` in `absenceUpcoming`). */
  dayRange: (values: { start: string; end: string }) => string;
  absenceUpcoming: (values: { range: string }) => string;
  absenceActive: (values: { end: string }) => string;
  absenceShips: (values: { date: string }) => string;
  absenceNotify: string;
  absenceNotifySubmit: string;
  absenceNotifyDone: string;
  /** The button that shows the rest of a long absence message, and the one that folds it back. */
  showMore: string;
  showLess: string;
  /** Beside an add-to-cart button during an absence the shop cannot ship in (no final stop: dates may end in one). */
  absencePaused: (values: { date: string }) => string;
  freeShippingLabel: string;
  freeShippingRemaining: (values: { amount: string }) => string;
  /** The merchant's tier label stands first, as a label: "Free standard shipping: add €45.00". */
  freeShippingRemainingTier: (values: { amount: string; label: string }) => string;
  freeShippingUnlocked: string;
  freeShippingTierUnlocked: (values: { label: string }) => string;
  cutoffToday: (values: { duration: string }) => string;
  /** A time left, e.g. "2 h 14 min"; either part may be 0 and is then left out. */
  duration: (values: { hours: number; minutes: number }) => string;
  cutoffLater: (values: { date: string }) => string;
  cutoffDelivery: (values: { method: string; range: string }) => string;
  deadlineOrderBy: (values: { date: string; event: string; method: string }) => string;
  deadlineTooLate: (values: { event: string }) => string;
  faqLabel: string;
  faqSearch: string;
  faqEmpty: (values: { query: string }) => string;
  faqCount: (values: { count: number }) => string;
  captureTitle: string;
  captureIntro: string;
  captureSubmit: string;
  /** After a capture: true at that moment (nothing is sent yet; an email follows only without an order). */
  captureDone: string;
  captureNoThanks: string;
  /** After a recovery email's restore link, when the device's newer cart was kept and the saved items added. */
  restoreKeptNewer: string;
  /** After a restore link that brought the saved cart back. */
  restoreDone: string;
  /** Labels the announcement bar's region. */
  announcementLabel: string;
  /** The countdown to a message's end, under two days. */
  announcementEndsIn: (values: { duration: string }) => string;
  /** A message's end further away, e.g. "Ends Sun 14 Dec, 23:59". */
  announcementEndsOn: (values: { date: string }) => string;
  announcementPrevious: string;
  announcementNext: string;
  /** The rotation's pause button (a toggle: `aria-pressed` says whether it is paused). */
  announcementPause: string;
  /** A message's dismiss button: not the banner's "Dismiss", which is often right beside it. */
  announcementDismiss: string;
}

/** A key of the translation. */
export type TranslationKey = keyof Translation;

/** The keys of the absence banner's strings. */
type BannerKey =
  | 'dismiss'
  | 'absenceLabel'
  | 'dayRange'
  | 'absenceUpcoming'
  | 'absenceActive'
  | 'absenceShips'
  | 'showMore'
  | 'showLess'
  | 'absencePaused';

/**
 * Each language comes in two modules: the absence banner's strings (`en.banner.ts`), all a page
 * with only the banner loads, and the others (`en.rest.ts`), which every other element needs too;
 * `en.ts` joins them (the config page's text editor, the npm bundle's `translations`).
 */
export type BannerStrings = Pick<Translation, BannerKey>;

/** The strings of a language that are not the banner's (see `BannerStrings`). */
export type RestStrings = Omit<Translation, BannerKey>;

/** Which strings an element needs: the banner's alone, or all of them (the banner's included). */
export type StringSet = 'banner' | 'all';

/** The values an entry takes (none for a plain text entry). */
export type TranslationValues<K extends TranslationKey> = Translation[K] extends (
  values: infer V,
) => string
  ? V
  : undefined;
