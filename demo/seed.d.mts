import type { ShopConfig } from '@comptoir/sdk/schemas';

/** Fills a shop's config with the demo's settings (an absence next month, tiers, Christmas, FAQ, capture on). */
export function demoConfig(
  config: ShopConfig,
  options: { shopUrl: string; now?: Date },
): ShopConfig;
