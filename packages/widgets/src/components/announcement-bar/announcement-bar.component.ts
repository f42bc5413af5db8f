import { html, nothing } from 'lit/html.js';
import type { Announcement } from '@comptoir/sdk/schemas';
import { ClockController } from '../../internal/clock.js';
import { formatDuration, formatInstant } from '../../internal/format-time.js';
import { ComptoirElement } from '../../internal/comptoir-element.js';
import { rememberDismissal } from '../../internal/remember-height.js';
import { readStorage, writeStorage } from '../../internal/storage.js';
import { announcementMoment } from '@comptoir/sdk/calendar/facts';
import { activeAnnouncements } from './announcement-schedule.js';
import styles from './announcement-bar.styles.js';

// The calendar's wall-time conversion, loaded only for a message the server's facts lack.
let fallback: typeof import('./calendar-fallback.js') | undefined;

/** `detail` of `comptoir-announcement-dismissed`. */
export interface AnnouncementDetail {
  announcementId: string;
}

const DISMISSED_KEY = 'comptoir:dismissed-announcements';
const dismissedInMemory = new Set<string>();
/** Under this, the countdown reads "Ends in 5 h 10 min"; beyond, "Ends Sun 14 Dec, 23:59". */
const COUNTDOWN_MS = 48 * 3_600_000;

/**
 * The shop's announcements (offers, shipping policies) in a bar: each message scheduled by start
 * and end in the shop's time zone and by weekday, shown on the pages and devices it targets, with
 * an optional call-to-action link and a countdown to its end (right across daylight-saving
 * changes). Several messages take turns every `rotateSeconds`, with previous, next and pause
 * buttons (WCAG 2.2.2), pausing while focused; with `prefers-reduced-motion` they never
 * turn by themselves. Each message is dismissible (remembered in localStorage). With a `config`
 * whose `now` is another moment, it shows that moment: the config page's preview.
 *
 * @summary Scheduled announcements with rotation, countdown and call to action.
 *
 * @event comptoir-announcement-dismissed - The shopper dismissed a message. `detail: { announcementId }`.
 *
 * @csspart base - The bar (a labelled region).
 * @csspart message - The message text with its countdown and link.
 * @csspart countdown - The time left.
 * @csspart link - The call-to-action link.
 * @csspart controls - The previous, next and pause buttons.
 * @csspart dismiss - The dismiss button.
 *
 * @cssproperty --comptoir-accent-color - Accent colour (link, buttons).
 * @cssproperty --comptoir-background-color - Background of the bar.
 * @cssproperty --comptoir-text-color - Text colour. Defaults to the page's.
 * @cssproperty --comptoir-border-radius - Corner radius.
 */
export class ComptoirAnnouncementBar extends ComptoirElement {
  static override styles = [ComptoirElement.styles, styles];

  static override properties = {
    noDismiss: { type: Boolean, attribute: 'no-dismiss' },
    index: { state: true },
    paused: { state: true },
  };

  /** Hides the dismiss buttons. */
  declare noDismiss: boolean;
  declare private index: number;
  /** Paused by the shopper's button (focus in the bar pauses too, without this). */
  declare private paused: boolean;

  readonly #clock = new ClockController(this);
  readonly #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  readonly #phone = matchMedia('(max-width: 640px)');
  #hovered = false;
  #rotation: ReturnType<typeof setTimeout> | undefined;
  readonly #hold = (held: boolean) => () => {
    this.#hovered = held;
    this.requestUpdate();
  };

  constructor() {
    super();
    this.noDismiss = false;
    this.index = 0;
    this.paused = false;
    this.addEventListener('focusin', this.#hold(true));
    this.addEventListener('focusout', this.#hold(false));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#rotation);
  }

  #isDismissed(id: string): boolean {
    return dismissedInMemory.has(id) || (readStorage<string[]>(DISMISSED_KEY) ?? []).includes(id);
  }

  #dismiss(id: string): void {
    dismissedInMemory.add(id);
    writeStorage(DISMISSED_KEY, [...(readStorage<string[]>(DISMISSED_KEY) ?? []), id].slice(-50));
    this.emit<AnnouncementDetail>('comptoir-announcement-dismissed', { announcementId: id });
    this.requestUpdate();
    // Focus stays in the bar when another message takes the place of the dismissed one.
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>('[part="dismiss"]')?.focus();
      rememberDismissal(this);
    });
  }

  #step(by: number, count: number): void {
    this.index = (this.index + by + count) % count;
  }

  /** The messages to show now (scheduled, targeted, not dismissed). */
  current(): Announcement[] {
    const config = this.shopConfig;
    const messages = config?.announcements?.messages;
    if (!config?.calendar || !Array.isArray(messages)) return [];
    return activeAnnouncements(messages, {
      now: this.now(),
      timeZone: config.calendar.timeZone,
      path: location.pathname,
      device: this.#phone.matches ? 'mobile' : 'desktop',
      moment: (message, which) => this.#moment(message, which),
    }).filter((message) => !this.#isDismissed(message.id));
  }

  /** A message's start or end as an instant: the server's facts, else the calendar's. */
  #moment(message: Announcement, which: 'start' | 'end'): Date | undefined {
    const config = this.shopConfig;
    const wall = message[which];
    if (!wall || !config) return undefined;
    return (
      announcementMoment(config.announcementFacts, message.id, which) ??
      fallback?.shopMoment(wall, config.calendar.timeZone)
    );
  }

  /** Holds the render until the calendar is loaded, when the facts lack a start or end. */
  protected override pending(): Promise<unknown> | undefined {
    const messages = this.shopConfig?.announcements?.messages;
    if (fallback || !Array.isArray(messages) || !this.shopConfig?.calendar) return undefined;
    const known = (message: Announcement, which: 'start' | 'end') =>
      !message[which] || this.#moment(message, which);
    if (messages.every((message) => known(message, 'start') && known(message, 'end')))
      return undefined;
    return import('./calendar-fallback.js').then(({ shopMoment }) => (fallback = { shopMoment }));
  }

  #countdown(message: Announcement, timeZone: string): string {
    if (!message.countdown || !message.end) return '';
    const end = this.#moment(message, 'end');
    if (!end) return '';
    const left = end.getTime() - this.now().getTime();
    return left < COUNTDOWN_MS
      ? this.localize.t('announcementEndsIn', { duration: formatDuration(this.localize, left) })
      : this.localize.t('announcementEndsOn', {
          date: formatInstant(this.localize, end, timeZone),
        });
  }

  protected override renderWidget() {
    void this.#clock;
    const config = this.shopConfig;
    if (!config?.announcements) return nothing;
    if (!Array.isArray(config.announcements.messages) || !config.calendar?.timeZone)
      return this.fail('bad-config', 'config.announcements.messages is missing');
    const shown = this.current();
    if (shown.length === 0) return nothing;
    const count = shown.length;
    const index = this.index % count;
    const message = shown[index]!;
    const rotating = this.#rotates(count);
    return html`<section
      part="base"
      class="base"
      aria-label=${this.localize.t('announcementLabel')}
    >
      <div class="stack" aria-live=${rotating ? 'off' : 'polite'} aria-atomic="true">
        ${shown.map((each) => this.#renderMessage(each, each === message, config.calendar.timeZone))}
      </div>
      ${count > 1 ? this.#renderControls(count) : nothing}
      ${
        this.noDismiss
          ? nothing
          : html`<button
              part="dismiss"
              class="icon"
              type="button"
              aria-label=${this.localize.t('announcementDismiss')}
              @click=${this.guard(() => this.#dismiss(message.id))}
            >
              <span aria-hidden="true">×</span>
            </button>`
      }
    </section>`;
  }

  /**
   * Every message is laid out in one grid cell, only the current one visible: the bar is as tall
   * as its tallest message, so turning to a shorter or longer one never moves the page.
   */
  #renderMessage(message: Announcement, current: boolean, timeZone: string) {
    const countdown = this.#countdown(message, timeZone);
    const link = message.link && /^(https?:|\/)/i.test(message.link.url) ? message.link : undefined;
    return html`<p part=${current ? 'message' : 'message-off'} class="message" ?inert=${!current}>
      <span lang=${this.localize.langOf(message.text)}>${this.localize.text(message.text)}</span>
      ${countdown ? html`<span part="countdown" class="countdown">${countdown}</span>` : nothing}
      ${
        link
          ? html`<a
              part="link"
              class="link"
              href=${link.url}
              lang=${this.localize.langOf(link.label)}
              >${this.localize.text(link.label)}</a
            >`
          : nothing
      }
    </p>`;
  }

  #renderControls(count: number) {
    const button = (label: string, glyph: string, action: () => void) =>
      html`<button type="button" class="icon" aria-label=${label} @click=${this.guard(action)}>
        <span aria-hidden="true">${glyph}</span>
      </button>`;
    return html`<div part="controls" class="controls">
      ${button(this.localize.t('announcementPrevious'), '‹', () => this.#step(-1, count))}
      ${button(this.localize.t('announcementNext'), '›', () => this.#step(1, count))}
      ${
        this.#reducedMotion.matches
          ? nothing
          : html`<button
              type="button"
              class="icon"
              aria-label=${this.localize.t('announcementPause')}
              aria-pressed=${this.paused ? 'true' : 'false'}
              @click=${this.guard(() => (this.paused = !this.paused))}
            >
              <span aria-hidden="true">${this.paused ? '▶' : '❚❚'}</span>
            </button>`
      }
    </div>`;
  }

  /** Whether the messages turn by themselves now (never under reduced motion or in a hidden tab). */
  #rotates(count: number): boolean {
    return (
      count > 1 &&
      !this.#reducedMotion.matches &&
      !this.paused &&
      !this.#hovered &&
      !document.hidden
    );
  }

  protected override updated(): void {
    super.updated();
    const count = this.current().length;
    if (!this.#rotates(count)) {
      clearTimeout(this.#rotation);
      this.#rotation = undefined;
      return;
    }
    // One turn pending at a time: other updates (the clock, a cart change) do not postpone it.
    if (this.#rotation !== undefined) return;
    const seconds = this.shopConfig?.announcements?.rotateSeconds ?? 6;
    this.#rotation = setTimeout(
      () => {
        this.#rotation = undefined;
        this.#step(1, this.current().length || 1);
      },
      Math.max(3, seconds) * 1000,
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comptoir-announcement-dismissed': CustomEvent<AnnouncementDetail>;
  }
}
