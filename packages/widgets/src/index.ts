/**
 * `@comptoir/widgets`: all seven elements (registered on import), the cart store and adapters, and
 * `configure()` for bundlers. Each element is also on its own path, e.g.
 * `@comptoir/widgets/free-shipping`.
 */
import type { ApiTarget } from './internal/state.js';
import { configure as configureShop } from './internal/remote-config.js';
import { listenForCartEvents } from './cart/store.js';
// `getCart()` and `onCartChange()` read the cart: with the package, carts are checked at once.
import './cart/validate.js';

export * from './components/absence-banner/absence-banner.js';
export * from './components/free-shipping/free-shipping.js';
export * from './components/shipping-cutoff/shipping-cutoff.js';
export * from './components/holiday-deadline/holiday-deadline.js';
export * from './components/faq/faq.js';
export * from './components/cart-capture/cart-capture.js';
export * from './components/announcement-bar/announcement-bar.js';
export { ComptoirElement } from './internal/comptoir-element.js';
export { setCart, getCart, onCartChange } from './cart/store.js';
export { startShopifyAdapter, fromShopifyCart } from './cart/shopify.js';
export { restoreShopifyCart } from './cart/restore-shopify.js';
export { restoreWooCommerceCart } from './cart/restore-woocommerce.js';
export { startWooCommerceAdapter, fromWooCommerceCart } from './cart/woocommerce.js';
export {
  mergeRestoredCart,
  offerRestore,
  parseRestoreItems,
  takeRestoreLink,
  type CartRestoreRequest,
  type RestoreLine,
  type RestoreMerge,
} from './cart/restore.js';
export { setConfig } from './internal/state.js';
export type { ApiTarget } from './internal/state.js';
export type { Translation } from './translations/index.js';

/**
 * Points every element at a shop's published config (cached in localStorage, refreshed in the
 * background): `configure({ shop: 'shp_…', key: 'pk_…', apiUrl: 'https://api.example' })`.
 */
export function configure(target: ApiTarget): Promise<void> {
  listenForCartEvents();
  return configureShop(target);
}
