import { formatMoney } from '@comptoir/sdk/money';

/**
 * The locale dates and money are formatted in, as the widgets pick it: English reads as in the US
 * for a shop selling in US dollars and as in Britain otherwise (day before month, 24-hour clock);
 * other languages as in their main country.
 */
export function formatLocaleFor(uiLocale: string, currency: string): string {
  return uiLocale === 'en' ? (currency === 'USD' ? 'en-US' : 'en-GB') : uiLocale;
}

/** An instant in the shop's time zone: "18 Dec 2026, 14:05" (not the browser's zone). */
export function formatInstant(
  instant: string,
  uiLocale: string,
  currency: string,
  timeZone: string,
): string {
  const date = new Date(instant);
  if (!Number.isFinite(date.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat(formatLocaleFor(uiLocale, currency), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** A `YYYY-MM-DD` day as the shop writes it ("Thu 18 Dec 2026"). */
export function formatDay(
  day: string,
  uiLocale: string,
  currency: string,
  options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  },
): string {
  const parsed = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(parsed)
    ? new Intl.DateTimeFormat(formatLocaleFor(uiLocale, currency), {
        ...options,
        timeZone: 'UTC',
      }).format(parsed)
    : day;
}

/** Money in minor units as the shop writes it ("€12.50", "12,50 €"). */
export function formatShopMoney(minor: number, currency: string, uiLocale: string): string {
  try {
    return formatMoney(minor, currency, formatLocaleFor(uiLocale, currency));
  } catch {
    return `${minor} ${currency}`;
  }
}
