import { describe, expect, it } from 'vitest';
import { AA_NORMAL_TEXT, contrastRatio, luminance, toHex, type Rgba } from './colors.js';

const rgb = (r: number, g: number, b: number, a = 1): Rgba => ({ r, g, b, a });
const white = rgb(255, 255, 255);
const black = rgb(0, 0, 0);

// parseCssColor needs a canvas: the browser test of the Shop & look section covers it.
describe('colours: what the theme’s contrast warning computes', () => {
  it('gives WCAG’s extremes: 21:1 for black on white, 1:1 for a colour on itself', () => {
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb(26, 107, 76), rgb(26, 107, 76))).toBeCloseTo(1, 5);
    expect(luminance(white)).toBeCloseTo(1, 5);
  });

  it('warns for the light grey text the merchant tried, not for the page’s own accent', () => {
    expect(contrastRatio(rgb(0x9a, 0xa3, 0x9e), white)).toBeLessThan(AA_NORMAL_TEXT);
    expect(contrastRatio(rgb(0x1a, 0x6b, 0x4c), white)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it('puts a see-through background on white before measuring', () => {
    // Half-transparent black reads as mid grey: the ratio sits between the opaque extremes.
    const ratio = contrastRatio(black, rgb(0, 0, 0, 0.5));
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(21);
    expect(contrastRatio(black, rgb(0, 0, 0, 0))).toBeCloseTo(21, 5);
  });

  it('writes the hex an <input type="color"> takes', () => {
    expect(toHex(rgb(26, 107, 76))).toBe('#1a6b4c');
    expect(toHex(rgb(0.4, 254.6, 9))).toBe('#00ff09');
  });
});
