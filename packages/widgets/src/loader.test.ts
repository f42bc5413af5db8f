import { expect } from '@open-wc/testing';
import { startShopifyAdapter } from './cart/shopify.js';
import { getCart } from './cart/store.js';
// These tests read the cart, as the shipping elements and the capture do: with the cart check.
import './cart/validate.js';
import { startWooCommerceAdapter } from './cart/woocommerce.js';
import { configure } from './internal/remote-config.js';
import { state } from './internal/state.js';
import { boot } from './loader.js';
import { applyPlacements } from './placements.js';
import { captureWarnings, makeConfig, resetState } from './testing/fixtures.js';

type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;
const routes = new Map<string, Route>();
const originalFetch = window.fetch;
// One fake network for the whole file: the platform endpoints and the API are the edge we do not own.
window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const route = routes.get(url.pathname);
  if (!route) return originalFetch(input, init);
  return route(url, init);
}) as typeof fetch;

describe('loader and cart adapters', () => {
  beforeEach(() => {
    resetState();
    routes.clear();
  });

  it('boots once: a second inclusion does nothing', () => {
    const first = boot(undefined);
    const second = boot(undefined);
    expect(first).to.equal(second);
    expect(window.comptoir).to.equal(first);
    expect(window.comptoir!.version).to.match(/^\d+\.\d+\.\d+/);
    expect(typeof window.comptoir!.setCart).to.equal('function');
  });

  it('renders from the cached config when the API is down', async () => {
    const cached = makeConfig({ version: 'cached-v7' });
    localStorage.setItem(
      'comptoir:config:shp_test',
      JSON.stringify({ config: cached, receivedAt: Date.now() }),
    );
    routes.set('/v1/shops/shp_test/config', () => new Response('down', { status: 503 }));
    const warnings = captureWarnings();
    try {
      await configure({ shop: 'shp_test', key: 'pk_test', apiUrl: location.origin });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(state.config?.version).to.equal('cached-v7');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });

  it('refreshes the cache in the background (stale-while-revalidate)', async () => {
    localStorage.setItem(
      'comptoir:config:shp_test',
      JSON.stringify({ config: makeConfig({ version: 'old' }), receivedAt: 0 }),
    );
    routes.set('/v1/shops/shp_test/config', () => Response.json(makeConfig({ version: 'new' })));
    await configure({ shop: 'shp_test', key: 'pk_test', apiUrl: location.origin });
    expect(state.config?.version).to.equal('old');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.config?.version).to.equal('new');
    expect(JSON.parse(localStorage.getItem('comptoir:config:shp_test')!).config.version).to.equal(
      'new',
    );
  });

  it('places elements by selector, again after the theme re-renders, within bounds', async function () {
    this.timeout(20_000);
    // Plain DOM (no fixture): fixture() waits for a frame, which a background test page may never paint.
    const page = document.createElement('div');
    page.innerHTML = '<div id="cart-total">Total</div>';
    document.body.append(page);
    const placements = [
      {
        element: 'comptoir-free-shipping' as const,
        selector: '#cart-total',
        position: 'after' as const,
        attributes: { country: 'FR' },
      },
      { element: 'comptoir-faq' as const, selector: '#missing', position: 'append' as const },
    ];
    applyPlacements(placements);
    const placed = page.querySelector('comptoir-free-shipping')!;
    expect(placed.previousElementSibling!.id).to.equal('cart-total');
    expect(placed.getAttribute('country')).to.equal('FR');
    applyPlacements(placements);
    expect(page.querySelectorAll('comptoir-free-shipping').length).to.equal(1);
    for (let i = 0; i < 30; i++) {
      page.querySelector('comptoir-free-shipping')?.remove();
      applyPlacements(placements);
    }
    expect(page.querySelectorAll('comptoir-free-shipping').length).to.equal(0); // gave up after its bound
    page.remove();
  });

  it("reads the Shopify cart and follows the theme's cart requests", async () => {
    let total = 2500;
    routes.set('/cart.js', () =>
      Response.json({
        token: 'c1?key=abc',
        currency: 'EUR',
        total_price: total,
        items: [
          {
            key: 'k1',
            id: 11,
            product_id: 7,
            title: 'Mug',
            quantity: 1,
            price: total,
            final_price: total,
            url: '/products/mug',
            image: '//cdn.example/mug.jpg',
          },
        ],
      }),
    );
    routes.set('/cart/add.js', () => {
      total = 6000;
      return Response.json({});
    });
    await startShopifyAdapter();
    expect(getCart()).to.deep.include({ id: 'c1', currency: 'EUR', subtotal: 2500 });
    expect(getCart()!.items[0]).to.deep.include({ id: 'k1', productId: '7', unitPrice: 2500 });
    const themeResponse = await window.fetch('/cart/add.js', { method: 'POST', body: '{}' });
    expect(themeResponse.ok).to.equal(true); // the wrapper hands the theme its own response
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getCart()!.subtotal).to.equal(6000);
  });

  it('reads the WooCommerce Store API cart and follows add-to-cart events', async () => {
    let quantity = 1;
    // Shaped like the Store API's answer (woocommerce's StoreApi docs, cart.md / cart-items.md):
    // `key` names the line in this session, `id` is the product or the variation.
    const prices = (price: string) => ({
      price,
      regular_price: price,
      sale_price: price,
      currency_code: 'EUR',
      currency_symbol: '€',
      currency_minor_unit: 2,
    });
    routes.set('/wp-json/wc/store/v1/cart', () =>
      Response.json({
        items: [
          {
            key: '9bf31c7ff062936a96d3c8bd1f8f2ff3',
            id: 42,
            quantity,
            quantity_limits: { minimum: 1, maximum: 99, multiple_of: 1, editable: true },
            name: 'Tea',
            sku: 'tea',
            permalink: 'https://shop.example/product/tea/',
            images: [{ id: 44, src: 'https://shop.example/tea.jpg', thumbnail: '', alt: '' }],
            variation: [],
            prices: prices('1250'),
          },
          {
            key: 'e369853df766fa44e1ed0ff613f563bd',
            id: 57, // the variation (Size: M) of product 55
            quantity: 1,
            name: 'Apron',
            variation: [{ attribute: 'Size', value: 'M' }],
            prices: prices('3200'),
          },
        ],
        coupons: [],
        items_count: quantity + 1,
        totals: {
          total_items: String(1250 * quantity + 3200),
          total_items_tax: '0',
          total_discount: '0',
          total_price: String(1250 * quantity + 3200),
          currency_code: 'EUR',
          currency_minor_unit: 2,
        },
      }),
    );
    await startWooCommerceAdapter();
    expect(getCart()).to.deep.include({ currency: 'EUR', subtotal: 4450 });
    quantity = 3;
    document.body.dispatchEvent(new Event('added_to_cart'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getCart()!.subtotal).to.equal(6950);
    // The product (or variation) id, which a restore link can add in any session; not the line key.
    expect(
      getCart()!.items.map(({ id, productId, quantity }) => ({ id, productId, quantity })),
    ).to.deep.equal([
      { id: '42', productId: '42', quantity: 3 },
      { id: '57', productId: '57', quantity: 1 },
    ]);
  });

  it('shows no layout shift on a page with a warm cache', async function () {
    this.timeout(30_000);
    localStorage.setItem(
      'comptoir:config:shp_warm',
      JSON.stringify({ config: makeConfig({ shopId: 'shp_warm' }), receivedAt: Date.now() }),
    );
    const visit = () =>
      new Promise<{ shifts: number; sources: string[]; reserved: string | null }>((resolve) => {
        const frame = document.createElement('iframe');
        frame.style.cssText = 'inline-size: 600px; block-size: 400px';
        const onMessage = (event: MessageEvent) => {
          if (event.data?.kind !== 'warm-page') return;
          removeEventListener('message', onMessage);
          frame.remove();
          resolve(event.data);
        };
        addEventListener('message', onMessage);
        frame.src = new URL('./testing/warm-page.html', import.meta.url).href;
        document.body.append(frame);
      });
    await visit(); // the first visit remembers the widgets' heights
    const warm = await visit();
    const report = `${warm.sources.join('; ')} (reserved ${warm.reserved})`;
    expect(warm.shifts, `shifted: ${report}`).to.equal(0);
    // Control: without remembered heights the same page does shift, so the observer sees shifts.
    localStorage.removeItem('comptoir:heights:v2');
    expect((await visit()).shifts).to.be.greaterThan(0);
  });
});
