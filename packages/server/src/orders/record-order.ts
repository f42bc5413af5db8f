import { hashEmail } from '../storage/keys.js';
import type { Db } from '../storage/database.js';
import {
  findCartByPlatformId,
  findCartsByEmailHash,
  markCartConverted,
  markCartOrderVerified,
  type StoredCart,
} from '../storage/cart.store.js';
import { cancelPendingRecoveryJobsForEmail } from '../storage/jobs.store.js';
import { insertVerifiedOrder } from '../storage/order-webhook.store.js';
import type { VerifiedSource } from '../storage/order-webhook.table.js';
import type { Shop } from '../storage/shop.store.js';
import { sendCartRecovered, sendEvent } from '../webhooks/events.js';
import { ATTRIBUTION_DAYS, stopRecoveryForOrder } from '../worker/scheduler.js';

/** An order from a trusted source: a verified webhook, or the shop's backend with `sk_…`. */
export interface VerifiedOrderInput {
  source: VerifiedSource;
  orderId: string;
  /** The cart it was bought from, when the source knows it. */
  cart?: StoredCart;
  /** Shopify's cart token, looked up when `cart` is not given. */
  cartToken?: string | null;
  email?: string | null;
  total: number;
  currency: string;
}

/** What recording a verified order did. */
export interface RecordedOrder {
  /** False when this source reported this order before: nothing changed. */
  counted: boolean;
  cartId: string | null;
  /** How the cart was found. */
  matchedBy: 'cart' | 'cart-token' | 'email' | null;
  recovered: boolean;
  /** Recovery emails this order cancelled. */
  emailsStopped: number;
}

function emailedWithinWindow(cart: StoredCart, now: Date): boolean {
  return (
    cart.recoveryEmailAt !== null &&
    Date.parse(cart.recoveryEmailAt) >= now.getTime() - ATTRIBUTION_DAYS * 86_400_000
  );
}

/**
 * The cart an address's order is attributed to: the most recently emailed cart of that address
 * within the attribution window, else its most recent cart still open (a conversion with no
 * email to thank), else none.
 */
function cartForEmail(carts: StoredCart[], now: Date): StoredCart | undefined {
  const emailed = carts
    .filter((cart) => emailedWithinWindow(cart, now))
    .sort((a, b) => (a.recoveryEmailAt as string).localeCompare(b.recoveryEmailAt as string))
    .at(-1);
  return emailed ?? carts.filter((cart) => cart.status === 'open').at(-1);
}

/**
 * Records a verified order inside the caller's transaction, once per (source, order id): finds
 * its cart (given, by cart token, else by email), stops every waiting recovery email of that cart
 * and, by email, of that address in the shop, and marks the cart bought with the verified total.
 * A cart a storefront report (`pk_…`) already marked keeps its status but takes the verified
 * total, so a forged storefront total never stays in the verified revenue.
 */
export async function recordVerifiedOrder(
  trx: Db,
  shop: Shop,
  order: VerifiedOrderInput,
  context: { now: Date },
): Promise<RecordedOrder> {
  const { now } = context;
  const emailHash = order.email ? hashEmail(order.email) : null;
  let matchedBy: RecordedOrder['matchedBy'] = order.cart ? 'cart' : null;
  let cart = order.cart;
  if (!cart && order.cartToken) {
    cart = await findCartByPlatformId(trx, shop.id, order.cartToken);
    if (cart) matchedBy = 'cart-token';
  }
  if (!cart && emailHash) {
    cart = cartForEmail(await findCartsByEmailHash(trx, shop.id, emailHash), now);
    if (cart) matchedBy = 'email';
  }

  const counted = await insertVerifiedOrder(
    trx,
    shop.id,
    {
      source: order.source,
      orderId: order.orderId,
      cartId: cart?.id ?? null,
      total: order.total,
      currency: order.currency,
      emailHash,
    },
    now,
  );
  if (!counted) {
    return { counted, cartId: cart?.id ?? null, matchedBy, recovered: false, emailsStopped: 0 };
  }

  let recovered = false;
  if (cart) {
    if (cart.status === 'open') {
      const status = emailedWithinWindow(cart, now) ? 'recovered' : 'converted';
      const updated = await markCartConverted(trx, shop.id, cart.id, {
        status,
        orderId: order.orderId,
        total: order.total,
        currency: order.currency,
        at: now,
        verified: true,
      });
      if (updated) {
        recovered = status === 'recovered';
        const converted = { ...cart, status, convertedAt: now.toISOString() } as const;
        await stopRecoveryForOrder(trx, converted, now);
      }
    } else {
      await markCartOrderVerified(trx, shop.id, cart.id, { ...order, at: now });
      recovered = cart.status === 'recovered';
    }
  }
  // After the cart: the server's one lock order is carts, then jobs (the worker records a send
  // in that order too; the other way round, the two deadlock on PostgreSQL).
  let emailsStopped = 0;
  for (const hash of new Set([emailHash, cart?.emailHash].filter((h): h is string => !!h))) {
    emailsStopped += await cancelPendingRecoveryJobsForEmail(trx, shop.id, hash, 'order-completed');
  }
  await sendEvent(
    trx,
    shop.id,
    {
      type: 'order.attributed',
      timestamp: now.toISOString(),
      data: {
        shopId: shop.id,
        orderId: order.orderId,
        source: order.source,
        cartId: cart?.id ?? null,
        matchedBy,
        recovered,
        total: order.total,
        currency: order.currency,
        attributedAt: now.toISOString(),
      },
    },
    `order.attributed:${order.source}:${order.orderId}`,
    now,
  );
  if (cart && recovered) {
    await sendCartRecovered(
      trx,
      cart,
      { orderId: order.orderId, total: order.total, currency: order.currency, verified: true },
      now,
    );
  }
  return { counted, cartId: cart?.id ?? null, matchedBy, recovered, emailsStopped };
}
