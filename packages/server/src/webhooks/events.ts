import type { WebhookEvent } from '@comptoir/sdk';
import { findCart, type StoredCart } from '../storage/cart.store.js';
import { findAbsenceSubscriptions } from '../storage/sequences.store.js';
import type { Db } from '../storage/database.js';
import { emitWebhookEvent } from './emit.js';
import { enqueueWebhookDelivery } from './webhook-kind.js';

/**
 * Sends an event to the shop's endpoints through the durable queue, inside the caller's
 * transaction (see {@link emitWebhookEvent}); `key` names the event so it is sent once.
 */
export function sendEvent(
  trx: Db,
  shopId: string,
  event: WebhookEvent,
  key: string,
  now: Date,
): Promise<string[]> {
  return emitWebhookEvent(trx, shopId, event, key, now, enqueueWebhookDelivery);
}

/** The shopper's address as events carry it: only when they consented to be emailed. */
export function consentedEmail(cart: Pick<StoredCart, 'email' | 'consent'>): string | null {
  return cart.consent?.granted && cart.email ? cart.email : null;
}

/**
 * After a capture: `cart.captured` when the cart has an email it did not have before (a new
 * address, or consent just given), so an update of the same cart sends nothing again.
 */
export async function sendCartCaptured(
  trx: Db,
  cart: StoredCart,
  before: StoredCart | undefined,
  now: Date,
): Promise<void> {
  if (!cart.email || !cart.emailHash) return;
  const consented = cart.consent?.granted === true;
  if (
    before &&
    before.emailHash === cart.emailHash &&
    (before.consent?.granted === true) === consented
  )
    return;
  await sendEvent(
    trx,
    cart.shopId,
    {
      type: 'cart.captured',
      timestamp: now.toISOString(),
      data: {
        shopId: cart.shopId,
        cartId: cart.id,
        platformCartId: cart.platformCartId,
        email: consentedEmail(cart),
        consent: cart.consent,
        locale: cart.locale,
        currency: cart.currency,
        subtotal: cart.subtotal,
        items: cart.items.map((item) => ({
          id: item.id,
          title: item.title,
          quantity: item.quantity,
          unitPrice: item.unitPrice,
          ...(item.url ? { url: item.url } : {}),
          ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}),
        })),
        capturedAt: now.toISOString(),
      },
    },
    `cart.captured:${cart.id}:${cart.emailHash}:${consented ? 1 : 0}`,
    now,
  );
}

/** `cart.recovered`, once per cart. */
export async function sendCartRecovered(
  trx: Db,
  cart: StoredCart,
  order: { orderId: string | null; total: number; currency: string; verified: boolean },
  now: Date,
): Promise<void> {
  await sendEvent(
    trx,
    cart.shopId,
    {
      type: 'cart.recovered',
      timestamp: now.toISOString(),
      data: {
        shopId: cart.shopId,
        cartId: cart.id,
        orderId: order.orderId,
        email: consentedEmail(cart),
        total: order.total,
        currency: order.currency,
        verified: order.verified,
        recoveredAt: now.toISOString(),
      },
    },
    `cart.recovered:${cart.id}`,
    now,
  );
}

/**
 * `shopper.unsubscribed` after a one-click unsubscribe, with the address the email went to (the
 * shopper consented to receive it; the mailing list downstream should stop too). Once per day
 * and address.
 */
export async function sendShopperUnsubscribed(
  trx: Db,
  job: { shopId: string; kind: string; subjectId: string; emailHash: string },
  now: Date,
): Promise<void> {
  const email =
    job.kind === 'recovery'
      ? ((await findCart(trx, job.shopId, job.subjectId))?.email ?? null)
      : ((await findAbsenceSubscriptions(trx, job.shopId, [job.subjectId]))[0]?.email ?? null);
  await sendEvent(
    trx,
    job.shopId,
    {
      type: 'shopper.unsubscribed',
      timestamp: now.toISOString(),
      data: {
        shopId: job.shopId,
        email,
        emailHash: job.emailHash,
        unsubscribedAt: now.toISOString(),
      },
    },
    `shopper.unsubscribed:${job.emailHash}:${now.toISOString().slice(0, 10)}`,
    now,
  );
}
