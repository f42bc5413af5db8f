import { loadTranslation, loadedTranslation, pickLocale } from '../internal/locale.js';
import { state } from '../internal/state.js';
import { endOnce } from '../internal/localize.js';
import type { RestoreMerge } from './restore.js';

// Loaded only after a restore link on Shopify or WooCommerce (or the reload that follows it): the
// shopper is told what the restore did, in the page's language.

/** Where a restore that reloads the page leaves its notice for the next page (this tab only). */
export const RESTORE_NOTICE_KEY = 'comptoir:restore-notice';

/** Shows "we kept your newer cart and added your saved items" (or "your saved cart is here"). */
export async function showRestoreNotice(keptNewer: boolean): Promise<HTMLElement> {
  const locale = pickLocale([document.documentElement.lang, state.config?.defaultLocale]);
  await loadTranslation(locale);
  const key = keptNewer ? 'restoreKeptNewer' : 'restoreDone';
  const strings = loadedTranslation(locale) ?? loadedTranslation('en');
  const text = (k: 'restoreKeptNewer' | 'restoreDone' | 'dismiss') =>
    endOnce(state.config?.strings?.[locale]?.[k] ?? strings?.[k] ?? '');
  document.querySelector('[data-comptoir-restore-notice]')?.remove();
  const host = document.createElement('div');
  host.dataset.comptoirRestoreNotice = key;
  host.lang = locale;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>
    .notice { position: fixed; inset-inline: 1rem; inset-block-end: 1rem; z-index: 2147483000;
      margin-inline: auto; max-inline-size: 32rem; display: flex; gap: 0.75rem; align-items: start;
      padding: 0.75rem 1rem; border-radius: 0.5rem; font: 1rem/1.4 system-ui, sans-serif;
      color: CanvasText; background: Canvas; border: 1px solid; box-shadow: 0 0.25rem 1rem #0003; }
    p { margin: 0; flex: 1; }
    button { font: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }
  </style><div class="notice"><p role="status"></p><button type="button"></button></div>`;
  const button = root.querySelector('button')!;
  button.textContent = text('dismiss');
  button.addEventListener('click', () => host.remove());
  document.body.append(host);
  // Filled once in the document, so screen readers announce the live region's new text.
  requestAnimationFrame(() => (root.querySelector('[role=status]')!.textContent = text(key)));
  return host;
}

/**
 * Ends a restore the loader applied through a platform's cart API: dispatches
 * `comptoir:cart-restored` (cancelable: a page that shows the new cart and says so itself calls
 * `preventDefault()`). Otherwise, when lines were added or raised, the page reloads once so a cart
 * rendered by the server shows them (the restore parameters are already gone from the address),
 * and the notice shows on the reloaded page; else it shows now.
 */
export async function finishRestore(merge: RestoreMerge): Promise<void> {
  const event = new CustomEvent('comptoir:cart-restored', { detail: merge, cancelable: true });
  document.dispatchEvent(event);
  if (event.defaultPrevented) return;
  if (merge.raise.length > 0) {
    try {
      sessionStorage.setItem(RESTORE_NOTICE_KEY, merge.keptNewer ? 'kept-newer' : 'restored');
      location.reload();
      return;
    } catch {
      // No session storage: say it on this page (a server-rendered cart shows it on the next).
    }
  }
  await showRestoreNotice(merge.keptNewer);
}

/** After the reload `finishRestore` asked for: shows the notice it left, once. */
export async function showLeftNotice(): Promise<void> {
  let left: string | null = null;
  try {
    left = sessionStorage.getItem(RESTORE_NOTICE_KEY);
    sessionStorage.removeItem(RESTORE_NOTICE_KEY);
  } catch {
    return;
  }
  if (left === null) return;
  if (document.readyState === 'loading')
    await new Promise((resolve) =>
      document.addEventListener('DOMContentLoaded', resolve, { once: true }),
    );
  await showRestoreNotice(left === 'kept-newer');
}
