// Shared test fixtures (never part of the build).
import {
  absenceFacts,
  announcementFacts,
  deadlineFacts,
  dispatchFacts,
} from '@comptoir/sdk/calendar';
import type { Cart, PublishedConfig } from '@comptoir/sdk/schemas';
import 'axe-core/axe.min.js';
import { state } from '../internal/state.js';

/** A complete published config; `now` is fixed so that tests never depend on the real date. */
export function makeConfig(overrides: Partial<PublishedConfig> = {}): PublishedConfig {
  return {
    version: 'v1',
    shopId: 'shp_test',
    shopName: 'Atelier Test',
    now: '2025-12-10T09:00:00Z', // Wednesday 10 Dec 2025, 10:00 in Paris
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    currency: 'EUR',
    calendar: {
      timeZone: 'Europe/Paris',
      dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      cutoff: '14:00',
      handlingDays: 0,
      holidays: ['2025-12-25', '2026-01-01'],
      closedDates: [],
      absences: [],
      methods: [
        { id: 'colissimo', name: 'Colissimo', transitDays: { min: 2, max: 3 } },
        { id: 'express', name: 'Express', transitDays: { min: 1, max: 1 } },
      ],
    },
    freeShipping: {
      rules: [{ threshold: 5000, currency: 'EUR' }],
      excludedProductIds: ['gift-card'],
    },
    holidayEvents: [],
    faq: [],
    capture: {
      enabled: true,
      mode: 'inline',
      consentText: 'I agree to receive one email about my cart.',
      privacyUrl: 'https://shop.example/privacy',
      dismissDays: 7,
      delaySeconds: 0,
    },
    placements: [],
    theme: {},
    strings: {},
    ...overrides,
  };
}

/** A cart of `subtotal` minor units in one line. */
export function makeCart(subtotal: number, extra: Partial<Cart> = {}): Cart {
  return {
    currency: 'EUR',
    subtotal,
    items:
      subtotal > 0
        ? [{ id: 'l1', productId: 'p1', title: 'Mug', quantity: 1, unitPrice: subtotal }]
        : [],
    ...extra,
  };
}

/** Resets the page-wide shared state between tests. */
export function resetState(): void {
  state.config = undefined;
  state.cart = null;
  state.skew = 0;
  state.api = undefined;
  state.warned.clear();
  try {
    localStorage.clear();
  } catch {
    // ignore
  }
}

interface AxeResults {
  violations: { id: string; help: string; nodes: unknown[] }[];
}

/** Runs axe-core on an element and returns the violations' ids (empty when accessible). */
export async function axeViolations(element: Element): Promise<string[]> {
  const axe = (window as unknown as { axe: { run(el: Element): Promise<AxeResults> } }).axe;
  const results = await axe.run(element);
  return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
}

/** Captures console.warn calls until `restore()` is called. */
export function captureWarnings(): { calls: unknown[][]; restore(): void } {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => {
    calls.push(args);
  };
  return { calls, restore: () => (console.warn = original) };
}

/** The visible text of an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The config with the facts the server publishes (`derive.ts` in packages/server): what the
 * banner, cutoff, holiday deadline and announcement bar read instead of computing.
 */
export function withFacts(config: PublishedConfig): PublishedConfig {
  const now = new Date(config.now);
  const messages = config.announcements?.messages ?? [];
  return {
    ...config,
    absenceFacts: absenceFacts(config.calendar, now),
    deadlineFacts: deadlineFacts(config.calendar, config.holidayEvents, now),
    dispatchFacts: dispatchFacts(config.calendar, now),
    announcementFacts: announcementFacts(config.calendar.timeZone, messages),
  };
}
