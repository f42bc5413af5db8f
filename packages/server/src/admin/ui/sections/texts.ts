import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale } from '@comptoir/sdk/schemas';
// The widgets' own strings (plain data and small functions, no DOM): the defaults shown here are
// exactly what the widgets print.
import {
  translations,
  type Translation,
  type TranslationKey,
} from '@comptoir/widgets/translations';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { fieldId, selectField } from '../fields.js';
import { languageName } from './shop.js';
import { languageNameInText } from '../language-name.js';

/** The placeholders an entry takes, from its English text rendered with `{name}` for each value. */
const PLACEHOLDER_VALUES: Record<string, string> = {
  range: '{range}',
  start: '{start}',
  end: '{end}',
  date: '{date}',
  amount: '{amount}',
  label: '{label}',
  duration: '{duration}',
  hours: '{hours}',
  minutes: '{minutes}',
  method: '{method}',
  event: '{event}',
  query: '{query}',
  count: '{count}',
};

/** An entry's text as the merchant writes it: values as `{name}`. */
export function defaultText(translation: Translation, key: TranslationKey): string {
  const entry = translation[key] as string | ((values: Record<string, unknown>) => string);
  if (typeof entry === 'string') return entry;
  try {
    return entry(PLACEHOLDER_VALUES);
  } catch {
    return '';
  }
}

/** Every key a merchant can override, in the widgets' order (the language's own name is not one). */
export const TEXT_KEYS = (Object.keys(translations.en) as TranslationKey[]).filter(
  (key) => key !== 'languageName',
);

interface TextsState {
  locale: Locale | '';
  filter: 'all' | 'changed';
}

const TEXTS_VIEW = defineView('texts', (): TextsState => ({ locale: '', filter: 'all' }));

/** Widget texts: per language, each string's default and the merchant's own wording. */
export function renderTexts(ctx: Ctx): TemplateResult {
  const view = ctx.view(TEXTS_VIEW);
  const locale = (
    view.locale && ctx.draft.locales.includes(view.locale) ? view.locale : ctx.draft.defaultLocale
  ) as Locale;
  const overrides = ctx.draft.strings[locale] ?? {};
  const own = translations[locale];
  const changedCount = Object.keys(overrides).length;
  const keys = view.filter === 'changed' ? TEXT_KEYS.filter((key) => key in overrides) : TEXT_KEYS;
  const set = (key: string, value: string) =>
    ctx.edit((d) => {
      const forLocale = { ...(d.strings[locale] ?? {}) };
      if (value) forLocale[key] = value;
      else delete forLocale[key];
      if (Object.keys(forLocale).length) d.strings[locale] = forLocale;
      else delete d.strings[locale];
    });
  return html`
    <p class="lead">${ctx.t('texts.intro')}</p>
    <div class="card">
      <div class="grid two">
        ${selectField(ctx, {
          path: 'texts.locale',
          label: ctx.t('texts.language'),
          value: locale,
          choices: ctx.draft.locales.map((l) => ({ value: l, label: languageName(l, ctx.locale) })),
          onValue: (v) => {
            view.locale = v as Locale;
            ctx.update();
          },
        })}
        ${selectField(ctx, {
          path: 'texts.filter',
          label: ctx.t('texts.show'),
          value: view.filter,
          choices: [
            { value: 'all', label: ctx.t('texts.showAll', { n: TEXT_KEYS.length }) },
            { value: 'changed', label: ctx.t('texts.showChanged', { n: changedCount }) },
          ],
          onValue: (v) => {
            view.filter = v as TextsState['filter'];
            ctx.update();
          },
        })}
      </div>
      <p class="hint">${ctx.t('texts.hint')}</p>
    </div>
    <div class="table-wrap">
      <table class="table texts-table">
        <caption class="visually-hidden">
          ${ctx.t('texts.caption', { language: languageNameInText(locale, ctx.locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${ctx.t('texts.key')}</th>
            <th scope="col">${ctx.t('texts.english')}</th>
            <th scope="col">
              ${ctx.t('texts.yours', { language: languageNameInText(locale, ctx.locale) })}
            </th>
          </tr>
        </thead>
        <tbody>
          ${
            keys.length === 0
              ? html`<tr>
                  <td colspan="3" class="muted">${ctx.t('texts.noneChanged')}</td>
                </tr>`
              : nothing
          }
          ${keys.map((key) => {
            const path = `strings.${locale}.${key}`;
            const id = fieldId(path);
            const error = ctx.error(path);
            const english = defaultText(translations.en, key);
            const local = defaultText(own, key);
            const value = overrides[key];
            return html`<tr class=${value ? 'changed' : ''}>
              <th scope="row" id=${`${id}-key`}><code>${key}</code></th>
              <td lang="en">${english}</td>
              <td class=${error ? 'has-error' : ''}>
                <label class="visually-hidden" for=${id}
                  >${ctx.t('texts.inputLabel', { key })}</label
                >
                <div class="input-with-button">
                  <input
                    id=${id}
                    type="text"
                    .value=${live(value ?? '')}
                    placeholder=${local}
                    lang=${locale}
                    aria-invalid=${error ? 'true' : 'false'}
                    aria-describedby=${error ? `${id}-error` : nothing}
                    @change=${(e: Event) => {
                      ctx.touch(path);
                      set(key, (e.target as HTMLInputElement).value.trim());
                    }}
                  />
                  ${
                    value
                      ? html`<button
                          type="button"
                          class="secondary small"
                          @click=${() => set(key, '')}
                        >
                          ${ctx.t('texts.reset')}<span class="visually-hidden"> — ${key}</span>
                        </button>`
                      : nothing
                  }
                </div>
                ${error ? html`<p class="field-error" id=${`${id}-error`}><span aria-hidden="true">!</span> ${error}</p>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  `;
}
