import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SUPPORTED_LOCALES, type Theme } from '@comptoir/sdk/schemas';
import { AA_NORMAL_TEXT, contrastRatio, parseCssColor, toHex, type Rgba } from '../colors.js';
import type { Ctx } from '../context.js';
import { checkboxGroup, inputField, selectField } from '../fields.js';
import type { MessageKey } from '../i18n.js';
import { languageName } from '../language-name.js';

/** What the widgets use when the merchant sets no colour (see the widgets' base styles). */
const DEFAULTS = {
  accentColor: '#1a6b4c',
  backgroundColor: '#f4f7f5',
  textColor: '#1c2320',
  buttonText: '#ffffff',
} as const;

type ColorKey = 'accentColor' | 'textColor' | 'backgroundColor';

/** A colour: a text field for any CSS colour, with a picker beside it. */
function colorField(ctx: Ctx, key: ColorKey, label: MessageKey): TemplateResult {
  const value = ctx.draft.theme[key];
  const parsed = parseCssColor(value);
  const picker = parsed ? toHex(parsed) : DEFAULTS[key];
  return html`<div class="color-field">
    ${inputField(ctx, {
      path: `theme.${key}`,
      label: ctx.t(label),
      hint: ctx.t('shop.colorHint', { color: DEFAULTS[key] }),
      value,
      placeholder: DEFAULTS[key],
      onValue: (v) => ctx.edit((d) => (d.theme[key] = v.trim() || undefined)),
    })}
    <input
      type="color"
      class="swatch"
      aria-label=${ctx.t('shop.pickColor', { label: ctx.t(label) })}
      .value=${live(picker)}
      @change=${(e: Event) => ctx.edit((d) => (d.theme[key] = (e.target as HTMLInputElement).value))}
    />
  </div>`;
}

interface ContrastCheck {
  label: MessageKey;
  foreground: Rgba;
  background: Rgba;
  ratio: number;
}

/** The contrast pairs the merchant's colours touch: body text on the background, button text on the accent. */
function contrastChecks(theme: Theme): ContrastCheck[] {
  const color = (key: ColorKey) => parseCssColor(theme[key]) ?? parseCssColor(DEFAULTS[key])!;
  const checks: ContrastCheck[] = [];
  if (theme.textColor || theme.backgroundColor) {
    const foreground = color('textColor');
    const background = color('backgroundColor');
    checks.push({
      label: 'shop.contrastText',
      foreground,
      background,
      ratio: contrastRatio(foreground, background),
    });
  }
  if (theme.accentColor) {
    const foreground = parseCssColor(DEFAULTS.buttonText)!;
    const background = color('accentColor');
    checks.push({
      label: 'shop.contrastButton',
      foreground,
      background,
      ratio: contrastRatio(foreground, background),
    });
  }
  return checks;
}

function renderContrast(ctx: Ctx): TemplateResult {
  const checks = contrastChecks(ctx.draft.theme);
  if (checks.length === 0) return html`<p class="hint">${ctx.t('shop.contrastDefault')}</p>`;
  const ratio = (value: number) =>
    new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1 }).format(value);
  return html`<ul class="contrast-list" id="theme-contrast">
    ${checks.map((check) => {
      const ok = check.ratio >= AA_NORMAL_TEXT;
      const css = (c: Rgba) => `rgb(${c.r} ${c.g} ${c.b} / ${c.a})`;
      return html`<li class="contrast ${ok ? 'ok' : 'low'}">
        <span
          class="contrast-sample"
          aria-hidden="true"
          style=${styleMap({ color: css(check.foreground), background: css(check.background) })}
          >Aa</span
        >
        <span>
          <strong>${ctx.t(check.label)}</strong> —
          ${
            ok
              ? ctx.t('shop.contrastOk', { ratio: ratio(check.ratio) })
              : html`<span class="contrast-warning"
                  ><span aria-hidden="true">!</span>
                  ${ctx.t('shop.contrastLow', { ratio: ratio(check.ratio), min: ratio(AA_NORMAL_TEXT) })}</span
                >`
          }
        </span>
      </li>`;
    })}
  </ul>`;
}

const CURRENCIES = ['EUR', 'GBP', 'CHF', 'USD', 'CAD', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY', 'AUD'];

/** Re-exported for the sections that imported it from here. */
export { languageName };

/** Shop details: name, languages, currency and the widgets' colours. */
export function renderShop(ctx: Ctx): TemplateResult {
  const draft = ctx.draft;
  const currencies = CURRENCIES.includes(draft.currency)
    ? CURRENCIES
    : [draft.currency, ...CURRENCIES];
  return html`
    <p class="lead">${ctx.t('shop.intro')}</p>
    <div class="card">
      <div class="grid two">
        ${inputField(ctx, { path: 'shopName', label: ctx.t('shop.name'), required: true, value: draft.shopName, onValue: (v) => ctx.edit((d) => (d.shopName = v)) })}
        ${selectField(ctx, {
          path: 'currency',
          label: ctx.t('shop.currency'),
          value: draft.currency,
          choices: currencies.map((code) => ({ value: code, label: code })),
          onValue: (v) => ctx.edit((d) => (d.currency = v)),
        })}
      </div>
      ${checkboxGroup(ctx, {
        path: 'locales',
        label: ctx.t('shop.locales'),
        hint: ctx.t('shop.localesHint'),
        values: draft.locales,
        choices: SUPPORTED_LOCALES.map((locale) => ({
          value: locale,
          label: languageName(locale, ctx.locale),
        })),
        onValue: (v) => ctx.edit((d) => (d.locales = v as typeof d.locales)),
      })}
      ${selectField(ctx, {
        path: 'defaultLocale',
        label: ctx.t('shop.defaultLocale'),
        value: draft.defaultLocale,
        choices: draft.locales.map((locale) => ({
          value: locale,
          label: languageName(locale, ctx.locale),
        })),
        onValue: (v) => ctx.edit((d) => (d.defaultLocale = v as typeof d.defaultLocale)),
      })}
    </div>
    <h2 class="sub">${ctx.t('shop.theme')}</h2>
    <div class="card">
      <div class="grid three">
        ${colorField(ctx, 'accentColor', 'shop.accentColor')}
        ${colorField(ctx, 'textColor', 'shop.textColor')}
        ${colorField(ctx, 'backgroundColor', 'shop.backgroundColor')}
      </div>
      <h3 class="sub-small">${ctx.t('shop.contrastTitle')}</h3>
      ${renderContrast(ctx)}
      <div class="grid two spaced">
        ${inputField(ctx, { path: 'theme.borderRadius', label: ctx.t('shop.borderRadius'), hint: ctx.t('shop.borderRadiusHint'), value: draft.theme.borderRadius, placeholder: '8px', onValue: (v) => ctx.edit((d) => (d.theme.borderRadius = v.trim() || undefined)) })}
        ${inputField(ctx, { path: 'theme.fontFamily', label: ctx.t('shop.fontFamily'), hint: ctx.t('shop.fontFamilyHint'), value: draft.theme.fontFamily, placeholder: 'Georgia, serif', onValue: (v) => ctx.edit((d) => (d.theme.fontFamily = v.trim() || undefined)) })}
      </div>
    </div>
  `;
}
