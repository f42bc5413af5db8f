import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EmailPreview, LifecyclePreviewKind } from '@comptoir/sdk/client';
import type { Locale, ShopConfig } from '@comptoir/sdk/schemas';
import { isComptoirApiError } from '@comptoir/sdk/client';
import type { AdminClient } from './api.js';
import type { PreviewStatus } from './preview-controller.js';
import { shopTimeInstant } from './shop-time.js';

export interface EmailPreviewOptions {
  /** What the preview renders: the unsaved draft, or nothing yet. */
  draft: () => ShopConfig | undefined;
  /** Whether the open section shows this preview (none is fetched otherwise). */
  active: () => boolean;
}

/**
 * The live preview of the emails after the order (After the order section): the order
 * confirmation, review request or win-back rendered by the server from the unsaved draft for a
 * sample order (`POST /v1/admin/lifecycle/preview`), since the confirmation's dates come from the
 * published calendar with public holidays, which only the server resolves. Refreshes are debounced
 * while the merchant types and a late answer never replaces a newer one; an invalid draft (400)
 * keeps the last good preview.
 */
export class EmailPreviewController implements ReactiveController {
  kind: LifecyclePreviewKind = 'confirmation';
  /** The shopper's language; empty for the shop's default. */
  locale: Locale | '' = '';
  /** `datetime-local` text for the sample order's instant in the shop's time zone, empty for now. */
  at = '';
  /** The last email the server rendered. */
  email?: EmailPreview;
  status: PreviewStatus = 'idle';
  /** The failure to show when `status` is `error`. */
  error?: unknown;
  private timer?: ReturnType<typeof setTimeout>;
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => Pick<AdminClient, 'lifecyclePreview'>,
    private readonly options: EmailPreviewOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Changes the preview's controls and refreshes it now. */
  set(change: Partial<Pick<EmailPreviewController, 'kind' | 'locale' | 'at'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
    this.schedule(0);
  }

  /** Refreshes the preview after `delay` ms, replacing any refresh already waiting. */
  schedule(delay: number): void {
    if (!this.options.draft() || !this.options.active()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server to render the draft's email now. */
  async refresh(): Promise<void> {
    const draft = this.options.draft();
    if (!draft) return;
    const request = ++this.request;
    this.status = 'loading';
    this.host.requestUpdate();
    const at = shopTimeInstant(this.at, draft.calendar.timeZone);
    const locale = this.locale && draft.locales.includes(this.locale) ? this.locale : undefined;
    try {
      const email = await this.api().lifecyclePreview({
        kind: this.kind,
        config: draft,
        ...(at ? { at } : {}),
        ...(locale ? { locale } : {}),
      });
      if (request !== this.request) return;
      this.email = email;
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      if (request !== this.request) return;
      this.status = isComptoirApiError(error) && error.status === 400 ? 'invalid' : 'error';
      this.error = error;
    }
    this.host.requestUpdate();
  }
}
