import { describe, expect, it } from 'vitest';
import { runWidgetsBench, WIDGET_BUDGETS } from '../bench/widgets.bench.js';

// Runs after `npm run build` (npm test builds first); sizes are deterministic.
describe('widget bundle budgets (gzip)', () => {
  const result = runWidgetsBench(false);

  it('keeps the loader within 4 KB', () => {
    expect(result.loader).toBeLessThanOrEqual(WIDGET_BUDGETS.loader);
  });

  // What a page with DESIGN's six elements downloads as it loads, one non-English language included.
  it('keeps the six elements and their runtime within 30 KB', () => {
    expect(result.sixElements).toBeLessThanOrEqual(WIDGET_BUDGETS.allElements);
  });

  // With the seventh element (the announcement bar, 2.1 KB) all seven measured 30.7 KB when it
  // landed, 32.0 KB after the capture and banner changes that followed: over the 30 KB budget,
  // said so in issue 14. This guard keeps it from growing further while the runtime is split.
  it('keeps all seven elements within 32.5 KB (over the 30 KB budget, see issue 14)', () => {
    expect(result.allElements).toBeLessThanOrEqual(32.5 * 1024);
  });

  // @floating-ui/dom (about 6 KB) comes only when an anchored popover opens. With it the worst
  // case measured 33.5 KB with six elements, 36.5 KB with the seventh (announcement bar), 37.6 KB
  // after the capture changes: it must not grow past 38 KB (the 30 KB budget above is DESIGN's;
  // this keeps the on-demand part honest).
  it('loads popover anchoring on demand only, and keeps the worst case under 38 KB', () => {
    expect(result.allElementsFiles.some((file) => /floating|position/.test(file))).toBe(false);
    expect(result.popoverOnDemand).toBeGreaterThan(0);
    expect(result.allElements + result.popoverOnDemand).toBeLessThanOrEqual(38 * 1024);
  });

  it('loads only the banner chunk and shared chunks on a banner-only page', () => {
    expect(result.pass.bannerOnly).toBe(true);
    expect(result.bannerOnlyFiles.some((file) => file.includes('absence-banner'))).toBe(true);
  });

  it('counts one language in the all-six figure, and no adapter', () => {
    expect(
      result.allElementsFiles.filter((file) => /chunks\/(fr|de|es|it|nl)-/.test(file)),
    ).toHaveLength(1);
    expect(result.allElementsFiles.some((file) => /shopify|woocommerce/.test(file))).toBe(false);
  });

  it('loads only English with the runtime (other languages are separate chunks)', () => {
    expect(result.loader).toBeLessThanOrEqual(WIDGET_BUDGETS.loader);
    expect(result.bannerOnlyFiles.some((file) => /chunks\/(fr|de|es|it|nl)-/.test(file))).toBe(
      false,
    );
  });
});
