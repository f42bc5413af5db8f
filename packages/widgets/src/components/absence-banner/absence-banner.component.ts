import { html, nothing } from 'lit/html.js';
import type { AbsenceCartButtons, PublishedConfig, ShopCalendar } from '@comptoir/sdk/schemas';
import { absenceNotice, type AbsenceNotice } from '@comptoir/sdk/calendar/facts';
import { ClockController } from '../../internal/clock.js';
import { ComptoirElement, nextFocusable } from '../../internal/comptoir-element.js';
import type { FormError } from '../../internal/consent.js';
import { loadedTranslation, loadTranslation } from '../../internal/locale.js';
import { rememberDismissal } from '../../internal/remember-height.js';
import { readStorage, writeStorage } from '../../internal/storage.js';
import type { StringSet } from '../../translations/translation.js';
import styles from './absence-banner.styles.js';
import { formatDayRange } from './day-range.js';

/** `detail` of `comptoir-absence-dismissed` and `comptoir-absence-subscribed`. */
export interface AbsenceDetail {
  absenceId: string;
  /** For a dismissal: the notice dismissed, the advance one or the one during the absence. */
  state?: 'upcoming' | 'active';
}

const DISMISSED_KEY = 'comptoir:dismissed-absences';
let cartButtonsLoaded = false;
const dismissedInMemory = new Set<string>();

// Loaded only where needed: the calendar when the config has no precomputed facts for the
// absence to show (a hand-built config), the form for a banner with `notify`.
let calendar: typeof import('./calendar-fallback.js') | undefined;
let notifyForm: typeof import('./absence-notify.js') | undefined;

/** The notice from the server's facts, else from the calendar (once loaded). */
function noticeAt(config: PublishedConfig, now: Date): AbsenceNotice | undefined {
  const notice = absenceNotice(config.calendar, config.absenceFacts, now);
  if (notice || !calendar) return notice;
  const cal: ShopCalendar = config.calendar;
  const status = calendar.absenceStatus(cal, now);
  return status.state === 'none'
    ? status
    : { ...status, dispatchDate: calendar.nextDispatch(cal, now).dispatchDate };
}

/**
 * Tells shoppers the merchant is away (from `announceDays` before an absence until it ends) and
 * when orders placed now will ship; the merchant's own message replaces the default sentence (a long
 * one is clamped to three lines with a "More" button). Dismissible per absence and per notice:
 * dismissing the advance notice still shows the absence once it starts (remembered in
 * localStorage, and in memory when storage is blocked); focus then moves to the next control on
 * the page. With `notify`, offers "tell me when you're back" with an explicit consent box. While an
 * absence with `cartButtons` is active, hides the shop's add-to-cart buttons or marks them paused.
 *
 * @summary Holiday or absence notice with the next shipping date.
 *
 * @event comptoir-absence-dismissed - The shopper dismissed the notice. `detail: { absenceId }`.
 * @event comptoir-absence-subscribed - The shopper asked to be told of the return. `detail: { absenceId }`.
 *
 * @csspart base - The wrapper (a labelled region).
 * @csspart message - The absence sentence.
 * @csspart more - The "More"/"Less" button of a long message.
 * @csspart ships - The sentence with the shipping date.
 * @csspart dismiss - The dismiss button.
 * @csspart notify - The "tell me when you're back" button and form.
 *
 * @cssproperty --comptoir-accent-color - Accent colour (border, buttons).
 * @cssproperty --comptoir-background-color - Background of the banner.
 * @cssproperty --comptoir-text-color - Text colour. Defaults to the page's.
 * @cssproperty --comptoir-border-radius - Corner radius.
 * @cssproperty --comptoir-error-color - Colour of form errors.
 */
export class ComptoirAbsenceBanner extends ComptoirElement {
  static override styles = [ComptoirElement.styles, styles];
  static override strings: StringSet = 'banner';

  static override properties = {
    notify: { type: Boolean },
    noDismiss: { type: Boolean, attribute: 'no-dismiss' },
    formOpen: { state: true },
    formState: { state: true },
    error: { state: true },
    expanded: { state: true },
    overflowing: { state: true },
  };

  /** Offers the "tell me when you're back" email form. */
  declare notify: boolean;
  /** Hides the dismiss button. */
  declare noDismiss: boolean;
  /** @internal The notify form's state (absence-notify.ts). */
  declare formOpen: boolean;
  /** @internal */
  declare formState: 'idle' | 'sending' | 'done';
  /** @internal */
  declare error: FormError | undefined;
  declare private expanded: boolean;
  declare private overflowing: boolean;

  readonly #clock = new ClockController(this);

  constructor() {
    super();
    this.notify = false;
    this.noDismiss = false;
    this.formOpen = false;
    this.formState = 'idle';
    this.error = undefined;
    this.expanded = false;
    this.overflowing = false;
  }

  // Keys are `id:upcoming` and `id:active`; a bare id (stored before notices were told apart) was
  // almost always the advance notice, so it dismisses that one only.
  #isDismissed(id: string, state: 'upcoming' | 'active'): boolean {
    const keys = state === 'upcoming' ? [`${id}:${state}`, id] : [`${id}:${state}`];
    const stored = readStorage<string[]>(DISMISSED_KEY) ?? [];
    return keys.some((key) => dismissedInMemory.has(key) || stored.includes(key));
  }

  #dismiss(id: string, state: 'upcoming' | 'active'): void {
    const key = `${id}:${state}`;
    dismissedInMemory.add(key);
    writeStorage(DISMISSED_KEY, [...(readStorage<string[]>(DISMISSED_KEY) ?? []), key].slice(-50));
    // The button goes with the banner: focus moves on to what follows it, not to <body>.
    const next = nextFocusable(this);
    this.emit<AbsenceDetail>('comptoir-absence-dismissed', { absenceId: id, state });
    this.requestUpdate();
    next?.focus();
    void this.updateComplete.then(() => rememberDismissal(this));
  }

  /** Holds the first render until the calendar or the form it needs is loaded (no flash). */
  protected override pending(): Promise<unknown> | undefined {
    const config = this.shopConfig;
    if (!calendar && config?.calendar?.absences && !noticeAt(config, this.now()))
      return import('./calendar-fallback.js').then(
        ({ absenceStatus, nextDispatch }) => (calendar = { absenceStatus, nextDispatch }),
      );
    // The form's strings are not the banner's: they come with it.
    if (this.notify && !(notifyForm && loadedTranslation(this.localize.locale)))
      return Promise.all([
        import('./absence-notify.js'),
        loadTranslation(this.localize.locale),
      ]).then(([{ renderNotify }]) => (notifyForm = { renderNotify }));
    return undefined;
  }

  protected override renderWidget() {
    void this.#clock;
    const config = this.shopConfig;
    const localize = this.localize;
    if (!config) return nothing;
    if (!config.calendar || !Array.isArray(config.calendar.absences)) {
      return this.fail('bad-config', 'config.calendar.absences is missing');
    }
    const status = noticeAt(config, this.now());
    if (!status) return nothing;
    // Applied whether or not the notice was dismissed: it is the shop's state, not a message.
    this.#cartButtons(
      status.state === 'active'
        ? config.calendar.absences.find((absence) => absence.id === status.absence.id)?.cartButtons
        : undefined,
      () =>
        localize.t('absencePaused', {
          date: localize.formatDay(status.resumeDate ?? ''),
        }),
    );
    if (status.state === 'none' || this.#isDismissed(status.absence.id, status.state))
      return nothing;
    const absence = status.absence;
    const state = status.state;
    const message =
      localize.text(absence.message) ||
      (status.state === 'active'
        ? localize.t('absenceActive', {
            end: localize.formatDay(absence.end),
          })
        : localize.t('absenceUpcoming', {
            range: formatDayRange(localize, absence.start, absence.end),
          }));
    const dispatchDate = status.dispatchDate;
    const consentText = localize.text(config.capture?.consentText);
    return html`<section part="base" class="base" aria-label=${localize.t('absenceLabel')}>
      <div class="body">
        <p
          part="message"
          id="absence-message"
          class=${this.expanded ? 'message' : 'message clamped'}
          lang=${localize.langOf(absence.message)}
        >
          ${message}
        </p>
        ${
          this.overflowing || this.expanded
            ? html`<button
                part="more"
                class="link"
                type="button"
                aria-expanded=${this.expanded ? 'true' : 'false'}
                aria-controls="absence-message"
                @click=${this.guard(() => (this.expanded = !this.expanded))}
              >
                ${localize.t(this.expanded ? 'showLess' : 'showMore')}
              </button>`
            : nothing
        }
        <p part="ships">
          ${localize.t('absenceShips', { date: localize.formatDay(dispatchDate) })}
        </p>
        ${this.notify && consentText && notifyForm ? notifyForm.renderNotify(this, absence.id, config.capture.consentText, config.capture.privacyUrl) : nothing}
      </div>
      ${
        this.noDismiss
          ? nothing
          : html`<button
              part="dismiss"
              class="dismiss"
              type="button"
              aria-label=${localize.t('dismiss')}
              @click=${this.guard(() => this.#dismiss(absence.id, state))}
            >
              <span aria-hidden="true">×</span>
            </button>`
      }
    </section>`;
  }

  /** Applies or undoes `cartButtons`; its code loads only for a shop that uses it. */
  #cartButtons(settings: AbsenceCartButtons | undefined, notice: () => string): void {
    if (!settings && !cartButtonsLoaded) return;
    cartButtonsLoaded = true;
    void import('./cart-buttons.js').then(({ applyCartButtons }) =>
      applyCartButtons(settings, notice),
    );
  }

  protected override updated(): void {
    super.updated();
    const message = this.renderRoot.querySelector<HTMLElement>('.message.clamped');
    // Measured, not guessed from the length: three lines hold far more at 1280 px than at 390 px.
    const overflowing = !!message && message.scrollHeight > message.clientHeight + 1;
    if (message && overflowing !== this.overflowing) this.overflowing = overflowing;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comptoir-absence-dismissed': CustomEvent<AbsenceDetail>;
    'comptoir-absence-subscribed': CustomEvent<AbsenceDetail>;
  }
}
