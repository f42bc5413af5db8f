import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { setConfig, state, warnOnce, type ApiTarget } from './state.js';
import { readStorage, writeStorage } from './storage.js';

interface CachedConfig {
  config: PublishedConfig;
  receivedAt: number;
}

const cacheKey = (shop: string) => `comptoir:config:${shop}`;

/** A cheap sanity check of a published config (the server validated it; this guards the cache). */
function looksLikeConfig(value: unknown): value is PublishedConfig {
  const config = value as PublishedConfig | null;
  return (
    !!config &&
    typeof config === 'object' &&
    typeof config.version === 'string' &&
    !!config.calendar
  );
}

/**
 * Points the widgets at a shop: renders at once from the cached config (localStorage), then
 * fetches `GET {apiUrl}/v1/shops/{shop}/config` and re-renders when it changed
 * (stale-while-revalidate). When the API is down, the cached config (or nothing) stays.
 * Resolves once a config (cached or fresh) is in place, or when there is none to be had.
 */
export async function configure(target: ApiTarget): Promise<void> {
  try {
    state.api = target;
    const cached = readStorage<CachedConfig>(cacheKey(target.shop));
    if (cached && looksLikeConfig(cached.config)) setConfig(cached.config, cached.receivedAt);
    const url = `${target.apiUrl.replace(/\/$/, '')}/v1/shops/${encodeURIComponent(target.shop)}/config?key=${encodeURIComponent(target.key)}`;
    const refresh = fetch(url, { mode: 'cors', credentials: 'omit' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`GET config answered ${response.status}`);
        const config: unknown = await response.json();
        if (!looksLikeConfig(config)) throw new Error('the config is malformed');
        const receivedAt = Date.now();
        if (config.version !== state.config?.version || !cached) setConfig(config, receivedAt);
        writeStorage(cacheKey(target.shop), { config, receivedAt } satisfies CachedConfig);
      })
      .catch((error: unknown) => {
        warnOnce(
          'config-unavailable',
          'could not fetch the shop config; using the cached one if any',
          error,
        );
      });
    if (!state.config) await refresh;
  } catch (error) {
    warnOnce('configure-failed', 'configure failed', error);
  }
}
