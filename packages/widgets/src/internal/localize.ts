import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { formatMoney } from '@comptoir/sdk/money';
import en from '../translations/en.js';
import type { TranslationKey, TranslationValues } from '../translations/translation.js';
import { formatLocale, loadedTranslation, pickLocale, type WidgetLocale } from './locale.js';

/**
 * Language and formatting for one element: which language its strings are in, the merchant's
 * string overrides, and dates, durations and money through `Intl` in the shop's convention. It
 * reads the element's `lang` and config each time, so it needs no lifecycle hooks; the base class
 * holds updates until the language's strings are loaded.
 */
export class LocalizeController {
  constructor(private readonly host: HTMLElement & { readonly shopConfig?: PublishedConfig }) {}

  /** The language used: the element's or page's `lang` when shipped, else the shop's default. */
  get locale(): WidgetLocale {
    return pickLocale([
      this.host.closest('[lang]')?.getAttribute('lang'),
      document.documentElement.lang,
      this.host.shopConfig?.defaultLocale,
    ]);
  }

  /**
   * The locale for `Intl` formatting: the page's `lang` when it has a region and the same
   * language, else a region chosen from the shop (see `formatLocale`).
   */
  get formatLocale(): string {
    return formatLocale(
      this.locale,
      [this.host.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang],
      this.host.shopConfig?.currency,
    );
  }

  /** A translated string, or the merchant's override from `config.strings[locale][key]`. */
  t<K extends TranslationKey>(
    key: K,
    ...values: TranslationValues<K> extends undefined ? [] : [TranslationValues<K>]
  ): string {
    const locale = this.locale;
    const override = this.host.shopConfig?.strings?.[locale]?.[key];
    const params = values[0] as Record<string, unknown> | undefined;
    if (typeof override === 'string') {
      return override.replace(/\{(\w+)\}/g, (match, name: string) =>
        params && name in params ? String(params[name]) : match,
      );
    }
    const entry = (loadedTranslation(locale) ?? en)[key] as string | ((values: unknown) => string);
    return typeof entry === 'function' ? entry(params) : entry;
  }

  /** A `YYYY-MM-DD` calendar day, formatted in the shop's convention. */
  formatDay(
    date: string,
    options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' },
  ): string {
    return new Intl.DateTimeFormat(this.formatLocale, { ...options, timeZone: 'UTC' }).format(
      dayToDate(date),
    );
  }

  /** A range of calendar days, e.g. "1–20 Aug". */
  formatDayRange(start: string, end: string): string {
    if (start === end) return this.formatDay(start, { day: 'numeric', month: 'short' });
    return new Intl.DateTimeFormat(this.formatLocale, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).formatRange(dayToDate(start), dayToDate(end));
  }

  /** An instant in the shop's time zone, e.g. "Thu 18 Dec, 14:00". */
  formatInstant(instant: Date, timeZone: string): string {
    return new Intl.DateTimeFormat(this.formatLocale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(instant);
  }

  /** A duration in whole minutes, rounded up, e.g. "2 h 14 min" (the `duration` entry). */
  formatDuration(ms: number): string {
    const total = Math.max(1, Math.ceil(ms / 60_000));
    return this.t('duration', { hours: Math.floor(total / 60), minutes: total % 60 });
  }

  /** Money in minor units, formatted in the shop's convention. */
  formatMoney(minor: number, currency: string): string {
    return formatMoney(minor, currency, this.formatLocale);
  }
}

/** A `YYYY-MM-DD` day as a UTC midnight `Date`, for `Intl` formatting with `timeZone: 'UTC'`. */
export function dayToDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}
