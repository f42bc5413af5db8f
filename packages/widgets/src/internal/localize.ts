import { nothing } from 'lit/html.js';
import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { resolvedLocale, resolveText, type LocalizedTextValue } from '@comptoir/sdk/text';
import type { TranslationKey, TranslationValues } from '../translations/translation.js';
import { formatLocale, loadedTranslation, pickLocale, type WidgetLocale } from './locale.js';

/**
 * Language and formatting for one element: which language its strings are in, the merchant's
 * string overrides, and dates, durations and money through `Intl` in the shop's convention. It
 * reads the element's `lang` and config each time, so it needs no lifecycle hooks; the base class
 * holds updates until the language's strings are loaded.
 */
export class LocalizeController {
  readonly #host: HTMLElement & { readonly shopConfig?: PublishedConfig };

  constructor(host: HTMLElement & { readonly shopConfig?: PublishedConfig }) {
    this.#host = host;
  }

  /** The language used: the element's or page's `lang` when shipped, else the shop's default. */
  get locale(): WidgetLocale {
    return pickLocale([
      this.#host.closest('[lang]')?.getAttribute('lang'),
      document.documentElement.lang,
      this.#host.shopConfig?.defaultLocale,
    ]);
  }

  /**
   * The locale for `Intl` formatting: the page's `lang` when it has a region and the same
   * language, else a region chosen from the shop (see `formatLocale`).
   */
  get formatLocale(): string {
    return formatLocale(
      this.locale,
      [this.#host.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang],
      this.#host.shopConfig?.currency,
    );
  }

  /** A translated string, or the merchant's override from `config.strings[locale][key]`. */
  t<K extends TranslationKey>(
    key: K,
    ...values: TranslationValues<K> extends undefined ? [] : [TranslationValues<K>]
  ): string {
    const locale = this.locale;
    const override = this.#host.shopConfig?.strings?.[locale]?.[key];
    const params = values[0] as Record<string, unknown> | undefined;
    if (typeof override === 'string') {
      return endOnce(
        frenchSpaces(override, locale).replace(/\{(\w+)\}/g, (match, name: string) =>
          params && name in params ? String(params[name]) : match,
        ),
      );
    }
    const entry = (loadedTranslation(locale, 'banner') ?? loadedTranslation('en', 'banner'))?.[
      key
    ] as string | ((values: unknown) => string) | undefined;
    return typeof entry === 'function' ? endOnce(entry(params)) : (entry ?? '');
  }

  /**
   * The merchant's own text (a label, a message…) in this language, else the shop's default, with
   * French spacing in French.
   */
  text(value: LocalizedTextValue | undefined): string {
    const locale = this.locale;
    return frenchSpaces(
      resolveText(value, locale, this.#host.shopConfig?.defaultLocale ?? locale),
      locale,
    );
  }

  /**
   * The `lang` of a merchant text that is shown in another language than the element's (the shop's
   * default standing in for a missing translation), so a screen reader reads it in its own
   * language (WCAG 3.1.2); `nothing` (no attribute) when it is in the element's language.
   */
  langOf(value: LocalizedTextValue | undefined): string | typeof nothing {
    const locale = this.locale;
    const from = resolvedLocale(value, locale, this.#host.shopConfig?.defaultLocale ?? locale);
    return from && from !== locale ? from : nothing;
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
}

/**
 * In French, a space before : ; ! ? » or after « becomes a non-breaking one, as the built-in
 * strings have it, so the merchant's own texts never start a line with "?" or "»" either.
 */
export function frenchSpaces(text: string, locale: string): string {
  return locale === 'fr' ? text.replace(/ (?=[:;!?»])|(?<=«) /g, '\u00a0') : text;
}

/**
 * Drops the sentence's full stop where a value already ends in one: "jusqu’au 4 janv.." reads
 * "jusqu’au 4 janv." (French and German short months end in a dot). An ellipsis stays.
 */
export function endOnce(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** A `YYYY-MM-DD` day as a UTC midnight `Date`, for `Intl` formatting with `timeZone: 'UTC'`. */
export function dayToDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}
