import { html, nothing, type TemplateResult } from 'lit';
import {
  ALL_WEEKDAYS,
  type Announcement,
  type AnnouncementSettings,
  type Weekday,
} from '@comptoir/sdk/schemas';
import { resolveText } from '@comptoir/sdk/text';
import type { Ctx } from '../context.js';
import { checkboxField, checkboxGroup, inputField, localizedField, newId } from '../fields.js';
import { weekdayName } from './shipping.js';

const DEVICES = ['mobile', 'desktop'] as const;
/** The schema's default rotation, used when the shop has no announcement settings yet. */
const DEFAULT_ROTATE_SECONDS = 6;

function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Announcement bar: short messages (offers, shipping policy) with their dates, days and pages. */
export function renderAnnouncements(ctx: Ctx): TemplateResult {
  const settings = ctx.draft.announcements;
  const messages = settings?.messages ?? [];
  /** Edits the draft's settings, creating them on the first message. */
  const editSettings = (change: (s: AnnouncementSettings) => void) =>
    ctx.edit((d) => {
      d.announcements ??= { messages: [], rotateSeconds: DEFAULT_ROTATE_SECONDS };
      change(d.announcements);
    });
  const add = () => {
    editSettings((s) => s.messages.push({ id: newId('msg'), text: '' }));
    ctx.announce(ctx.t('announcements.added'));
    const index = messages.length;
    requestAnimationFrame(() =>
      document.getElementById(`f-announcements-messages-${index}-text`)?.focus(),
    );
  };
  const days = ALL_WEEKDAYS.map((day) => ({ value: day, label: weekdayName(day, ctx.locale) }));
  return html`
    <p class="lead">${ctx.t('announcements.intro')}</p>
    ${messages.length === 0 ? html`<div class="empty">${ctx.t('announcements.empty')}</div>` : nothing}
    <ol class="cards">
      ${messages.map((message, index) => {
        const base = `announcements.messages.${index}`;
        const set = (change: (m: Announcement) => void) =>
          editSettings((s) => change(s.messages[index]!));
        const title =
          resolveText(message.text, ctx.locale, ctx.draft.defaultLocale).trim() ||
          ctx.t('announcements.untitled');
        return html`<li class="card">
          <div class="card-head">
            <h2>${title}</h2>
            <button
              type="button"
              class="danger-link"
              @click=${() => editSettings((s) => s.messages.splice(index, 1))}
            >
              ${ctx.t('common.remove')}<span class="visually-hidden"> — ${title}</span>
            </button>
          </div>
          ${localizedField(ctx, {
            path: `${base}.text`,
            label: ctx.t('announcements.text'),
            hint: ctx.t('announcements.textHint'),
            required: true,
            value: message.text,
            onValue: (v) => set((m) => (m.text = v ?? '')),
          })}
          <div class="grid two">
            ${inputField(ctx, {
              path: `${base}.link.url`,
              label: ctx.t('announcements.linkUrl'),
              type: 'url',
              placeholder: 'https://',
              value: message.link?.url,
              onValue: (v) =>
                set((m) => {
                  if (v) m.link = { url: v, label: m.link?.label ?? '' };
                  else m.link = undefined;
                }),
            })}
            ${
              message.link
                ? localizedField(ctx, {
                    path: `${base}.link.label`,
                    label: ctx.t('announcements.linkLabel'),
                    hint: ctx.t('announcements.linkLabelHint'),
                    required: true,
                    value: message.link.label,
                    onValue: (v) => set((m) => (m.link!.label = v ?? '')),
                  })
                : nothing
            }
          </div>
          <div class="grid two">
            ${inputField(ctx, {
              path: `${base}.start`,
              label: ctx.t('announcements.start'),
              hint: ctx.t('announcements.timesHint'),
              type: 'datetime-local',
              value: message.start,
              onValue: (v) => set((m) => (m.start = v || undefined)),
            })}
            ${inputField(ctx, {
              path: `${base}.end`,
              label: ctx.t('announcements.end'),
              hint: ctx.t('announcements.timesHint'),
              type: 'datetime-local',
              value: message.end,
              onValue: (v) => set((m) => (m.end = v || undefined)),
            })}
          </div>
          ${checkboxField(ctx, {
            path: `${base}.countdown`,
            label: ctx.t('announcements.countdown'),
            checked: message.countdown ?? false,
            onValue: (on) => set((m) => (m.countdown = on || undefined)),
          })}
          ${checkboxGroup(ctx, {
            path: `${base}.weekdays`,
            label: ctx.t('announcements.weekdays'),
            hint: ctx.t('announcements.weekdaysHint'),
            values: message.weekdays ?? ALL_WEEKDAYS,
            choices: days,
            // Every day ticked is the default: stored as no restriction.
            onValue: (v) =>
              set(
                (m) =>
                  (m.weekdays = v.length === ALL_WEEKDAYS.length ? undefined : (v as Weekday[])),
              ),
          })}
          <div class="grid two">
            ${inputField(ctx, {
              path: `${base}.paths`,
              listErrors: true,
              label: ctx.t('announcements.paths'),
              hint: ctx.t('announcements.pathsHint'),
              placeholder: '/cart, /products/*',
              value: (message.paths ?? []).join(', '),
              onValue: (v) =>
                set((m) => {
                  const paths = splitList(v);
                  m.paths = paths.length ? paths : undefined;
                }),
            })}
            ${checkboxGroup(ctx, {
              path: `${base}.devices`,
              label: ctx.t('announcements.devices'),
              values: message.devices ?? DEVICES,
              choices: DEVICES.map((device) => ({
                value: device,
                label: ctx.t(`announcements.devices.${device}`),
              })),
              onValue: (v) =>
                set(
                  (m) =>
                    (m.devices =
                      v.length === DEVICES.length ? undefined : (v as ('mobile' | 'desktop')[])),
                ),
            })}
          </div>
        </li>`;
      })}
    </ol>
    <button type="button" class="secondary" @click=${add}>+ ${ctx.t('announcements.add')}</button>
    ${
      messages.length > 1
        ? html`<div class="card">
            ${inputField(ctx, {
              path: 'announcements.rotateSeconds',
              label: ctx.t('announcements.rotateSeconds'),
              hint: ctx.t('announcements.rotateSecondsHint'),
              type: 'number',
              min: 3,
              max: 60,
              value: settings?.rotateSeconds ?? DEFAULT_ROTATE_SECONDS,
              onValue: (v) => editSettings((s) => (s.rotateSeconds = Number(v))),
            })}
          </div>`
        : nothing
    }
  `;
}
