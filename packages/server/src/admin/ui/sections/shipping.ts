import { html, nothing, type TemplateResult } from 'lit';
import { ALL_WEEKDAYS, type Weekday } from '@comptoir/sdk/schemas';
import type { HolidayList } from '@comptoir/sdk/client';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import {
  checkboxGroup,
  dateListField,
  inputField,
  newId,
  selectField,
  textareaField,
} from '../fields.js';

/** Countries `date-holidays` knows that small European and North American shops ask for most. */
const HOLIDAY_COUNTRIES = [
  'FR',
  'BE',
  'CH',
  'LU',
  'DE',
  'AT',
  'NL',
  'ES',
  'IT',
  'PT',
  'IE',
  'GB',
  'DK',
  'SE',
  'NO',
  'FI',
  'PL',
  'CZ',
  'US',
  'CA',
  'AU',
  'NZ',
];

/** The weekday's short name in the page's language (Monday 2024-01-01 is a known anchor). */
export function weekdayName(
  day: Weekday,
  locale: string,
  width: 'short' | 'long' = 'short',
): string {
  const index = ALL_WEEKDAYS.indexOf(day);
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + index),
  );
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

interface HolidayState {
  key: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  holidays: HolidayList['holidays'];
}

const HOLIDAYS_VIEW = defineView('holidays', (): HolidayState => ({
  key: '',
  status: 'idle',
  holidays: [],
}));

function holidaysFor(ctx: Ctx): HolidayState {
  const calendar = ctx.draft.calendar;
  const key = `${calendar.holidayCountry ?? ''}|${calendar.holidayRegion ?? ''}`;
  const state = ctx.view(HOLIDAYS_VIEW);
  if (state.key !== key && calendar.holidayCountry) {
    state.key = key;
    state.status = 'loading';
    ctx.api
      .holidays(calendar.holidayCountry, calendar.holidayRegion || undefined)
      .then((answer) => {
        if (state.key !== key) return;
        state.holidays = answer.holidays;
        state.status = 'ready';
      })
      .catch(() => {
        if (state.key === key) state.status = 'error';
      })
      .finally(() => ctx.update());
  }
  return state;
}

let timeZones: string[] | undefined;

/** Comma-separated entries, trimmed, empty ones dropped. */
function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Products and pages that do not ship: no shipping widgets there; nothing stored when both empty. */
function renderExclusions(ctx: Ctx): TemplateResult {
  const exclusions = ctx.draft.shippingExclusions ?? { productIds: [], paths: [] };
  const set = (change: (e: typeof exclusions) => void) =>
    ctx.edit((d) => {
      const next = {
        productIds: [...(d.shippingExclusions?.productIds ?? [])],
        paths: [...(d.shippingExclusions?.paths ?? [])],
      };
      change(next);
      d.shippingExclusions = next.productIds.length || next.paths.length ? next : undefined;
    });
  return html`<div class="card">
    <h2>${ctx.t('shipping.exclusions')}</h2>
    <p class="hint">${ctx.t('shipping.exclusionsHint')}</p>
    ${textareaField(ctx, {
      path: 'shippingExclusions.productIds',
      listErrors: true,
      label: ctx.t('shipping.excludedProducts'),
      hint: ctx.t('shipping.excludedProductsHint'),
      rows: 2,
      value: exclusions.productIds.join(', '),
      onValue: (v) => set((e) => (e.productIds = splitList(v))),
    })}
    ${inputField(ctx, {
      path: 'shippingExclusions.paths',
      listErrors: true,
      label: ctx.t('shipping.excludedPaths'),
      hint: ctx.t('shipping.excludedPathsHint'),
      placeholder: '/gift-cards/*',
      value: exclusions.paths.join(', '),
      onValue: (v) => set((e) => (e.paths = splitList(v))),
    })}
  </div>`;
}

/** Shipping: when parcels leave, public holidays, closed days and shipping methods. */
export function renderShipping(ctx: Ctx): TemplateResult {
  const calendar = ctx.draft.calendar;
  timeZones ??= Intl.supportedValuesOf('timeZone');
  const zones = timeZones.includes(calendar.timeZone)
    ? timeZones
    : [calendar.timeZone, ...timeZones];
  const holidays = holidaysFor(ctx);
  const days = ALL_WEEKDAYS.map((day) => ({
    value: day,
    label: weekdayName(day, ctx.locale, 'long'),
  }));
  return html`
    <p class="lead">${ctx.t('shipping.intro')}</p>
    <div class="card">
      <h2>${ctx.t('shipping.dispatch')}</h2>
      <div class="grid two">
        ${selectField(ctx, {
          path: 'calendar.timeZone',
          label: ctx.t('shipping.timeZone'),
          value: calendar.timeZone,
          choices: zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
          onValue: (v) => ctx.edit((d) => (d.calendar.timeZone = v)),
        })}
        ${inputField(ctx, {
          path: 'calendar.handlingDays',
          label: ctx.t('shipping.handlingDays'),
          hint: ctx.t('shipping.handlingDaysHint'),
          type: 'number',
          min: 0,
          max: 30,
          value: calendar.handlingDays,
          onValue: (v) => ctx.edit((d) => (d.calendar.handlingDays = v === '' ? 0 : Number(v))),
        })}
      </div>
      ${checkboxGroup(ctx, {
        path: 'calendar.dispatchDays',
        label: ctx.t('shipping.dispatchDays'),
        values: calendar.dispatchDays,
        choices: days,
        onValue: (v) => ctx.edit((d) => (d.calendar.dispatchDays = v as Weekday[])),
      })}
      ${inputField(ctx, {
        path: 'calendar.cutoff',
        label: ctx.t('shipping.cutoff'),
        hint: ctx.t('shipping.cutoffHint'),
        type: 'time',
        value: calendar.cutoff,
        class: 'narrow',
        onValue: (v) => ctx.edit((d) => (d.calendar.cutoff = v)),
      })}
      <details class="disclosure" ?open=${Object.keys(calendar.cutoffByDay ?? {}).length > 0}>
        <summary>${ctx.t('shipping.cutoffByDay')}</summary>
        <p class="hint">${ctx.t('shipping.cutoffByDayHint')}</p>
        <div class="grid four">
          ${calendar.dispatchDays.map((day) =>
            inputField(ctx, {
              path: `calendar.cutoffByDay.${day}`,
              label: weekdayName(day, ctx.locale, 'long'),
              type: 'time',
              value: calendar.cutoffByDay?.[day],
              onValue: (v) =>
                ctx.edit((d) => {
                  const byDay = { ...(d.calendar.cutoffByDay ?? {}) };
                  if (v) byDay[day] = v;
                  else delete byDay[day];
                  d.calendar.cutoffByDay = Object.keys(byDay).length ? byDay : undefined;
                }),
            }),
          )}
        </div>
      </details>
    </div>

    <div class="card">
      <h2>${ctx.t('shipping.holidays')}</h2>
      <div class="grid two">
        ${selectField(ctx, {
          path: 'calendar.holidayCountry',
          label: ctx.t('shipping.holidayCountry'),
          value: calendar.holidayCountry ?? '',
          choices: [
            { value: '', label: ctx.t('shipping.noHolidayCountry') },
            ...HOLIDAY_COUNTRIES.map((code) => ({
              value: code,
              label: countryName(code, ctx.locale),
            })).sort((a, b) => a.label.localeCompare(b.label, ctx.locale)),
          ],
          onValue: (v) =>
            ctx.edit((d) => {
              d.calendar.holidayCountry = v || undefined;
              d.calendar.holidayRegion = undefined;
            }),
        })}
        ${inputField(ctx, {
          path: 'calendar.holidayRegion',
          label: ctx.t('shipping.holidayRegion'),
          hint: ctx.t('shipping.holidayRegionHint'),
          value: calendar.holidayRegion,
          placeholder: 'BY',
          onValue: (v) =>
            ctx.edit((d) => (d.calendar.holidayRegion = v.trim().toUpperCase() || undefined)),
        })}
      </div>
      ${
        calendar.holidayCountry
          ? html`<div
              class="resolved"
              aria-live="polite"
              aria-busy=${holidays.status === 'loading' ? 'true' : 'false'}
            >
              <h3>${ctx.t('shipping.resolvedHolidays')}</h3>
              ${holidays.status === 'loading' ? html`<p class="muted">${ctx.t('common.loading')}</p>` : nothing}
              ${holidays.status === 'error' ? html`<p class="field-error">${ctx.t('shipping.holidaysError')}</p>` : nothing}
              ${
                holidays.status === 'ready'
                  ? html`<ul class="holiday-list">
                      ${holidays.holidays.map((holiday) => html`<li><time datetime=${holiday.date}>${ctx.formatDate(holiday.date)}</time> <span>${holiday.name}</span></li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${dateListField(ctx, {
        path: 'calendar.extraHolidays',
        label: ctx.t('shipping.extraHolidays'),
        hint: ctx.t('shipping.extraHolidaysHint'),
        values: calendar.extraHolidays,
        onValue: (v) => ctx.edit((d) => (d.calendar.extraHolidays = v)),
      })}
      ${dateListField(ctx, {
        path: 'calendar.closedDates',
        label: ctx.t('shipping.closedDates'),
        hint: ctx.t('shipping.closedDatesHint'),
        values: calendar.closedDates,
        onValue: (v) => ctx.edit((d) => (d.calendar.closedDates = v)),
      })}
    </div>

    <div class="card">
      <h2>${ctx.t('shipping.methods')}</h2>
      <p class="hint">${ctx.t('shipping.methodsHint')}</p>
      <ol class="rows">
        ${calendar.methods.map((method, index) => {
          const base = `calendar.methods.${index}`;
          const set = (change: (m: typeof method) => void) =>
            ctx.edit((d) => change(d.calendar.methods[index]!));
          return html`<li class="row">
            <div class="grid methods">
              ${inputField(ctx, { path: `${base}.name`, label: ctx.t('shipping.methodName'), value: method.name, required: true, onValue: (v) => set((m) => (m.name = v)) })}
              ${inputField(ctx, { path: `${base}.transitDays.min`, label: ctx.t('shipping.transitMin'), type: 'number', min: 0, max: 60, value: method.transitDays.min, onValue: (v) => set((m) => (m.transitDays.min = Number(v || 0))) })}
              ${inputField(ctx, { path: `${base}.transitDays.max`, label: ctx.t('shipping.transitMax'), type: 'number', min: 0, max: 60, value: method.transitDays.max, onValue: (v) => set((m) => (m.transitDays.max = Number(v || 0))) })}
              <button
                type="button"
                class="danger-link align-end"
                @click=${() => ctx.edit((d) => d.calendar.methods.splice(index, 1))}
              >
                ${ctx.t('common.remove')}<span class="visually-hidden"> — ${method.name}</span>
              </button>
            </div>
            ${ctx.error(`${base}.id`) ? html`<p class="field-error">${ctx.error(`${base}.id`)}</p>` : nothing}
            ${checkboxGroup(ctx, {
              path: `${base}.deliveryDays`,
              label: ctx.t('shipping.deliveryDays'),
              values: method.deliveryDays ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
              choices: days.map((day) => ({ ...day, label: weekdayName(day.value, ctx.locale) })),
              onValue: (v) => set((m) => (m.deliveryDays = v as Weekday[])),
            })}
          </li>`;
        })}
      </ol>
      <button
        type="button"
        class="secondary"
        @click=${() => ctx.edit((d) => d.calendar.methods.push({ id: newId('method'), name: '', transitDays: { min: 2, max: 3 } }))}
      >
        + ${ctx.t('shipping.addMethod')}
      </button>
    </div>

    ${renderExclusions(ctx)}
  `;
}
