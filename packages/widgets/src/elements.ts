import type { StringSet } from './translations/translation.js';

/**
 * Each element's module, imported on demand by the loader (one chunk per element). The loader reads
 * nothing from it (the module defines its element): `.then(() => undefined)` tells the bundler so,
 * and the chunks carry no exports.
 */
export const elementModules: Record<string, () => Promise<unknown>> = {
  'comptoir-absence-banner': () =>
    import('./components/absence-banner/absence-banner.js').then(() => undefined),
  'comptoir-free-shipping': () =>
    import('./components/free-shipping/free-shipping.js').then(() => undefined),
  'comptoir-shipping-cutoff': () =>
    import('./components/shipping-cutoff/shipping-cutoff.js').then(() => undefined),
  'comptoir-holiday-deadline': () =>
    import('./components/holiday-deadline/holiday-deadline.js').then(() => undefined),
  'comptoir-faq': () => import('./components/faq/faq.js').then(() => undefined),
  'comptoir-cart-capture': () =>
    import('./components/cart-capture/cart-capture.js').then(() => undefined),
  'comptoir-announcement-bar': () =>
    import('./components/announcement-bar/announcement-bar.js').then(() => undefined),
};

/** The strings an element needs before it renders (see `ComptoirElement.strings`): all, but the banner's. */
export const elementStrings: Record<string, StringSet | undefined> = {
  'comptoir-absence-banner': 'banner',
};

/**
 * The elements that read the cart: the platform's cart adapter starts when one is on the page (or
 * when this browser saved a cart the sync keeps up to date), so a page with only the banner, the
 * FAQ or the announcement bar loads none.
 */
export const cartReaders = new Set([
  'comptoir-free-shipping',
  'comptoir-shipping-cutoff',
  'comptoir-holiday-deadline',
  'comptoir-cart-capture',
]);
