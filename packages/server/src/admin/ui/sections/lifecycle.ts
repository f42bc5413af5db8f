import { html, nothing, type TemplateResult } from 'lit';
import { ALL_WEEKDAYS, type LifecycleSettings, type Weekday } from '@comptoir/sdk/schemas';
import type { LocalizedTextValue } from '@comptoir/sdk/text';
import type { Ctx } from '../context.js';
import { checkboxField, inputField, localizedField, selectField } from '../fields.js';
import { weekdayName } from './shipping.js';

type Draft = Ctx['draft'];
type LifecycleParagraph = NonNullable<
  NonNullable<LifecycleSettings['orderConfirmation']>['paragraph']
>;

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
          ? inputField(ctx, {
              path: 'lifecycle.reviewRequest.daysAfterDelivery',
              label: ctx.t('lifecycle.daysAfterDelivery'),
              hint: ctx.t('lifecycle.daysAfterDeliveryHint'),
              type: 'number',
              min: 0,
              max: 60,
              value: review.daysAfterDelivery,
              onValue: (v) =>
                ctx.edit((d) => (lifecycleOf(d).reviewRequest!.daysAfterDelivery = Number(v))),
            })
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
            </div>`
          : nothing
      }
    </section>
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
    </section>
  `;
}
