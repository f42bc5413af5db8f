import { defaultShopConfig } from '@comptoir/sdk';
import type { Db } from './database.js';
import { generateId, generatePublishableKey, generateSecretKey, hashSecret } from './keys.js';
import { insertShop } from './shop.store.js';

/** A new shop's id and keys; the secret key exists only here (it is stored as a hash). */
export interface CreatedShop {
  shopId: string;
  publishableKey: string;
  secretKey: string;
}

/** Creates a shop with the default config, its name and allowed origins. */
export async function createShop(
  db: Db,
  shop: { name: string; origins: string[]; now: Date },
): Promise<CreatedShop> {
  const shopId = generateId('shp');
  const publishableKey = generatePublishableKey();
  const secretKey = generateSecretKey();
  await insertShop(db, shopId, {
    name: shop.name,
    publishableKey,
    secretKeyHash: hashSecret(secretKey),
    config: defaultShopConfig(shop.name, shop.origins),
    now: shop.now,
  });
  return { shopId, publishableKey, secretKey };
}
