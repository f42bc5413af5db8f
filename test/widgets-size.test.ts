import { describe, expect, it } from 'vitest';
import { runWidgetsBench, WIDGET_BUDGETS } from '../bench/widgets.bench.js';

// Runs after `npm run build` (npm test builds first); sizes are deterministic.
describe('widget bundle budgets (gzip)', () => {
  const result = runWidgetsBench(false);

  it('keeps the loader within 4 KB', () => {
    expect(result.loader).toBeLessThanOrEqual(WIDGET_BUDGETS.loader);
  });

  // What a page with DESIGN's six elements downloads as it loads, one language included.
  it('keeps the six elements and their runtime within 30 KB', () => {
    expect(result.sixElements).toBeLessThanOrEqual(WIDGET_BUDGETS.allElements);
  });

  // The seventh element (the announcement bar) is held to the same 30 KB: it measured 32.1 KB
  // before the calendar left the page (the server publishes the answers) and placements and
  // the strings of languages not shown became on-demand chunks (issue 14).
  it('keeps all seven elements and their runtime within 30 KB', () => {
    expect(result.allElements).toBeLessThanOrEqual(WIDGET_BUDGETS.allElements);
  });

  // @floating-ui/dom (about 6 KB) comes only when an anchored popover opens. With it the worst
  // case measured 37.8 KB before issue 14's split, 35.4 KB after: it must not grow past 36 KB
  // (the 30 KB budget above is DESIGN's; this keeps the on-demand part honest).
  it('loads popover anchoring on demand only, and keeps the worst case under 36 KB', () => {
    expect(result.allElementsFiles.some((file) => /floating|position/.test(file))).toBe(false);
    expect(result.popoverOnDemand).toBeGreaterThan(0);
    expect(result.allElements + result.popoverOnDemand).toBeLessThanOrEqual(36 * 1024);
  });

  // Issue 14's budget for this page: 12 KB. It measured 20.3 KB before the split into chunks, and
  // 13 476 B with LitElement under the elements; 12 115 B once `UpdatingElement` replaced it (Lit's
  // templates kept) and lit-html lost what only directives read; 12 168 B once the loader started a
  // cart adapter only where something reads the cart (test/banner-only-page.test.ts), 12 175 B once
  // merchant texts shown in the default language were marked with their `lang`. test/banner-only-page.test.ts
  // checks in Chromium that the figure is what the page downloads.
  it('loads only the banner, its strings and shared code on a banner-only page, within 12 KB', () => {
    expect(result.pass.bannerOnlyCode).toBe(true);
    expect(result.bannerOnlyFiles.some((file) => file.includes('absence-banner'))).toBe(true);
    expect(result.bannerOnlyFiles.some((file) => file.includes('cart-check'))).toBe(false);
    expect(result.bannerOnly).toBeLessThanOrEqual(12 * 1024);
    expect(result.pass.bannerOnly).toBe(true);
  });

  it('counts one language in the all-seven figure, and no adapter', () => {
    const languages = result.allElementsFiles.filter((file) =>
      /chunks\/(en|fr|de|es|it|nl)\.(banner|rest)-/.test(file),
    );
    expect(languages).toHaveLength(2);
    expect(new Set(languages.map((file) => file.slice(7, 9))).size).toBe(1);
    expect(result.allElementsFiles.some((file) => /shopify|woocommerce/.test(file))).toBe(false);
  });

  it("loads one language on a banner-only page: English, the banner's strings alone", () => {
    expect(
      result.bannerOnlyFiles.filter((file) => /chunks\/(en|fr|de|es|it|nl)[.-]/.test(file)),
    ).toEqual([expect.stringMatching(/^chunks\/en\.banner-/)]);
  });

  it('loads placements and the calendar only on demand', () => {
    expect(
      result.allElementsFiles.some((file) => /chunks\/(placements|calendar)-/.test(file)),
    ).toBe(false);
  });
});
