/** An sRGB colour, 0–255 per channel, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

let probe: CanvasRenderingContext2D | null | undefined;

/**
 * Reads any CSS colour the browser understands (hex, rgb(), hsl(), named) through a canvas, which
 * normalises it to `#rrggbb` or `rgba(…)`. Undefined when the browser does not know the colour.
 */
export function parseCssColor(value: string | undefined): Rgba | undefined {
  if (!value?.trim()) return undefined;
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return undefined;
  // Two different sentinels: an unknown colour leaves each one in place.
  probe.fillStyle = '#010203';
  probe.fillStyle = value;
  const first = probe.fillStyle;
  probe.fillStyle = '#030201';
  probe.fillStyle = value;
  if (probe.fillStyle !== first) return undefined;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(first);
  if (hex)
    return { r: parseInt(hex[1]!, 16), g: parseInt(hex[2]!, 16), b: parseInt(hex[3]!, 16), a: 1 };
  const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(first);
  if (rgba)
    return {
      r: Number(rgba[1]),
      g: Number(rgba[2]),
      b: Number(rgba[3]),
      a: rgba[4] === undefined ? 1 : Number(rgba[4]),
    };
  return undefined;
}

/** `#rrggbb` for an opaque colour (what `<input type="color">` takes). */
export function toHex(color: Rgba): string {
  return `#${[color.r, color.g, color.b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance. */
export function luminance(color: Rgba): number {
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/** `over` composited on an opaque `under`. */
function flatten(over: Rgba, under: Rgba): Rgba {
  const a = over.a;
  return {
    r: over.r * a + under.r * (1 - a),
    g: over.g * a + under.g * (1 - a),
    b: over.b * a + under.b * (1 - a),
    a: 1,
  };
}

/** WCAG 2 contrast ratio (1–21) of a foreground on a background; a see-through background sits on white. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const white: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  const back = flatten(background, white);
  const front = flatten(foreground, back);
  const [light, dark] = [luminance(front), luminance(back)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const AA_NORMAL_TEXT = 4.5;
