import { expect, fixture, html } from '@open-wc/testing';
import { setCart } from '../cart/store.js';
import '../components/free-shipping/free-shipping.js';
import '../components/holiday-deadline/holiday-deadline.js';
import '../components/shipping-cutoff/shipping-cutoff.js';
import { makeCart, makeConfig, resetState, shadowText } from '../testing/fixtures.js';

// A gift card is sent by email: its page and a cart of gift cards only show no parcel widgets.
describe('products and pages that do not ship', () => {
  beforeEach(() => resetState());

  const config = (paths: string[] = []) =>
    makeConfig({
      now: '2025-12-10T09:00:00Z',
      holidayEvents: [{ id: 'christmas', name: 'Christmas', deliverBy: '2025-12-24' }],
      shippingExclusions: { productIds: ['gift-card'], paths },
    });
  const page = async (productId: string, paths?: string[]) => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <comptoir-shipping-cutoff
          product-id=${productId}
          .config=${config(paths)}
        ></comptoir-shipping-cutoff>
        <comptoir-holiday-deadline
          product-id=${productId}
          .config=${config(paths)}
        ></comptoir-holiday-deadline>
        <comptoir-free-shipping
          product-id=${productId}
          .config=${config(paths)}
        ></comptoir-free-shipping>
      </div>`,
    );
    const elements = [...root.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    await Promise.all(elements.map((element) => element.updateComplete));
    return elements.map((element) => shadowText(element));
  };
  const gift = {
    id: 'g1',
    productId: 'gift-card',
    title: 'Gift card',
    quantity: 1,
    unitPrice: 5000,
  };

  it("shows nothing on a gift card's page, and the usual widgets on a mug's", async () => {
    setCart(makeCart(1000));
    expect(await page('gift-card')).to.deep.equal(['', '', '']);
    const mug = await page('stoneware-mug');
    expect(mug[0]).to.match(/Order within .* to ship today/);
    expect(mug[1]).to.contain('for delivery before Christmas');
    expect(mug[2]).to.contain('Add €40.00 for free shipping');
  });

  it('shows nothing for a cart of gift cards only, and the widgets again once a parcel joins it', async () => {
    setCart({ currency: 'EUR', subtotal: 5000, items: [gift] });
    const root = await fixture<HTMLElement>(
      html`<div>
        <comptoir-shipping-cutoff .config=${config()}></comptoir-shipping-cutoff>
        <comptoir-free-shipping .config=${config()}></comptoir-free-shipping>
      </div>`,
    );
    const elements = [...root.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    const texts = async () => {
      await Promise.all(elements.map((element) => element.updateComplete));
      return elements.map((element) => shadowText(element));
    };
    expect(await texts()).to.deep.equal(['', '']);
    // The same elements follow the cart live: a mug joins the gift card.
    setCart({
      currency: 'EUR',
      subtotal: 6000,
      items: [gift, { id: 'm1', productId: 'mug', title: 'Mug', quantity: 1, unitPrice: 1000 }],
    });
    const [cutoff, freeShipping] = await texts();
    expect(cutoff).to.match(/to ship today/);
    expect(freeShipping).to.contain('for free shipping');
  });

  describe('on an excluded page path', () => {
    const original = location.href;
    afterEach(() => history.replaceState(null, '', original));

    it('shows nothing under a prefix pattern, and the widgets on a page it does not cover', async () => {
      setCart(makeCart(1000));
      history.replaceState(null, '', '/gift-cards/birthday');
      expect(await page('', ['/gift-cards/*'])).to.deep.equal(['', '', '']);
      // An exact pattern is not a prefix: /gift-cards does not cover /gift-cards/birthday.
      const shown = await page('', ['/gift-cards']);
      expect(shown[0]).to.match(/to ship today/);
      expect(shown[2]).to.contain('for free shipping');
      history.replaceState(null, '', '/gift-cards');
      expect(await page('', ['/gift-cards'])).to.deep.equal(['', '', '']);
    });
  });
});
