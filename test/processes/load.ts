import { createRequire } from 'node:module';

/** One request template of an autocannon run (the part of its API these tests use). */
export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  /** Builds each request's body (a fresh cart id, email…) and headers anew. */
  setupRequest?: (request: { body?: string; headers?: Record<string, string> }) => {
    body?: string;
    headers?: Record<string, string>;
  };
  onResponse?: (status: number, body: string) => void;
}

/** What an autocannon run reports (the fields these tests read). */
export interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
  statusCodeStats: Record<string, { count: number }>;
}

/** autocannon's options, as far as these tests set them. */
export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Requests per second from all connections together (unset: as fast as the server answers). */
  overallRate?: number;
  /** Stop after this many requests even if `duration` has not passed. */
  maxOverallRequests?: number;
  requests: LoadRequest[];
}

// autocannon ships no types.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: LoadOptions & { timeout: number },
) => Promise<LoadResult>;

/** Runs autocannon against one of our loopback servers; every run is bounded by `duration`. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(options.url)) {
    throw new Error(`Load goes to loopback servers only, not ${options.url}`);
  }
  return autocannon({ timeout: 10, ...options });
}

let sequence = 0;
let shopper = 0;

/**
 * A shopper's address as the reverse proxy reports it (`X-Forwarded-For`), a new one each call
 * (10.0.0.0/8): storefront traffic comes from many shoppers, each far below the per-IP limit.
 */
export function nextShopperAddress(): string {
  shopper = (shopper % 16_777_214) + 1;
  return `10.${(shopper >> 16) & 255}.${(shopper >> 8) & 255}.${shopper & 255}`;
}

/** A storefront's cart capture, with a fresh platform-less cart and, if `email`, consent. */
export function captureBody(email?: string): string {
  sequence++;
  return JSON.stringify({
    cart: {
      currency: 'EUR',
      country: 'FR',
      subtotal: 2400 + (sequence % 100),
      items: [{ id: `v${sequence}`, title: 'Linen apron', quantity: 2, unitPrice: 1200 }],
    },
    ...(email ? { email, consent: { granted: true, text: 'Email me my cart' } } : {}),
    locale: 'en',
  });
}
