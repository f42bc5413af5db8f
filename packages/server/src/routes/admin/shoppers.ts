import { Hono } from 'hono';
import { ShopperRequest, ShopperErased, ShopperExport } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { hashEmail } from '../../keys.js';
import { jsonBody } from '../../middleware/json-body.js';
import { eraseShopperFromCarts, findCartsByEmailHash } from '../../storage/cart.store.js';
import { eraseShopperFromVerifiedOrders } from '../../storage/order-webhook.store.js';
import { toAdminCart } from './carts.js';
import { describeRoutes } from '../openapi.js';

/**
 * One shopper's data, by email (GDPR): `POST /export` answers everything stored about them;
 * `POST /erase` removes it (and, through the plugins, cancels their pending emails).
 */
export const adminShoppers = new Hono<AppEnv>()
  .post('/export', jsonBody(ShopperRequest), async (c) => {
    const { db, clock, plugins } = c.get('deps');
    const shop = c.get('shop');
    const { email } = c.req.valid('json');
    const emailHash = hashEmail(email);
    const carts = await findCartsByEmailHash(db, shop.id, emailHash);
    const extra: Record<string, unknown> = {};
    for (const plugin of plugins) {
      if (plugin.exportShopper) {
        Object.assign(
          extra,
          await plugin.exportShopper({ trx: db, shop, now: clock(), emailHash }),
        );
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ email, carts: carts.map(toAdminCart), extra });
  })
  .post('/erase', jsonBody(ShopperRequest), async (c) => {
    const { db, clock, plugins } = c.get('deps');
    const shop = c.get('shop');
    const { email } = c.req.valid('json');
    const emailHash = hashEmail(email);
    const now = clock();
    const cartsErased = await db.transaction().execute(async (trx) => {
      for (const plugin of plugins) await plugin.eraseShopper?.({ trx, shop, now, emailHash });
      await eraseShopperFromVerifiedOrders(trx, shop.id, emailHash);
      return eraseShopperFromCarts(trx, shop.id, emailHash, now);
    });
    return c.json({ email, cartsErased });
  });

describeRoutes(adminShoppers, {
  'POST /export': {
    summary: 'Everything stored about one shopper (GDPR)',
    auth: 'admin',
    status: 200,
    answer: ShopperExport,
    tag: 'admin',
  },
  'POST /erase': {
    summary: "Erase one shopper's data (GDPR)",
    auth: 'admin',
    status: 200,
    answer: ShopperErased,
    tag: 'admin',
  },
});
