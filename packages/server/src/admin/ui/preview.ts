import { html, nothing, type TemplateResult } from 'lit';
import type { Cart, Locale, PublishedConfig } from '@comptoir/sdk/schemas';
import { toMinor, toDecimalString } from '@comptoir/sdk/money';
import type { Ctx } from './context.js';
import { languageName } from './sections/shop.js';

/** The widgets each section previews; sections not listed show no preview. */
export const PREVIEWED: Record<string, string[]> = {
  shop: ['banner', 'free-shipping', 'cutoff', 'deadline'],
  absences: ['banner', 'cutoff'],
  shipping: ['cutoff', 'deadline', 'banner'],
  'free-shipping': ['free-shipping'],
  events: ['deadline', 'cutoff'],
  faq: ['faq'],
  announcements: ['announcement'],
  capture: ['capture'],
  texts: ['banner', 'free-shipping', 'cutoff', 'deadline', 'capture'],
};

/** The preview's own controls, kept by the page across re-renders. */
export interface PreviewState {
  locale: Locale | '';
  /** `datetime-local` text, empty for now. */
  at: string;
  subtotal: number;
  config?: PublishedConfig;
  status: 'idle' | 'loading' | 'ready' | 'error';
  message: string;
}

/** The sample cart the preview feeds the widgets, at the chosen subtotal. */
export function sampleCart(ctx: Ctx, subtotal: number): Cart {
  return {
    currency: ctx.draft.currency,
    subtotal,
    items: [
      { id: 'preview-1', title: ctx.t('preview.sampleItem'), quantity: 1, unitPrice: subtotal },
    ],
  };
}

/** The live preview: the real widgets rendering the unsaved draft, in a language and at a moment. */
export function renderPreview(
  ctx: Ctx,
  section: string,
  preview: PreviewState,
  onChange: () => void,
): TemplateResult | typeof nothing {
  const widgets = PREVIEWED[section];
  if (!widgets) return nothing;
  const config = preview.config;
  const locale =
    preview.locale && ctx.draft.locales.includes(preview.locale)
      ? preview.locale
      : ctx.draft.defaultLocale;
  const currency = ctx.draft.currency;
  return html`<aside class="preview" aria-labelledby="preview-title">
    <div class="preview-head">
      <h2 id="preview-title">${ctx.t('preview.title')}</h2>
      <p class="hint">${ctx.t('preview.hint')}</p>
    </div>
    <div class="preview-controls">
      <div class="field">
        <label for="preview-locale">${ctx.t('preview.language')}</label>
        <select
          id="preview-locale"
          @change=${(e: Event) => {
            preview.locale = (e.target as HTMLSelectElement).value as Locale;
            onChange();
          }}
        >
          ${ctx.draft.locales.map((l) => html`<option value=${l} ?selected=${l === locale}>${languageName(l, ctx.locale)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="preview-at">${ctx.t('preview.at')}</label>
        <div class="input-with-button">
          <input
            id="preview-at"
            type="datetime-local"
            .value=${preview.at}
            @change=${(e: Event) => {
              preview.at = (e.target as HTMLInputElement).value;
              onChange();
            }}
          />
          <button
            type="button"
            class="secondary small"
            ?disabled=${!preview.at}
            @click=${() => {
              preview.at = '';
              onChange();
            }}
          >
            ${ctx.t('preview.now')}
          </button>
        </div>
      </div>
      ${
        widgets.includes('free-shipping') || widgets.includes('capture')
          ? html`<div class="field">
              <label for="preview-subtotal">${ctx.t('preview.subtotal', { currency })}</label>
              <input
                id="preview-subtotal"
                type="number"
                min="0"
                step="any"
                inputmode="decimal"
                .value=${toDecimalString(preview.subtotal, currency)}
                @change=${(e: Event) => {
                  preview.subtotal = toMinor(
                    Number((e.target as HTMLInputElement).value) || 0,
                    currency,
                  );
                  onChange();
                }}
              />
            </div>`
          : nothing
      }
    </div>
    <div
      class="preview-stage"
      lang=${locale}
      aria-busy=${preview.status === 'loading' ? 'true' : 'false'}
    >
      ${preview.status === 'error' ? html`<p class="field-error" role="status">${ctx.t('preview.error')} ${preview.message}</p>` : nothing}
      ${!config && preview.status !== 'error' ? html`<p class="muted">${ctx.t('common.loading')}</p>` : nothing}
      ${
        config
          ? html`
              ${widgets.includes('announcement') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.announcement')}</span><comptoir-announcement-bar .config=${config} no-dismiss></comptoir-announcement-bar></div>` : nothing}
              ${widgets.includes('banner') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.banner')}</span><comptoir-absence-banner .config=${config} no-dismiss></comptoir-absence-banner></div>` : nothing}
              ${widgets.includes('free-shipping') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.freeShipping')}</span><comptoir-free-shipping .config=${config}></comptoir-free-shipping></div>` : nothing}
              ${widgets.includes('cutoff') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.cutoff')}</span><comptoir-shipping-cutoff .config=${config}></comptoir-shipping-cutoff></div>` : nothing}
              ${widgets.includes('deadline') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.deadline')}</span><comptoir-holiday-deadline .config=${config}></comptoir-holiday-deadline></div>` : nothing}
              ${widgets.includes('faq') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.faq')}</span><comptoir-faq .config=${config} no-events></comptoir-faq></div>` : nothing}
              ${widgets.includes('capture') ? html`<div class="preview-slot"><span class="slot-label">${ctx.t('preview.capture')}</span><comptoir-cart-capture .config=${config} mode="inline" preview></comptoir-cart-capture></div>` : nothing}
              <p class="hint">${ctx.t('preview.emptyHint')}</p>
            `
          : nothing
      }
    </div>
  </aside>`;
}
