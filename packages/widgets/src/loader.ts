/**
 * `embed.js`: the script-tag entry. Reads `data-shop`, `data-key`, optional `data-api` and
 * `data-cart` (`shopify`, `woocommerce`, `none`; detected by default) from its own script tag,
 * renders from the cached config at once and refreshes it, imports only the elements on the page
 * (and those added later), places the merchant's configured elements by CSS selector, and exposes
 * `window.comptoir`. Included twice, the second copy does nothing. Nothing here throws into the page.
 */
import type { Cart } from '@comptoir/sdk/schemas';
import { listenForCartEvents, setCart } from './cart/store.js';
import { cartReaders, elementModules, elementStrings } from './elements.js';
import { loadTranslation, pickLocale } from './internal/locale.js';
import { configure } from './internal/remote-config.js';
import { reserveSpace } from './internal/reserve.js';
import { readStorage } from './internal/storage.js';
import { notify, state, subscribe, warnOnce, type ApiTarget } from './internal/state.js';

/** The version of the widgets, as `window.comptoir.version` reports it. */
export const VERSION = '0.1.0';

/** `window.comptoir`. */
export interface ComptoirGlobal {
  version: string;
  /** Resolves when the config (cached or fresh) is in place and the page's elements are loaded. */
  ready: Promise<void>;
  setCart(cart: Cart | null): void;
  configure(target: Partial<ApiTarget>): Promise<void>;
}

declare global {
  interface Window {
    comptoir?: ComptoirGlobal;
  }
}

const requested = new Set<string>();

/** The script tag's `data-cart` (read by `boot`). */
let cartKind: string | undefined;
let cartAdapter: Promise<void> | undefined;

/** Starts the page's cart adapter, once: where it is needed (see `cartReaders`). */
function startCart(): void {
  cartAdapter ??= startCartAdapter(cartKind).catch((error: unknown) =>
    warnOnce('cart-adapter', 'the cart adapter failed', error),
  );
}

/** Imports the module of every undefined Comptoir element under `root`. */
export function loadElements(root: ParentNode = document): Promise<unknown> {
  const pending: Promise<unknown>[] = [];
  const consider = (element: Element) => {
    const tag = element.localName;
    const load = elementModules[tag];
    if (!load || requested.has(tag) || customElements.get(tag)) return;
    requested.add(tag);
    if (cartReaders.has(tag)) startCart();
    // The element's strings beside its code (it holds its first render until they are here, so
    // it renders in its language at once).
    const locale = pickLocale([
      element.closest('[lang]')?.getAttribute('lang'),
      document.documentElement.lang,
      state.config?.defaultLocale,
    ]);
    pending.push(
      Promise.all([loadTranslation(locale, elementStrings[tag]), load()]).catch((error: unknown) =>
        warnOnce(`load-${tag}`, `could not load ${tag}`, error),
      ),
    );
  };
  reserveSpace(root);
  if (root instanceof Element) consider(root);
  for (const element of root.querySelectorAll(':not(:defined)')) consider(element);
  return Promise.all(pending);
}

let placements: Promise<typeof import('./placements.js')> | undefined;

/**
 * Inserts the elements the config places by CSS selector (see `placements.ts`, loaded only for a
 * config that has placements), then loads their code.
 */
export function place(): void {
  if (!state.config?.placements?.length) return;
  void (placements ??= import('./placements.js'))
    .then(({ applyPlacements }) => {
      if (applyPlacements(state.config?.placements ?? [])) void loadElements();
    })
    .catch((error: unknown) => warnOnce('placements', 'could not place the elements', error));
}

function ownScript(): HTMLScriptElement | undefined {
  const url = import.meta.url;
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (script) => script.src === url || script.src.split(/[?#]/)[0] === url.split(/[?#]/)[0],
  );
}

/**
 * A recovery email's restore link (`?comptoir-restore=`): merged into this device's cart, never
 * overwriting it (cart/restore.ts), by the platform's adapter or by the shop itself.
 */
function isRestoring(): boolean {
  return new URLSearchParams(location.search).has('comptoir-restore');
}

/** The page a platform restore reloaded (cart/restore-notice.ts): the shopper hears what it did. */
function showRestoreNotice(): void {
  try {
    if (sessionStorage.getItem('comptoir:restore-notice') !== null)
      void import('./cart/restore-notice.js').then((notice) => notice.showLeftNotice());
  } catch {
    // No session storage (a sandboxed frame): no restore reloaded this page.
  }
}

/** A cart saved in this browser follows every change from any page (cart/sync.ts): it needs the adapter. */
function startCartIfSaved(): void {
  if (readStorage(`comptoir:captured:${state.api?.shop}`)) startCart();
}

async function startCartAdapter(kind: string | undefined): Promise<void> {
  const w = window as unknown as { Shopify?: unknown; wc?: unknown; wcSettings?: unknown };
  const detected =
    kind ??
    (w.Shopify
      ? 'shopify'
      : w.wcSettings || w.wc || document.body?.classList.contains('woocommerce')
        ? 'woocommerce'
        : 'none');
  const restoring = isRestoring();
  if (detected === 'shopify') {
    await (await import('./cart/shopify.js')).startShopifyAdapter();
    if (restoring) await (await import('./cart/restore-shopify.js')).restoreShopifyCart();
  } else if (detected === 'woocommerce') {
    await (await import('./cart/woocommerce.js')).startWooCommerceAdapter();
    if (restoring) await (await import('./cart/restore-woocommerce.js')).restoreWooCommerceCart();
  } else if (restoring) await (await import('./cart/restore.js')).offerRestore();
}

/** Boots the loader once per page; returns the `window.comptoir` in place. */
export function boot(
  script: HTMLScriptElement | undefined = ownScript(),
): ComptoirGlobal | undefined {
  try {
    if (window.comptoir) return window.comptoir;
    listenForCartEvents();
    const data = script?.dataset ?? {};
    cartKind = data.cart;
    let resolveReady!: () => void;
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    const api: ComptoirGlobal = {
      version: VERSION,
      ready,
      setCart,
      configure: (target) => {
        const full: ApiTarget = {
          shop: target.shop ?? state.api?.shop ?? '',
          key: target.key ?? state.api?.key ?? '',
          apiUrl: target.apiUrl ?? state.api?.apiUrl ?? new URL(import.meta.url).origin,
        };
        const configured = configure(full);
        startCartIfSaved();
        return configured.then(place);
      },
    };
    window.comptoir = api;
    let observerQueued = false;
    new MutationObserver(() => {
      if (observerQueued) return;
      observerQueued = true;
      requestAnimationFrame(() => {
        observerQueued = false;
        void loadElements();
        place();
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
    subscribe(place);
    const started =
      data.shop && data.key
        ? api.configure({
            shop: data.shop,
            key: data.key,
            apiUrl: data.api ?? new URL(import.meta.url).origin,
          })
        : Promise.resolve();
    showRestoreNotice();
    if (isRestoring()) startCart();
    void started
      .then(() => {
        place();
        return loadElements();
      })
      .catch((error: unknown) => warnOnce('boot', 'the loader failed', error))
      .finally(() => {
        notify();
        resolveReady();
      });
    void loadElements();
    return api;
  } catch (error) {
    warnOnce('boot', 'the loader failed', error);
    return undefined;
  }
}

if (ownScript()) boot();
