/** A span of instants over which a time zone keeps one UTC offset. */
interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
}

/**
 * Time zones never change their offset twice within this many milliseconds (28 hours), so two
 * readings of the same offset this close together have no change between them.
 */
export const SINGLE_CHANGE_WINDOW_MS = 28 * 3_600_000;

// Readings scattered over years start as many spans; bridged ones merge into about two a year.
const MAX_SPANS_PER_ZONE = 512;

// Per zone, disjoint spans sorted by `from`.
const spansByZone = new Map<string, OffsetSpan[]>();

/** The offset of `timeZone` at an instant, when earlier readings already establish it. */
export function knownOffset(timeZone: string, epochMs: number): number | undefined {
  const spans = spansByZone.get(timeZone);
  if (spans === undefined) return undefined;
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as OffsetSpan;
    if (epochMs < span.from) high = middle - 1;
    else if (epochMs > span.to) low = middle + 1;
    else return span.offset;
  }
  return undefined;
}

/**
 * Records that `timeZone` had `offset` at an instant read from Intl, merging it with the spans
 * of the same offset within the single-change window; a contradiction forgets the zone.
 */
export function learnOffset(timeZone: string, epochMs: number, offset: number): void {
  const spans = spansByZone.get(timeZone) ?? [];
  let merged: OffsetSpan = { from: epochMs, to: epochMs, offset };
  const kept: OffsetSpan[] = [];
  for (const span of spans) {
    const gap = Math.max(span.from - merged.to, merged.from - span.to);
    if (span.offset === offset && gap <= SINGLE_CHANGE_WINDOW_MS) {
      merged = { from: Math.min(span.from, merged.from), to: Math.max(span.to, merged.to), offset };
    } else {
      kept.push(span);
    }
  }
  const overlapping = kept.some((span) => span.from <= merged.to && merged.from <= span.to);
  if (overlapping || kept.length >= MAX_SPANS_PER_ZONE) {
    spansByZone.delete(timeZone);
    return;
  }
  let index = 0;
  while (index < kept.length && (kept[index] as OffsetSpan).from < merged.from) index++;
  kept.splice(index, 0, merged);
  spansByZone.set(timeZone, kept);
}

/** Forgets every learned offset, so that the next readings go to Intl again (for benchmarks). */
export function forgetOffsets(): void {
  spansByZone.clear();
}
