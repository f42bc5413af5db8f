import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { currencyDigits, toDecimalString, toMinor } from '@comptoir/sdk/money';
import { missingLocales, textIn, withText, type LocalizedTextValue } from '@comptoir/sdk/text';
import type { Ctx } from './context.js';
import { labelInLanguage, languageNameInText } from './language-name.js';

/** The DOM id of the control that edits `path` (`calendar.absences.0.end` → `f-calendar-absences-0-end`). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^\w-]+/g, '-')}`;
}

function describedBy(ids: (string | false | undefined)[]): string | typeof nothing {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

function errorLine(id: string, message: string | undefined): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="field-error" id=${id}><span aria-hidden="true">!</span> ${message}</p>`;
}

/** Options shared by every field helper. */
export interface FieldOptions {
  /** Dotted path in the config, used for the id and to find validation errors. */
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  class?: string;
  /** Another path whose errors show on this field too (a text's default-language entry). */
  alsoErrorsOf?: string;
  /** The field edits a list (`FR, BE`): the errors of its items show on it. */
  listErrors?: boolean;
}

/** What every field derives from its path: its id, its error, and the lines under its control. */
function fieldState(ctx: Ctx, options: FieldOptions) {
  const id = fieldId(options.path);
  const error =
    ctx.error(options.path, options.listErrors) ??
    (options.alsoErrorsOf ? ctx.error(options.alsoErrorsOf) : undefined);
  const hintId = options.hint ? `${id}-hint` : undefined;
  return {
    id,
    error,
    invalid: error ? 'true' : 'false',
    describedBy: describedBy([hintId, error ? `${id}-error` : undefined]),
    below: html`${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
    ${errorLine(`${id}-error`, error)}`,
  };
}

/** A field with its label above its control: inputs, text areas and selects. */
function stackedField(
  options: FieldOptions,
  state: ReturnType<typeof fieldState>,
  control: TemplateResult,
): TemplateResult {
  return html`<div class="field ${options.class ?? ''} ${state.error ? 'has-error' : ''}">
    <label for=${state.id}
      >${options.label}${options.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label
    >
    ${control} ${state.below}
  </div>`;
}

/** A labelled input with its hint and its validation error. */
export function inputField(
  ctx: Ctx,
  options: FieldOptions & {
    value: string | number | undefined;
    type?: 'text' | 'number' | 'date' | 'time' | 'email' | 'url' | 'datetime-local' | 'search';
    onValue: (value: string) => void;
    min?: number | string;
    max?: number | string;
    step?: number | string;
    placeholder?: string;
    inputmode?: string;
    autocomplete?: string;
    list?: string;
  },
): TemplateResult {
  const state = fieldState(ctx, options);
  return stackedField(
    options,
    state,
    html`<input
      id=${state.id}
      type=${options.type ?? 'text'}
      .value=${live(options.value === undefined ? '' : String(options.value))}
      min=${options.min ?? nothing}
      max=${options.max ?? nothing}
      step=${options.step ?? nothing}
      placeholder=${options.placeholder ?? nothing}
      inputmode=${options.inputmode ?? nothing}
      autocomplete=${options.autocomplete ?? 'off'}
      list=${options.list ?? nothing}
      ?required=${options.required ?? false}
      aria-invalid=${state.invalid}
      aria-describedby=${state.describedBy}
      @input=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        // A half-typed or cleared number keeps the last good value rather than snapping to 0.
        if (input.type === 'number' && (input.validity.badInput || input.value === '')) return;
        ctx.touch(options.path);
        options.onValue(input.value);
      }}
    />`,
  );
}

/** The decimal sign of `locale`: "," in French, "." in English. */
function decimalSign(locale: string): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(0.5);
  return parts.find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * An amount as a merchant types it, in major units: "45,50" or "45.50" on any page, "1,000.50" in
 * English, "1.000,50" in German, "1 000,50" in French; `NaN` when the text is not an amount
 * ("abc", "", "45,50,1"). Where both signs appear, the last one is the decimal sign; a sign that
 * repeats groups thousands; one sign alone is decimal unless exactly three digits follow it
 * ("1,000", "1.000"), which reads as the page's language reads it.
 */
export function parseAmount(text: string, locale: string): number {
  const plain = text.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^([+-]?)(\d*(?:[.,]\d*)*)$/.exec(plain);
  if (!match || !/\d/.test(plain)) return Number.NaN;
  const digits = match[2]!;
  const signs = [...new Set(digits.replace(/\d/g, ''))];
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  const once = signs.length === 1 && digits.indexOf(signs[0]!) === last;
  const decimal =
    signs.length === 2 ||
    (once && (digits.length - last - 1 !== 3 || signs[0] === decimalSign(locale)))
      ? digits[last]
      : undefined;
  const whole = decimal ? digits.slice(0, last) : digits;
  const fraction = decimal ? digits.slice(last + 1) : '';
  const group = signs.find((sign) => sign !== decimal);
  // Grouped thousands come in threes: "1,000,000", never "45,50,1".
  if (group && !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return Number.NaN;
  return Number(
    `${match[1]}${(group ? whole.split(group).join('') : whole) || '0'}.${fraction || '0'}`,
  );
}

/** An amount in minor units as the field shows it: "45,00" in French; empty when it is not one. */
export function amountText(minor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(minor)) return '';
  return toDecimalString(minor, currency).replace('.', decimalSign(locale));
}

/** What the merchant typed in each amount field, kept while it still means the draft's amount. */
const typedAmounts = new Map<string, string>();

/**
 * A labelled amount field (a threshold in EUR). What the merchant types stays as typed while it
 * means the draft's amount ("6" on the way to "60" is not rewritten "6.00"), in the page's
 * decimal sign or with a point; text that is no amount ("abc") is kept and refused as a number.
 * Leaving the field writes the amount in full ("60,00").
 */
export function amountField(
  ctx: Ctx,
  options: FieldOptions & {
    value: number;
    currency: string;
    onValue: (minor: number) => void;
  },
): TemplateResult {
  const state = fieldState(ctx, options);
  const toDraft = (text: string) => {
    const major = parseAmount(text, ctx.locale);
    if (!Number.isFinite(major)) return Number.NaN;
    const minor = toMinor(major, options.currency);
    // More decimals than the currency has ("1.234" euros) is a typo, not an amount to round.
    return minor / 10 ** currencyDigits(options.currency) === major ? minor : Number.NaN;
  };
  const typed = typedAmounts.get(options.path);
  const means = typed === undefined ? undefined : toDraft(typed);
  const keep = means !== undefined && Object.is(means, options.value);
  const shown = keep ? typed! : amountText(options.value, options.currency, ctx.locale);
  return stackedField(
    options,
    state,
    html`<input
      id=${state.id}
      type="text"
      inputmode="decimal"
      autocomplete="off"
      .value=${live(shown)}
      ?required=${options.required ?? false}
      aria-invalid=${state.invalid}
      aria-describedby=${state.describedBy}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        typedAmounts.set(options.path, text);
        ctx.touch(options.path);
        options.onValue(toDraft(text));
      }}
      @change=${(event: Event) => {
        if (Number.isFinite(toDraft((event.target as HTMLInputElement).value))) {
          typedAmounts.delete(options.path);
          ctx.update();
        }
      }}
    />`,
  );
}

/**
 * A labelled multi-line text field. With `maxLength` a counter ("120 / 300", read with the field)
 * shows how much is used. The browser does not cut the text there: a pasted text longer than that
 * is kept whole, and the draft's validation says it is too long (nothing typed is lost unseen).
 */
export function textareaField(
  ctx: Ctx,
  options: FieldOptions & {
    value: string | undefined;
    rows?: number;
    maxLength?: number;
    onValue: (value: string) => void;
  },
): TemplateResult {
  const state = fieldState(ctx, options);
  const counterId = `${state.id}-count`;
  const described = typeof state.describedBy === 'string' ? state.describedBy : '';
  return stackedField(
    options,
    state,
    html`<textarea
        id=${state.id}
        rows=${options.rows ?? 3}
        .value=${live(options.value ?? '')}
        ?required=${options.required ?? false}
        aria-invalid=${state.invalid}
        aria-describedby=${options.maxLength ? `${described} ${counterId}`.trim() : state.describedBy}
        @input=${(event: Event) => {
          ctx.touch(options.path);
          options.onValue((event.target as HTMLTextAreaElement).value);
        }}
      ></textarea
      >${
        options.maxLength
          ? html`<p class="hint counter" id=${counterId}>
              ${(options.value ?? '').length} / ${options.maxLength}
            </p>`
          : nothing
      }`,
  );
}

/** A labelled select. */
export function selectField(
  ctx: Ctx,
  options: FieldOptions & {
    value: string | undefined;
    choices: { value: string; label: string }[];
    onValue: (value: string) => void;
  },
): TemplateResult {
  const state = fieldState(ctx, options);
  return stackedField(
    options,
    state,
    html`<select
      id=${state.id}
      aria-invalid=${state.invalid}
      aria-describedby=${state.describedBy}
      @change=${(event: Event) => {
        ctx.touch(options.path);
        options.onValue((event.target as HTMLSelectElement).value);
      }}
    >
      ${options.choices.map(
        (choice) =>
          html`<option value=${choice.value} ?selected=${choice.value === (options.value ?? '')}>
            ${choice.label}
          </option>`,
      )}
    </select>`,
  );
}

/** A checkbox with its label on the right. */
export function checkboxField(
  ctx: Ctx,
  options: FieldOptions & { checked: boolean; onValue: (checked: boolean) => void },
): TemplateResult {
  const state = fieldState(ctx, options);
  return html`<div class="field check ${options.class ?? ''}">
    <input
      id=${state.id}
      type="checkbox"
      .checked=${live(options.checked)}
      aria-describedby=${state.describedBy}
      @change=${(event: Event) => options.onValue((event.target as HTMLInputElement).checked)}
    />
    <label for=${state.id}>${options.label}</label>
    ${state.below}
  </div>`;
}

/** A group of checkboxes, one per choice, in a fieldset with a legend. */
export function checkboxGroup(
  ctx: Ctx,
  options: FieldOptions & {
    values: readonly string[];
    choices: { value: string; label: string }[];
    onValue: (values: string[]) => void;
  },
): TemplateResult {
  const id = fieldId(options.path);
  const error = ctx.error(options.path);
  const toggle = (value: string, on: boolean) => {
    const next = options.choices
      .map((choice) => choice.value)
      .filter((choice) => (choice === value ? on : options.values.includes(choice)));
    options.onValue(next);
  };
  return html`<fieldset
    class="field group ${options.class ?? ''} ${error ? 'has-error' : ''}"
    id=${id}
    aria-describedby=${describedBy([options.hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined])}
  >
    <legend>${options.label}</legend>
    ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
    <div class="chips">
      ${options.choices.map(
        (choice) =>
          html`<label class="chip">
            <input
              type="checkbox"
              .checked=${live(options.values.includes(choice.value))}
              @change=${(event: Event) => toggle(choice.value, (event.target as HTMLInputElement).checked)}
            />
            <span>${choice.label}</span>
          </label>`,
      )}
    </div>
    ${errorLine(`${id}-error`, error)}
  </fieldset>`;
}

/** A list of `YYYY-MM-DD` dates with an add control and a remove button per date. */
export function dateListField(
  ctx: Ctx,
  options: FieldOptions & { values: readonly string[]; onValue: (values: string[]) => void },
): TemplateResult {
  const id = fieldId(options.path);
  const error = ctx.error(options.path);
  const add = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLElement)
      .closest('.date-list')
      ?.querySelector('input');
    if (!input?.value) return;
    if (!options.values.includes(input.value))
      options.onValue([...options.values, input.value].sort());
    input.value = '';
  };
  const errors = options.values
    .map((_, index) => ctx.error(`${options.path}.${index}`))
    .filter((message): message is string => Boolean(message));
  return html`<fieldset class="field group date-list ${error || errors.length ? 'has-error' : ''}">
    <legend>${options.label}</legend>
    ${options.hint ? html`<p class="hint">${options.hint}</p>` : nothing}
    <ul class="tag-list" aria-label=${options.label}>
      ${options.values.length === 0 ? html`<li class="muted">${ctx.t('common.none')}</li>` : nothing}
      ${options.values.map(
        (value) =>
          html`<li class="tag">
            <span>${ctx.formatDate(value)}</span>
            <button
              type="button"
              class="icon-button"
              aria-label=${ctx.t('common.removeItem', { item: ctx.formatDate(value) })}
              @click=${() => options.onValue(options.values.filter((other) => other !== value))}
            >
              ×
            </button>
          </li>`,
      )}
    </ul>
    <div class="inline-add">
      <label class="visually-hidden" for=${id}>${ctx.t('common.dateToAdd')}</label>
      <input
        id=${id}
        type="date"
        @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && add(event)}
      />
      <button type="button" class="secondary" @click=${add}>${ctx.t('common.addDate')}</button>
    </div>
    ${errorLine(`${id}-error`, error ?? errors[0])}
  </fieldset>`;
}

/**
 * A merchant text written per shop language: the default language's field, then the other
 * languages' in a disclosure whose summary names the ones still missing (shoppers in those
 * languages see the default text). A text written only in the default language stays a plain string.
 */
export function localizedField(
  ctx: Ctx,
  options: FieldOptions & {
    value: LocalizedTextValue | undefined;
    multiline?: boolean;
    rows?: number;
    /** For a multi-line text: the most characters per language, with a counter. */
    maxLength?: number;
    placeholder?: string;
    list?: string;
    onValue: (value: LocalizedTextValue | undefined) => void;
  },
): TemplateResult {
  const defaultLocale = ctx.draft.defaultLocale;
  const others = ctx.draft.locales.filter((locale) => locale !== defaultLocale);
  const set = (locale: string) => (text: string) => {
    const next = withText(options.value, locale, text, defaultLocale);
    const written = Object.keys(next ?? {});
    // Only the default language written: keep the plain string older configs hold.
    options.onValue(
      written.length === 1 && written[0] === defaultLocale ? next![defaultLocale] : next,
    );
  };
  const control = (locale: string, extra: Partial<FieldOptions> & { hint?: string }) => {
    const common = {
      ...options,
      ...extra,
      value: textIn(options.value, locale, defaultLocale),
      onValue: set(locale),
    };
    return options.multiline
      ? textareaField(ctx, { ...common, rows: options.rows ?? 3 })
      : inputField(ctx, common);
  };
  const defaultName = languageNameInText(defaultLocale, ctx.locale);
  const main = control(defaultLocale, {
    path: options.path,
    alsoErrorsOf: `${options.path}.${defaultLocale}`,
    label: others.length ? labelInLanguage(options.label, defaultName) : options.label,
  });
  if (others.length === 0) return main;
  const written = textIn(options.value, defaultLocale, defaultLocale).trim() !== '';
  const missing = written ? missingLocales(options.value, others, defaultLocale) : [];
  const hasError = others.some((locale) => ctx.error(`${options.path}.${locale}`));
  return html`<div class="localized-field ${options.class ?? ''}">
    ${main}
    <details class="translations" ?open=${hasError}>
      <summary>
        ${
          !written
            ? ctx.t('localized.summary', { count: others.length })
            : missing.length
              ? html`<span class="badge warn"
                  >${ctx.t('localized.missing', {
                    languages: missing.map((l) => languageNameInText(l, ctx.locale)).join(', '),
                  })}</span
                >`
              : html`<span class="badge ok">${ctx.t('localized.complete')}</span>`
        }
      </summary>
      ${others.map((locale) =>
        control(locale, {
          path: `${options.path}.${locale}`,
          label: labelInLanguage(options.label, languageNameInText(locale, ctx.locale)),
          hint: ctx.t('localized.fallbackHint', { language: defaultName }),
          required: false,
        }),
      )}
    </details>
  </div>`;
}

/** A short id for a new list item, readable in exports: `abs-lq3x9k`. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
