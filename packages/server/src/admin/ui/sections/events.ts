import { html, type TemplateResult } from 'lit';
import { resolveText } from '@comptoir/sdk/text';
import type { Ctx } from '../context.js';
import { checkboxGroup, inputField, localizedField, newId } from '../fields.js';

function nextChristmas(): string {
  const now = new Date();
  const year =
    now.getMonth() === 11 && now.getDate() > 24 ? now.getFullYear() + 1 : now.getFullYear();
  return `${year}-12-24`;
}

/** Holiday events: delivery deadlines such as Christmas, shown by the holiday-deadline widget. */
export function renderEvents(ctx: Ctx): TemplateResult {
  const events = ctx.draft.holidayEvents;
  const methods = ctx.draft.calendar.methods;
  return html`
    <p class="lead">${ctx.t('events.intro')}</p>
    ${events.length === 0 ? html`<div class="empty">${ctx.t('events.empty')}</div>` : ''}
    <ol class="cards">
      ${events.map((event, index) => {
        const base = `holidayEvents.${index}`;
        const set = (change: (e: typeof event) => void) =>
          ctx.edit((d) => change(d.holidayEvents[index]!));
        return html`<li class="card">
          <div class="card-head">
            <h2>
              ${resolveText(event.name, ctx.locale, ctx.draft.defaultLocale) || ctx.t('events.untitled')}
            </h2>
            <button
              type="button"
              class="danger-link"
              @click=${() => ctx.edit((d) => d.holidayEvents.splice(index, 1))}
            >
              ${ctx.t('common.remove')}<span class="visually-hidden">
                — ${resolveText(event.name, ctx.locale, ctx.draft.defaultLocale)}</span
              >
            </button>
          </div>
          <div class="grid three">
            ${localizedField(ctx, { path: `${base}.name`, label: ctx.t('events.name'), value: event.name, required: true, onValue: (v) => set((e) => (e.name = v ?? '')) })}
            ${inputField(ctx, { path: `${base}.deliverBy`, label: ctx.t('events.deliverBy'), type: 'date', value: event.deliverBy, required: true, onValue: (v) => set((e) => (e.deliverBy = v)) })}
            ${inputField(ctx, {
              path: `${base}.showFrom`,
              label: ctx.t('events.showFrom'),
              hint: ctx.t('events.showFromHint'),
              type: 'date',
              value: event.showFrom,
              onValue: (v) => set((e) => (e.showFrom = v || undefined)),
            })}
          </div>
          ${checkboxGroup(ctx, {
            path: `${base}.methodIds`,
            label: ctx.t('events.methods'),
            hint: ctx.t('events.methodsHint'),
            values: event.methodIds ?? methods.map((m) => m.id),
            choices: methods.map((m) => ({ value: m.id, label: m.name || m.id })),
            onValue: (v) => set((e) => (e.methodIds = v.length === methods.length ? undefined : v)),
          })}
          ${localizedField(ctx, { path: `${base}.message`, label: ctx.t('events.message'), multiline: true, rows: 2, value: event.message, onValue: (v) => set((e) => (e.message = v || undefined)) })}
          <div class="stack">
            ${localizedField(ctx, {
              path: `${base}.fallback.text`,
              label: ctx.t('events.fallbackText'),
              hint: ctx.t('events.fallbackHint'),
              value: event.fallback?.text,
              onValue: (v) =>
                set((e) => {
                  e.fallback = v ? { ...(e.fallback ?? {}), text: v } : undefined;
                }),
            })}
            ${inputField(ctx, {
              path: `${base}.fallback.url`,
              label: ctx.t('events.fallbackUrl'),
              type: 'url',
              value: event.fallback?.url,
              placeholder: 'https://',
              onValue: (v) =>
                set((e) => {
                  if (e.fallback) e.fallback.url = v || undefined;
                  else if (v) e.fallback = { text: '', url: v };
                }),
            })}
          </div>
        </li>`;
      })}
    </ol>
    <button
      type="button"
      class="secondary"
      @click=${() => ctx.edit((d) => d.holidayEvents.push({ id: newId('event'), name: ctx.t('events.christmas'), deliverBy: nextChristmas() }))}
    >
      + ${ctx.t('events.add')}
    </button>
  `;
}
