import { Hono } from 'hono';
import { OrderCompletedInput, OrderResult } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { ApiError, NotFoundError } from '../../errors.js';
import { recordLifecycleOrder } from '../../../lifecycle/record-lifecycle-order.js';
import { jsonBody } from '../../middleware/json-body.js';
import { publicKeyOf } from '../../middleware/public-auth.js';
import { recordVerifiedOrder } from '../../../orders/record-order.js';
import { sendCartRecovered } from '../../../webhooks/events.js';
import { findCart, findCartByPlatformId, markCartConverted } from '../../../storage/cart.store.js';
import { inRetriedTransaction } from '../../../storage/transaction-retry.js';
import { describeRoutes } from '../openapi.js';
import { stopRecoveryForOrder } from '../../../worker/scheduler.js';

/**
 * `POST /v1/shops/:shop/orders`: an order was placed for a cart (by its `crt_…` id or the
 * platform's id). The cart becomes `recovered` when a recovery email went out before, else
 * `converted`; reporting the same order again changes nothing. Sent by the shop's backend with
 * its secret key, the order is *verified* (it counts in the verified revenue); with the
 * publishable key it only stops the emails, since anyone can send that with any total.
 *
 * Lock order (the server's one): the cart row first, then its jobs. A PostgreSQL deadlock or
 * serialization failure is retried here, never answered 500.
 */
export const publicOrders = new Hono<AppEnv>().post(
  '/',
  jsonBody(OrderCompletedInput),
  async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const order = c.req.valid('json');
    const now = clock();
    const secret = publicKeyOf(c)?.startsWith('sk_') ?? false;
    // Anyone holding the publishable key could otherwise have the shop email any address.
    if (order.shipping && !secret) {
      throw new ApiError(
        403,
        'secret_key_required',
        "`shipping` is accepted only with the shop's secret key (sk_…)",
        { field: 'shipping' },
      );
    }
    const cart = await inRetriedTransaction(db, async (trx) => {
      const found =
        (order.cartId.startsWith('crt_')
          ? await findCart(trx, shop.id, order.cartId)
          : undefined) ?? (await findCartByPlatformId(trx, shop.id, order.cartId));
      if (!found) throw new NotFoundError('Cart');
      if (secret) {
        // An order without its own id counts once per cart.
        const orderId = order.orderId ?? `cart:${found.id}`;
        const recorded = await recordVerifiedOrder(
          trx,
          shop,
          {
            source: 'backend',
            orderId,
            cart: found,
            total: order.total,
            currency: order.currency,
          },
          { now },
        );
        // After the cart and its jobs (the lock order): the order confirmation, once per order.
        if (order.shipping) {
          await recordLifecycleOrder(
            trx,
            shop,
            { source: 'backend', orderId, shipping: order.shipping },
            now,
          );
        }
        return (recorded.counted && (await findCart(trx, shop.id, found.id))) || found;
      }
      if (found.status !== 'open') return found;
      // The statement decides converted or recovered on the row it locks: an email recorded
      // after the read above still counts.
      const status = await markCartConverted(trx, shop.id, found.id, {
        orderId: order.orderId ?? null,
        total: order.total,
        currency: order.currency,
        at: now,
      });
      // A concurrent report of the same order won: answer what it stored.
      if (!status) return (await findCart(trx, shop.id, found.id)) ?? found;
      const converted = { ...found, status, convertedAt: now.toISOString() } as const;
      await stopRecoveryForOrder(trx, converted, now);
      if (status === 'recovered') {
        const reported = { ...order, orderId: order.orderId ?? null, verified: false };
        await sendCartRecovered(trx, converted, reported, now);
      }
      return converted;
    });
    return c.json({ cartId: cart.id, recovered: cart.status === 'recovered' }, 201);
  },
);

describeRoutes(publicOrders, {
  'POST /': {
    summary: 'An order was placed for a cart: stops its recovery, attributes revenue',
    description: 'A storefront reports with `pk_…`; a shop backend may use `sk_…` instead.',
    auth: 'publishable-or-secret',
    status: 201,
    answer: OrderResult,
    tag: 'public',
  },
});
