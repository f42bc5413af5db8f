import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@comptoir/sdk/schemas';
import { toMinor, toDecimalString } from '@comptoir/sdk/money';
import type { Ctx } from './context.js';
import type { PreviewController } from './preview-controller.js';
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

/** The live preview: the real widgets rendering the unsaved draft, in a language and at a moment. */
export function renderPreview(
  ctx: Ctx,
  section: string,
  preview: PreviewController,
): TemplateResult | typeof nothing {
  const widgets = PREVIEWED[section];
  if (!widgets) return nothing;
  const config = preview.config;
  const locale = preview.shownLocale(ctx.draft);
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
          @change=${(e: Event) =>
            preview.set({ locale: (e.target as HTMLSelectElement).value as Locale })}
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
            aria-describedby="preview-at-hint"
            .value=${preview.at}
            @change=${(e: Event) => preview.set({ at: (e.target as HTMLInputElement).value })}
          />
          <button
            type="button"
            class="secondary small"
            ?disabled=${!preview.at}
            @click=${() => preview.set({ at: '' })}
          >
            ${ctx.t('preview.now')}
          </button>
        </div>
        <p class="hint" id="preview-at-hint">${ctx.t('preview.atHint')}</p>
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
                @change=${(e: Event) =>
                  preview.set({
                    subtotal: toMinor(Number((e.target as HTMLInputElement).value) || 0, currency),
                  })}
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
      ${preview.status === 'error' || preview.status === 'invalid' ? html`<p class="field-error" role="status">${ctx.t('preview.error')} ${preview.status === 'invalid' ? invalidText(ctx) : ctx.errorText(preview.error)}</p>` : nothing}
      ${!config && preview.status !== 'error' && preview.status !== 'invalid' ? html`<p class="muted">${ctx.t('common.loading')}</p>` : nothing}
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

/**
 * Why the draft cannot be previewed: "fix the highlighted fields" when the page shows what is
 * wrong, else the first issue by name (a message just added, not yet filled in, shows no error).
 */
function invalidText(ctx: Ctx): string {
  const first = ctx.config.issues[0];
  if (!first || ctx.config.visibleIssues().length > 0) return ctx.t('preview.invalid');
  return ctx.t('preview.invalidAt', { issue: ctx.issueLine(first) });
}
