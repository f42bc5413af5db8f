import { nothing } from 'lit/html.js';
import type { PropertyDeclarations } from './updating-element.js';
import { ComptoirElement } from './comptoir-element.js';
import { shippingExcluded } from './ships.js';
// These elements read the cart: with them, carts are checked and applied (see `setCart`).
import '../cart/validate.js';

/**
 * The base of the elements about parcels (shipping cutoff, holiday deadline, free shipping): they
 * render nothing where nothing ships (`config.shippingExclusions`), on the page of the product
 * given by `product-id`, on an excluded path, or for a cart of such products only.
 */
export class ShippingElement extends ComptoirElement {
  static override properties: PropertyDeclarations = {
    productId: { attribute: 'product-id' },
  };

  /** The product this page shows: nothing for one that does not ship (`shippingExclusions`). */
  declare productId?: string;

  protected override render(): unknown {
    return shippingExcluded(this.shopConfig, this.productId, this.cart) ? nothing : super.render();
  }
}
