import { html, nothing, type TemplateResult } from 'lit';
import { ABSENCE_MESSAGE_MAX } from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { checkboxField, inputField, localizedField, newId, selectField } from '../fields.js';

function addDaysIso(date: Date, days: number): string {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return `${copy.getFullYear()}-${String(copy.getMonth() + 1).padStart(2, '0')}-${String(copy.getDate()).padStart(2, '0')}`;
}

/** Absences: periods the merchant is away, announced by the banner. */
export function renderAbsences(ctx: Ctx): TemplateResult {
  const absences = ctx.draft.calendar.absences;
  const add = () => {
    ctx.edit((draft) => {
      draft.calendar.absences.push({
        id: newId('away'),
        start: addDaysIso(new Date(), 14),
        end: addDaysIso(new Date(), 21),
        announceDays: 14,
        resumeBufferDays: 0,
      });
    });
    ctx.announce(ctx.t('absences.added'));
  };
  return html`
    <p class="lead">${ctx.t('absences.intro')}</p>
    ${absences.length === 0 ? html`<div class="empty">${ctx.t('absences.empty')}</div>` : ''}
    <ol class="cards">
      ${absences.map((absence, index) => {
        const base = `calendar.absences.${index}`;
        const set = (change: (a: typeof absence) => void) =>
          ctx.edit((draft) => change(draft.calendar.absences[index]!));
        // The same words for the heading and the Remove button's hidden name.
        const name = ctx.t('absences.item', {
          start: ctx.formatDate(absence.start),
          end: ctx.formatDate(absence.end),
        });
        return html`<li class="card">
          <div class="card-head">
            <h2>${name}</h2>
            <button
              type="button"
              class="danger-link"
              @click=${() => ctx.edit((draft) => draft.calendar.absences.splice(index, 1))}
            >
              ${ctx.t('common.remove')}<span class="visually-hidden"> — ${name}</span>
            </button>
          </div>
          <div class="grid two">
            ${inputField(ctx, { path: `${base}.start`, label: ctx.t('absences.start'), type: 'date', value: absence.start, required: true, onValue: (v) => set((a) => (a.start = v)) })}
            ${inputField(ctx, { path: `${base}.end`, label: ctx.t('absences.end'), type: 'date', value: absence.end, required: true, onValue: (v) => set((a) => (a.end = v)) })}
            ${inputField(ctx, {
              path: `${base}.announceDays`,
              label: ctx.t('absences.announceDays'),
              hint: ctx.t('absences.announceDaysHint'),
              type: 'number',
              min: 0,
              max: 90,
              value: absence.announceDays ?? 14,
              onValue: (v) => set((a) => (a.announceDays = v === '' ? undefined : Number(v))),
            })}
            ${inputField(ctx, {
              path: `${base}.resumeBufferDays`,
              label: ctx.t('absences.resumeBufferDays'),
              hint: ctx.t('absences.resumeBufferDaysHint'),
              type: 'number',
              min: 0,
              max: 30,
              value: absence.resumeBufferDays ?? 0,
              onValue: (v) => set((a) => (a.resumeBufferDays = v === '' ? undefined : Number(v))),
            })}
          </div>
          ${localizedField(ctx, {
            path: `${base}.message`,
            label: ctx.t('absences.message'),
            hint: ctx.t('absences.messageHint'),
            multiline: true,
            rows: 2,
            maxLength: ABSENCE_MESSAGE_MAX,
            value: absence.message,
            onValue: (v) => set((a) => (a.message = v || undefined)),
          })}
          ${checkboxField(ctx, {
            path: `${base}.cartButtons`,
            label: ctx.t('absences.cartButtons'),
            hint: ctx.t('absences.cartButtonsHint'),
            checked: Boolean(absence.cartButtons),
            onValue: (on) =>
              set((a) => (a.cartButtons = on ? { selector: '', action: 'notice' } : undefined)),
          })}
          ${
            absence.cartButtons
              ? html`<div class="grid two">
                  ${inputField(ctx, {
                    path: `${base}.cartButtons.selector`,
                    label: ctx.t('absences.cartButtonsSelector'),
                    hint: ctx.t('absences.cartButtonsSelectorHint'),
                    required: true,
                    value: absence.cartButtons.selector,
                    placeholder: 'form[action*="/cart/add"] button',
                    onValue: (v) => set((a) => (a.cartButtons!.selector = v)),
                  })}
                  ${selectField(ctx, {
                    path: `${base}.cartButtons.action`,
                    label: ctx.t('absences.cartButtonsAction'),
                    value: absence.cartButtons.action,
                    choices: (['notice', 'hide'] as const).map((action) => ({
                      value: action,
                      label: ctx.t(`absences.cartButtons.${action}`),
                    })),
                    onValue: (v) => set((a) => (a.cartButtons!.action = v as 'hide' | 'notice')),
                  })}
                </div>`
              : nothing
          }
        </li>`;
      })}
    </ol>
    <button type="button" class="secondary" @click=${add}>+ ${ctx.t('absences.add')}</button>
  `;
}
