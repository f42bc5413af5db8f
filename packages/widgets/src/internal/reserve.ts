import { readStorage, writeStorage } from './storage.js';

const KEY = 'comptoir:heights';

/**
 * Remembers an element's rendered height for the next visit, so the loader can reserve it
 * before the element's code arrives (no layout shift with a warm cache).
 */
export function rememberHeight(element: HTMLElement): void {
  if (!element.isConnected || element.hasAttribute('data-no-reserve')) return;
  // Read afresh each time: other tabs of the shop (and other copies of the widgets) write it too,
  // and a copy kept in memory would overwrite their heights with stale ones.
  const heights = readStorage<Record<string, number>>(KEY) ?? {};
  const height = Math.round(element.getBoundingClientRect().height);
  if (heights[element.localName] === height) return;
  heights[element.localName] = height;
  writeStorage(KEY, heights);
}

/**
 * Reserves the remembered height of every Comptoir element that is not defined yet, with one
 * `<style>` in the document head. Called by the loader before it imports anything.
 */
export function reserveSpace(): void {
  const known = readStorage<Record<string, number>>(KEY);
  if (!known) return;
  const rules = Object.entries(known)
    .filter(([tag, height]) => /^comptoir-[a-z-]+$/.test(tag) && height > 0 && height < 2000)
    .map(([tag, height]) => `${tag}:not(:defined){display:block;min-block-size:${height}px}`)
    .join('');
  if (!rules) return;
  const style = document.createElement('style');
  style.dataset.comptoirReserve = '';
  style.textContent = rules;
  document.head.append(style);
}
