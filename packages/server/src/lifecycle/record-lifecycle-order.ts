import type { OrderShipping } from '@comptoir/sdk';
import { hashEmail } from '../keys.js';
import type { Db } from '../storage/database.js';
import { insertJobs } from '../storage/jobs.store.js';
import { insertLifecycleOrder } from '../storage/lifecycle-orders.store.js';
import type { Shop } from '../storage/shop.store.js';
import { newId, newToken } from '../worker/ids.js';
import { sendsOrderConfirmation } from './order-confirmation-kind.js';

/** What recording an order for the emails after it did. */
export interface RecordedLifecycleOrder {
  /** The stored order's `ord_…` id; undefined when this order was reported before. */
  id?: string;
  confirmationScheduled: boolean;
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
    id: newId('ord'),
    shopId: shop.id,
    source: order.source,
    orderId: order.orderId,
    email: shipping.email,
    emailHash,
    name: shipping.name ?? null,
    address: shipping.address,
    locale: shipping.locale ?? null,
    methodId: shipping.methodId ?? null,
    items: shipping.items,
    marketingConsent: shipping.marketingConsent ?? false,
    orderedAt: now.toISOString(),
  });
  if (!stored) return { confirmationScheduled: false };
  const confirmationScheduled = sendsOrderConfirmation(shop.config);
  if (confirmationScheduled) {
    await insertJobs(trx, shop.id, [
      {
        id: newId('job'),
        kind: 'confirmation',
        subjectId: stored.id,
        step: 0,
        content: '{}',
        emailHash,
        runAt: now.toISOString(),
        token: newToken(),
        createdAt: now.toISOString(),
      },
    ]);
  }
  return { id: stored.id, confirmationScheduled };
}
