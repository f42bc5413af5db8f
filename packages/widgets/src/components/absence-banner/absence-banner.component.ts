import { html, nothing } from 'lit';
import { absenceStatus, nextDispatch } from '@comptoir/sdk/calendar';
import { sendJson } from '../../internal/api.js';
import { ClockController } from '../../internal/clock.js';
import { ComptoirElement } from '../../internal/comptoir-element.js';
import { readStorage, writeStorage } from '../../internal/storage.js';
import { consentFields, readConsentForm } from '../../internal/consent.js';
import styles from './absence-banner.styles.js';

/** `detail` of `comptoir-absence-dismissed` and `comptoir-absence-subscribed`. */
export interface AbsenceDetail {
  absenceId: string;
}

const DISMISSED_KEY = 'comptoir:dismissed-absences';
const dismissedInMemory = new Set<string>();

/**
 * Tells shoppers the merchant is away (from `announceDays` before an absence until it ends) and
 * when orders placed now will ship; the merchant's own message replaces the default sentence.
 * Dismissible per absence (remembered in localStorage, and in memory when storage is blocked).
 * With `notify`, offers "tell me when you're back" with an explicit consent box.
 *
 * @summary Holiday or absence notice with the next shipping date.
 *
 * @event comptoir-absence-dismissed - The shopper dismissed the notice. `detail: { absenceId }`.
 * @event comptoir-absence-subscribed - The shopper asked to be told of the return. `detail: { absenceId }`.
 *
 * @csspart base - The wrapper (a labelled region).
 * @csspart message - The absence sentence.
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

  static override properties = {
    notify: { type: Boolean },
    noDismiss: { type: Boolean, attribute: 'no-dismiss' },
    formOpen: { state: true },
    formState: { state: true },
    error: { state: true },
  };

  /** Offers the "tell me when you're back" email form. */
  declare notify: boolean;
  /** Hides the dismiss button. */
  declare noDismiss: boolean;
  declare private formOpen: boolean;
  declare private formState: 'idle' | 'sending' | 'done';
  declare private error: string;

  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.notify = false;
    this.noDismiss = false;
    this.formOpen = false;
    this.formState = 'idle';
    this.error = '';
  }

  private isDismissed(id: string): boolean {
    return dismissedInMemory.has(id) || (readStorage<string[]>(DISMISSED_KEY) ?? []).includes(id);
  }

  private dismiss(id: string): void {
    dismissedInMemory.add(id);
    writeStorage(DISMISSED_KEY, [...(readStorage<string[]>(DISMISSED_KEY) ?? []), id].slice(-50));
    this.emit<AbsenceDetail>('comptoir-absence-dismissed', { absenceId: id });
    this.requestUpdate();
  }

  private async subscribeToReturn(event: SubmitEvent, absenceId: string): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const read = readConsentForm(form);
    if ('error' in read) {
      this.error = this.localize.t(read.error);
      return;
    }
    this.error = '';
    this.formState = 'sending';
    try {
      await sendJson('POST', '/absence-subscriptions', {
        email: read.email,
        consent: { granted: true, text: read.consentText },
        absenceId,
        locale: this.localize.locale,
      });
      this.formState = 'done';
      this.emit<AbsenceDetail>('comptoir-absence-subscribed', { absenceId });
    } catch {
      this.formState = 'idle';
      this.error = this.localize.t('errorNetwork');
    }
  }

  protected override renderWidget() {
    void this.clock;
    const config = this.shopConfig;
    if (!config) return nothing;
    if (!config.calendar || !Array.isArray(config.calendar.absences)) {
      return this.fail('bad-config', 'config.calendar.absences is missing');
    }
    const now = this.now();
    const status = absenceStatus(config.calendar, now);
    if (status.state === 'none' || this.isDismissed(status.absence.id)) return nothing;
    const absence = status.absence;
    const message =
      this.localize.text(absence.message) ||
      (status.state === 'active'
        ? this.localize.t('absenceActive', {
            end: this.localize.formatDay(absence.end, {
              weekday: 'short',
              day: 'numeric',
              month: 'short',
            }),
          })
        : this.localize.t('absenceUpcoming', {
            range: this.localize.formatDayRange(absence.start, absence.end),
          }));
    const dispatchDate = nextDispatch(config.calendar, now).dispatchDate;
    const consentText = this.localize.text(config.capture?.consentText);
    return html`<section part="base" class="base" aria-label=${this.localize.t('absenceLabel')}>
      <div class="body">
        <p part="message">${message}</p>
        <p part="ships">
          ${this.localize.t('absenceShips', { date: this.localize.formatDay(dispatchDate) })}
        </p>
        ${this.notify && consentText ? this.renderNotify(absence.id, consentText, config.capture.privacyUrl) : nothing}
      </div>
      ${
        this.noDismiss
          ? nothing
          : html`<button
              part="dismiss"
              class="dismiss"
              type="button"
              aria-label=${this.localize.t('dismiss')}
              @click=${this.guard(() => this.dismiss(absence.id))}
            >
              <span aria-hidden="true">×</span>
            </button>`
      }
    </section>`;
  }

  private renderNotify(absenceId: string, consentText: string, privacyUrl?: string) {
    if (this.formState === 'done') {
      return html`<p part="notify" role="status">${this.localize.t('absenceNotifyDone')}</p>`;
    }
    if (!this.formOpen) {
      return html`<button
        part="notify"
        class="link"
        type="button"
        aria-expanded="false"
        @click=${this.guard(async () => {
          this.formOpen = true;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLInputElement>('input[type=email]')?.focus();
        })}
      >
        ${this.localize.t('absenceNotify')}
      </button>`;
    }
    return html`<form
      part="notify"
      novalidate
      @submit=${this.guard((event: SubmitEvent) => this.subscribeToReturn(event, absenceId))}
    >
      ${consentFields(this, 'absence', consentText, privacyUrl, this.error)}
      <button class="button" type="submit" ?disabled=${this.formState === 'sending'}>
        ${this.localize.t('absenceNotifySubmit')}
      </button>
    </form>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comptoir-absence-dismissed': CustomEvent<AbsenceDetail>;
    'comptoir-absence-subscribed': CustomEvent<AbsenceDetail>;
  }
}
