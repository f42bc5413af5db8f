import type { WidgetEvent } from '@comptoir/sdk/schemas';
import { state } from './state.js';

/** The URL of a public endpoint of the configured shop, or undefined without `configure()`. */
export function apiUrl(path: string, withKey = false): string | undefined {
  const api = state.api;
  if (!api) return undefined;
  const url = `${api.apiUrl.replace(/\/$/, '')}/v1/shops/${encodeURIComponent(api.shop)}${path}`;
  return withKey ? `${url}?key=${encodeURIComponent(api.key)}` : url;
}

/**
 * Sends JSON to the public API with the publishable key; resolves to the parsed answer, or rejects
 * with an `Error` whose `status` is the answer's when it is not 2xx. With
 * `keepalive` the request outlives the page (a last cart update on `pagehide`).
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  keepalive = false,
): Promise<T> {
  const url = apiUrl(path);
  if (!url || !state.api) throw new Error('comptoir is not configured with a shop and key');
  const response = await fetch(url, {
    method,
    keepalive,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${state.api.key}` },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw Object.assign(new Error(`${method} ${url} answered ${response.status}`), {
      status: response.status,
    });
  return (await response.json()) as T;
}

const queue: WidgetEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

function flush(beacon: boolean): void {
  clearTimeout(timer);
  timer = undefined;
  const url = apiUrl('/events', true);
  if (!url || queue.length === 0) return;
  while (queue.length > 0) {
    const body = JSON.stringify({ events: queue.splice(0, 50) });
    try {
      // A beacon cannot set headers: the key travels in the query string.
      const sent =
        beacon && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
      if (!sent) {
        void fetch(url, {
          method: 'POST',
          keepalive: true,
          headers: { 'content-type': 'application/json' },
          body,
        }).catch(() => undefined);
      }
    } catch {
      // Statistics are best effort; the shopper's page matters more.
    }
  }
}

/** Queues a widget event for the merchant's stats; sent in batches, and on `pagehide`. */
export function trackEvent(event: WidgetEvent): void {
  if (!state.api) return;
  queue.push(event);
  if (!listening) {
    listening = true;
    addEventListener('pagehide', () => flush(true));
  }
  clearTimeout(timer);
  timer = setTimeout(() => flush(false), 2000);
}
