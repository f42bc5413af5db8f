import type { ShopConfig } from '@comptoir/sdk/schemas';

/** Fills a shop's config with the demo's settings (an absence next month, tiers, Christmas, FAQ, capture on). */
export function demoConfig(
  config: ShopConfig,
  options: { shopUrl: string; now?: Date },
): ShopConfig;

/** Saves the demo's settings on a running server through its admin API; `edit` changes them first. */
export function saveDemoConfig(
  apiUrl: string,
  secretKey: string,
  options: { shopUrl: string; now?: Date; edit?: (config: ShopConfig) => void },
): Promise<Response>;
