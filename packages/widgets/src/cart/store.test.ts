import { expect } from '@open-wc/testing';
import { state, subscribe } from '../internal/state.js';
import { captureWarnings, makeCart, resetState } from '../testing/fixtures.js';
import { getCart, setCart } from './store.js';

// This file loads the store without the cart check (cart/validate.ts), as the loader does on a
// page with only the banner: carts wait, and the check, once loaded, applies the latest one.
describe('the cart store before and after its check loads', () => {
  before(() => resetState());

  it('keeps the latest cart waiting, then checks and applies it when the check loads', async () => {
    const warnings = captureWarnings();
    let changes = 0;
    const unsubscribe = subscribe(() => changes++);
    try {
      setCart({ currency: 'euro' } as never);
      setCart(makeCart(1200));
      expect(getCart()).to.equal(null);
      expect(changes).to.equal(0);
      // `null` is applied at once and drops what waited.
      setCart(null);
      expect(changes).to.equal(1);
      setCart({ ...makeCart(900), currency: 'euro' });
      setCart(makeCart(2500));
      await import('./validate.js');
      expect(getCart()).to.deep.include({ subtotal: 2500 });
      expect(changes).to.equal(2);
      // Checked as they are set from now on: a malformed cart is ignored with one warning.
      setCart({ ...makeCart(900), currency: 'euro' });
      expect(state.cart?.subtotal).to.equal(2500);
      expect(warnings.calls.map((call) => String(call[0]))).to.deep.equal([
        '[comptoir] bad-cart: setCart ignored a cart: currency does not fit the Cart type',
      ]);
    } finally {
      unsubscribe();
      warnings.restore();
    }
  });
});
