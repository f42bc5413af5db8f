import { nothing } from 'lit/html.js';
import type { Cart, PublishedConfig } from '@comptoir/sdk/schemas';
import { ConfigController } from './config-controller.js';
import { css, type StyleGroup } from './css.js';
import { LocalizeController } from './localize.js';
import { releaseReservation } from './remember-height.js';
import { loadedTranslation, loadTranslation } from './locale.js';
import { state, warnOnce } from './state.js';
import type { StringSet } from '../translations/translation.js';
import { UpdatingElement, type PropertyDeclarations } from './updating-element.js';

type Nothing = typeof nothing;

/** The config's theme: each value is set on the element as `--_comptoir-<name>`, read by the styles. */
const THEME = [
  'accentColor',
  'textColor',
  'backgroundColor',
  'borderRadius',
  'fontFamily',
] as const;

/**
 * The base of every Comptoir element: shared config and cart, clock-skew correction, language,
 * string overrides, theme, and error containment (an error in a widget logs one warning with a
 * stable code and the widget renders nothing; it never throws into the host page).
 */
export class ComptoirElement extends UpdatingElement {
  static override styles: StyleGroup = css`
    :host {
      display: block;
      font: inherit;
      color: var(--comptoir-text-color, var(--_comptoir-textColor, inherit));
      font-family: var(--comptoir-font-family, var(--_comptoir-fontFamily, inherit));
      --_accent: var(--comptoir-accent-color, var(--_comptoir-accentColor, #1a6b4c));
      --_background: var(--comptoir-background-color, var(--_comptoir-backgroundColor, #f4f7f5));
      --_radius: var(--comptoir-border-radius, var(--_comptoir-borderRadius, 0.5rem));
      --_gap: var(--comptoir-spacing, 0.75rem);
      --_border: var(--comptoir-border-color, color-mix(in srgb, currentColor 25%, transparent));
    }
    :host([hidden]) {
      display: none;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--comptoir-accent-color, var(--_comptoir-accentColor, #6fd3a6));
        --_background: var(--comptoir-background-color, var(--_comptoir-backgroundColor, #1d2522));
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
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        transition: none !important;
        animation: none !important;
      }
    }
  `;

  /** The strings it needs: all of them, or (the banner) only the banner's. */
  static strings: StringSet = 'all';

  static override properties: PropertyDeclarations = {
    config: { attribute: false },
  };

  /** The shop's published config; when unset, the one the loader or `configure()` provides. */
  declare config?: PublishedConfig;

  readonly #warnedCodes = new Set<string>();
  readonly #shop = new ConfigController(this);

  /** The element's language, string overrides and `Intl` formatting. */
  readonly localize = new LocalizeController(this);

  /** The config in use: the `config` property, else the shared one. */
  get shopConfig(): PublishedConfig | undefined {
    return this.#shop.value;
  }

  /**
   * The shared cart, or `null` before one is known. The config controller already re-renders the
   * element whenever it changes, so reading it here is enough to follow it live. An element that
   * reads it imports `cart/validate.ts` (see `setCart`), as the shipping elements and the capture do.
   */
  get cart(): Cart | null {
    return state.cart;
  }

  /** The current instant, corrected with the server's clock. */
  now(): Date {
    return this.#shop.now();
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
    warnOnce(`${this.localName}/${code}`, message, detail, this.#warnedCodes);
    return nothing;
  }

  /** Wraps an event handler so that an error in it logs once instead of reaching the page. */
  guard<A extends unknown[]>(handler: (...args: A) => unknown): (...args: A) => void {
    return (...args: A) => {
      try {
        const result = handler.apply(this, args);
        if (result instanceof Promise)
          result.catch((error) => this.fail('handler-failed', String(error), error));
      } catch (error) {
        this.fail('handler-failed', String(error), error);
      }
    };
  }

  /** What the element shows; `nothing` to show nothing. Subclasses implement it. */
  protected renderWidget(): unknown {
    return nothing;
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
  protected override async scheduleUpdate(): Promise<void> {
    const locale = this.localize.locale;
    const set = (this.constructor as typeof ComptoirElement).strings;
    if (!loadedTranslation(locale, set)) await loadTranslation(locale, set);
    // What one load brings may call for another; a failed load renders what it can.
    for (let step = 0, wait = this.pending(); wait && step < 3; step++, wait = this.pending())
      await wait.catch((error: unknown) => this.fail('load-failed', String(error), error));
    super.scheduleUpdate();
  }

  /**
   * What must load before the element renders (code it needs only in some cases), or undefined
   * when nothing is missing; asked again once it is loaded.
   */
  protected pending(): Promise<unknown> | undefined {
    return undefined;
  }

  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      this.fail('update-failed', String(error), error);
    }
  }

  protected override updated(): void {
    const theme = this.shopConfig?.theme ?? {};
    for (const name of THEME) {
      const value = theme[name];
      if (value) this.style.setProperty(`--_comptoir-${name}`, value);
      else this.style.removeProperty(`--_comptoir-${name}`);
    }
    releaseReservation(this);
  }
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]';

/**
 * The first focusable element after `element` in the document, skipping what is hidden: where
 * focus goes when the control that had it goes with the widget (a dismissed banner or form).
 */
export function nextFocusable(element: Element): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
    (candidate) =>
      element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING &&
      !element.contains(candidate) &&
      candidate.tabIndex >= 0 &&
      candidate.getClientRects().length > 0,
  );
}
