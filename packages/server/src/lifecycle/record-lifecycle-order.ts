import type { OrderShipping } from '@comptoir/sdk';
import { addDays, localDateOf, wallTimeToInstant } from '@comptoir/sdk/calendar';
import { generateId, generateToken, hashEmail } from '../storage/keys.js';
import type { Db } from '../storage/database.js';
import { insertJobs, type NewJob } from '../storage/jobs.store.js';
import { cancelPendingWinBacks, insertLifecycleOrder } from '../storage/lifecycle-orders.store.js';
import type { Shop } from '../storage/shop.store.js';
import { deliveryPromise } from './delivery-promise.js';
import { sendsOrderConfirmation } from './order-confirmation-kind.js';

/** The hour (shop time) at which review requests go out. */
export const REVIEW_REQUEST_TIME = '10:00';

/**
 * When the review request of an order placed `orderedAt` goes: at {@link REVIEW_REQUEST_TIME}
 * (shop time) `days` days after the LATEST day of the delivery window promised at the order's
 * instant (a parcel that left late is not reviewed before it can have arrived).
 */
export function reviewRequestAt(
  config: Shop['config'],
  methodId: string | null,
  orderedAt: Date,
  days: number,
  shipsNothing = false,
): Date {
  // An order that ships nothing (digital, pickup) is in hand from the order's day.
  const promise = shipsNothing ? undefined : deliveryPromise(config, methodId, orderedAt);
  const arrived =
    promise?.delivery?.latest ??
    promise?.dispatchDate ??
    localDateOf(orderedAt, config.calendar.timeZone);
  return wallTimeToInstant(addDays(arrived, days), REVIEW_REQUEST_TIME, config.calendar.timeZone);
}

/** What recording an order for the emails after it did. */
export interface RecordedLifecycleOrder {
  /** The stored order's `ord_…` id; undefined when this order was reported before. */
  id?: string;
  confirmationScheduled: boolean;
  /** When the win-back and the review request of this order are due, if scheduled. */
  winBackAt?: string;
  reviewRequestAt?: string;
}

/**
 * Stores what the emails after an order need (once per source and order id) and schedules its
 * confirmation at once when the shop sends one; inside the order's transaction, after its cart and
 * jobs (the server's lock order). A replayed report schedules nothing more.
 */
export async function recordLifecycleOrder(
  trx: Db,
  shop: Shop,
  order: { source: string; orderId: string; shipping: OrderShipping },
  now: Date,
): Promise<RecordedLifecycleOrder> {
  const { shipping } = order;
  const emailHash = hashEmail(shipping.email);
  const stored = await insertLifecycleOrder(trx, {
    id: generateId('ord'),
    shopId: shop.id,
    source: order.source,
    orderId: order.orderId,
    email: shipping.email,
    emailHash,
    name: shipping.name ?? null,
    address: shipping.address ?? null,
    locale: shipping.locale ?? null,
    methodId: shipping.methodId ?? null,
    items: shipping.items,
    marketingConsent: shipping.marketingConsent,
    orderedAt: now.toISOString(),
  });
  if (!stored) return { confirmationScheduled: false };
  // A new order stops the win-back of the address's previous ones (the claim checks it again).
  await cancelPendingWinBacks(trx, shop.id, emailHash);
  const at = now.toISOString();
  const job = (kind: NewJob['kind'], step: number, runAt: string): NewJob => ({
    id: generateId('job'),
    kind,
    subjectId: stored.id,
    step,
    content: '{}',
    emailHash,
    runAt,
    token: generateToken(),
    createdAt: at,
  });
  const jobs: NewJob[] = [];
  const confirmationScheduled = sendsOrderConfirmation(shop.config);
  if (confirmationScheduled) jobs.push(job('confirmation', 0, at));
  const { winBack, reviewRequest } = shop.config.lifecycle ?? {};
  const result: RecordedLifecycleOrder = { id: stored.id, confirmationScheduled };
  if (stored.marketingConsent && winBack?.enabled) {
    result.winBackAt = new Date(now.getTime() + winBack.delayDays * 86_400_000).toISOString();
    jobs.push(job('win-back', 1, result.winBackAt));
  }
  // Soft opt-in: the merchant's law lets them ask existing customers without consent.
  // An explicit no (marketingConsent: false) stops it even then.
  const softOptIn = reviewRequest?.softOptIn === true && !stored.marketingRefused;
  if ((stored.marketingConsent || softOptIn) && reviewRequest?.enabled) {
    result.reviewRequestAt = reviewRequestAt(
      shop.config,
      stored.methodId,
      now,
      reviewRequest.daysAfterDelivery,
      stored.address === null,
    ).toISOString();
    jobs.push(job('review-request', 2, result.reviewRequestAt));
  }
  await insertJobs(trx, shop.id, jobs);
  return result;
}
