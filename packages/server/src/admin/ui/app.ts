import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ShopConfig, type PublishedConfig } from '@comptoir/sdk/schemas';
import { formatDay, formatInstant, formatShopMoney } from './conventions.js';
import { AdminApi, isAdminApiError, type AdminSession } from './api.js';
import type { Ctx } from './context.js';
import { fieldId, newId } from './fields.js';
import { detectLocale, translate, UI_LOCALES, type MessageKey, type UiLocale } from './i18n.js';
import {
  fromServerDetails,
  fromZodIssue,
  issueFieldName,
  itemNumber,
  localizeIssue,
  type ValidationIssue,
} from './validation.js';
import { PREVIEWED, renderPreview, sampleCart, type PreviewState } from './preview.js';
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
import { invalidateOverview, renderOverview } from './sections/overview.js';
import { renderOutbox } from './sections/outbox.js';
import { renderShipping } from './sections/shipping.js';
import { renderPlacements } from './sections/placements.js';
import { renderShop } from './sections/shop.js';
import { renderTexts } from './sections/texts.js';
import { parseHash } from './route.js';
import { browserChecks } from './browser-checks.js';

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
 */
export class ComptoirAdminApp extends LitElement {
  private readonly api = new AdminApi();
  private uiLocale: UiLocale = detectLocale();
  private session: AdminSession | null = null;
  private booting = true;
  private signInError = '';
  private signingIn = false;
  private saved?: ShopConfig;
  private draft?: ShopConfig;
  private etag: string | null = null;
  private dirty = false;
  private saving = false;
  private issues: ValidationIssue[] = [];
  private showErrors = false;
  /** Fields edited since the last load or save: their errors show as the merchant types. */
  private readonly touched = new Set<string>();
  private conflict = false;
  private banner: { kind: 'success' | 'error'; text: string } | null = null;
  private liveMessage = '';
  private route = { section: 'overview' as SectionId, detail: null as string | null };
  private readonly sectionState: Record<string, unknown> = {};
  private readonly preview: PreviewState = {
    locale: '',
    at: '',
    subtotal: 3500,
    status: 'idle',
    message: '',
  };
  private previewTimer?: ReturnType<typeof setTimeout>;
  private previewRequest = 0;

  override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    document.addEventListener('comptoir-preview-ready', this.onWidgetsReady);
    this.onHashChange();
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    document.removeEventListener('comptoir-preview-ready', this.onWidgetsReady);
  }

  private readonly onWidgetsReady = () => {
    if (this.draft) this.pushPreviewCart();
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty) event.preventDefault();
  };

  private readonly onHashChange = () => {
    const { section, detail } = parseHash(location.hash);
    const known = SECTIONS.find((s) => s.id === section);
    const previous = this.route.section;
    this.route = { section: known?.id ?? 'overview', detail };
    if (this.route.section === 'faq' && detail?.startsWith('new/')) {
      // "Add questions" from the overview: one new question holding what shoppers searched for.
      this.pendingQuestion = detail.slice('new/'.length);
      this.route.detail = null;
      history.replaceState(null, '', '#/faq');
      this.addPendingQuestion();
    }
    this.requestUpdate();
    if (previous !== this.route.section) {
      // Results are reloaded each time their section opens, so they are never stale.
      if (this.route.section === 'overview') invalidateOverview(this.ctx());
      if (this.route.section === 'carts' || this.route.section === 'outbox')
        delete this.sectionState[this.route.section];
      // Move focus to the new section's heading, as a page change would.
      void this.updateComplete.then(() => {
        if (this.session && this.draft && location.hash)
          document.getElementById('section-title')?.focus();
      });
      this.schedulePreview(0);
    }
  };

  private pendingQuestion: string | null = null;

  /** Adds the question asked for by `#/faq/new/<search>` once the draft is there, and focuses its answer. */
  private addPendingQuestion(): void {
    const question = this.pendingQuestion;
    if (question === null || !this.draft) return;
    this.pendingQuestion = null;
    const index = this.draft.faq.length;
    this.edit((d) => d.faq.push({ id: newId('q'), category: '', question, answer: '' }));
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => document.getElementById(`f-faq-${index}-answer`)?.focus()),
    );
  }

  private async boot(): Promise<void> {
    try {
      this.session = await this.api.currentSession();
      if (this.session) await this.loadConfig();
    } catch (error) {
      this.signInError = isAdminApiError(error) ? error.message : String(error);
    }
    this.booting = false;
    this.requestUpdate();
  }

  private async loadConfig(): Promise<void> {
    const result = await this.api.request<ShopConfig>('GET', '/v1/admin/config');
    this.saved = result.body;
    this.draft = structuredClone(result.body);
    this.etag = result.etag;
    this.dirty = false;
    this.issues = [];
    this.showErrors = false;
    this.touched.clear();
    this.conflict = false;
    this.schedulePreview(0);
    this.addPendingQuestion();
  }

  /** True when an issue is shown: after a save attempt, or on a field being edited. */
  private isShown(issue: ValidationIssue): boolean {
    if (this.showErrors) return true;
    for (const path of this.touched) {
      if (issue.path === path || issue.path.startsWith(`${path}.`)) return true;
      // A check across fields (the end before the start) shows on the edited item's other field.
      const item = /^(.*\.\d+)\./.exec(path)?.[1];
      if (item && issue.code === 'custom' && issue.path.startsWith(`${item}.`)) return true;
    }
    return false;
  }

  private visibleIssues(): ValidationIssue[] {
    return this.issues.filter((issue) => this.isShown(issue));
  }

  private t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(this.uiLocale, key, params);

  private ctx(): Ctx {
    const locale = this.uiLocale;
    return {
      t: this.t,
      locale,
      draft: this.draft!,
      dirty: this.dirty,
      edit: (change) => this.edit(change),
      touch: (path) => this.touched.add(path),
      error: (path, includeChildren = false) => {
        const issue = this.issues.find(
          (candidate) =>
            (candidate.path === path ||
              (includeChildren && candidate.path.startsWith(`${path}.`))) &&
            this.isShown(candidate),
        );
        return issue ? localizeIssue(issue, locale) : undefined;
      },
      api: this.api,
      update: () => this.requestUpdate(),
      announce: (message) => this.announce(message),
      formatDate: (date, options) => formatDay(date, locale, this.draft!.currency, options),
      formatInstant: (instant) =>
        formatInstant(instant, locale, this.draft!.currency, this.draft!.calendar.timeZone),
      formatMoney: (minor, currency) => formatShopMoney(minor, currency, locale),
      state: this.sectionState,
    };
  }

  private announce(message: string): void {
    // Clearing first makes a repeated message be spoken again.
    this.liveMessage = '';
    this.requestUpdate();
    requestAnimationFrame(() => {
      this.liveMessage = message;
      this.requestUpdate();
    });
  }

  private edit(change: (draft: ShopConfig) => void): void {
    if (!this.draft) return;
    const next = structuredClone(this.draft);
    change(next);
    this.draft = next;
    this.dirty = JSON.stringify(next) !== JSON.stringify(this.saved);
    this.banner = null;
    this.validate();
    this.requestUpdate();
    this.schedulePreview(350);
  }

  private validate(): boolean {
    const result = ShopConfig.safeParse(this.draft);
    this.issues = result.success ? [] : result.error.issues.map((issue) => fromZodIssue(issue));
    if (this.draft) {
      const reported = new Set(this.issues.map((issue) => issue.path));
      this.issues.push(...browserChecks(this.draft).filter((issue) => !reported.has(issue.path)));
    }
    return this.issues.length === 0;
  }

  private schedulePreview(delay: number): void {
    if (!this.draft || !PREVIEWED[this.route.section]) return;
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.refreshPreview(), delay);
  }

  private async refreshPreview(): Promise<void> {
    if (!this.draft) return;
    const request = ++this.previewRequest;
    this.preview.status = 'loading';
    const body: { config: ShopConfig; at?: string } = { config: this.draft };
    if (this.preview.at) {
      const at = new Date(this.preview.at);
      if (Number.isFinite(at.getTime())) body.at = at.toISOString();
    }
    try {
      const config = await this.api.post<PublishedConfig>('/v1/admin/preview', body);
      if (request !== this.previewRequest) return;
      this.preview.config = config;
      this.preview.status = 'ready';
      this.pushPreviewCart();
    } catch (error) {
      if (request !== this.previewRequest) return;
      // An invalid draft cannot be previewed: keep showing the last good preview.
      this.preview.status = 'error';
      this.preview.message =
        isAdminApiError(error) && error.status === 400
          ? this.t('preview.invalid')
          : isAdminApiError(error)
            ? error.message
            : String(error);
    }
    this.requestUpdate();
  }

  private pushPreviewCart(): void {
    const cart = sampleCart(this.ctx(), this.preview.subtotal);
    window.comptoirPreview?.setCart(cart);
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('secretKey') as HTMLInputElement;
    const secretKey = input.value.trim();
    if (!secretKey) {
      this.signInError = this.t('signIn.missing');
      this.requestUpdate();
      input.focus();
      return;
    }
    this.signingIn = true;
    this.signInError = '';
    this.requestUpdate();
    try {
      this.session = await this.api.signIn(secretKey);
      input.value = '';
      await this.loadConfig();
      if (!location.hash) history.replaceState(null, '', '#/overview');
    } catch (error) {
      this.signInError =
        isAdminApiError(error) && (error.status === 401 || error.status === 403)
          ? this.t('signIn.wrong')
          : isAdminApiError(error)
            ? error.message
            : String(error);
    }
    this.signingIn = false;
    this.requestUpdate();
    await this.updateComplete;
    if (this.signInError) document.getElementById('secret-key')?.focus();
    else document.getElementById('section-title')?.focus();
  }

  private async signOut(): Promise<void> {
    if (this.dirty && !confirm(this.t('save.leaveConfirm'))) return;
    await this.api.signOut().catch(() => undefined);
    this.session = null;
    this.saved = this.draft = undefined;
    this.dirty = false;
    for (const key of Object.keys(this.sectionState)) delete this.sectionState[key];
    this.requestUpdate();
  }

  private async save(force = false): Promise<void> {
    if (!this.draft || this.saving) return;
    this.showErrors = true;
    if (!this.validate()) {
      this.banner = { kind: 'error', text: this.t('save.invalid', { n: this.issues.length }) };
      this.requestUpdate();
      await this.updateComplete;
      document.getElementById('error-summary')?.focus();
      return;
    }
    this.saving = true;
    this.banner = null;
    this.requestUpdate();
    try {
      let etag = this.etag;
      if (force) etag = (await this.api.request('GET', '/v1/admin/config')).etag;
      const headers: Record<string, string> = etag ? { 'If-Match': etag } : {};
      const result = await this.api.request<ShopConfig | { config: ShopConfig }>(
        'PUT',
        '/v1/admin/config',
        this.draft,
        headers,
      );
      const body = result.body;
      const saved =
        body && 'config' in body && typeof body.config === 'object'
          ? body.config
          : (body as ShopConfig);
      this.saved = structuredClone(saved ?? this.draft);
      this.draft = structuredClone(this.saved);
      this.etag = result.etag;
      this.dirty = false;
      this.conflict = false;
      this.issues = [];
      this.showErrors = false;
      this.touched.clear();
      this.banner = { kind: 'success', text: this.t('save.saved') };
      this.announce(this.t('save.saved'));
      this.schedulePreview(0);
    } catch (error) {
      if (isAdminApiError(error) && error.status === 412) {
        this.conflict = true;
        this.banner = null;
        this.announce(this.t('save.conflict'));
      } else if (isAdminApiError(error) && error.status === 400) {
        this.issues = fromServerDetails(error.details);
        this.banner = {
          kind: 'error',
          text: this.issues.length
            ? this.t('save.invalid', { n: this.issues.length })
            : error.message,
        };
      } else if (isAdminApiError(error) && error.status === 401) {
        this.session = null;
        this.signInError = this.t('signIn.expired');
      } else {
        this.banner = {
          kind: 'error',
          text: this.t('save.failed', {
            message: isAdminApiError(error) ? error.message : String(error),
          }),
        };
      }
    }
    this.saving = false;
    this.requestUpdate();
    if (this.issues.length) {
      await this.updateComplete;
      document.getElementById('error-summary')?.focus();
    }
  }

  private discard(): void {
    if (!this.saved) return;
    this.draft = structuredClone(this.saved);
    this.dirty = false;
    this.issues = [];
    this.showErrors = false;
    this.touched.clear();
    this.banner = null;
    this.announce(this.t('save.discarded'));
    this.requestUpdate();
    this.schedulePreview(0);
  }

  private async reloadTheirs(): Promise<void> {
    await this.loadConfig();
    this.announce(this.t('save.reloaded'));
    this.requestUpdate();
  }

  private setUiLocale(locale: UiLocale): void {
    this.uiLocale = locale;
    localStorage.setItem('comptoir-admin-locale', locale);
    document.documentElement.lang = locale;
    this.requestUpdate();
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
        @change=${(e: Event) => this.setUiLocale((e.target as HTMLSelectElement).value as UiLocale)}
      >
        ${UI_LOCALES.map((l) => html`<option value=${l} ?selected=${l === this.uiLocale}>${l === 'en' ? 'English' : 'Français'}</option>`)}
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
    const errorSections = new Set(this.visibleIssues().map((issue) => sectionOf(issue.path)));
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
      SECTIONS.find((s) => s.id === this.route.section)?.group !== 'results' || this.dirty;
    if (!isSettings && !this.dirty && !this.banner) return html``;
    return html`<div
      class="save-bar ${this.dirty ? 'dirty' : ''}"
      role="region"
      aria-label=${this.t('save.region')}
    >
      <p class="save-status">
        ${this.dirty ? html`<span class="dot" aria-hidden="true"></span>${this.t('save.unsaved')}` : this.t('save.allSaved')}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="secondary"
          ?disabled=${!this.dirty || this.saving}
          @click=${() => this.discard()}
        >
          ${this.t('save.discard')}
        </button>
        <button
          type="button"
          class="primary"
          id="save-button"
          ?disabled=${!this.dirty || this.saving}
          @click=${() => this.save()}
        >
          ${this.saving ? this.t('save.saving') : this.t('save.save')}
        </button>
      </div>
    </div>`;
  }

  private renderNotices(): TemplateResult {
    return html`
      ${
        this.conflict
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
      ${this.banner?.kind === 'success' ? html`<div class="notice success">${this.banner.text}</div>` : nothing}
      ${
        this.showErrors && this.issues.length
          ? html`<div
              class="notice error"
              id="error-summary"
              tabindex="-1"
              role="alert"
              aria-labelledby="error-summary-title"
            >
              <p id="error-summary-title">
                <strong>${this.t('save.invalid', { n: this.issues.length })}</strong>
              </p>
              <ul>
                ${this.issues.slice(0, 12).map(
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
          : this.banner?.kind === 'error'
            ? html`<div class="notice error" role="alert">${this.banner.text}</div>`
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
    if (!this.session || !this.draft) return this.renderSignIn();
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
            <div class="section-body" data-section=${section}>${this.renderSection(ctx)}</div>
          </div>
          ${renderPreview(ctx, section, this.preview, () => {
            this.requestUpdate();
            this.schedulePreview(0);
          })}
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
