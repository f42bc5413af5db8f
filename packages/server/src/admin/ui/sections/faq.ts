import { html, type TemplateResult } from 'lit';
import { resolveText, type LocalizedTextValue } from '@comptoir/sdk/text';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { inputField, localizedField, newId } from '../fields.js';

const FAQ_VIEW = defineView('faq', () => ({ category: '' }));

/** FAQ: questions and answers in categories, in the order the storefront shows them. */
export function renderFaq(ctx: Ctx): TemplateResult {
  const entries = ctx.draft.faq;
  const view = ctx.view(FAQ_VIEW);
  const text = (value: LocalizedTextValue) =>
    resolveText(value, ctx.locale, ctx.draft.defaultLocale);
  // Categories are compared by their default-language name, the one the filter and new questions use.
  const categoryOf = (entry: (typeof entries)[number]) =>
    resolveText(entry.category, ctx.draft.defaultLocale, ctx.draft.defaultLocale);
  const categories = [...new Set(entries.map(categoryOf).filter(Boolean))];
  const move = (index: number, delta: number, direction: 'up' | 'down') => {
    const target = index + delta;
    if (target < 0 || target >= entries.length) return;
    ctx.edit((d) => {
      const [entry] = d.faq.splice(index, 1);
      d.faq.splice(target, 0, entry!);
    });
    ctx.announce(ctx.t('faq.moved', { position: target + 1, total: entries.length }));
    // Keep the keyboard on the same button of the moved question.
    requestAnimationFrame(() => {
      const button = document.getElementById(
        `faq-${direction}-${target}`,
      ) as HTMLButtonElement | null;
      (button && !button.disabled ? button : document.getElementById(`faq-q-${target}`))?.focus();
    });
  };
  const pageUrl = ctx.draft.faqPageUrl;
  const copyLink = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      ctx.announce(ctx.t('faq.linkCopied'));
    } catch {
      // No clipboard permission (an insecure origin): the link is on screen to copy by hand.
      ctx.announce(ctx.t('faq.linkNotCopied'));
    }
  };
  return html`
    <p class="lead">${ctx.t('faq.intro')}</p>
    <div class="card">
      ${inputField(ctx, {
        path: 'faqPageUrl',
        label: ctx.t('faq.pageUrl'),
        hint: ctx.t('faq.pageUrlHint'),
        type: 'url',
        placeholder: 'https://',
        value: pageUrl,
        onValue: (v) => ctx.edit((d) => (d.faqPageUrl = v.trim() || undefined)),
      })}
    </div>
    <datalist id="faq-categories">
      ${categories.map((category) => html`<option value=${category}></option>`)}
    </datalist>
    ${
      categories.length > 1
        ? html`<div class="toolbar" role="group" aria-label=${ctx.t('faq.filter')}>
            ${['', ...categories].map(
              (category) =>
                html`<button
                  type="button"
                  class="pill"
                  aria-pressed=${view.category === category ? 'true' : 'false'}
                  @click=${() => {
                    view.category = category;
                    ctx.update();
                  }}
                >
                  ${category || ctx.t('faq.allCategories')}
                </button>`,
            )}
          </div>`
        : ''
    }
    ${entries.length === 0 ? html`<div class="empty">${ctx.t('faq.empty')}</div>` : ''}
    <ol class="cards">
      ${entries.map((entry, index) => {
        if (view.category && categoryOf(entry) !== view.category) return '';
        const base = `faq.${index}`;
        const set = (change: (e: typeof entry) => void) => ctx.edit((d) => change(d.faq[index]!));
        return html`<li class="card faq-card">
          <div class="card-head">
            <h2 id=${`faq-q-${index}`} tabindex="-1">
              <span class="muted">${index + 1}.</span>
              ${text(entry.question) || ctx.t('faq.newQuestion')}
            </h2>
            <div class="button-row">
              <button
                type="button"
                class="icon-button"
                id=${`faq-up-${index}`}
                ?disabled=${index === 0}
                aria-label=${ctx.t('faq.moveUp', { question: text(entry.question) })}
                @click=${() => move(index, -1, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                class="icon-button"
                id=${`faq-down-${index}`}
                ?disabled=${index === entries.length - 1}
                aria-label=${ctx.t('faq.moveDown', { question: text(entry.question) })}
                @click=${() => move(index, 1, 'down')}
              >
                ↓
              </button>
              <button
                type="button"
                class="danger-link"
                @click=${() => ctx.edit((d) => d.faq.splice(index, 1))}
              >
                ${ctx.t('common.remove')}<span class="visually-hidden">
                  — ${text(entry.question)}</span
                >
              </button>
            </div>
          </div>
          <div class="grid two">
            ${localizedField(ctx, { path: `${base}.question`, label: ctx.t('faq.question'), value: entry.question, required: true, onValue: (v) => set((e) => (e.question = v ?? '')) })}
            ${localizedField(ctx, { path: `${base}.category`, label: ctx.t('faq.category'), value: entry.category, list: 'faq-categories', onValue: (v) => set((e) => (e.category = v ?? '')) })}
          </div>
          ${
            pageUrl && !ctx.error('faqPageUrl')
              ? html`<p class="faq-link">
                  <span class="muted">${ctx.t('faq.link')}</span>
                  <code id=${`faq-link-${index}`}>${deepLink(pageUrl, entry.id)}</code>
                  <button
                    type="button"
                    class="secondary small"
                    aria-describedby=${`faq-link-${index}`}
                    @click=${() => copyLink(deepLink(pageUrl, entry.id))}
                  >
                    ${ctx.t('faq.copyLink')}
                  </button>
                </p>`
              : ''
          }
          ${localizedField(ctx, { path: `${base}.answer`, label: ctx.t('faq.answer'), hint: ctx.t('faq.answerHint'), multiline: true, rows: Math.min(10, Math.max(3, text(entry.answer).split('\n').length + 1)), value: entry.answer, required: true, onValue: (v) => set((e) => (e.answer = v ?? '')) })}
        </li>`;
      })}
    </ol>
    <button
      type="button"
      class="secondary"
      @click=${() => {
        ctx.edit((d) =>
          d.faq.push({
            id: newId('q'),
            // The filtered category, else none: the first category would file it under a group
            // the merchant did not choose, and the shop would show it there, not where it is here.
            category: view.category || '',
            question: '',
            answer: '',
          }),
        );
        requestAnimationFrame(() =>
          document.getElementById(`f-faq-${entries.length}-question`)?.focus(),
        );
      }}
    >
      + ${ctx.t('faq.add')}
    </button>
  `;
}

/** The address that opens one question on the shop's FAQ page (the widget reads `#faq-<id>`). */
export function deepLink(pageUrl: string, id: string): string {
  const url = new URL(pageUrl);
  url.hash = `faq-${encodeURIComponent(id)}`;
  return url.toString();
}
