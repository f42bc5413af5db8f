import { html, type TemplateResult } from 'lit';
import { toMinor } from '@comptoir/sdk/money';
import type { Ctx } from '../context.js';
import { amountField, inputField, localizedField, textareaField } from '../fields.js';

function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Free shipping: thresholds (tiers), per currency and country, and excluded products. */
export function renderFreeShipping(ctx: Ctx): TemplateResult {
  const settings = ctx.draft.freeShipping;
  return html`
    <p class="lead">${ctx.t('freeShipping.intro')}</p>
    ${settings.rules.length === 0 ? html`<div class="empty">${ctx.t('freeShipping.empty')}</div>` : ''}
    <ol class="cards">
      ${settings.rules.map((rule, index) => {
        const base = `freeShipping.rules.${index}`;
        // While the threshold field holds no amount ("abc"), the heading does not say "NaN".
        const amount = (minor: number) =>
          Number.isSafeInteger(minor) ? ctx.formatMoney(minor, rule.currency) : '…';
        const set = (change: (r: typeof rule) => void) =>
          ctx.edit((d) => change(d.freeShipping.rules[index]!));
        return html`<li class="card">
          <div class="card-head">
            <h2>
              ${ctx.t('freeShipping.rule', { amount: amount(rule.threshold) })}
            </h2>
            <button
              type="button"
              class="danger-link"
              @click=${() => ctx.edit((d) => d.freeShipping.rules.splice(index, 1))}
            >
              ${ctx.t('common.remove')}<span class="visually-hidden">
                — ${amount(rule.threshold)}</span
              >
            </button>
          </div>
          <div class="grid three">
            ${amountField(ctx, {
              path: `${base}.threshold`,
              label: ctx.t('freeShipping.threshold', { currency: rule.currency }),
              value: rule.threshold,
              currency: rule.currency,
              required: true,
              onValue: (minor) => set((r) => (r.threshold = minor)),
            })}
            ${inputField(ctx, {
              path: `${base}.currency`,
              label: ctx.t('freeShipping.currency'),
              value: rule.currency,
              class: 'narrow',
              onValue: (v) => set((r) => (r.currency = v.trim().toUpperCase())),
            })}
            ${inputField(ctx, {
              path: `${base}.countries`,
              listErrors: true,
              label: ctx.t('freeShipping.countries'),
              hint: ctx.t('freeShipping.countriesHint'),
              value: (rule.countries ?? []).join(', '),
              placeholder: 'FR, BE',
              onValue: (v) =>
                set((r) => {
                  const countries = splitList(v.toUpperCase());
                  r.countries = countries.length ? countries : undefined;
                }),
            })}
          </div>
          ${localizedField(ctx, {
            path: `${base}.label`,
            label: ctx.t('freeShipping.label'),
            hint: ctx.t('freeShipping.labelHint'),
            value: rule.label,
            onValue: (v) => set((r) => (r.label = v || undefined)),
          })}
        </li>`;
      })}
    </ol>
    <button
      type="button"
      class="secondary"
      @click=${() => ctx.edit((d) => d.freeShipping.rules.push({ threshold: toMinor(50, d.currency), currency: d.currency }))}
    >
      + ${ctx.t('freeShipping.add')}
    </button>
    <div class="card spaced">
      ${textareaField(ctx, {
        path: 'freeShipping.excludedProductIds',
        listErrors: true,
        label: ctx.t('freeShipping.excluded'),
        hint: ctx.t('freeShipping.excludedHint'),
        rows: 2,
        value: settings.excludedProductIds.join(', '),
        onValue: (v) => ctx.edit((d) => (d.freeShipping.excludedProductIds = splitList(v))),
      })}
    </div>
  `;
}
