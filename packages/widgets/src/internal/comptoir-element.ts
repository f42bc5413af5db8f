import { css, LitElement, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { formatMoney } from '@comptoir/sdk/money';
import en from '../translations/en.js';
import type { TranslationKey, TranslationValues } from '../translations/translation.js';
import { listenForCartEvents } from '../cart/store.js';
import { state, subscribe } from './state.js';
import { rememberHeight } from './reserve.js';
import {
  loadedTranslation,
  loadTranslation,
  formatLocale,
  pickLocale,
  provideTranslation,
  type WidgetLocale,
} from './locale.js';

provideTranslation('en', en);

type Nothing = typeof nothing;

const THEME_VARIABLES = {
  accentColor: '--_comptoir-theme-accent',
  textColor: '--_comptoir-theme-text',
  backgroundColor: '--_comptoir-theme-background',
  borderRadius: '--_comptoir-theme-radius',
  fontFamily: '--_comptoir-theme-font',
} as const;

/**
 * The base of every Comptoir element: shared config and cart, clock-skew correction, language,
 * string overrides, theme, and error containment (an error in a widget logs one warning with a
 * stable code and the widget renders nothing; it never throws into the host page).
 */
export class ComptoirElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: block;
      font: inherit;
      color: var(--comptoir-text-color, var(--_comptoir-theme-text, inherit));
      font-family: var(--comptoir-font-family, var(--_comptoir-theme-font, inherit));
      --_accent: var(--comptoir-accent-color, var(--_comptoir-theme-accent, #1a6b4c));
      --_background: var(--comptoir-background-color, var(--_comptoir-theme-background, #f4f7f5));
      --_radius: var(--comptoir-border-radius, var(--_comptoir-theme-radius, 0.5rem));
      --_gap: var(--comptoir-spacing, 0.75rem);
      --_border: var(--comptoir-border-color, color-mix(in srgb, currentColor 25%, transparent));
    }
    :host([hidden]) {
      display: none;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--comptoir-accent-color, var(--_comptoir-theme-accent, #6fd3a6));
        --_background: var(--comptoir-background-color, var(--_comptoir-theme-background, #1d2522));
      }
    }
    * {
      box-sizing: border-box;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    button,
    input {
      font: inherit;
      color: inherit;
    }
    button {
      cursor: pointer;
    }
    :focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .button {
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--comptoir-button-text-color, Canvas);
      padding-block: 0.4em;
      padding-inline: 0.9em;
    }
    .button.secondary {
      background: transparent;
      color: inherit;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    input[type='email'],
    input[type='search'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding-block: 0.4em;
      padding-inline: 0.6em;
      background: Field;
      color: FieldText;
      min-inline-size: 0;
    }
    .consent {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
    }
    .error {
      color: var(--comptoir-error-color, #b3261e);
      margin: 0;
    }
    @media (prefers-color-scheme: dark) {
      .error {
        color: var(--comptoir-error-color, #ffb4ab);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        transition: none !important;
        animation: none !important;
      }
    }
  `;

  static override properties: PropertyDeclarations = {
    config: { attribute: false },
  };

  /** The shop's published config; when unset, the one the loader or `configure()` provides. */
  declare config?: PublishedConfig;

  private ownSkew = 0;
  private unsubscribe?: () => void;
  private readonly warnedCodes = new Set<string>();

  /** The config in use: the `config` property, else the shared one. */
  get shopConfig(): PublishedConfig | undefined {
    return this.config ?? state.config;
  }

  /** The current instant, corrected with the server's clock. */
  now(): Date {
    return new Date(Date.now() + (this.config ? this.ownSkew : state.skew));
  }

  /** The language used: the element's or page's `lang` when shipped, else the shop's default. */
  get locale(): WidgetLocale {
    return pickLocale([
      this.closest('[lang]')?.getAttribute('lang'),
      document.documentElement.lang,
      this.shopConfig?.defaultLocale,
    ]);
  }

  /**
   * The locale for `Intl` formatting: the page's `lang` when it has a region and the same
   * language, else a region chosen from the shop (see `formatLocale`).
   */
  get formatLocale(): string {
    return formatLocale(
      this.locale,
      [this.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang],
      this.shopConfig?.currency,
    );
  }

  /** A translated string, or the merchant's override from `config.strings[locale][key]`. */
  t<K extends TranslationKey>(key: K, ...values: TranslationValues<K> extends undefined ? [] : [TranslationValues<K>]): string {
    const locale = this.locale;
    const override = this.shopConfig?.strings?.[locale]?.[key];
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
  formatDay(date: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
    return new Intl.DateTimeFormat(this.formatLocale, { ...options, timeZone: 'UTC' }).format(dayToDate(date));
  }

  /** A range of calendar days, e.g. "1–20 Aug". */
  formatDayRange(start: string, end: string): string {
    if (start === end) return this.formatDay(start, { day: 'numeric', month: 'short' });
    return new Intl.DateTimeFormat(this.formatLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).formatRange(
      dayToDate(start),
      dayToDate(end),
    );
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

  /** A duration in whole minutes, e.g. "2 hr 14 min". */
  formatDuration(ms: number): string {
    const minutes = Math.max(1, Math.ceil(ms / 60_000));
    const unit = (value: number, name: 'hour' | 'minute') =>
      new Intl.NumberFormat(this.formatLocale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return [hours > 0 ? unit(hours, 'hour') : '', rest > 0 || hours === 0 ? unit(rest, 'minute') : '']
      .filter(Boolean)
      .join(' ');
  }

  /** Money in minor units, formatted in the shop's convention. */
  formatMoney(minor: number, currency: string): string {
    return formatMoney(minor, currency, this.formatLocale);
  }

  /** Dispatches a `comptoir-*` event that bubbles out of the shadow root. */
  emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * Logs one warning per element and code (`[comptoir] <tag>/<code>: message`) and returns
   * `nothing`, so `return this.fail(...)` renders nothing.
   */
  fail(code: string, message: string, detail?: unknown): Nothing {
    if (!this.warnedCodes.has(code)) {
      this.warnedCodes.add(code);
      console.warn(
        `[comptoir] ${this.localName}/${code}: ${message}`,
        ...(detail === undefined ? [] : [detail]),
      );
    }
    return nothing;
  }

  /** Wraps an event handler so that an error in it logs once instead of reaching the page. */
  guard<A extends unknown[]>(handler: (...args: A) => unknown): (...args: A) => void {
    return (...args: A) => {
      try {
        const result = handler.apply(this, args);
        if (result instanceof Promise) result.catch((error) => this.fail('handler-failed', String(error), error));
      } catch (error) {
        this.fail('handler-failed', String(error), error);
      }
    };
  }

  /** What the element shows; `nothing` to show nothing. Subclasses implement it. */
  protected renderWidget(): unknown {
    return nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    listenForCartEvents();
    this.unsubscribe = subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override render(): unknown {
    try {
      return this.renderWidget();
    } catch (error) {
      return this.fail('render-failed', String(error), error);
    }
  }

  /**
   * Holds an update until the strings of the element's language are loaded (English is bundled;
   * the loader fetches the page's language before it defines the elements, so this waits only for
   * an element whose `lang` differs from the page's): no text flashes by in English first.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.locale;
    if (loadedTranslation(locale)) return super.scheduleUpdate();
    return loadTranslation(locale).then(() => super.scheduleUpdate());
  }

  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      this.fail('update-failed', String(error), error);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config') && this.config) {
      const serverNow = Date.parse(this.config.now);
      this.ownSkew = Number.isFinite(serverNow) ? serverNow - Date.now() : 0;
    }
  }

  protected override updated(): void {
    const theme = this.shopConfig?.theme ?? {};
    for (const [name, variable] of Object.entries(THEME_VARIABLES)) {
      const value = theme[name as keyof typeof THEME_VARIABLES];
      if (value) this.style.setProperty(variable, value);
      else this.style.removeProperty(variable);
    }
    rememberHeight(this);
  }
}

/** A `YYYY-MM-DD` day as a UTC midnight `Date`, for `Intl` formatting with `timeZone: 'UTC'`. */
export function dayToDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}
