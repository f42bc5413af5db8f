import { HEIGHTS_KEY, heightKey, type Heights } from './height-key.js';
import { readStorage, writeStorage } from './storage.js';

/** Heights kept per browser: the most recent win (a shop has few pages and widths). */
const MAX_ENTRIES = 120;
/** A reservation the element never grows into is dropped this long after it was made. */
export const HOLD_MS = 4000;
/** Only heights settled while the page loads are remembered (not after a click, nor later). */
const REMEMBER_MS = 8000;

let pageHadInput = false;
if (typeof addEventListener === 'function') {
  for (const type of ['pointerdown', 'keydown'])
    addEventListener(type, () => (pageHadInput = true), { capture: true, once: true });
}

/**
 * Called after each render: keeps the height the loader reserved (`data-comptoir-reserved`
 * holds when) until the element's own content fills it (a first render before the cart or
 * config arrives must not shrink the page and grow it back), then drops it; a reservation the
 * content never fills goes after `HOLD_MS`. Then remembers the height the element settled at
 * while the page loaded, for the next visit.
 */
export function releaseReservation(element: HTMLElement): void {
  if (!element.isConnected) return;
  const since = element.dataset.comptoirReserved;
  if (since !== undefined) {
    const reserved = element.style.minBlockSize;
    // Measured without the reservation; restored in the same task, so no frame sees the change.
    element.style.minBlockSize = '';
    const natural = element.getBoundingClientRect().height;
    const left = HOLD_MS - (performance.now() - Number(since));
    if (natural + 0.5 < parseFloat(reserved) && left > 0) {
      element.style.minBlockSize = reserved;
      setTimeout(() => releaseReservation(element), left + 50);
      return;
    }
    element.style.display = '';
    delete element.dataset.comptoirReserved;
  }
  rememberHeight(element);
}

/** Writes the element's height for the next visit, while the page is still settling. */
function rememberHeight(element: HTMLElement): void {
  if (element.hasAttribute('data-no-reserve') || pageHadInput) return;
  if (performance.now() > REMEMBER_MS) return;
  // Read afresh each time: other tabs of the shop (and other copies of the widgets) write it too,
  // and a copy kept in memory would overwrite their heights with stale ones.
  const heights = readStorage<Heights>(HEIGHTS_KEY) ?? {};
  const key = heightKey(element);
  const height = Math.round(element.getBoundingClientRect().height);
  if (heights[key] === height) return;
  delete heights[key];
  heights[key] = height;
  writeHeights(heights);
}

/**
 * After the shopper dismissed what the element showed (a dismissal is remembered, so the next
 * visits show what is left, often nothing): its new height replaces the one remembered for its
 * tag on every page at this width, and those at other widths are forgotten, so no page keeps a
 * gap for a dismissed banner that closes seconds later.
 */
export function rememberDismissal(element: HTMLElement): void {
  if (element.hasAttribute('data-no-reserve')) return;
  const heights = readStorage<Heights>(HEIGHTS_KEY) ?? {};
  const height = Math.round(element.getBoundingClientRect().height);
  for (const key of Object.keys(heights)) {
    const [, width, tag] = key.split('|');
    if (tag !== element.localName) continue;
    if (Number(width) === innerWidth) heights[key] = height;
    else delete heights[key];
  }
  heights[heightKey(element)] = height;
  writeHeights(heights);
}

function writeHeights(heights: Heights): void {
  const keys = Object.keys(heights);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete heights[old];
  writeStorage(HEIGHTS_KEY, heights);
}
