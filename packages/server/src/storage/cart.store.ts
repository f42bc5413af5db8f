import type { CartItem } from '@comptoir/sdk';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { prepared, type Placeholders } from './prepared.js';
import type { CartRow, CartStatus, CartsTable } from './cart.table.js';

/** A captured cart as the code sees it. */
export interface StoredCart {
  id: string;
  shopId: string;
  platformCartId: string | null;
  currency: string;
  country: string | null;
  subtotal: number;
  items: CartItem[];
  email: string | null;
  emailHash: string | null;
  consent: { granted: boolean; text: string; at: string } | null;
  locale: string | null;
  status: CartStatus;
  recoveryEmailAt: string | null;
  /** Set while the cart waits for the worker to schedule its recovery emails (see migration 016). */
  recoveryRequestedAt: string | null;
  convertedAt: string | null;
  orderId: string | null;
  orderTotal: number | null;
  orderCurrency: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Maps a `carts` row to a {@link StoredCart}. */
export function toStoredCart(row: CartRow): StoredCart {
  return {
    id: row.id,
    shopId: row.shop_id,
    platformCartId: row.platform_cart_id,
    currency: row.currency,
    country: row.country,
    subtotal: row.subtotal,
    items: JSON.parse(row.items) as CartItem[],
    email: row.email,
    emailHash: row.email_hash,
    consent:
      row.consent_text !== null && row.consent_at !== null
        ? { granted: row.consent_granted === 1, text: row.consent_text, at: row.consent_at }
        : null,
    locale: row.locale,
    status: row.status,
    recoveryEmailAt: row.recovery_email_at,
    recoveryRequestedAt: row.recovery_requested_at,
    convertedAt: row.converted_at,
    orderId: row.order_id,
    orderTotal: row.order_total,
    orderCurrency: row.order_currency,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns a capture writes: the cart itself, the shopper's email and their consent. */
export interface CartContents {
  platformCartId: string | null;
  currency: string;
  country: string | null;
  subtotal: number;
  items: CartItem[];
  email: string | null;
  emailHash: string | null;
  consent: { granted: boolean; text: string; at: string } | null;
  locale: string | null;
}

type ContentColumns = Pick<
  CartsTable,
  | 'platform_cart_id'
  | 'currency'
  | 'country'
  | 'subtotal'
  | 'items'
  | 'email'
  | 'email_hash'
  | 'consent_granted'
  | 'consent_text'
  | 'consent_at'
  | 'locale'
  | 'updated_at'
>;

function contentColumns(contents: CartContents, now: Date): ContentColumns {
  return {
    platform_cart_id: contents.platformCartId,
    currency: contents.currency,
    country: contents.country,
    subtotal: contents.subtotal,
    items: JSON.stringify(contents.items),
    email: contents.email,
    email_hash: contents.emailHash,
    consent_granted: contents.consent?.granted ? 1 : 0,
    consent_text: contents.consent?.text ?? null,
    consent_at: contents.consent?.at ?? null,
    locale: contents.locale,
    updated_at: now.toISOString(),
  };
}

/** The placeholders of {@link ContentColumns}, for the prepared insert and update. */
function contentPlaceholders(p: Placeholders<ContentColumns>): ContentColumns {
  return {
    platform_cart_id: p.platform_cart_id,
    currency: p.currency,
    country: p.country,
    subtotal: p.subtotal,
    items: p.items,
    email: p.email,
    email_hash: p.email_hash,
    consent_granted: p.consent_granted,
    consent_text: p.consent_text,
    consent_at: p.consent_at,
    locale: p.locale,
    updated_at: p.updated_at,
  };
}

// Cart capture reads and writes these on every request: compiled once (see prepared.ts).
const selectCartById = prepared((db, p: { shopId: string; value: string }) =>
  db.selectFrom('carts').selectAll().where('shop_id', '=', p.shopId).where('id', '=', p.value),
);
const selectCartByPlatformId = prepared((db, p: { shopId: string; value: string }) =>
  db
    .selectFrom('carts')
    .selectAll()
    .where('shop_id', '=', p.shopId)
    .where('platform_cart_id', '=', p.value),
);

const insertCartRow = prepared(
  (
    db,
    p: ContentColumns & {
      id: string;
      shop_id: string;
      created_at: string;
      recovery_requested_at: string | null;
    },
  ) =>
    db.insertInto('carts').values({
      id: p.id,
      shop_id: p.shop_id,
      ...contentPlaceholders(p),
      status: 'open',
      recovery_requested_at: p.recovery_requested_at,
      created_at: p.created_at,
    }),
);
const updateCartRow = prepared((db, p: ContentColumns & { shop_id: string; id: string }) =>
  db
    .updateTable('carts')
    .set(contentPlaceholders(p))
    .where('shop_id', '=', p.shop_id)
    .where('id', '=', p.id),
);

async function findCartWhere(
  db: Db,
  shopId: string,
  column: 'id' | 'platform_cart_id',
  value: string,
): Promise<StoredCart | undefined> {
  const query = column === 'id' ? selectCartById : selectCartByPlatformId;
  const row = await query.first(db, { shopId, value });
  return row && toStoredCart(row);
}

/** The shop's cart with this `crt_…` id. */
export function findCart(db: Db, shopId: string, cartId: string): Promise<StoredCart | undefined> {
  return findCartWhere(db, shopId, 'id', cartId);
}

/** The shop's cart with this platform cart id (Shopify's token, say). */
export function findCartByPlatformId(
  db: Db,
  shopId: string,
  platformCartId: string,
): Promise<StoredCart | undefined> {
  return findCartWhere(db, shopId, 'platform_cart_id', platformCartId);
}

/**
 * Inserts a cart under `cartId` (a new `crt_…`); answers the cart as a read would. With
 * `recoveryRequested`, the row carries the request for its recovery emails, stamped `now`.
 */
export async function insertCart(
  db: Db,
  shopId: string,
  cartId: string,
  contents: CartContents,
  now: Date,
  { recoveryRequested = false }: { recoveryRequested?: boolean } = {},
): Promise<StoredCart> {
  const recoveryRequestedAt = recoveryRequested ? now.toISOString() : null;
  await insertCartRow.execute(db, {
    id: cartId,
    shop_id: shopId,
    ...contentColumns(contents, now),
    recovery_requested_at: recoveryRequestedAt,
    created_at: now.toISOString(),
  });
  return {
    id: cartId,
    shopId,
    ...contents,
    status: 'open',
    recoveryEmailAt: null,
    recoveryRequestedAt,
    convertedAt: null,
    orderId: null,
    orderTotal: null,
    orderCurrency: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** Replaces a cart's contents, email and consent; answers the cart as a read would. */
export async function updateCart(
  db: Db,
  cart: StoredCart,
  contents: CartContents,
  now: Date,
): Promise<StoredCart> {
  await updateCartRow.execute(db, {
    ...contentColumns(contents, now),
    shop_id: cart.shopId,
    id: cart.id,
  });
  return { ...cart, ...contents, updatedAt: now.toISOString() };
}

/**
 * Stamps a cart's request for its recovery emails (an update made it eligible); a request already
 * waiting keeps its first time, which the emails' delays count from.
 */
export async function requestRecovery(db: Db, cart: StoredCart, now: Date): Promise<void> {
  await db
    .updateTable('carts')
    .set({
      recovery_requested_at: sql<string>`coalesce(recovery_requested_at, ${now.toISOString()})`,
    })
    .where('shop_id', '=', cart.shopId)
    .where('id', '=', cart.id)
    .execute();
}

/**
 * Up to `limit` carts whose recovery request waits, oldest request first within each shop, with
 * their rows locked on PostgreSQL (`skipLocked`: a concurrent scheduler skips them, an order on
 * one of them waits for this transaction).
 */
export async function lockRecoveryRequests(
  db: Db,
  options: { limit: number; skipLocked: boolean },
): Promise<StoredCart[]> {
  let query = db
    .selectFrom('carts')
    .selectAll()
    .where('recovery_requested_at', 'is not', null)
    .orderBy('shop_id')
    .orderBy('recovery_requested_at')
    .limit(options.limit);
  if (options.skipLocked) query = query.forUpdate().skipLocked();
  return (await query.execute()).map(toStoredCart);
}

/** Clears the recovery requests of these carts (scheduled, or no longer eligible). */
export async function clearRecoveryRequests(db: Db, carts: readonly StoredCart[]): Promise<void> {
  if (carts.length === 0) return;
  // By the primary key alone (ids are unique across shops): with `shop_id = ?` beside it, SQLite
  // walks the shop's index over all its carts instead.
  await db
    .updateTable('carts')
    .set({ recovery_requested_at: null })
    .where(
      'id',
      'in',
      carts.map((cart) => cart.id),
    )
    .execute();
}

/**
 * Marks an open cart as bought; answers the status it got, or `undefined` when it was already
 * converted. Without a `status`, the statement itself decides: `recovered` when a recovery email
 * was recorded, else `converted` (decided on the row it locks, so a send recorded just before the
 * order is not missed).
 */
export async function markCartConverted(
  db: Db,
  shopId: string,
  cartId: string,
  order: {
    status?: 'converted' | 'recovered';
    orderId: string | null;
    total: number;
    currency: string;
    at: Date;
    /** Reported by a webhook or the shop's backend, not the storefront. */
    verified?: boolean;
  },
): Promise<'converted' | 'recovered' | undefined> {
  const row = await db
    .updateTable('carts')
    .set({
      status:
        order.status ??
        sql<CartStatus>`case when recovery_email_at is not null then 'recovered' else 'converted' end`,
      order_verified: order.verified ? 1 : 0,
      order_id: order.orderId,
      order_total: order.total,
      order_currency: order.currency,
      converted_at: order.at.toISOString(),
      updated_at: order.at.toISOString(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', cartId)
    .where('status', '=', 'open')
    .returning('status')
    .executeTakeFirst();
  return row?.status as 'converted' | 'recovered' | undefined;
}

/**
 * Replaces a converted cart's storefront-reported order with a verified one (its total, currency
 * and id); answers false when the cart's order was verified already, which then stays.
 */
export async function markCartOrderVerified(
  db: Db,
  shopId: string,
  cartId: string,
  order: { orderId: string; total: number; currency: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('carts')
    .set({
      order_verified: 1,
      order_id: order.orderId,
      order_total: order.total,
      order_currency: order.currency,
      updated_at: order.at.toISOString(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', cartId)
    .where('status', '!=', 'open')
    .where('order_verified', '=', 0)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Sets `recovery_email_at` on carts that were just sent a recovery email, so a later order counts
 * as recovered: one statement for any number of carts of one shop. Answers the carts an order
 * converted meanwhile (their `convertedAt`), for the worker to credit an email accepted before it.
 */
export async function markCartsEmailed(
  db: Db,
  shopId: string,
  cartIds: readonly string[],
  at: string,
): Promise<{ id: string; convertedAt: string }[]> {
  if (cartIds.length === 0) return [];
  const rows = await db
    .updateTable('carts')
    .set({ recovery_email_at: at })
    .where('shop_id', '=', shopId)
    .where('id', 'in', cartIds)
    .returning(['id', 'status', 'converted_at'])
    .execute();
  return rows.flatMap((row) =>
    row.status === 'converted' && row.converted_at !== null
      ? [{ id: row.id, convertedAt: row.converted_at }]
      : [],
  );
}

/**
 * Credits a recovery email that the relay accepted before the cart's order was recorded (the
 * order saw no email yet): the converted cart becomes recovered. Answers whether it changed.
 */
export async function markCartRecovered(db: Db, shopId: string, cartId: string): Promise<boolean> {
  const result = await db
    .updateTable('carts')
    .set({ status: 'recovered' })
    .where('shop_id', '=', shopId)
    .where('id', '=', cartId)
    .where('status', '=', 'converted')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The shop's carts with these ids, in one `where id in (…)` query (the worker's batches). */
export async function findCartsByIds(
  db: Db,
  shopId: string,
  cartIds: readonly string[],
): Promise<StoredCart[]> {
  if (cartIds.length === 0) return [];
  const rows = await db
    .selectFrom('carts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', 'in', cartIds)
    .execute();
  return rows.map(toStoredCart);
}

/** Filters and keyset position for {@link listCarts}. */
export interface CartListQuery {
  status?: CartStatus;
  /** Inclusive lower bound on `created_at` (ISO instant). */
  from?: string;
  /** Exclusive upper bound on `created_at` (ISO instant). */
  to?: string;
  limit: number;
  /** The last row of the previous page: newer rows come first. */
  after?: { createdAt: string; id: string };
}

/** The shop's carts, newest first, one page at a time. */
export async function listCarts(
  db: Db,
  shopId: string,
  query: CartListQuery,
): Promise<StoredCart[]> {
  let select = db.selectFrom('carts').selectAll().where('shop_id', '=', shopId);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.from) select = select.where('created_at', '>=', query.from);
  if (query.to) select = select.where('created_at', '<', query.to);
  const after = query.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(toStoredCart);
}

/** What the stats need of each cart created in `[from, to)`. */
export function cartFactsInRange(db: Db, shopId: string, from: string, to: string) {
  return db
    .selectFrom('carts')
    .select([
      'created_at',
      'converted_at',
      'status',
      'email',
      'order_total',
      'order_currency',
      'order_verified',
    ])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}

/** Every cart of the shop that holds this shopper's email. */
export async function findCartsByEmailHash(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<StoredCart[]> {
  const rows = await db
    .selectFrom('carts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .orderBy('created_at')
    .execute();
  return rows.map(toStoredCart);
}

/**
 * Erases a shopper from the shop's carts: email, consent and language are removed; the carts stay,
 * anonymous, so the shop's stats keep their counts. Answers how many carts were touched.
 */
export async function eraseShopperFromCarts(
  db: Db,
  shopId: string,
  emailHash: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('carts')
    .set({
      email: null,
      email_hash: null,
      consent_granted: 0,
      consent_text: null,
      consent_at: null,
      locale: null,
      updated_at: now.toISOString(),
    })
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
