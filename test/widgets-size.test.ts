import { describe, expect, it } from 'vitest';
import { runWidgetsBench, WIDGET_BUDGETS } from '../bench/widgets.bench.js';

// Runs after `npm run build` (npm test builds first); sizes are deterministic.
describe('widget bundle budgets (gzip)', () => {
  const result = runWidgetsBench(false);

  it('keeps the loader within 4 KB', () => {
    expect(result.loader).toBeLessThanOrEqual(WIDGET_BUDGETS.loader);
  });

  it('keeps all six elements and their runtime within 30 KB', () => {
    expect(result.allElements).toBeLessThanOrEqual(WIDGET_BUDGETS.allElements);
  });

  it('loads only the banner chunk and shared chunks on a banner-only page', () => {
    expect(result.pass.bannerOnly).toBe(true);
    expect(result.bannerOnlyFiles.some((file) => file.includes('absence-banner'))).toBe(true);
  });
});
