import type { LocalizedTextValue } from '../text/index.js';

/** A day of the week, as the shop calendar names it. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A period when the shop is away and dispatches nothing (`start`..`end`, both inclusive). */
export interface Absence {
  id: string;
  /** First day away, `YYYY-MM-DD` in the shop's time zone. */
  start: string;
  /** Last day away, `YYYY-MM-DD` in the shop's time zone. */
  end: string;
  /** Dispatch days after `end` that still ship nothing, to work off the backlog (default 0). */
  resumeBufferDays?: number;
  /** How many days before `start` the absence is announced (default 14). */
  announceDays?: number;
  /** The merchant's own banner text, plain or per language. */
  message?: LocalizedTextValue;
}

/** A way of shipping a parcel, with its transit time in carrier days. */
export interface ShippingMethod {
  id: string;
  name: string;
  transitDays: { min: number; max: number };
  /** Days the carrier delivers (default mon–fri); holidays excepted. */
  deliveryDays?: Weekday[];
}

/** When a shop dispatches parcels, in its own time zone. */
export interface ShopCalendar {
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: string;
  /** Days parcels leave. */
  dispatchDays: Weekday[];
  /** `HH:mm` local; an order strictly before it is received that day. */
  cutoff: string;
  cutoffByDay?: Partial<Record<Weekday, string>>;
  /** Whole dispatch days between receipt and dispatch (0 = same day). */
  handlingDays: number;
  /** Public holidays: no dispatch and no carrier delivery. */
  holidays: string[];
  /** Shop closed: no dispatch; carriers still deliver. */
  closedDates: string[];
  absences: Absence[];
  methods: ShippingMethod[];
}

/** When an order placed now is received and dispatched, and until when that holds. */
export interface DispatchInfo {
  receiptDate: string;
  dispatchDate: string;
  /** The cutoff of `receiptDate`: order strictly before it to keep these dates. */
  orderBy: Date;
  /** Whether the parcel leaves on the day the order is placed. */
  sameDay: boolean;
}

/** The delivery window of an order placed now with one shipping method. */
export interface DeliveryEstimate {
  dispatchDate: string;
  earliest: string;
  latest: string;
}

/** The last moment to order for delivery by a given day, and that order's dates. */
export interface LastOrder {
  /** Order strictly before this instant. */
  orderBy: Date;
  receiptDate: string;
  dispatchDate: string;
}

/** Whether the shop is away now, or soon, and when it ships again. */
export type AbsenceStatus =
  | { state: 'none'; absence?: undefined; resumeDate?: undefined }
  | { state: 'upcoming' | 'active'; absence: Absence; resumeDate: string };

/** A free-shipping threshold in minor units of one currency, optionally for some countries. */
export interface FreeShippingRule {
  threshold: number;
  currency: string;
  countries?: string[];
  /** Names the tier, plain or per language. */
  label?: LocalizedTextValue;
}

/** The part of a cart that free shipping depends on. */
export interface FreeShippingCart {
  /** Minor units, after discounts, before shipping. */
  subtotal: number;
  currency: string;
  country?: string;
}

/** How far a cart is from the next free-shipping threshold. */
export interface FreeShippingProgress {
  /** Thresholds reached, ascending. */
  reached: FreeShippingRule[];
  next: FreeShippingRule | null;
  /** Minor units still to add to reach `next` (0 without one). */
  remaining: number;
  /** `subtotal / next.threshold` clamped to [0, 1] (1 without `next`). */
  ratio: number;
}

// What the server computes ahead for the widgets (derive-facts.ts) and they read (facts.ts).

/**
 * What the absence banner needs of one absence, computed ahead by the server so that the banner
 * carries no calendar code. Neither value depends on when it was computed, so a cached config
 * stays right at any instant:
 * - `resumeDate`: `absenceStatus(…).resumeDate` while this absence is announced or active;
 * - `ships`: `nextDispatch(calendar, t).dispatchDate` as steps `[from, dispatchDate]` (sorted;
 *   each holds from its instant until the next one's), from the first instant of the
 *   announcement's first day to the end of the absence and beyond (the last step holds on).
 */
export interface AbsenceFacts {
  id: string;
  resumeDate: string;
  ships: [from: string, dispatchDate: string][];
  /** The first instant of the announcement's first day (`start` − `announceDays`, default 14). */
  announcedFrom?: string;
  /** The first instant of `start`: the absence is active from it… */
  startsAt?: string;
  /** …until the first instant of the day after `end`. */
  endsAt?: string;
}

/**
 * What the holiday deadline needs of one event: per shipping method, `lastOrderDate(…).orderBy`
 * (or `null`). Computed at one instant it holds at any later one once compared with it: the best
 * order-by moment does not depend on when one asks, and `lastOrderDate` answers `null` exactly when
 * it is not after `now`.
 */
export interface DeadlineFacts {
  id: string;
  orderBy: Record<string, string | null>;
}

/**
 * What the shipping cutoff needs, for the published config's window: `nextDispatch` as steps
 * `[from, receiptDate, dispatchDate]`, each holding from its instant until the next one's, which
 * is its `orderBy` (the last one's is `until`); and per shipping method, per dispatch date in the
 * steps, `estimateDelivery`'s `[earliest, latest]` (they depend on the dispatch date alone).
 */
export interface DispatchFacts {
  steps: [from: string, receiptDate: string, dispatchDate: string][];
  until: string;
  delivery: Record<string, Record<string, [earliest: string, latest: string]>>;
}

/** When an announcement starts and ends, as instants (its `start` and `end` are shop wall time). */
export interface AnnouncementFacts {
  id: string;
  start?: string;
  end?: string;
}

/** What the holiday deadline reads of an event (`HolidayEvent` in the schemas). */
export interface DeadlineEvent {
  id: string;
  deliverBy: string;
  showFrom?: string;
  methodIds?: string[];
}
