import { html, type TemplateResult } from 'lit';
import { sectionState, type Ctx } from '../context.js';
import { inputField, newId, textareaField } from '../fields.js';

/** FAQ: questions and answers in categories, in the order the storefront shows them. */
export function renderFaq(ctx: Ctx): TemplateResult {
  const entries = ctx.draft.faq;
  const view = sectionState(ctx, 'faq', () => ({ category: '' }));
  const categories = [...new Set(entries.map((entry) => entry.category).filter(Boolean))];
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
  return html`
    <p class="lead">${ctx.t('faq.intro')}</p>
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
        if (view.category && entry.category !== view.category) return '';
        const base = `faq.${index}`;
        const set = (change: (e: typeof entry) => void) => ctx.edit((d) => change(d.faq[index]!));
        return html`<li class="card faq-card">
          <div class="card-head">
            <h2 id=${`faq-q-${index}`} tabindex="-1">
              <span class="muted">${index + 1}.</span> ${entry.question || ctx.t('faq.newQuestion')}
            </h2>
            <div class="button-row">
              <button
                type="button"
                class="icon-button"
                id=${`faq-up-${index}`}
                ?disabled=${index === 0}
                aria-label=${ctx.t('faq.moveUp', { question: entry.question })}
                @click=${() => move(index, -1, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                class="icon-button"
                id=${`faq-down-${index}`}
                ?disabled=${index === entries.length - 1}
                aria-label=${ctx.t('faq.moveDown', { question: entry.question })}
                @click=${() => move(index, 1, 'down')}
              >
                ↓
              </button>
              <button
                type="button"
                class="danger-link"
                @click=${() => ctx.edit((d) => d.faq.splice(index, 1))}
              >
                ${ctx.t('common.remove')}<span class="visually-hidden"> — ${entry.question}</span>
              </button>
            </div>
          </div>
          <div class="grid two">
            ${inputField(ctx, { path: `${base}.question`, label: ctx.t('faq.question'), value: entry.question, required: true, onValue: (v) => set((e) => (e.question = v)) })}
            ${inputField(ctx, { path: `${base}.category`, label: ctx.t('faq.category'), value: entry.category, list: 'faq-categories', onValue: (v) => set((e) => (e.category = v)) })}
          </div>
          ${textareaField(ctx, { path: `${base}.answer`, label: ctx.t('faq.answer'), hint: ctx.t('faq.answerHint'), rows: Math.min(10, Math.max(3, entry.answer.split('\n').length + 1)), value: entry.answer, required: true, onValue: (v) => set((e) => (e.answer = v)) })}
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
            category: view.category || categories[0] || '',
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
