import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { isComptoirApiError, type AdminSession } from '@comptoir/sdk/client';
import { formatDay, formatInstant, formatShopMoney } from './conventions.js';
import { createAdminClient, errorText, hasStatus } from './api.js';
import type { Ctx } from './context.js';
import { fieldId, newId } from './fields.js';
import { keepFocusOnRemove } from './keep-focus.js';
import {
  detectLocale,
  loadUiLocale,
  translate,
  UI_LOCALE_NAMES,
  UI_LOCALES,
  type MessageKey,
  type Translate,
  type UiLocale,
} from './i18n.js';
import { issueFieldName, itemNumber, localizeIssue, type ValidationIssue } from './validation.js';
import { DraftController, type SaveOutcome } from './draft-controller.js';
import { PreviewController } from './preview-controller.js';
import { EmailPreviewController } from './email-preview-controller.js';
import { PREVIEWED, renderPreview } from './preview.js';
import { ViewsController } from './views.js';
import { renderAbsences } from './sections/absences.js';
import { renderCapture } from './sections/capture.js';
import { renderCarts } from './sections/carts.js';
import { renderData } from './sections/data.js';
import { renderEmails } from './sections/emails.js';
import { renderAnnouncements } from './sections/announcements.js';
import { renderEvents } from './sections/events.js';
import { renderFaq } from './sections/faq.js';
import { renderFreeShipping } from './sections/free-shipping.js';
import { renderLifecycle } from './sections/lifecycle.js';
import { renderInstall } from './sections/install.js';
import { renderIntegrations } from './sections/integrations.js';
import { renderOverview } from './sections/overview.js';
import { renderOutbox } from './sections/outbox.js';
import { renderShipping } from './sections/shipping.js';
import { renderPlacements } from './sections/placements.js';
import { renderShop } from './sections/shop.js';
import { renderTexts } from './sections/texts.js';
import { parseHash } from './route.js';
import { browserChecks } from './browser-checks.js';
import { BarsController } from './bars.js';

/** The config page's sections, in navigation order, with the config paths each one edits. */
export const SECTIONS = [
  { id: 'overview', group: 'results', paths: [] },
  { id: 'absences', group: 'settings', paths: ['calendar.absences'] },
  { id: 'shipping', group: 'settings', paths: ['calendar', 'shippingExclusions'] },
  { id: 'free-shipping', group: 'settings', paths: ['freeShipping'] },
  { id: 'events', group: 'settings', paths: ['holidayEvents'] },
  { id: 'faq', group: 'settings', paths: ['faq', 'faqPageUrl'] },
  { id: 'announcements', group: 'settings', paths: ['announcements'] },
  { id: 'capture', group: 'settings', paths: ['capture'] },
  { id: 'emails', group: 'settings', paths: ['recovery'] },
  { id: 'lifecycle', group: 'settings', paths: ['lifecycle'] },
  {
    id: 'shop',
    group: 'settings',
    paths: ['shopName', 'currency', 'locales', 'defaultLocale', 'theme'],
  },
  { id: 'texts', group: 'settings', paths: ['strings'] },
  { id: 'carts', group: 'results', paths: [] },
  { id: 'outbox', group: 'results', paths: [] },
  { id: 'data', group: 'results', paths: [] },
  { id: 'install', group: 'setup', paths: ['allowedOrigins'] },
  { id: 'integrations', group: 'setup', paths: [] },
  { id: 'placements', group: 'setup', paths: ['placements'] },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

/** The section that edits a config path (`calendar.absences.0.end` → `absences`). */
export function sectionOf(path: string): SectionId {
  let best: { id: SectionId; length: number } = { id: 'shop', length: 0 };
  for (const section of SECTIONS) {
    for (const prefix of section.paths) {
      if ((path === prefix || path.startsWith(`${prefix}.`)) && prefix.length > best.length)
        best = { id: section.id, length: prefix.length };
    }
  }
  return best.id;
}

/**
 * The merchant config page: sign-in, navigation, the section forms, the save bar and the live
 * preview. It renders into the light DOM so one stylesheet styles it and tools see plain HTML.
 * The draft (load, edit, validate, save) and the preview are controllers the sections share; the
 * page's own state is reactive.
 */
export class ComptoirAdminApp extends LitElement {
  static override properties = {
    uiLocale: { state: true },
    session: { state: true },
    booting: { state: true },
    signInError: { state: true },
    signingIn: { state: true },
    liveMessage: { state: true },
    route: { state: true },
  };

  private readonly api = createAdminClient();
  private uiLocale: UiLocale = detectLocale();
  private session: AdminSession | null = null;
  private booting = true;
  private signInError = '';
  private signingIn = false;
  private liveMessage = '';
  private route: { section: SectionId; detail: string | null } = {
    section: 'overview',
    detail: null,
  };
  private pendingQuestion: string | null = null;

  private readonly config = new DraftController(this, () => this.api, {
    extraChecks: browserChecks,
    onDraftChange: (reason) => {
      if (reason === 'load') this.addPendingQuestion();
      this.preview.schedule(reason === 'edit' ? 350 : 0);
      this.emailPreview.schedule(reason === 'edit' ? 350 : 0);
    },
  });
  private readonly preview = new PreviewController(this, () => this.api, {
    draft: () => this.config.draft,
    active: () => Boolean(PREVIEWED[this.route.section]),
    itemTitle: () => this.t('preview.sampleItem'),
    invalid: () => this.config.issues.length > 0,
  });
  /** The After the order section's email preview, rendered by the server from the draft. */
  private readonly emailPreview = new EmailPreviewController(this, () => this.api, {
    draft: () => this.config.draft,
    active: () => this.route.section === 'lifecycle',
  });
  private readonly views = new ViewsController(this);
  /** Keeps the scroll padding at the bars' heights, so the focus never lands under them. */
  private readonly bars = new BarsController(this);

  override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this.onHashChange();
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.config.dirty) event.preventDefault();
  };

  private readonly onHashChange = () => {
    const { section, detail } = parseHash(location.hash);
    const known = SECTIONS.find((s) => s.id === section);
    const previous = this.route.section;
    this.route = { section: known?.id ?? 'overview', detail };
    if (this.route.section === 'faq' && detail?.startsWith('new/')) {
      // "Add questions" from the overview: one new question holding what shoppers searched for.
      this.pendingQuestion = detail.slice('new/'.length);
      this.route = { section: 'faq', detail: null };
      history.replaceState(null, '', '#/faq');
      this.addPendingQuestion();
    }
    if (previous !== this.route.section) {
      // Results are reloaded each time their section opens, so they are never stale.
      this.views.opened(this.route.section);
      // Move focus to the new section's heading, as a page change would.
      void this.updateComplete.then(() => {
        if (this.session && this.config.draft && location.hash)
          document.getElementById('section-title')?.focus();
      });
      this.preview.schedule(0);
      this.emailPreview.schedule(0);
    }
  };

  /** Adds the question asked for by `#/faq/new/<search>` once the draft is there, and focuses its answer. */
  private addPendingQuestion(): void {
    const question = this.pendingQuestion;
    const draft = this.config.draft;
    if (question === null || !draft) return;
    this.pendingQuestion = null;
    const index = draft.faq.length;
    this.config.edit((d) => d.faq.push({ id: newId('q'), category: '', question, answer: '' }));
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => document.getElementById(`f-faq-${index}-answer`)?.focus()),
    );
  }

  private async boot(): Promise<void> {
    // The page's language downloads beside the session and the config, and the page is shown
    // once all are there: in its language from the first paint.
    const strings = loadUiLocale(this.uiLocale);
    // The page is written in English; a page opened in another language says so from the start.
    document.documentElement.lang = this.uiLocale;
    try {
      this.session = await this.currentSession();
      if (this.session) await this.config.load();
    } catch (error) {
      this.signInError = this.errorText(error);
    }
    await strings;
    this.booting = false;
  }

  /** The session from the cookie, or null when signed out (a 200 either way: no console error). */
  private currentSession(): Promise<AdminSession | null> {
    return this.api.sessionState();
  }

  private t: Translate = (key, ...values) => translate(this.uiLocale, key, ...values);

  private errorText = (error: unknown) => errorText(error, this.t('common.unreachable'));

  private ctx(): Ctx {
    const locale = this.uiLocale;
    const config = this.config;
    const draft = config.draft!;
    return {
      t: this.t,
      locale,
      config,
      preview: this.preview,
      emailPreview: this.emailPreview,
      draft,
      dirty: config.dirty,
      edit: (change) => config.edit(change),
      touch: (path) => config.touch(path),
      error: (path, includeChildren = false) => {
        const issue = config.issueAt(path, includeChildren);
        return issue ? localizeIssue(issue, locale) : undefined;
      },
      api: this.api,
      errorText: this.errorText,
      view: (key) => this.views.of(key),
      update: () => this.views.changed(),
      announce: (message) => this.announce(message),
      formatDate: (date, options) => formatDay(date, locale, draft.currency, options),
      formatInstant: (instant) =>
        formatInstant(instant, locale, draft.currency, draft.calendar.timeZone),
      formatMoney: (minor, currency) => formatShopMoney(minor, currency, locale),
      issueLine: (issue) => this.issueLine(issue),
    };
  }

  private announce(message: string): void {
    // Clearing first makes a repeated message be spoken again.
    this.liveMessage = '';
    requestAnimationFrame(() => {
      this.liveMessage = message;
    });
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('secretKey') as HTMLInputElement;
    const secretKey = input.value.trim();
    if (!secretKey) {
      this.signInError = this.t('signIn.missing');
      input.focus();
      return;
    }
    this.signingIn = true;
    this.signInError = '';
    try {
      this.session = await this.api.signIn(secretKey);
      input.value = '';
      await this.config.load();
      if (!location.hash) history.replaceState(null, '', '#/overview');
    } catch (error) {
      this.signInError = hasStatus(error, 401, 403)
        ? this.t('signIn.wrong')
        : this.errorText(error);
    }
    this.signingIn = false;
    await this.updateComplete;
    if (this.signInError) document.getElementById('secret-key')?.focus();
    else document.getElementById('section-title')?.focus();
  }

  private async signOut(): Promise<void> {
    if (this.config.dirty && !confirm(this.t('save.leaveConfirm'))) return;
    await this.api.signOut().catch(() => undefined);
    this.session = null;
    this.config.clear();
    this.views.clear();
  }

  private async save(force = false): Promise<void> {
    const outcome = await this.config.save(force);
    if (!outcome) return;
    if (outcome.kind === 'saved') {
      this.announce(this.t('save.saved'));
    } else if (outcome.kind === 'conflict') {
      this.announce(this.t('save.conflict'));
    } else if (outcome.kind === 'expired') {
      this.session = null;
      this.signInError = this.t('signIn.expired');
    }
    if (outcome.kind === 'invalid') {
      await this.updateComplete;
      document.getElementById('error-summary')?.focus();
    }
  }

  /** The save's banner text, in the page's language. */
  private outcomeText(outcome: SaveOutcome): string {
    switch (outcome.kind) {
      case 'saved':
        return this.t('save.saved');
      case 'invalid':
        return this.t('save.invalid', { n: outcome.count });
      case 'failed':
        return isComptoirApiError(outcome.error) && outcome.error.status === 400
          ? this.errorText(outcome.error)
          : this.t('save.failed', { message: this.errorText(outcome.error) });
      default:
        return '';
    }
  }

  private discard(): void {
    this.config.discard();
    this.announce(this.t('save.discarded'));
  }

  private async reloadTheirs(): Promise<void> {
    await this.config.load();
    this.announce(this.t('save.reloaded'));
  }

  private async setUiLocale(locale: UiLocale): Promise<void> {
    await loadUiLocale(locale);
    this.uiLocale = locale;
    localStorage.setItem('comptoir-admin-locale', locale);
    document.documentElement.lang = locale;
  }

  private goToIssue(event: Event, issue: ValidationIssue): void {
    event.preventDefault();
    const section = sectionOf(issue.path);
    if (section !== this.route.section) location.hash = `#/${section}`;
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => {
        const parent = issue.path.replace(/\.[^.]+$/, '');
        const target =
          document.getElementById(fieldId(issue.path)) ??
          document
            .getElementById(`${fieldId(issue.path)}-error`)
            ?.closest('.field')
            ?.querySelector('input,select,textarea') ??
          // A text's default-language entry is edited by the text's own field.
          document.getElementById(fieldId(parent));
        target?.closest('details')?.setAttribute('open', '');
        (target as HTMLElement | null)?.focus();
      }),
    );
  }

  private renderLanguageSwitch(): TemplateResult {
    return html`<div class="ui-lang">
      <label for="ui-locale" class="visually-hidden">${this.t('app.uiLanguage')}</label>
      <select
        id="ui-locale"
        @change=${(e: Event) => void this.setUiLocale((e.target as HTMLSelectElement).value as UiLocale)}
      >
        ${UI_LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.uiLocale}>${UI_LOCALE_NAMES[l]}</option>`)}
      </select>
    </div>`;
  }

  private renderSignIn(): TemplateResult {
    return html`<main class="sign-in" id="main">
      <div class="sign-in-card">
        <div class="brand big"><span class="logo" aria-hidden="true">C</span> Comptoir</div>
        <h1>${this.t('signIn.title')}</h1>
        <p class="lead">${this.t('signIn.intro')}</p>
        <form @submit=${(e: SubmitEvent) => this.signIn(e)} novalidate>
          <div class="field ${this.signInError ? 'has-error' : ''}">
            <label for="secret-key">${this.t('signIn.key')}</label>
            <input
              id="secret-key"
              name="secretKey"
              type="password"
              autocomplete="off"
              spellcheck="false"
              placeholder="sk_…"
              aria-invalid=${this.signInError ? 'true' : 'false'}
              aria-describedby="secret-key-hint ${this.signInError ? 'secret-key-error' : ''}"
            />
            <p class="hint" id="secret-key-hint">${this.t('signIn.keyHint')}</p>
            ${this.signInError ? html`<p class="field-error" id="secret-key-error" role="alert">${this.signInError}</p>` : nothing}
          </div>
          <button type="submit" class="primary wide" ?disabled=${this.signingIn}>
            ${this.signingIn ? this.t('signIn.signingIn') : this.t('signIn.submit')}
          </button>
        </form>
        ${this.renderLanguageSwitch()}
      </div>
    </main>`;
  }

  private renderNav(): TemplateResult {
    const groups: { id: 'results' | 'settings' | 'setup'; label: MessageKey }[] = [
      { id: 'results', label: 'nav.results' },
      { id: 'settings', label: 'nav.settings' },
      { id: 'setup', label: 'nav.setup' },
    ];
    const errorSections = new Set(
      this.config.visibleIssues().map((issue) => sectionOf(issue.path)),
    );
    return html`<nav class="side-nav" aria-label=${this.t('nav.label')}>
      ${groups.map(
        (group) =>
          html`<p class="nav-group" id="nav-${group.id}">${this.t(group.label)}</p>
            <ul aria-labelledby="nav-${group.id}">
              ${SECTIONS.filter((s) => s.group === group.id).map(
                (s) =>
                  html`<li>
                    <a
                      href="#/${s.id}"
                      aria-current=${this.route.section === s.id ? 'page' : nothing}
                    >
                      ${this.t(`section.${s.id}` as MessageKey)}
                      ${errorSections.has(s.id) ? html`<span class="nav-error" title=${this.t('nav.hasErrors')}><span aria-hidden="true">!</span><span class="visually-hidden">${this.t('nav.hasErrors')}</span></span>` : nothing}
                    </a>
                  </li>`,
              )}
            </ul>`,
      )}
    </nav>`;
  }

  private renderSaveBar(): TemplateResult {
    const isSettings =
      SECTIONS.find((s) => s.id === this.route.section)?.group !== 'results' || this.config.dirty;
    if (!isSettings && !this.config.dirty && !this.config.outcome) return html``;
    const { dirty, saving } = this.config;
    return html`<div
      class="save-bar ${dirty ? 'dirty' : ''}"
      role="region"
      aria-label=${this.t('save.region')}
    >
      <p class="save-status">
        ${dirty ? html`<span class="dot" aria-hidden="true"></span>${this.t('save.unsaved')}` : this.t('save.allSaved')}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          ?disabled=${!dirty || saving}
          @click=${() => this.discard()}
        >
          ${this.t('save.discard')}
        </button>
        <button
          type="button"
          class="primary"
          id="save-button"
          ?disabled=${!dirty || saving}
          @click=${() => this.save()}
        >
          ${saving ? this.t('save.saving') : this.t('save.save')}
        </button>
      </div>
    </div>`;
  }

  private renderNotices(): TemplateResult {
    const { conflict, showErrors, issues, outcome } = this.config;
    const banner = outcome ? this.outcomeText(outcome) : '';
    return html`
      ${
        conflict
          ? html`<div class="notice warning" role="alert">
              <p><strong>${this.t('save.conflictTitle')}</strong> ${this.t('save.conflict')}</p>
              <div class="button-row">
                <button type="button" class="primary" @click=${() => this.save(true)}>
                  ${this.t('save.overwrite')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  @click=${() => {
                    if (confirm(this.t('save.reloadConfirm'))) void this.reloadTheirs();
                  }}
                >
                  ${this.t('save.reload')}
                </button>
              </div>
            </div>`
          : nothing
      }
      ${outcome?.kind === 'saved' ? html`<div class="notice success">${banner}</div>` : nothing}
      ${
        showErrors && issues.length
          ? html`<div
              class="notice error"
              id="error-summary"
              tabindex="-1"
              role="alert"
              aria-labelledby="error-summary-title"
            >
              <p id="error-summary-title">
                <strong>${this.t('save.invalid', { n: issues.length })}</strong>
              </p>
              <ul>
                ${issues.slice(0, 12).map(
                  (issue) =>
                    html`<li>
                      <a
                        href="#/${sectionOf(issue.path)}"
                        @click=${(e: Event) => this.goToIssue(e, issue)}
                      >
                        ${this.issueLine(issue)}</a
                      >
                    </li>`,
                )}
              </ul>
            </div>`
          : outcome && outcome.kind !== 'saved' && banner
            ? html`<div class="notice error" role="alert">${banner}</div>`
            : nothing
      }
    `;
  }

  /** "FAQ 3 — Question (French): Write it in English, the shop's main language." */
  private issueLine(issue: ValidationIssue): string {
    const section = this.t(`section.${sectionOf(issue.path)}` as MessageKey);
    const number = itemNumber(issue.path);
    const field = issueFieldName(issue.path, this.t, this.uiLocale);
    const where = `${section}${number ? ` ${number}` : ''}`;
    const message = localizeIssue(issue, this.uiLocale);
    const colon = this.uiLocale === 'fr' ? '\u202f: ' : ': ';
    return field ? `${where} — ${field}${colon}${message}` : `${where} — ${message}`;
  }

  private renderSection(ctx: Ctx): TemplateResult {
    switch (this.route.section) {
      case 'overview':
        return renderOverview(ctx);
      case 'absences':
        return renderAbsences(ctx);
      case 'shipping':
        return renderShipping(ctx);
      case 'free-shipping':
        return renderFreeShipping(ctx);
      case 'events':
        return renderEvents(ctx);
      case 'faq':
        return renderFaq(ctx);
      case 'announcements':
        return renderAnnouncements(ctx);
      case 'capture':
        return renderCapture(ctx);
      case 'emails':
        return renderEmails(ctx);
      case 'lifecycle':
        return renderLifecycle(ctx);
      case 'shop':
        return renderShop(ctx);
      case 'texts':
        return renderTexts(ctx);
      case 'placements':
        return renderPlacements(ctx);
      case 'carts':
        return renderCarts(ctx, this.route.detail);
      case 'outbox':
        return renderOutbox(ctx, this.route.detail);
      case 'data':
        return renderData(ctx);
      case 'install':
        return renderInstall(ctx);
      case 'integrations':
        return renderIntegrations(ctx);
    }
  }

  override render(): TemplateResult {
    if (this.booting)
      return html`<main id="main" class="booting">
        <p class="muted" role="status">${this.t('common.loading')}</p>
      </main>`;
    if (!this.session || !this.config.draft) return this.renderSignIn();
    const ctx = this.ctx();
    const section = this.route.section;
    const hasPreview = Boolean(PREVIEWED[section]);
    return html`
      <a
        class="skip-link"
        href="#section-title"
        @click=${(e: Event) => {
          e.preventDefault();
          document.getElementById('section-title')?.focus();
        }}
        >${this.t('app.skip')}</a
      >
      <header class="top-bar">
        <div class="brand">
          <span class="logo" aria-hidden="true">C</span> Comptoir
          <span class="shop-name">${this.session.shopName}</span>
        </div>
        <div class="top-actions">
          ${this.renderLanguageSwitch()}
          <button type="button" class="link" @click=${() => this.signOut()}>
            ${this.t('app.signOut')}
          </button>
        </div>
      </header>
      <div class="layout">
        ${this.renderNav()}
        <main id="main" class="content ${hasPreview ? 'with-preview' : ''}">
          <div class="section-column">
            <h1 id="section-title" tabindex="-1">${this.t(`section.${section}` as MessageKey)}</h1>
            ${this.renderNotices()}
            <div
              class="section-body"
              data-section=${section}
              @click=${{
                // Before the button's own handler: it removes the item at once.
                capture: true,
                handleEvent: (event: Event) =>
                  keepFocusOnRemove(
                    event,
                    () => this.updateComplete,
                    () => this.renderRoot.querySelector<HTMLElement>('#section-title'),
                  ),
              }}
            >
              ${this.renderSection(ctx)}
            </div>
          </div>
          ${renderPreview(ctx, section, this.preview)}
        </main>
      </div>
      ${this.renderSaveBar()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.liveMessage}</div>
    `;
  }
}

customElements.define('comptoir-admin-app', ComptoirAdminApp);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-admin-app': ComptoirAdminApp;
  }
}
