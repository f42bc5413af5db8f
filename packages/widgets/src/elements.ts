/** Each element's module, imported on demand by the loader (one chunk per element). */
export const elementModules: Record<string, () => Promise<unknown>> = {
  'comptoir-absence-banner': () => import('./components/absence-banner/absence-banner.js'),
  'comptoir-free-shipping': () => import('./components/free-shipping/free-shipping.js'),
  'comptoir-shipping-cutoff': () => import('./components/shipping-cutoff/shipping-cutoff.js'),
  'comptoir-holiday-deadline': () => import('./components/holiday-deadline/holiday-deadline.js'),
  'comptoir-faq': () => import('./components/faq/faq.js'),
  'comptoir-cart-capture': () => import('./components/cart-capture/cart-capture.js'),
  'comptoir-announcement-bar': () => import('./components/announcement-bar/announcement-bar.js'),
};
