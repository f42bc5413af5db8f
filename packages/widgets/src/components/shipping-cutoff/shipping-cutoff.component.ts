import { html, nothing } from 'lit/html.js';
import { deliveryFromFacts, dispatchFromFacts } from '@comptoir/sdk/calendar/facts';
import type { DeliveryEstimate, DispatchInfo } from '@comptoir/sdk/calendar';
import type { ShopCalendar, Weekday } from '@comptoir/sdk/schemas';
import { ClockController } from '../../internal/clock.js';
import { formatDuration } from '../../internal/format-time.js';
import { ShippingElement } from '../../internal/shipping-element.js';
import styles from './shipping-cutoff.styles.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// The calendar, loaded only where the server's facts do not answer: a calendar from attributes,
// a config built by hand, or a cached config past the window its facts cover.
let fallback: typeof import('./calendar-fallback.js') | undefined;

/**
 * "Order within 2 h 14 min to ship today" or "Order now, ships Mon 15 Dec", with an optional
 * delivery estimate for one shipping method. Corrects a wrong client clock with the config's
 * server time, re-renders at most once a minute (on the minute) and runs no timer while the tab is
 * hidden.
 *
 * @summary Time left before today's dispatch cutoff.
 *
 * @attr {string} product-id - The product this page shows: nothing for one that does not ship
 *   (`config.shippingExclusions`).
 *
 * @csspart base - The wrapper.
 * @csspart message - The cutoff sentence.
 * @csspart estimate - The delivery estimate (with `method`).
 *
 * @cssproperty --comptoir-accent-color - Accent colour (the leading border).
 * @cssproperty --comptoir-background-color - Background of the wrapper.
 * @cssproperty --comptoir-text-color - Text colour. Defaults to the page's.
 * @cssproperty --comptoir-border-radius - Corner radius.
 * @cssproperty --comptoir-emphasis-weight - Font weight of the sentence. Defaults to 600.
 */
export class ComptoirShippingCutoff extends ShippingElement {
  static override styles = [ShippingElement.styles, styles];

  static override properties = {
    method: {},
    cutoff: {},
    timeZone: { attribute: 'time-zone' },
    dispatchDays: { attribute: 'dispatch-days' },
  };

  /** Id of a shipping method: adds its delivery estimate. */
  declare method?: string;
  /** Standalone use: the cutoff, `HH:mm` (with `time-zone`), instead of the config's calendar. */
  declare cutoff?: string;
  /** Standalone use: the shop's IANA time zone. */
  declare timeZone?: string;
  /** Standalone use: comma-separated dispatch days (default `mon,tue,wed,thu,fri`). */
  declare dispatchDays?: string;

  readonly #clock = new ClockController(this);

  #calendar(): ShopCalendar | undefined | 'bad' {
    if (this.cutoff === undefined && this.timeZone === undefined) return this.shopConfig?.calendar;
    const days = (this.dispatchDays ?? 'mon,tue,wed,thu,fri').split(',').map((day) => day.trim());
    if (
      !/^([01]\d|2[0-3]):[0-5]\d$/.test(this.cutoff ?? '') ||
      !this.timeZone ||
      !days.every((day) => WEEKDAYS.includes(day))
    ) {
      return 'bad';
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: this.timeZone });
    } catch {
      return 'bad';
    }
    return {
      timeZone: this.timeZone,
      dispatchDays: days as Weekday[],
      cutoff: this.cutoff!,
      handlingDays: 0,
      holidays: [],
      closedDates: [],
      absences: [],
      methods: this.shopConfig?.calendar.methods ?? [],
    };
  }

  /** The dispatch (and delivery, with `method`) at `now`: the facts', else the calendar's. */
  #answers(
    calendar: ShopCalendar,
    now: Date,
  ): { dispatch: DispatchInfo; delivery?: DeliveryEstimate } | undefined {
    const facts =
      calendar === this.shopConfig?.calendar ? this.shopConfig.dispatchFacts : undefined;
    const dispatch =
      dispatchFromFacts(facts, now, calendar.timeZone) ?? fallback?.nextDispatch(calendar, now);
    if (!dispatch || !this.method) return dispatch && { dispatch };
    const delivery =
      deliveryFromFacts(facts, this.method, dispatch.dispatchDate) ??
      fallback?.estimateDelivery(calendar, this.method, now);
    return delivery && { dispatch, delivery };
  }

  /** Holds the render until the calendar is loaded, when the facts do not answer. */
  protected override pending(): Promise<unknown> | undefined {
    const calendar = this.#calendar();
    if (fallback || !calendar || calendar === 'bad') return undefined;
    if (this.method && !calendar.methods.some((method) => method.id === this.method))
      return undefined;
    if (this.#answers(calendar, this.now())) return undefined;
    return import('./calendar-fallback.js').then(
      ({ estimateDelivery, nextDispatch }) => (fallback = { estimateDelivery, nextDispatch }),
    );
  }

  protected override renderWidget() {
    void this.#clock;
    const calendar = this.#calendar();
    if (calendar === 'bad') {
      return this.fail(
        'bad-attribute',
        'cutoff must be HH:mm, time-zone an IANA zone and dispatch-days weekdays like mon,tue',
      );
    }
    if (!calendar) return nothing;
    if (this.method && !calendar.methods.some((method) => method.id === this.method)) {
      return this.fail('unknown-method', `no shipping method has the id "${this.method}"`);
    }
    const now = this.now();
    const answers = this.#answers(calendar, now);
    if (!answers) return nothing;
    const { dispatch, delivery } = answers;
    const message = dispatch.sameDay
      ? this.localize.t('cutoffToday', {
          duration: formatDuration(this.localize, dispatch.orderBy.getTime() - now.getTime()),
        })
      : this.localize.t('cutoffLater', {
          date: this.localize.formatDay(dispatch.dispatchDate, {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
          }),
        });
    let estimate: unknown = nothing;
    if (this.method && delivery) {
      const method = calendar.methods.find((candidate) => candidate.id === this.method)!;
      const range =
        delivery.earliest === delivery.latest
          ? this.localize.formatDay(delivery.earliest)
          : `${this.localize.formatDay(delivery.earliest)} – ${this.localize.formatDay(delivery.latest)}`;
      estimate = html`<p part="estimate">
        ${this.localize.t('cutoffDelivery', { method: method.name, range })}
      </p>`;
    }
    return html`<div part="base" class="base">
      <p part="message" class="message">${message}</p>
      ${estimate}
    </div>`;
  }
}
