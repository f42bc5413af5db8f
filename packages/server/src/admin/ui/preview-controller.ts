import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart, Locale, PublishedConfig, ShopConfig } from '@comptoir/sdk/schemas';
import { isComptoirApiError } from '@comptoir/sdk/client';
import type { AdminClient } from './api.js';
import { shopTimeInstant } from './shop-time.js';

/** Where the preview stands: `invalid` when the server refused the draft (400). */
export type PreviewStatus = 'idle' | 'loading' | 'ready' | 'invalid' | 'error';

export interface PreviewOptions {
  /** What the preview renders: the unsaved draft, or nothing yet. */
  draft: () => ShopConfig | undefined;
  /** Whether the open section shows a preview (none is fetched otherwise). */
  active: () => boolean;
  /** The sample cart's one line, in the page's language. */
  itemTitle: () => string;
  /**
   * Whether the draft already fails the page's own checks: the server would refuse it too, so
   * it is not sent (each keystroke of a bad value was a 400 in the console).
   */
  invalid?: () => boolean;
}

/**
 * The live preview, shared by the sections that show one: the language and moment to preview at,
 * the sample cart's subtotal, and the published config the server derives from the draft at that
 * moment (`POST /v1/admin/preview`), which the real widgets then render. Refreshes are debounced
 * and a late answer never replaces a newer one; an invalid draft keeps the last good preview.
 */
export class PreviewController implements ReactiveController {
  /** The shop language to preview in; empty for the shop's default. */
  locale: Locale | '' = '';
  /** `datetime-local` text, empty for now. */
  at = '';
  /** The sample cart's subtotal, in minor units. */
  subtotal = 3500;
  /** The last published config the server answered. */
  config?: PublishedConfig;
  status: PreviewStatus = 'idle';
  /** The failure to show when `status` is `error`. */
  error?: unknown;
  private timer?: ReturnType<typeof setTimeout>;
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => Pick<AdminClient, 'preview'>,
    private readonly options: PreviewOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('comptoir-preview-ready', this.onWidgetsReady);
  }

  hostDisconnected(): void {
    document.removeEventListener('comptoir-preview-ready', this.onWidgetsReady);
    clearTimeout(this.timer);
  }

  private readonly onWidgetsReady = () => {
    if (this.options.draft()) this.pushCart();
  };

  /** The language the widgets render in: the chosen one while the shop has it, else the default. */
  shownLocale(draft: ShopConfig): Locale {
    return this.locale && draft.locales.includes(this.locale) ? this.locale : draft.defaultLocale;
  }

  /** Changes the preview's controls and refreshes it now. */
  set(change: Partial<Pick<PreviewController, 'locale' | 'at' | 'subtotal'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
    if (change.subtotal !== undefined) this.pushCart();
    this.schedule(0);
  }

  /** Refreshes the preview after `delay` ms, replacing any refresh already waiting. */
  schedule(delay: number): void {
    if (!this.options.draft() || !this.options.active()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server for the draft's published config now. */
  async refresh(): Promise<void> {
    const draft = this.options.draft();
    if (!draft) return;
    const request = ++this.request;
    if (this.options.invalid?.()) {
      this.status = 'invalid';
      this.error = undefined;
      this.host.requestUpdate();
      return;
    }
    this.status = 'loading';
    this.host.requestUpdate();
    const at = this.at ? shopTimeInstant(this.at, draft.calendar.timeZone) : undefined;
    try {
      const config = await this.api().preview(at ? { config: draft, at } : { config: draft });
      if (request !== this.request) return;
      this.config = config;
      this.status = 'ready';
      this.error = undefined;
      this.pushCart();
    } catch (error) {
      if (request !== this.request) return;
      // An invalid draft cannot be previewed: keep showing the last good preview.
      this.status = isComptoirApiError(error) && error.status === 400 ? 'invalid' : 'error';
      this.error = error;
    }
    this.host.requestUpdate();
  }

  /** The sample cart the preview feeds the widgets, at the chosen subtotal. */
  sampleCart(currency: string): Cart {
    return {
      currency,
      subtotal: this.subtotal,
      items: [
        {
          id: 'preview-1',
          title: this.options.itemTitle(),
          quantity: 1,
          unitPrice: this.subtotal,
        },
      ],
    };
  }

  private pushCart(): void {
    const draft = this.options.draft();
    if (draft) window.comptoirPreview?.setCart(this.sampleCart(draft.currency));
  }
}
