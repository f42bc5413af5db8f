import { parse as parseSelector } from 'css-what';
import { z } from 'zod';

/** A lone UTF-16 surrogate: half of a character, which no UTF-8 store can keep (it becomes U+FFFD). */
const LONE_SURROGATE = /(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

/** True when `value` is well-formed UTF-16: every surrogate is half of a pair. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * A string with no lone UTF-16 surrogate. JSON can carry one (`"\ud800"`), but the databases
 * store UTF-8 and would keep U+FFFD in its place, so every free-text string that crosses the
 * boundary starts from this one and a broken string is refused with a 400 naming its field.
 */
export const WellFormedText = z.string().refine(isWellFormedText, {
  message: 'Contains a broken character (a lone UTF-16 surrogate)',
});

/** The languages every widget, email and the config page ship with. */
export const SUPPORTED_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

/** One of the languages Comptoir ships with. */
export const Locale = z.enum(SUPPORTED_LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Days of the week, as the calendar names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day of the week. */
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not). */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A calendar day in the shop's time zone, `YYYY-MM-DD`. */
export const LocalDate = z
  .string()
  .refine(isLocalDate, { message: 'Expected a real date written YYYY-MM-DD, like 2026-12-18' });

/** A wall-clock time, `HH:mm` on a 24-hour clock. */
export const WallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time written HH:mm, like 14:00');

const knownTimeZones = new Map<string, boolean>();

/** True when the runtime's `Intl` knows this IANA time zone. */
export function isTimeZone(value: string): boolean {
  let known = knownTimeZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = value.length > 0 && value.length <= 64;
    } catch {
      known = false;
    }
    knownTimeZones.set(value, known);
  }
  return known;
}

/** An IANA time zone such as `Europe/Paris`. */
export const TimeZone = z
  .string()
  .refine(isTimeZone, { message: 'Unknown time zone: use an IANA name like Europe/Paris' });

let currencies: Set<string> | undefined;

/** True when `value` is an ISO 4217 currency code the runtime's `Intl` knows. */
export function isCurrencyCode(value: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(value);
}

/** An ISO 4217 currency code, upper case (`EUR`, `JPY`). */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Expected an upper-case ISO 4217 currency code, like EUR')
  .refine(isCurrencyCode, { message: 'Unknown ISO 4217 currency code' });

// ISO 3166-1 alpha-2, the 249 assigned codes plus XK (Kosovo), which Shopify and carriers use.
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
    'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
    'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
    'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
    'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
    'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
    'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
    'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ' +
    'ZM ZW'
  ).split(' '),
);

/** True when `value` is an assigned ISO 3166-1 alpha-2 country code (`FR`; `XX` is not). */
export function isCountryCode(value: string): boolean {
  return COUNTRY_CODES.has(value);
}

/** An ISO 3166-1 alpha-2 country code, upper case (`FR`). */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Expected an upper-case ISO 3166-1 alpha-2 country code, like FR')
  .refine(isCountryCode, { message: 'Unknown country code: use an ISO 3166-1 code, like FR' });

/** An amount of money in the currency's minor units (cents); never negative or fractional. */
export const MinorUnits = z
  .number()
  .int('Money is a whole number of minor units (cents), not a fraction')
  .min(0, 'Money cannot be negative')
  .max(1_000_000_000_000, 'Amount is too large');

/** A stable identifier chosen by the merchant or the platform. */
export const Identifier = z
  .string()
  .min(1, 'Required')
  .max(128, 'At most 128 characters')
  .regex(/^[\w.:~-]+$/, 'Use letters, digits and . _ : ~ - only');

/** A short line of text such as a name or a title. */
export const ShortText = WellFormedText.max(200, 'At most 200 characters');

/** A paragraph of text such as a message or an answer. */
export const LongText = WellFormedText.max(5000, 'At most 5000 characters');

/** An absolute http(s) URL. */
export const HttpUrl = WellFormedText.max(2048, 'At most 2048 characters').refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'Expected an absolute http:// or https:// URL' },
);

/** An origin such as `https://shop.example` (scheme, host and port only). */
export const Origin = z
  .string()
  .max(255)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
      } catch {
        return false;
      }
    },
    { message: 'Expected an origin like https://shop.example, with no path or trailing slash' },
  );

/** An email address (checked loosely: real validation is the mail server's). */
export const EmailAddress = WellFormedText.max(254, 'At most 254 characters').regex(
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/,
  'Expected an email address',
);

/**
 * True when `value` parses as a CSS selector list (`div[[bad` does not). The browser's own parser
 * is stricter about pseudo-classes; the config page checks with `document.querySelector` too.
 */
export function isCssSelector(value: string): boolean {
  if (!value.trim()) return false;
  try {
    parseSelector(value);
    return true;
  } catch {
    return false;
  }
}

/** A CSS selector list such as `.cart-button` or `#main > .product`. */
export const CssSelector = WellFormedText.max(300, 'At most 300 characters').refine(
  (value) => value === '' || isCssSelector(value),
  { message: 'Not a valid CSS selector' },
);

/** An instant on the wire: ISO 8601 with a time zone offset or `Z`. */
export const Instant = z.iso.datetime({ offset: true });
