import { html, type TemplateResult } from 'lit';
import { SUPPORTED_LOCALES } from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { checkboxGroup, inputField, selectField } from '../fields.js';

const CURRENCIES = ['EUR', 'GBP', 'CHF', 'USD', 'CAD', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY', 'AUD'];

/** The language's own name ("Français"), for the language pickers. */
export function languageName(locale: string, uiLocale: string): string {
  try {
    const name = new Intl.DisplayNames([uiLocale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toUpperCase() + name.slice(1);
  } catch {
    return locale;
  }
}

/** Shop details: name, languages, currency and the widgets' colours. */
export function renderShop(ctx: Ctx): TemplateResult {
  const draft = ctx.draft;
  const currencies = CURRENCIES.includes(draft.currency) ? CURRENCIES : [draft.currency, ...CURRENCIES];
  return html`
    <p class="lead">${ctx.t('shop.intro')}</p>
    <div class="card">
      <div class="grid two">
        ${inputField(ctx, { path: 'shopName', label: ctx.t('shop.name'), required: true, value: draft.shopName, onValue: (v) => ctx.edit((d) => (d.shopName = v)) })}
        ${selectField(ctx, {
          path: 'currency', label: ctx.t('shop.currency'), value: draft.currency,
          choices: currencies.map((code) => ({ value: code, label: code })),
          onValue: (v) => ctx.edit((d) => (d.currency = v)),
        })}
      </div>
      ${checkboxGroup(ctx, {
        path: 'locales', label: ctx.t('shop.locales'), hint: ctx.t('shop.localesHint'), values: draft.locales,
        choices: SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: languageName(locale, ctx.locale) })),
        onValue: (v) => ctx.edit((d) => (d.locales = v as typeof d.locales)),
      })}
      ${selectField(ctx, {
        path: 'defaultLocale', label: ctx.t('shop.defaultLocale'), value: draft.defaultLocale,
        choices: draft.locales.map((locale) => ({ value: locale, label: languageName(locale, ctx.locale) })),
        onValue: (v) => ctx.edit((d) => (d.defaultLocale = v as typeof d.defaultLocale)),
      })}
    </div>
    <h2 class="sub">${ctx.t('shop.theme')}</h2>
    <div class="card">
      <div class="grid two">
        ${inputField(ctx, { path: 'theme.accentColor', label: ctx.t('shop.accentColor'), hint: ctx.t('shop.colorHint'), value: draft.theme.accentColor, placeholder: '#1a7f5a', onValue: (v) => ctx.edit((d) => (d.theme.accentColor = v || undefined)) })}
        ${inputField(ctx, { path: 'theme.borderRadius', label: ctx.t('shop.borderRadius'), value: draft.theme.borderRadius, placeholder: '8px', onValue: (v) => ctx.edit((d) => (d.theme.borderRadius = v || undefined)) })}
      </div>
    </div>
  `;
}
