import { html, nothing } from 'lit/html.js';
import { lastOrderFromFacts, shiftDate, zonedDate } from '@comptoir/sdk/calendar/facts';
import type {
  DeadlineFacts,
  HolidayEvent,
  ShippingMethod,
  ShopCalendar,
} from '@comptoir/sdk/schemas';
import { ClockController } from '../../internal/clock.js';
import { formatInstant } from '../../internal/format-time.js';
import { ShippingElement } from '../../internal/shipping-element.js';
import styles, { listStyles } from './holiday-deadline.styles.js';

/** What the element shows for one event. */
export type DeadlineState =
  | { kind: 'order-by'; event: HolidayEvent; method: ShippingMethod; orderBy: Date }
  | { kind: 'too-late'; event: HolidayEvent };

/**
 * For each holiday event in its show window, the last order date for the slowest (cheapest)
 * shipping method that still makes it: "Order by Thu 18 Dec, 14:00 for delivery before Christmas
 * (Colissimo)". Past that method's deadline, the next faster method that still makes it; past all,
 * the event's fallback (text and link, a gift card say); nothing after `deliverBy`.
 *
 * @summary Last order dates before a holiday.
 *
 * @attr {string} product-id - The product this page shows: nothing for one that does not ship
 *   (`config.shippingExclusions`).
 *
 * @csspart base - The wrapper.
 * @csspart event - One event's line.
 * @csspart fallback - The fallback line, past every deadline.
 *
 * @cssproperty --comptoir-accent-color - Accent colour (the leading border).
 * @cssproperty --comptoir-background-color - Background of the wrapper.
 * @cssproperty --comptoir-text-color - Text colour. Defaults to the page's.
 * @cssproperty --comptoir-border-radius - Corner radius.
 */
// The calendar, loaded only for a config without the server's facts (one built by hand).
let fallback: typeof import('./calendar-fallback.js') | undefined;

export class ComptoirHolidayDeadline extends ShippingElement {
  static override styles = [ShippingElement.styles, styles, listStyles];

  static override properties = {
    event: {},
  };

  /** Only this event id (default: every event in its show window). */
  declare event?: string;

  readonly #clock = new ClockController(this);

  /** The state of every event to show now. */
  deadlines(
    calendar: ShopCalendar,
    events: HolidayEvent[],
    now: Date,
    facts?: DeadlineFacts[],
  ): DeadlineState[] | undefined {
    const today = zonedDate(now, calendar.timeZone);
    const states: DeadlineState[] = [];
    for (const event of events) {
      if (this.event !== undefined && event.id !== this.event) continue;
      const showFrom = event.showFrom ?? shiftDate(event.deliverBy, -30);
      if (today < showFrom || today > event.deliverBy) continue;
      const methods = calendar.methods
        .filter((method) => !event.methodIds || event.methodIds.includes(method.id))
        // Slowest first: the slowest method is taken as the cheapest one.
        .sort(
          (a, b) => b.transitDays.max - a.transitDays.max || b.transitDays.min - a.transitDays.min,
        );
      let found: DeadlineState | undefined;
      for (const method of methods) {
        // The server's facts; else (a config built by hand) the calendar, loaded for it.
        let orderBy = lastOrderFromFacts(facts, event.id, method.id, now);
        if (orderBy === undefined) {
          if (!fallback) return undefined;
          orderBy =
            fallback.lastOrderDate(calendar, method.id, event.deliverBy, now)?.orderBy ?? null;
        }
        if (orderBy) {
          found = { kind: 'order-by', event, method, orderBy };
          break;
        }
      }
      states.push(found ?? { kind: 'too-late', event });
    }
    return states;
  }

  /** Holds the render until the calendar is loaded, when the facts lack an event on show. */
  protected override pending(): Promise<unknown> | undefined {
    const config = this.shopConfig;
    if (fallback || !Array.isArray(config?.holidayEvents) || !config.calendar) return undefined;
    if (this.deadlines(config.calendar, config.holidayEvents, this.now(), config.deadlineFacts))
      return undefined;
    return import('./calendar-fallback.js').then(
      ({ lastOrderDate }) => (fallback = { lastOrderDate }),
    );
  }

  protected override renderWidget() {
    void this.#clock;
    const config = this.shopConfig;
    if (!config) return nothing;
    if (!Array.isArray(config.holidayEvents) || !config.calendar) {
      return this.fail('bad-config', 'config.holidayEvents or config.calendar is missing');
    }
    if (
      this.event !== undefined &&
      !config.holidayEvents.some((event) => event.id === this.event)
    ) {
      return this.fail('unknown-event', `no holiday event has the id "${this.event}"`);
    }
    const states = this.deadlines(
      config.calendar,
      config.holidayEvents,
      this.now(),
      config.deadlineFacts,
    );
    if (!states || states.length === 0) return nothing;
    return html`<div part="base" class="base">
      <ul>
        ${states.map((state) =>
          state.kind === 'order-by'
            ? html`<li part="event">
                ${this.localize.t('deadlineOrderBy', {
                  date: formatInstant(this.localize, state.orderBy, config.calendar.timeZone),
                  event: this.localize.text(state.event.name),
                  method: state.method.name,
                })}${
                  state.event.message
                    ? html` <span lang=${this.localize.langOf(state.event.message)}
                        >${this.localize.text(state.event.message)}</span
                      >`
                    : nothing
                }
              </li>`
            : html`<li part="fallback">
                ${
                  state.event.fallback
                    ? state.event.fallback.url
                      ? html`<a
                          href=${state.event.fallback.url}
                          lang=${this.localize.langOf(state.event.fallback.text)}
                          >${this.localize.text(state.event.fallback.text)}</a
                        >`
                      : html`<span lang=${this.localize.langOf(state.event.fallback.text)}
                          >${this.localize.text(state.event.fallback.text)}</span
                        >`
                    : this.localize.t('deadlineTooLate', {
                        event: this.localize.text(state.event.name),
                      })
                }
              </li>`,
        )}
      </ul>
    </div>`;
  }
}
