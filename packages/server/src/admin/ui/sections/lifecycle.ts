import { html, nothing, type TemplateResult } from 'lit';
import type { DigestPreview, LifecyclePreviewKind } from '@comptoir/sdk/client';
import {
  ALL_WEEKDAYS,
  type LifecycleSettings,
  type Locale,
  type Weekday,
} from '@comptoir/sdk/schemas';
import type { LocalizedTextValue } from '@comptoir/sdk/text';
import type { Ctx } from '../context.js';
import type { EmailPreviewController } from '../email-preview-controller.js';
import { checkboxField, inputField, localizedField, selectField } from '../fields.js';
import { defineView } from '../views.js';
import { languageName } from './shop.js';
import { weekdayName } from './shipping.js';

type Draft = Ctx['draft'];
type LifecycleParagraph = NonNullable<
  NonNullable<LifecycleSettings['orderConfirmation']>['paragraph']
>;

/** The digest as the email says it, loaded when the merchant asks. */
interface DigestView {
  status: 'idle' | 'loading' | 'ready' | 'error';
  digest?: DigestPreview;
  message: string;
}
const DIGEST_VIEW = defineView('lifecycle-digest', (): DigestView => ({
  status: 'idle',
  message: '',
}));

const PREVIEW_KINDS: LifecyclePreviewKind[] = ['confirmation', 'review-request', 'win-back'];

/** The draft's `lifecycle`, created on first edit (absent means every email after the order is off). */
function lifecycleOf(draft: Draft): LifecycleSettings {
  return (draft.lifecycle ??= {});
}

/** The paragraph is a per-language record in the schema: a plain string becomes the default language's. */
function paragraphRecord(
  value: LocalizedTextValue | undefined,
  defaultLocale: string,
): LifecycleParagraph | undefined {
  if (value === undefined) return undefined;
  const record: Record<string, string> =
    typeof value === 'string'
      ? { [defaultLocale]: value }
      : { ...(value as Record<string, string>) };
  for (const [locale, text] of Object.entries(record)) if (!text.trim()) delete record[locale];
  return Object.keys(record).length ? (record as LifecycleParagraph) : undefined;
}

/**
 * A marketing email's subject and text per language (`lifecycle.winBack` or `.reviewRequest`):
 * empty means Comptoir's wording; the shop's default language is the fallback of the others.
 */
function marketingTexts(
  ctx: Ctx,
  flow: 'winBack' | 'reviewRequest',
  settings: NonNullable<LifecycleSettings['winBack'] | LifecycleSettings['reviewRequest']>,
): TemplateResult {
  const set = (part: 'subject' | 'body') => (value: LocalizedTextValue | undefined) =>
    ctx.edit((d) => {
      const target = lifecycleOf(d)[flow]!;
      const record = paragraphRecord(value, d.defaultLocale);
      if (record) target[part] = record;
      else delete target[part];
    });
  return html`${localizedField(ctx, {
    path: `lifecycle.${flow}.subject`,
    label: ctx.t('lifecycle.subject'),
    value: settings.subject,
    maxLength: 200,
    onValue: set('subject'),
  })}
  ${localizedField(ctx, {
    path: `lifecycle.${flow}.body`,
    label: ctx.t('lifecycle.body'),
    hint: ctx.t(flow === 'winBack' ? 'lifecycle.winBackTextsHint' : 'lifecycle.reviewTextsHint'),
    multiline: true,
    rows: 4,
    maxLength: 5000,
    value: settings.body,
    onValue: set('body'),
  })}`;
}

/** The email preview: which email, in which language, for an order placed when. */
function previewCard(ctx: Ctx, preview: EmailPreviewController): TemplateResult {
  const { email, status } = preview;
  const locale = (
    preview.locale && ctx.draft.locales.includes(preview.locale)
      ? preview.locale
      : ctx.draft.defaultLocale
  ) as Locale;
  return html`<section class="card" aria-labelledby="lifecycle-preview">
    <h2 id="lifecycle-preview">${ctx.t('lifecycle.previewTitle')}</h2>
    <p class="hint">${ctx.t('lifecycle.previewHint')}</p>
    <div class="inline-form">
      ${selectField(ctx, {
        path: 'lifecycle.previewKind',
        label: ctx.t('lifecycle.previewKind'),
        value: preview.kind,
        choices: PREVIEW_KINDS.map((kind) => ({
          value: kind,
          label: ctx.t(`overview.flow.${kind}`),
        })),
        onValue: (v) => preview.set({ kind: v as LifecyclePreviewKind }),
      })}
      ${selectField(ctx, {
        path: 'lifecycle.previewLocale',
        label: ctx.t('lifecycle.previewLanguage'),
        value: locale,
        choices: ctx.draft.locales.map((l) => ({ value: l, label: languageName(l, ctx.locale) })),
        onValue: (v) => preview.set({ locale: v as Locale }),
      })}
      ${inputField(ctx, {
        path: 'lifecycle.previewAt',
        label: ctx.t('lifecycle.previewAt'),
        hint: ctx.t('preview.atHint'),
        type: 'datetime-local',
        value: preview.at,
        onValue: (v) => preview.set({ at: v }),
      })}
    </div>
    <p class="muted" role="status">
      ${
        status === 'loading'
          ? ctx.t('lifecycle.previewLoading')
          : status === 'invalid'
            ? ctx.t('lifecycle.previewInvalid')
            : status === 'error'
              ? ctx.errorText(preview.error)
              : ''
      }
    </p>
    ${
      email
        ? html`<div class="email-preview" data-preview-kind=${preview.kind}>
            <p>
              <span class="muted">${ctx.t('emails.subjectLabel')}</span>
              <strong class="preview-subject">${email.subject}</strong>
            </p>
            ${
              email.sendAt
                ? html`<p class="hint">
                    ${ctx.t('lifecycle.previewSendAt', { date: ctx.formatInstant(email.sendAt) })}
                  </p>`
                : nothing
            }
            <iframe title=${ctx.t('emails.previewFrame')} sandbox="" srcdoc=${email.html}></iframe>
            <details class="disclosure">
              <summary>${ctx.t('emails.textVersion')}</summary>
              <pre class="text-part">${email.text}</pre>
            </details>
          </div>`
        : nothing
    }
  </section>`;
}

/** Last week's digest as the email says it, on demand. */
function digestViewer(ctx: Ctx): TemplateResult {
  const view = ctx.view(DIGEST_VIEW);
  const load = async () => {
    view.status = 'loading';
    ctx.update();
    try {
      view.digest = await ctx.api.digest();
      view.status = 'ready';
      view.message = ctx.t('lifecycle.digestWeek', {
        from: ctx.formatDate(view.digest.from),
        to: ctx.formatDate(view.digest.to),
      });
    } catch (error) {
      view.status = 'error';
      view.message = ctx.errorText(error);
    }
    ctx.announce(view.message);
    ctx.update();
  };
  const { digest } = view;
  return html`<div class="digest-view">
    <h3 class="test-title">${ctx.t('lifecycle.digestViewTitle')}</h3>
    <p class="hint">${ctx.t('lifecycle.digestViewHint')}</p>
    <button
      type="button"
      class="secondary"
      ?disabled=${view.status === 'loading'}
      @click=${() => void load()}
    >
      ${digest ? ctx.t('lifecycle.digestViewAgain') : ctx.t('lifecycle.digestView')}
    </button>
    ${view.message ? html`<p class="muted">${view.message}</p>` : nothing}
    ${
      digest && view.status === 'ready'
        ? html`<div class="email-preview">
            <p>
              <span class="muted">${ctx.t('emails.subjectLabel')}</span>
              <strong>${digest.subject}</strong>
            </p>
            <iframe
              title=${ctx.t('lifecycle.digestFrame')}
              sandbox=""
              srcdoc=${digest.html}
            ></iframe>
            <details class="disclosure">
              <summary>${ctx.t('emails.textVersion')}</summary>
              <pre class="text-part">${digest.text}</pre>
            </details>
          </div>`
        : nothing
    }
  </div>`;
}

/** After the order: the order confirmation, the review request, the win-back and the weekly digest. */
export function renderLifecycle(ctx: Ctx): TemplateResult {
  const settings = ctx.draft.lifecycle ?? {};
  const confirmation = settings.orderConfirmation;
  const review = settings.reviewRequest;
  const winBack = settings.winBack;
  const digest = settings.digest;
  const hours = Array.from({ length: 24 }, (_, hour) => ({
    value: String(hour),
    label: new Intl.DateTimeFormat(ctx.locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(Date.UTC(2026, 0, 5, hour)),
  }));
  return html`
    <p class="lead">${ctx.t('lifecycle.intro')}</p>
    <section class="card" aria-labelledby="lifecycle-confirmation">
      <h2 id="lifecycle-confirmation">${ctx.t('lifecycle.confirmationTitle')}</h2>
      <p class="hint">${ctx.t('lifecycle.confirmationHint')}</p>
      ${checkboxField(ctx, {
        path: 'lifecycle.orderConfirmation.enabled',
        label: ctx.t('lifecycle.confirmationEnabled'),
        checked: confirmation?.enabled ?? false,
        onValue: (on) =>
          ctx.edit((d) => {
            const current = lifecycleOf(d).orderConfirmation;
            lifecycleOf(d).orderConfirmation = { platformSendsOne: false, ...current, enabled: on };
          }),
      })}
      ${
        confirmation?.enabled
          ? html`${checkboxField(ctx, {
              path: 'lifecycle.orderConfirmation.platformSendsOne',
              label: ctx.t('lifecycle.platformSendsOne'),
              hint: ctx.t('lifecycle.platformSendsOneHint'),
              checked: confirmation.platformSendsOne,
              onValue: (v) =>
                ctx.edit((d) => (lifecycleOf(d).orderConfirmation!.platformSendsOne = v)),
            })}
            ${localizedField(ctx, {
              path: 'lifecycle.orderConfirmation.paragraph',
              label: ctx.t('lifecycle.paragraph'),
              hint: ctx.t('lifecycle.paragraphHint'),
              multiline: true,
              rows: 4,
              maxLength: 2000,
              value: confirmation.paragraph,
              onValue: (v) =>
                ctx.edit((d) => {
                  const target = lifecycleOf(d).orderConfirmation!;
                  const record = paragraphRecord(v, d.defaultLocale);
                  if (record) target.paragraph = record;
                  else delete target.paragraph;
                }),
            })}`
          : nothing
      }
    </section>
    <section class="card" aria-labelledby="lifecycle-review">
      <h2 id="lifecycle-review">${ctx.t('lifecycle.reviewTitle')}</h2>
      <p class="hint">${ctx.t('lifecycle.marketingHint')}</p>
      ${checkboxField(ctx, {
        path: 'lifecycle.reviewRequest.enabled',
        label: ctx.t('lifecycle.reviewEnabled'),
        checked: review?.enabled ?? false,
        onValue: (on) =>
          ctx.edit((d) => {
            const current = lifecycleOf(d).reviewRequest;
            lifecycleOf(d).reviewRequest = { daysAfterDelivery: 7, ...current, enabled: on };
          }),
      })}
      ${
        review?.enabled
          ? html`${inputField(ctx, {
              path: 'lifecycle.reviewRequest.daysAfterDelivery',
              label: ctx.t('lifecycle.daysAfterDelivery'),
              hint: ctx.t('lifecycle.daysAfterDeliveryHint'),
              type: 'number',
              min: 0,
              max: 60,
              value: review.daysAfterDelivery,
              onValue: (v) =>
                ctx.edit((d) => (lifecycleOf(d).reviewRequest!.daysAfterDelivery = Number(v))),
            })}
            ${checkboxField(ctx, {
              path: 'lifecycle.reviewRequest.softOptIn',
              label: ctx.t('lifecycle.softOptIn'),
              hint: ctx.t('lifecycle.softOptInHint'),
              checked: review.softOptIn ?? false,
              onValue: (on) =>
                ctx.edit((d) => {
                  const target = lifecycleOf(d).reviewRequest!;
                  if (on) target.softOptIn = true;
                  else delete target.softOptIn;
                }),
            })}
            ${marketingTexts(ctx, 'reviewRequest', review)}`
          : nothing
      }
    </section>
    <section class="card" aria-labelledby="lifecycle-winback">
      <h2 id="lifecycle-winback">${ctx.t('lifecycle.winBackTitle')}</h2>
      <p class="hint">${ctx.t('lifecycle.marketingHint')}</p>
      ${checkboxField(ctx, {
        path: 'lifecycle.winBack.enabled',
        label: ctx.t('lifecycle.winBackEnabled'),
        checked: winBack?.enabled ?? false,
        onValue: (on) =>
          ctx.edit((d) => {
            const current = lifecycleOf(d).winBack;
            lifecycleOf(d).winBack = { delayDays: 60, ...current, enabled: on };
          }),
      })}
      ${
        winBack?.enabled
          ? html`<div class="grid two">
                ${inputField(ctx, {
                  path: 'lifecycle.winBack.delayDays',
                  label: ctx.t('lifecycle.delayDays'),
                  hint: ctx.t('lifecycle.delayDaysHint'),
                  type: 'number',
                  min: 1,
                  max: 730,
                  value: winBack.delayDays,
                  onValue: (v) => ctx.edit((d) => (lifecycleOf(d).winBack!.delayDays = Number(v))),
                })}
                ${inputField(ctx, {
                  path: 'lifecycle.winBack.couponCode',
                  label: ctx.t('lifecycle.couponCode'),
                  hint: ctx.t('lifecycle.couponCodeHint'),
                  value: winBack.couponCode,
                  onValue: (v) =>
                    ctx.edit((d) => {
                      const target = lifecycleOf(d).winBack!;
                      if (v) target.couponCode = v;
                      else delete target.couponCode;
                    }),
                })}
              </div>
              ${marketingTexts(ctx, 'winBack', winBack)}`
          : nothing
      }
    </section>
    ${previewCard(ctx, ctx.emailPreview)}
    <section class="card" aria-labelledby="lifecycle-digest">
      <h2 id="lifecycle-digest">${ctx.t('lifecycle.digestTitle')}</h2>
      <p class="hint">${ctx.t('lifecycle.digestHint')}</p>
      ${checkboxField(ctx, {
        path: 'lifecycle.digest.enabled',
        label: ctx.t('lifecycle.digestEnabled'),
        checked: digest?.enabled ?? false,
        onValue: (on) =>
          ctx.edit((d) => {
            const settings = lifecycleOf(d);
            const current = settings.digest;
            // Off with no address yet: nothing to keep (the schema needs an address once it exists).
            if (!on && !current?.to) delete settings.digest;
            else settings.digest = { to: '', weekday: 'mon', hour: 8, ...current, enabled: on };
          }),
      })}
      ${
        digest?.enabled
          ? html`${inputField(ctx, {
                path: 'lifecycle.digest.to',
                label: ctx.t('lifecycle.digestTo'),
                type: 'email',
                required: true,
                autocomplete: 'email',
                value: digest.to,
                placeholder: 'name@example.com',
                onValue: (v) => ctx.edit((d) => (lifecycleOf(d).digest!.to = v.trim())),
              })}
              <div class="grid two">
                ${selectField(ctx, {
                  path: 'lifecycle.digest.weekday',
                  label: ctx.t('lifecycle.digestWeekday'),
                  value: digest.weekday ?? 'mon',
                  choices: ALL_WEEKDAYS.map((day) => ({
                    value: day,
                    label: weekdayName(day, ctx.locale, 'long'),
                  })),
                  onValue: (v) => ctx.edit((d) => (lifecycleOf(d).digest!.weekday = v as Weekday)),
                })}
                ${selectField(ctx, {
                  path: 'lifecycle.digest.hour',
                  label: ctx.t('lifecycle.digestHour'),
                  hint: ctx.t('lifecycle.digestHourHint'),
                  value: String(digest.hour ?? 8),
                  choices: hours,
                  onValue: (v) => ctx.edit((d) => (lifecycleOf(d).digest!.hour = Number(v))),
                })}
              </div>`
          : nothing
      }
      ${digestViewer(ctx)}
    </section>
  `;
}
