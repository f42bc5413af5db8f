import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { generateSecretKey, hashSecret } from '../../../storage/keys.js';
import { deleteOtherSessions } from '../../../storage/session.store.js';
import { updateSecretKeyHash } from '../../../storage/shop.store.js';
import { RotatedKey } from '@comptoir/sdk';
import { describeAdminRoutes } from '../openapi.js';

/**
 * `POST /v1/admin/keys/rotate`: a new secret key, shown once. The old key stops working and every
 * other session ends; the shop's data and its publishable key stay.
 */
export const adminKeys = new Hono<AppEnv>().post('/rotate', async (c) => {
  const { db, clock, shops } = c.get('deps');
  const shop = c.get('shop');
  const auth = c.get('adminAuth');
  const secretKey = generateSecretKey();
  await db.transaction().execute(async (trx) => {
    await updateSecretKeyHash(trx, shop.id, hashSecret(secretKey), clock());
    await deleteOtherSessions(trx, shop.id, auth.kind === 'session' ? auth.session.id : undefined);
  });
  shops.invalidate(shop.id);
  return c.json({ secretKey });
});

describeAdminRoutes(adminKeys, {
  'POST /rotate': {
    summary: 'A new secret key; the old one and its other sessions stop working',
    status: 200,
    answer: RotatedKey,
  },
});
