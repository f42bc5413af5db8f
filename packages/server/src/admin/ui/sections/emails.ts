import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale } from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { checkboxField, fieldId, inputField, selectField, textareaField } from '../fields.js';
import { languageName } from './shop.js';
import { languageNameInText } from '../language-name.js';
// The server's own renderer (pure TypeScript, no Node APIs): the preview shows exactly what the
// worker would send, from the unsaved draft, without a copy of the templates here.
import { renderRecoveryEmail, type RenderedEmail } from '../../../email/render.js';
import { restoreAppliesCoupon } from '../../../email/restore-url.js';

/** The admin API numbers recovery steps from 0, like the config's `recovery.steps` array. */
const STEP_BASE = 0;

type Unit = 'minutes' | 'hours' | 'days';
const UNIT_SECONDS: Record<Unit, number> = { minutes: 60, hours: 3600, days: 86_400 };

const INTL_UNIT: Record<Unit, string> = { minutes: 'minute', hours: 'hour', days: 'day' };

/** "30 days", "30 jours": a delay in its unit, in the page's language. */
export function formatDelay(amount: number, unit: Unit, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: INTL_UNIT[unit],
    unitDisplay: 'long',
    maximumFractionDigits: 2,
  }).format(amount);
}

function bestUnit(seconds: number): Unit {
  if (seconds % 86_400 === 0) return 'days';
  if (seconds % 3600 === 0) return 'hours';
  return 'minutes';
}

interface EmailsState {
  locale: Locale | '';
  units: Record<number, Unit>;
  previewStep: number;
  previewLocale: Locale | '';
  testEmail: string;
  testStep: number;
  testStatus: 'idle' | 'sending' | 'sent' | 'error';
  testMessage: string;
}

const EMAILS_VIEW = defineView('emails', (): EmailsState => ({
  locale: '',
  units: {},
  previewStep: 0,
  previewLocale: '',
  testEmail: '',
  testStep: 0,
  testStatus: 'idle',
  testMessage: '',
}));

/** Emails: the recovery sequence, each email's text per language, previews and test sends. */
export function renderEmails(ctx: Ctx): TemplateResult {
  const recovery = ctx.draft.recovery;
  const view = ctx.view(EMAILS_VIEW);
  const locale = (
    view.locale && ctx.draft.locales.includes(view.locale) ? view.locale : ctx.draft.defaultLocale
  ) as Locale;
  const localeChoices = ctx.draft.locales.map((l) => ({
    value: l,
    label: languageName(l, ctx.locale),
  }));
  const stepChoices = recovery.steps.map((_, index) => ({
    value: String(index),
    label: ctx.t('emails.stepN', { n: index + 1 }),
  }));

  const previewStep = Math.min(view.previewStep, Math.max(0, recovery.steps.length - 1));
  const preview = draftPreview(ctx, previewStep, view.previewLocale || locale);
  const sendTest = async (event: Event) => {
    event.preventDefault();
    view.testStatus = 'sending';
    ctx.update();
    try {
      await ctx.api.sendRecoveryTest({
        email: view.testEmail,
        step: view.testStep + STEP_BASE,
        config: ctx.draft,
      });
      view.testStatus = 'sent';
      view.testMessage = ctx.t('emails.testSent', { email: view.testEmail });
    } catch (error) {
      view.testStatus = 'error';
      view.testMessage = ctx.errorText(error);
    }
    ctx.announce(view.testMessage);
    ctx.update();
  };

  return html`
    <p class="lead">${ctx.t('emails.intro')}</p>
    <div class="card">
      ${checkboxField(ctx, { path: 'recovery.enabled', label: ctx.t('emails.enabled'), checked: recovery.enabled, onValue: (v) => ctx.edit((d) => (d.recovery.enabled = v)) })}
      ${selectField(ctx, {
        path: 'emails.textLocale',
        label: ctx.t('emails.textLocale'),
        hint: ctx.t('emails.textLocaleHint'),
        value: locale,
        choices: localeChoices,
        class: 'narrow',
        onValue: (v) => {
          view.locale = v as Locale;
          ctx.update();
        },
      })}
    </div>
    <ol class="cards">
      ${recovery.steps.map((step, index) => {
        const base = `recovery.steps.${index}`;
        const unit = view.units[index] ?? bestUnit(step.delaySeconds);
        const set = (change: (s: typeof step) => void) =>
          ctx.edit((d) => change(d.recovery.steps[index]!));
        return html`<li class="card">
          <div class="card-head">
            <h2>${ctx.t('emails.stepN', { n: index + 1 })}</h2>
            <button
              type="button"
              class="danger-link"
              @click=${() => ctx.edit((d) => d.recovery.steps.splice(index, 1))}
            >
              ${ctx.t('common.remove')}<span class="visually-hidden">
                — ${ctx.t('emails.stepN', { n: index + 1 })}</span
              >
            </button>
          </div>
          <div class="grid three">
            ${inputField(ctx, {
              path: `${base}.delaySeconds`,
              label: ctx.t('emails.delay'),
              hint: ctx.t('emails.delayMeaning', {
                delay: formatDelay(step.delaySeconds / UNIT_SECONDS[unit], unit, ctx.locale),
              }),
              type: 'number',
              min: 1,
              step: 'any',
              value: step.delaySeconds / UNIT_SECONDS[unit],
              onValue: (v) =>
                set((s) => (s.delaySeconds = Math.round(Number(v) * UNIT_SECONDS[unit]))),
            })}
            ${selectField(ctx, {
              path: `${base}.delayUnit`,
              label: ctx.t('emails.delayUnit'),
              value: unit,
              choices: (['minutes', 'hours', 'days'] as Unit[]).map((u) => ({
                value: u,
                label: ctx.t(`emails.unit.${u}`),
              })),
              // The number stays and its meaning changes: "30" minutes becomes "30" days.
              onValue: (v) => {
                const amount = step.delaySeconds / UNIT_SECONDS[unit];
                view.units[index] = v as Unit;
                set((s) => (s.delaySeconds = Math.round(amount * UNIT_SECONDS[v as Unit])));
                ctx.announce(
                  ctx.t('emails.delayMeaning', {
                    delay: formatDelay(amount, v as Unit, ctx.locale),
                  }),
                );
              },
            })}
            ${inputField(ctx, {
              path: `${base}.couponCode`,
              label: ctx.t('emails.coupon'),
              hint: ctx.t('emails.couponHint'),
              value: step.couponCode,
              onValue: (v) => set((s) => (s.couponCode = v || undefined)),
            })}
          </div>
          ${inputField(ctx, {
            path: `${base}.subject.${locale}`,
            label: ctx.t('emails.subject', { language: languageNameInText(locale, ctx.locale) }),
            value: step.subject[locale],
            onValue: (v) =>
              set((s) => {
                if (v) s.subject[locale] = v;
                else delete s.subject[locale];
              }),
          })}
          ${textareaField(ctx, {
            path: `${base}.body.${locale}`,
            label: ctx.t('emails.body', { language: languageNameInText(locale, ctx.locale) }),
            hint: ctx.t('emails.bodyHint'),
            rows: 4,
            value: step.body[locale],
            onValue: (v) =>
              set((s) => {
                if (v) s.body[locale] = v;
                else delete s.body[locale];
              }),
          })}
        </li>`;
      })}
    </ol>
    ${
      recovery.steps.length < 5
        ? html`<button
            type="button"
            class="secondary"
            @click=${() =>
              ctx.edit((d) => {
                const last = d.recovery.steps.at(-1)?.delaySeconds ?? 0;
                d.recovery.steps.push({ delaySeconds: last + 86_400, subject: {}, body: {} });
              })}
          >
            + ${ctx.t('emails.addStep')}
          </button>`
        : nothing
    }

    <h2 class="sub">${ctx.t('emails.rules')}</h2>
    <div class="card">
      <div class="grid three">
        ${selectField(ctx, {
          path: 'recovery.consentMode',
          label: ctx.t('emails.consentMode'),
          value: recovery.consentMode,
          choices: [
            { value: 'explicit', label: ctx.t('emails.consent.explicit') },
            { value: 'soft', label: ctx.t('emails.consent.soft') },
          ],
          onValue: (v) => ctx.edit((d) => (d.recovery.consentMode = v as 'explicit' | 'soft')),
        })}
        ${inputField(ctx, {
          path: 'recovery.holdoutPercent',
          label: ctx.t('emails.holdout'),
          hint: ctx.t('emails.holdoutHint'),
          type: 'number',
          min: 0,
          max: 50,
          value: recovery.holdoutPercent,
          onValue: (v) => ctx.edit((d) => (d.recovery.holdoutPercent = Number(v))),
        })}
        ${inputField(ctx, {
          path: 'recovery.tokenTtlDays',
          label: ctx.t('emails.tokenTtl'),
          type: 'number',
          min: 1,
          max: 90,
          value: recovery.tokenTtlDays,
          onValue: (v) => ctx.edit((d) => (d.recovery.tokenTtlDays = Number(v))),
        })}
        ${inputField(ctx, { path: 'recovery.fromName', label: ctx.t('emails.fromName'), value: recovery.fromName, onValue: (v) => ctx.edit((d) => (d.recovery.fromName = v || undefined)) })}
        ${inputField(ctx, { path: 'recovery.replyTo', label: ctx.t('emails.replyTo'), type: 'email', value: recovery.replyTo, onValue: (v) => ctx.edit((d) => (d.recovery.replyTo = v || undefined)) })}
      </div>
      ${checkboxField(ctx, {
        path: 'recovery.quietHours',
        label: ctx.t('emails.quietHours'),
        checked: Boolean(recovery.quietHours),
        onValue: (v) =>
          ctx.edit(
            (d) => (d.recovery.quietHours = v ? { start: '21:00', end: '08:00' } : undefined),
          ),
      })}
      ${
        recovery.quietHours
          ? html`<div class="grid four">
              ${inputField(ctx, { path: 'recovery.quietHours.start', label: ctx.t('emails.quietFrom'), type: 'time', value: recovery.quietHours.start, onValue: (v) => ctx.edit((d) => (d.recovery.quietHours!.start = v)) })}
              ${inputField(ctx, { path: 'recovery.quietHours.end', label: ctx.t('emails.quietTo'), type: 'time', value: recovery.quietHours.end, onValue: (v) => ctx.edit((d) => (d.recovery.quietHours!.end = v)) })}
            </div>`
          : nothing
      }
      <div class="grid three">
        ${selectField(ctx, {
          path: 'recovery.restoreUrl.preset',
          label: ctx.t('emails.restorePreset'),
          value: recovery.restoreUrl?.preset ?? '',
          choices: [
            { value: '', label: ctx.t('emails.restoreNone') },
            { value: 'shopify', label: 'Shopify' },
            { value: 'woocommerce', label: 'WooCommerce' },
            { value: 'custom', label: ctx.t('emails.restoreCustom') },
          ],
          onValue: (v) =>
            ctx.edit((d) => {
              d.recovery.restoreUrl = v
                ? {
                    shopUrl: d.recovery.restoreUrl?.shopUrl ?? d.allowedOrigins[0] ?? '',
                    ...d.recovery.restoreUrl,
                    preset: v as 'custom',
                  }
                : undefined;
            }),
        })}
        ${
          recovery.restoreUrl
            ? inputField(ctx, {
                path: 'recovery.restoreUrl.shopUrl',
                label: ctx.t('emails.shopUrl'),
                type: 'url',
                value: recovery.restoreUrl.shopUrl,
                placeholder: 'https://',
                onValue: (v) => ctx.edit((d) => (d.recovery.restoreUrl!.shopUrl = v)),
              })
            : nothing
        }
        ${
          recovery.restoreUrl?.preset === 'custom'
            ? inputField(ctx, {
                path: 'recovery.restoreUrl.pattern',
                label: ctx.t('emails.pattern'),
                hint: ctx.t('emails.patternHint'),
                value: recovery.restoreUrl.pattern,
                onValue: (v) => ctx.edit((d) => (d.recovery.restoreUrl!.pattern = v || undefined)),
              })
            : nothing
        }
        ${
          recovery.restoreUrl && recovery.restoreUrl.preset !== 'shopify'
            ? inputField(ctx, {
                path: 'recovery.restoreUrl.couponParam',
                label: ctx.t('emails.couponParam'),
                hint: ctx.t('emails.couponParamHint'),
                value: recovery.restoreUrl.couponParam,
                placeholder: 'coupon',
                onValue: (v) =>
                  ctx.edit((d) => (d.recovery.restoreUrl!.couponParam = v.trim() || undefined)),
              })
            : nothing
        }
      </div>
    </div>

    <h2 class="sub">${ctx.t('emails.previewTitle')}</h2>
    <div class="card">
      <p class="hint">${ctx.t('emails.previewHint')}</p>
      <div class="inline-form">
        ${selectField(ctx, {
          path: 'emails.previewStep',
          label: ctx.t('emails.step'),
          value: String(previewStep),
          choices: stepChoices,
          onValue: (v) => {
            view.previewStep = Number(v);
            ctx.update();
          },
        })}
        ${selectField(ctx, {
          path: 'emails.previewLocale',
          label: ctx.t('emails.language'),
          value: view.previewLocale || locale,
          choices: localeChoices,
          onValue: (v) => {
            view.previewLocale = v as Locale;
            ctx.update();
          },
        })}
      </div>
      ${
        preview
          ? html`<div class="email-preview">
              <p>
                <span class="muted">${ctx.t('emails.subjectLabel')}</span>
                <strong>${preview.subject}</strong>
              </p>
              <iframe
                title=${ctx.t('emails.previewFrame')}
                sandbox=""
                srcdoc=${preview.html}
              ></iframe>
              <details class="disclosure">
                <summary>${ctx.t('emails.textVersion')}</summary>
                <pre class="text-part">${preview.text}</pre>
              </details>
            </div>`
          : html`<p class="muted">${ctx.t('emails.noStep')}</p>`
      }
      <h3 class="test-title">${ctx.t('emails.testTitle')}</h3>
      <p class="hint">${ctx.t('emails.testHint')}</p>
      <form class="inline-form spaced" @submit=${sendTest}>
        <div class="field">
          <label for=${fieldId('emails.testEmail')}>${ctx.t('emails.testEmail')}</label>
          <input
            id=${fieldId('emails.testEmail')}
            type="email"
            required
            autocomplete="email"
            .value=${live(view.testEmail)}
            @input=${(e: Event) => (view.testEmail = (e.target as HTMLInputElement).value)}
          />
        </div>
        ${selectField(ctx, {
          path: 'emails.testStep',
          label: ctx.t('emails.step'),
          value: String(view.testStep),
          choices: stepChoices,
          onValue: (v) => {
            view.testStep = Number(v);
          },
        })}
        <button
          type="submit"
          class="secondary"
          ?disabled=${view.testStatus === 'sending' || recovery.steps.length === 0}
        >
          ${ctx.t('emails.sendTest')}
        </button>
      </form>
      ${view.testStatus === 'sent' ? html`<p class="success">${view.testMessage}</p>` : nothing}
      ${view.testStatus === 'error' ? html`<p class="field-error">${view.testMessage}</p>` : nothing}
    </div>
  `;
}

/** A sample cart for previews, in the shop's currency. */
function sampleCart(ctx: Ctx) {
  const currency = ctx.draft.currency;
  const unit = currency === 'JPY' ? 100 : 1;
  return {
    currency,
    subtotal: 4850 * unit,
    items: [
      { id: 'sample-1', title: ctx.t('emails.sampleItem1'), quantity: 1, unitPrice: 3200 * unit },
      { id: 'sample-2', title: ctx.t('emails.sampleItem2'), quantity: 2, unitPrice: 825 * unit },
    ],
  };
}

/** The draft's step rendered by the server's renderer; undefined when the sequence is empty. */
function draftPreview(ctx: Ctx, step: number, locale: Locale): RenderedEmail | undefined {
  const chosen = ctx.draft.recovery.steps[step];
  if (!chosen) return undefined;
  try {
    return renderRecoveryEmail({
      shopName: ctx.draft.shopName,
      defaultLocale: ctx.draft.defaultLocale,
      locale,
      step: chosen,
      cart: sampleCart(ctx),
      restoreUrl: `${location.origin}/r/preview?lang=${locale}`,
      unsubscribeUrl: `${location.origin}/u/preview?lang=${locale}`,
      couponApplies: restoreAppliesCoupon(ctx.draft.recovery.restoreUrl),
    });
  } catch {
    return undefined;
  }
}
