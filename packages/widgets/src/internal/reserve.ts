import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { HEIGHTS_KEY, heightKey, type Heights } from './height-key.js';
import { state } from './state.js';
import { readStorage } from './storage.js';

/** An element whose code never comes (blocked, offline) gives its space back after this. */
const GIVE_BACK_MS = 8000;

/**
 * Whether the cached config says this element will render nothing (no absence, no holiday
 * event, no question, no free-shipping rule), or the capture has a saved cart: then no space is
 * reserved, history or not.
 */
function rendersNothing(tag: string, config: PublishedConfig | undefined): boolean {
  // The capture hides once this browser saved the cart (see cart/capture-memory.ts): the height
  // it had before would stay as an empty box until the reservation times out.
  if (tag === 'comptoir-cart-capture' && readStorage(`comptoir:captured:${state.api?.shop}`))
    return true;
  if (!config) return false;
  const empty: Record<string, unknown[] | undefined> = {
    'comptoir-absence-banner': config.calendar?.absences,
    'comptoir-holiday-deadline': config.holidayEvents,
    'comptoir-faq': config.faq,
    'comptoir-free-shipping': config.freeShipping?.rules,
    'comptoir-announcement-bar': config.announcements?.messages ?? [],
  };
  return tag in empty && !empty[tag]?.length;
}

/**
 * The height to reserve for an element not rendered yet: what it measured on this page at this
 * viewport width and place; else, with no such history, the same page and place at the nearest
 * width, then the same widget at this width on another page; none when the cached config says
 * it renders nothing.
 */
export function expectedHeight(element: HTMLElement, heights: Heights): number | undefined {
  if (rendersNothing(element.localName, state.config)) return 0;
  const key = heightKey(element);
  if (heights[key] !== undefined) return heights[key];
  const [path, , tag, slot] = key.split('|');
  let nearest: { distance: number; height: number } | undefined;
  let sameWidth: number | undefined;
  for (const [other, height] of Object.entries(heights)) {
    const [otherPath, otherWidth, otherTag, otherSlot] = other.split('|');
    if (otherTag !== tag) continue;
    if (otherPath === path && otherSlot === slot) {
      const distance = Math.abs(Number(otherWidth) - innerWidth);
      if (!nearest || distance < nearest.distance) nearest = { distance, height };
    } else if (Number(otherWidth) === innerWidth) sameWidth = height;
  }
  return nearest?.height ?? sameWidth;
}

/**
 * Reserves the expected height of every Comptoir element under `root` that is not defined yet,
 * as an inline `min-block-size` the element drops once it has grown into it (see
 * `releaseReservation`). Called by the loader before the elements' code arrives, and for each
 * element added later (placements, a theme's re-render).
 */
export function reserveSpace(root: ParentNode = document): void {
  const heights = readStorage<Heights>(HEIGHTS_KEY) ?? {};
  let reserved = false;
  for (const element of root.querySelectorAll<HTMLElement>(':not(:defined)')) {
    if (!/^comptoir-[a-z-]+$/.test(element.localName)) continue;
    if (element.dataset.comptoirReserved !== undefined) continue;
    if (element.hasAttribute('data-no-reserve') || element.hidden) continue;
    const height = expectedHeight(element, heights);
    if (!height || height <= 0 || height >= 2000) continue;
    element.dataset.comptoirReserved = String(Math.round(performance.now()));
    // An undefined element is inline, where a minimum height does nothing; the element's own
    // `:host` display takes over once the reservation goes.
    element.style.display = 'block';
    element.style.minBlockSize = `${height}px`;
    reserved = true;
  }
  if (!reserved) return;
  setTimeout(() => {
    for (const element of root.querySelectorAll<HTMLElement>(
      '[data-comptoir-reserved]:not(:defined)',
    )) {
      element.style.minBlockSize = element.style.display = '';
      delete element.dataset.comptoirReserved;
    }
  }, GIVE_BACK_MS);
}
