import { monthOf } from './holidays.js';
import type { ShopCache } from './shop-cache.js';
import type { Shop } from '../storage/shop.store.js';
import { derivePublishedConfig } from './derive.js';

/** How browsers and CDNs may keep the published config. */
export const PUBLISHED_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=86400';

/** A published config serialized once: everything but `now`, which changes per request. */
export interface PublishedEntry {
  configVersion: number;
  month: string;
  version: string;
  etag: string;
  /** The JSON without its opening brace and `now`: `"version":…}`. */
  tail: string;
}

/** The answer's body: a fresh `now`, then the serialized rest. */
export function publishedBody(entry: PublishedEntry, now: Date): string {
  return `{"now":"${now.toISOString()}",${entry.tail}`;
}

/** True when an `If-None-Match` header names `version` (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, version: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((tag) => tag === version || tag === '*');
}

/**
 * The published configs of this process: derived from the shop's config, serialized once per
 * config version and month (holidays move with the month), and forgotten with the shop when its
 * config is saved here. The Hono route and the node:http fast path both answer from it.
 */
export class PublishedConfigs {
  private readonly entries = new Map<string, PublishedEntry>();

  constructor(private readonly shops: ShopCache) {}

  /** The serialized config of `shop` at `now`, rebuilt when its version or month changed. */
  entryFor(shop: Shop, now: Date): PublishedEntry {
    const month = monthOf(now, shop.config.calendar.timeZone);
    let entry = this.entries.get(shop.id);
    if (!entry || entry.configVersion !== shop.configVersion || entry.month !== month) {
      const { now: _now, ...rest } = derivePublishedConfig(shop, shop.config, now);
      entry = {
        configVersion: shop.configVersion,
        month,
        version: rest.version,
        etag: `"${rest.version}"`,
        tail: JSON.stringify(rest).slice(1),
      };
      this.entries.set(shop.id, entry);
    }
    return entry;
  }

  /** Forgets the shop's config after a save, here and in the shop cache public requests read. */
  invalidate(shopId: string): void {
    this.entries.delete(shopId);
    this.shops.invalidate(shopId);
  }
}
