import type { ShopConfig } from '@comptoir/sdk';
import type { Db } from './database.js';
import type { ShopRow } from './shop.table.js';

/** A shop as the code sees it, its config parsed. */
export interface Shop {
  id: string;
  name: string;
  publishableKey: string;
  secretKeyHash: string;
  config: ShopConfig;
  configVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** Maps a `shops` row to a {@link Shop}. */
export function toShop(row: ShopRow): Shop {
  return {
    id: row.id,
    name: row.name,
    publishableKey: row.publishable_key,
    secretKeyHash: row.secret_key_hash,
    config: JSON.parse(row.config) as ShopConfig,
    configVersion: row.config_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The shops with these ids, in one query (the worker's batches serve several shops). */
export async function findShopsByIds(db: Db, shopIds: readonly string[]): Promise<Shop[]> {
  if (shopIds.length === 0) return [];
  const rows = await db.selectFrom('shops').selectAll().where('id', 'in', shopIds).execute();
  return rows.map(toShop);
}

/** What creating a shop stores. */
export interface NewShop {
  name: string;
  publishableKey: string;
  secretKeyHash: string;
  config: ShopConfig;
  now: Date;
}

/** Inserts a shop under `shopId` (a new `shp_…`). */
export async function insertShop(db: Db, shopId: string, shop: NewShop): Promise<void> {
  const at = shop.now.toISOString();
  await db
    .insertInto('shops')
    .values({
      id: shopId,
      name: shop.name,
      publishable_key: shop.publishableKey,
      secret_key_hash: shop.secretKeyHash,
      config: JSON.stringify(shop.config),
      config_version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** The shop with this id, if any. */
export async function findShop(db: Db, shopId: string): Promise<Shop | undefined> {
  const row = await db.selectFrom('shops').selectAll().where('id', '=', shopId).executeTakeFirst();
  return row && toShop(row);
}

/**
 * The shop whose secret key hashes to `secretKeyHash`. This is the one lookup not scoped by a shop
 * id: it is how a secret key finds its shop.
 */
export async function findShopBySecretHash(
  db: Db,
  secretKeyHash: string,
): Promise<Shop | undefined> {
  const row = await db
    .selectFrom('shops')
    .selectAll()
    .where('secret_key_hash', '=', secretKeyHash)
    .executeTakeFirst();
  return row && toShop(row);
}

/**
 * Replaces the shop's config when its version is still `expectedVersion` (any version when
 * undefined). Answers the new version, or `undefined` when another save came first.
 */
export async function updateShopConfig(
  db: Db,
  shopId: string,
  config: ShopConfig,
  expectedVersion: number | undefined,
  now: Date,
): Promise<number | undefined> {
  let query = db
    .updateTable('shops')
    .set((eb) => ({
      config: JSON.stringify(config),
      name: config.shopName,
      config_version: eb('config_version', '+', 1),
      updated_at: now.toISOString(),
    }))
    .where('id', '=', shopId);
  if (expectedVersion !== undefined) query = query.where('config_version', '=', expectedVersion);
  const row = await query.returning('config_version').executeTakeFirst();
  return row?.config_version;
}

/** Replaces the shop's secret key hash (key rotation). */
export async function updateSecretKeyHash(
  db: Db,
  shopId: string,
  secretKeyHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('shops')
    .set({ secret_key_hash: secretKeyHash, updated_at: now.toISOString() })
    .where('id', '=', shopId)
    .execute();
}
