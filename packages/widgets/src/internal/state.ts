import type { Cart, PublishedConfig } from '@comptoir/sdk/schemas';

/** Where the public API lives and which shop it is for. */
export interface ApiTarget {
  shop: string;
  key: string;
  apiUrl: string;
}

/** State shared by every copy of the widgets on a page (loader, npm bundle, both). */
export interface SharedState {
  config?: PublishedConfig;
  /** Server time minus client time, in ms, measured when the config arrived. */
  skew: number;
  api?: ApiTarget;
  cart: Cart | null;
  listeners: Set<() => void>;
  warned: Set<string>;
}

const KEY = Symbol.for('comptoir.state');
const host = globalThis as unknown as Record<symbol, SharedState | undefined>;

/** The one shared state object, kept on `globalThis` under a symbol so two copies agree. */
export const state: SharedState = (host[KEY] ??= {
  skew: 0,
  cart: null,
  listeners: new Set(),
  warned: new Set(),
});

/** Tells every subscribed element that the config or the cart changed. */
export function notify(): void {
  for (const listener of state.listeners) {
    try {
      listener();
    } catch {
      // A listener's failure is its own; the others still run.
    }
  }
}

/** Subscribes to config and cart changes; returns the unsubscribe function. */
export function subscribe(listener: () => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/**
 * Logs one warning per code (`[comptoir] code: message`): for the whole page where there is no
 * element to blame, else per element (`ComptoirElement.fail` passes its own `warned`).
 */
export function warnOnce(
  code: string,
  message: string,
  detail?: unknown,
  warned: Set<string> = state.warned,
): void {
  if (warned.has(code)) return;
  warned.add(code);
  console.warn(`[comptoir] ${code}: ${message}`, ...(detail === undefined ? [] : [detail]));
}

/** Publishes a config, correcting the client clock with the server's `now`. */
export function setConfig(config: PublishedConfig, receivedAt = Date.now()): void {
  state.config = config;
  const serverNow = Date.parse(config.now);
  state.skew = Number.isFinite(serverNow) ? serverNow - receivedAt : 0;
  notify();
}
