import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.js';
import { findShop, type Shop } from '../storage/shop.store.js';

const MAX_ENTRIES = 10_000;

/**
 * Shops read by public requests, reused for `ttlMs` so a storefront's config request does not parse
 * the shop's config every time. Writes in this process invalidate at once; other processes (several
 * API servers on one PostgreSQL) see a change within `ttlMs`.
 */
export class ShopCache {
  private readonly entries = new Map<string, { shop: Shop; readAt: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs: number,
  ) {}

  /** The shop, from the cache when fresh, else from the database. */
  async get(shopId: string): Promise<Shop | undefined> {
    const entry = this.entries.get(shopId);
    const now = performance.now();
    if (entry && now - entry.readAt < this.ttlMs) return entry.shop;
    const shop = await findShop(this.db, shopId);
    if (!shop) {
      this.entries.delete(shopId);
      return undefined;
    }
    if (this.ttlMs > 0) {
      if (this.entries.size >= MAX_ENTRIES)
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.delete(shopId);
      this.entries.set(shopId, { shop, readAt: now });
    }
    return shop;
  }

  /** The cached shop while it is fresh, without reading the database. */
  peek(shopId: string): Shop | undefined {
    const entry = this.entries.get(shopId);
    return entry && performance.now() - entry.readAt < this.ttlMs ? entry.shop : undefined;
  }

  /** Forgets the shop after a write. */
  invalidate(shopId: string): void {
    this.entries.delete(shopId);
  }
}
