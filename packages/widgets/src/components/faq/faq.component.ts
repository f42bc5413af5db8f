import { html, nothing } from 'lit/html.js';
import type { FaqEntry } from '@comptoir/sdk/schemas';
import { allTexts, resolvedLocale, resolveText } from '@comptoir/sdk/text';
import { trackEvent } from '../../internal/api.js';
import { ComptoirElement } from '../../internal/comptoir-element.js';
import { frenchSpaces } from '../../internal/localize.js';
import { matchesQuery, searchWords } from './faq-search.js';
import styles from './faq.styles.js';

export { foldText } from './faq-search.js';

/** `detail` of `comptoir-faq-opened`. */
export interface FaqOpenedDetail {
  questionId: string;
}
/** `detail` of `comptoir-faq-search-empty`. */
export interface FaqSearchEmptyDetail {
  query: string;
}

/** A question as shown: its texts in the shopper's language, and the language of each that is not. */
export type ShownFaqEntry = Pick<FaqEntry, 'id'> & {
  question: string;
  answer: string;
  category: string;
  /** For each text shown in the shop's default language (no translation yet): that language. */
  lang: { question?: string; answer?: string; category?: string };
};

/** The entry's texts in `locale` (French spacing in French), else the shop's default language's. */
export function shownEntry(entry: FaqEntry, locale: string, defaultLocale: string): ShownFaqEntry {
  const shown = { id: entry.id, lang: {} } as ShownFaqEntry;
  for (const field of ['question', 'answer', 'category'] as const) {
    shown[field] = frenchSpaces(resolveText(entry[field], locale, defaultLocale), locale);
    const from = resolvedLocale(entry[field], locale, defaultLocale);
    if (from && from !== locale) shown.lang[field] = from;
  }
  return shown;
}

/** The FAQPage JSON-LD for search engines, with `<` escaped so it cannot close the script. */
export function faqJsonLd(entries: FaqEntry[], locale = 'en', defaultLocale = locale): string {
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: entries.map((entry) => ({
      '@type': 'Question',
      name: resolveText(entry.question, locale, defaultLocale),
      acceptedAnswer: { '@type': 'Answer', text: resolveText(entry.answer, locale, defaultLocale) },
    })),
  }).replace(/</g, '\\u003c');
}

const SEARCH_EMPTY_DELAY = 1000;

/**
 * The shop's questions and answers by category: an accordion of disclosure buttons, a search that
 * ignores case and accents, deep links (`#faq-<id>` opens and scrolls to a question), and the
 * FAQPage JSON-LD added once to the document's head.
 *
 * @summary Searchable FAQ accordion.
 *
 * @event comptoir-faq-opened - A question was opened. `detail: { questionId }`.
 * @event comptoir-faq-search-empty - A search found nothing (debounced). `detail: { query }`.
 *
 * @csspart base - The wrapper.
 * @csspart search - The search field's wrapper.
 * @csspart search-input - The search input.
 * @csspart category - A category heading.
 * @csspart question - A question's button.
 * @csspart answer - An answer.
 * @csspart empty - The "no question matches" message.
 *
 * @cssproperty --comptoir-accent-color - Accent colour (the +/− marks, focus ring).
 * @cssproperty --comptoir-border-color - Colour of the separators.
 * @cssproperty --comptoir-text-color - Text colour. Defaults to the page's.
 * @cssproperty --comptoir-border-radius - Corner radius of the search field.
 */
export class ComptoirFaq extends ComptoirElement {
  static override styles = [ComptoirElement.styles, styles];

  static override properties = {
    category: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    noSearch: { type: Boolean, attribute: 'no-search' },
    noJsonLd: { type: Boolean, attribute: 'no-json-ld' },
    query: { state: true },
    openIds: { state: true },
  };

  /** Only this category (default: all). */
  declare category?: string;
  /** Heading level of the category titles (2–6, default 2). */
  declare headingLevel: number;
  /** Hides the search field. */
  declare noSearch: boolean;
  /** Does not add FAQPage JSON-LD to the document. */
  declare noJsonLd: boolean;
  declare private query: string;
  declare private openIds: Set<string>;

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onHashChange = this.guard(() => this.#openFromHash());

  constructor() {
    super();
    this.headingLevel = 2;
    this.noSearch = false;
    this.noJsonLd = false;
    this.query = '';
    this.openIds = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
    void this.updateComplete.then(() => this.#onHashChange());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
    clearTimeout(this.#searchTimer);
  }

  #entries(): ShownFaqEntry[] | 'bad' {
    const faq = this.shopConfig?.faq;
    if (faq === undefined) return [];
    const isText = (value: unknown) =>
      typeof value === 'string' || (typeof value === 'object' && value !== null);
    if (
      !Array.isArray(faq) ||
      faq.some(
        (entry) =>
          !entry ||
          !isText(entry.question) ||
          !isText(entry.answer) ||
          typeof entry.id !== 'string',
      )
    ) {
      return 'bad';
    }
    const locale = this.localize.locale;
    const defaultLocale = this.shopConfig?.defaultLocale ?? locale;
    // The `category` attribute names a category in any of the shop's languages.
    return (
      this.category === undefined
        ? faq
        : faq.filter((entry) => allTexts(entry.category).includes(this.category!))
    ).map((entry) => shownEntry(entry, locale, defaultLocale));
  }

  /** Opens the question named by `location.hash` (`#faq-<id>`) and scrolls to it. */
  async #openFromHash(): Promise<void> {
    const match = /^#faq-(.+)$/.exec(location.hash);
    if (!match) return;
    const id = decodeURIComponent(match[1]!);
    const entries = this.#entries();
    if (entries === 'bad' || !entries.some((entry) => entry.id === id)) return;
    this.query = '';
    this.#open(id);
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`#faq-q-${CSS.escape(id)}`);
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    button?.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    button?.focus({ preventScroll: true });
  }

  #open(id: string): void {
    if (this.openIds.has(id)) return;
    this.openIds = new Set([...this.openIds, id]);
    this.emit<FaqOpenedDetail>('comptoir-faq-opened', { questionId: id });
    trackEvent({ type: 'faq_opened', questionId: id });
  }

  #toggle(id: string): void {
    if (this.openIds.has(id)) {
      const next = new Set(this.openIds);
      next.delete(id);
      this.openIds = next;
    } else {
      this.#open(id);
    }
  }

  #onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    const query = this.query.trim();
    if (!query) return;
    this.#searchTimer = setTimeout(
      this.guard(() => {
        const entries = this.#entries();
        if (entries !== 'bad' && this.#matching(entries, query).length === 0) {
          this.emit<FaqSearchEmptyDetail>('comptoir-faq-search-empty', { query });
          trackEvent({ type: 'faq_search_empty', query: query.slice(0, 200) });
        }
      }),
      SEARCH_EMPTY_DELAY,
    );
  }

  #matching(entries: ShownFaqEntry[], query: string): ShownFaqEntry[] {
    const locale = this.localize.locale;
    const words = searchWords(query, locale);
    if (words.length === 0) return entries;
    return entries.filter((entry) =>
      matchesQuery(
        words,
        searchWords(`${entry.question} ${entry.answer} ${entry.category}`, locale),
      ),
    );
  }

  protected override updated(): void {
    super.updated();
    const entries = this.#entries();
    if (this.noJsonLd || entries === 'bad' || entries.length === 0) return;
    let script = document.head.querySelector<HTMLScriptElement>('script[data-comptoir-faq]');
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.dataset.comptoirFaq = '';
      document.head.append(script);
    }
    const locale = this.localize.locale;
    const json = this.shopConfig?.faq
      ? faqJsonLd(this.shopConfig.faq, locale, this.shopConfig.defaultLocale)
      : faqJsonLd(entries, locale);
    if (script.textContent !== json) script.textContent = json;
  }

  protected override renderWidget() {
    const entries = this.#entries();
    if (entries === 'bad')
      return this.fail(
        'bad-config',
        'config.faq must be a list of { id, category, question, answer }',
      );
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 2 || this.headingLevel > 6) {
      return this.fail('bad-attribute', 'heading-level must be 2 to 6');
    }
    if (entries.length === 0) return nothing;
    const shown = this.#matching(entries, this.query);
    const categories = [...new Set(shown.map((entry) => entry.category))];
    const query = this.query.trim();
    // Said by the status region (the paragraph shows it; hidden from screen readers, which would
    // read it twice).
    const empty = this.localize.t('faqEmpty', { query });
    return html`<div
      part="base"
      class="base"
      role="region"
      aria-label=${this.localize.t('faqLabel')}
    >
      ${
        this.noSearch
          ? nothing
          : html`<div part="search" class="search field">
              <label for="faq-search">${this.localize.t('faqSearch')}</label>
              <input
                part="search-input"
                id="faq-search"
                type="search"
                .value=${this.query}
                @input=${this.guard((event: Event) => this.#onSearch(event))}
              />
            </div>`
      }
      <div class="visually-hidden" role="status">
        ${query ? (shown.length ? this.localize.t('faqCount', { count: shown.length }) : empty) : ''}
      </div>
      ${
        shown.length === 0
          ? html`<p part="empty" aria-hidden="true">${empty}</p>`
          : categories.map(
              (category) =>
                html`${
                    category
                      ? html`<div
                          part="category"
                          class="category"
                          role="heading"
                          aria-level=${this.headingLevel}
                          lang=${shown.find((entry) => entry.category === category)?.lang.category ?? nothing}
                        >
                          ${category}
                        </div>`
                      : nothing
                  }
                  <div class="list">
                    ${shown.filter((entry) => entry.category === category).map((entry) => this.#renderEntry(entry))}
                  </div>`,
            )
      }
    </div>`;
  }

  #renderEntry(entry: ShownFaqEntry) {
    const open = this.openIds.has(entry.id);
    return html`<div class="item">
      <div class="question" role="heading" aria-level=${Math.min(6, this.headingLevel + 1)}>
        <button
          part="question"
          id="faq-q-${entry.id}"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="faq-a-${entry.id}"
          lang=${entry.lang.question ?? nothing}
          @click=${this.guard(() => this.#toggle(entry.id))}
        >
          ${entry.question}
        </button>
      </div>
      <div
        part="answer"
        class="answer"
        id="faq-a-${entry.id}"
        lang=${entry.lang.answer ?? nothing}
        ?hidden=${!open}
      >
        ${entry.answer.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}
      </div>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comptoir-faq-opened': CustomEvent<FaqOpenedDetail>;
    'comptoir-faq-search-empty': CustomEvent<FaqSearchEmptyDetail>;
  }
}
