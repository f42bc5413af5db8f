import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { finishRestore, showLeftNotice, RESTORE_NOTICE_KEY } from './restore-notice.js';
import { restoreShopifyCart } from './restore-shopify.js';
import { restoreWooCommerceCart } from './restore-woocommerce.js';
import { startShopifyAdapter } from './shopify.js';
import { fromWooCommerceCart, type WooCart } from './woocommerce.js';
import { getCart } from './store.js';
// These tests read the cart, as the shipping elements and the capture do: with the cart check.
import './validate.js';
import {
  mergeRestoredCart,
  offerRestore,
  parseRestoreItems,
  takeRestoreLink,
  type CartRestoreRequest,
  type RestoreMerge,
} from './restore.js';
import { resetState } from '../testing/fixtures.js';

type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;
const routes = new Map<string, Route>();
const requests: { path: string; body: unknown; headers: Headers }[] = [];
const originalFetch = window.fetch;
// The platforms' cart endpoints are the edge we do not own: a fake network for this file.
window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const route = routes.get(url.pathname);
  if (!route) return originalFetch(input, init);
  if (init?.method === 'POST')
    requests.push({
      path: url.pathname,
      body: JSON.parse(String(init.body)),
      headers: new Headers(init.headers),
    });
  return route(url, init);
}) as typeof fetch;

// The page takes the restore in hand (preventDefault): no reload of the test page, no notice.
const restored = () =>
  new Promise<RestoreMerge>((resolve) =>
    document.addEventListener(
      'comptoir:cart-restored',
      (event) => {
        event.preventDefault();
        resolve(event.detail);
      },
      { once: true },
    ),
  );
const notice = () => document.querySelector<HTMLElement>('[data-comptoir-restore-notice]');
const noticeText = async () => {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return notice()?.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() ?? '';
};

describe('restore links never overwrite a newer cart', () => {
  beforeEach(() => {
    resetState();
    routes.clear();
    requests.length = 0;
  });
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    notice()?.remove();
    document.documentElement.lang = 'en';
  });

  it('merges: every line of both carts at the larger quantity, and says when the device had more', () => {
    // The email's €74 cart (2 mugs, 1 notebook) against the device's newer €150 cart.
    const merge = mergeRestoredCart(
      [
        { id: 'mug', quantity: 3 },
        { id: 'candle', quantity: 2 },
      ],
      [
        { id: 'mug', quantity: 2 },
        { id: 'notebook', quantity: 1 },
      ],
    );
    expect(merge.lines).to.deep.equal([
      { id: 'mug', quantity: 3 },
      { id: 'candle', quantity: 2 },
      { id: 'notebook', quantity: 1 },
    ]);
    expect(merge.raise).to.deep.equal([{ id: 'notebook', quantity: 1 }]);
    expect(merge.keptNewer).to.equal(true);
    const same = mergeRestoredCart([], [{ id: 'mug', quantity: 2 }]);
    expect(same).to.deep.equal({
      lines: [{ id: 'mug', quantity: 2 }],
      raise: [{ id: 'mug', quantity: 2 }],
      keptNewer: false,
    });
  });

  it('reads the link’s items, keeping ids with colons, dropping what is not a line', () => {
    expect(parseRestoreItems('4411:9f3a:2,52:1,bad,7:0,8:-1,9:1.5')).to.deep.equal([
      { id: '4411:9f3a', quantity: 2 },
      { id: '52', quantity: 1 },
    ]);
    history.replaceState(null, '', '?comptoir-restore=52%3A1&comptoir-cart=c9&utm=x');
    expect(takeRestoreLink()).to.deep.equal({ saved: [{ id: '52', quantity: 1 }], cartId: 'c9' });
    expect(location.search).to.equal('?utm=x'); // a reload does not restore again
  });

  it('Shopify: adds and raises through /cart/update.js, never lowers', async () => {
    routes.set('/cart.js', () =>
      Response.json({
        token: 't1',
        currency: 'EUR',
        total_price: 15000,
        items: [
          { key: '11:aa', id: 11, title: 'Mug', quantity: 3, price: 2800 },
          { key: '22:bb', id: 22, title: 'Candle', quantity: 1, price: 3200 },
        ],
      }),
    );
    routes.set('/cart/update.js', () => Response.json({}));
    await startShopifyAdapter();
    const event = restored();
    history.replaceState(null, '', '?comptoir-restore=11%3Aaa%3A2,22%3A2,33%3A1');
    await restoreShopifyCart();
    expect(requests.map((request) => [request.path, request.body])).to.deep.equal([
      ['/cart/update.js', { updates: { '22': 2, '33': 1 } }],
    ]);
    expect((await event).keptNewer).to.equal(true); // 3 mugs on the device, 2 in the email
    expect(location.search).to.equal('');
    expect(getCart()).to.not.equal(null);
  });

  it('WooCommerce: update-item and add-item through the Store API, with its nonce', async () => {
    routes.set(
      '/wp-json/wc/store/v1/cart',
      () =>
        new Response(
          JSON.stringify({
            items: [{ key: 'w1', id: 7, quantity: 1, name: 'Mug', prices: {} }],
            totals: { total_items: '2800', currency_code: 'EUR', currency_minor_unit: 2 },
          }),
          { headers: { 'content-type': 'application/json', Nonce: 'n-123' } },
        ),
    );
    routes.set('/wp-json/wc/store/v1/cart/update-item', () => Response.json({}));
    routes.set('/wp-json/wc/store/v1/cart/add-item', () => Response.json({}));
    const event = restored();
    await restoreWooCommerceCart([
      { id: '7', quantity: 2 },
      { id: '9', quantity: 1 },
    ]);
    expect(requests.map((request) => [request.path, request.body])).to.deep.equal([
      ['/wp-json/wc/store/v1/cart/update-item', { key: 'w1', quantity: 2 }],
      ['/wp-json/wc/store/v1/cart/add-item', { id: 9, quantity: 1 }],
    ]);
    expect(requests.every((request) => request.headers.get('Nonce') === 'n-123')).to.equal(true);
    expect((await event).keptNewer).to.equal(false);
  });

  it('WooCommerce: a product on two lines (other options) is raised by what is missing only', async () => {
    routes.set('/wp-json/wc/store/v1/cart', () =>
      Response.json({
        items: [
          { key: 'a1', id: 15, quantity: 1, name: 'Mug (engraved)', prices: {} },
          { key: 'b2', id: 15, quantity: 2, name: 'Mug', prices: {} },
        ],
        totals: { total_items: '0', currency_code: 'EUR', currency_minor_unit: 2 },
      }),
    );
    routes.set('/wp-json/wc/store/v1/cart/update-item', () => Response.json({}));
    const event = restored();
    await restoreWooCommerceCart([{ id: '15', quantity: 4 }]);
    // 3 on the device, 4 saved: the first line goes from 1 to 2 (not to 4, which would make 6).
    expect(requests.map((request) => [request.path, request.body])).to.deep.equal([
      ['/wp-json/wc/store/v1/cart/update-item', { key: 'a1', quantity: 2 }],
    ]);
    expect((await event).lines).to.deep.equal([{ id: '15', quantity: 4 }]);
  });

  it('WooCommerce: a captured cart restores in another session (its ids, not line keys)', async () => {
    // Shaped like the Store API's cart (key: the line in that session; id: product or variation).
    const storeCart = (items: { key: string; id: number; quantity: number }[]): WooCart => ({
      items: items.map((item) => ({
        ...item,
        name: `Product ${item.id}`,
        prices: { price: '1000', currency_code: 'EUR', currency_minor_unit: 2 },
      })),
      totals: { total_items: '0', currency_code: 'EUR', currency_minor_unit: 2 },
    });
    // Captured on the shopper's laptop: product 15 ×2, variation 57 ×1.
    const captured = fromWooCommerceCart(
      storeCart([
        { key: '9bf31c7ff062936a96d3c8bd1f8f2ff3', id: 15, quantity: 2 },
        { key: 'e369853df766fa44e1ed0ff613f563bd', id: 57, quantity: 1 },
      ]),
    );
    // Restored on the phone, whose session has other line keys and a newer line of product 15.
    routes.set(
      '/wp-json/wc/store/v1/cart',
      () =>
        new Response(
          JSON.stringify(
            storeCart([{ key: '45c48cce2e2d7fbdea1afc51c7c6ad26', id: 15, quantity: 3 }]),
          ),
          { headers: { 'content-type': 'application/json', Nonce: 'n-9' } },
        ),
    );
    routes.set('/wp-json/wc/store/v1/cart/update-item', () => Response.json({}));
    routes.set('/wp-json/wc/store/v1/cart/add-item', () => Response.json({}));
    const event = restored();
    await restoreWooCommerceCart(captured.items);
    expect(requests.map((request) => [request.path, request.body])).to.deep.equal([
      ['/wp-json/wc/store/v1/cart/add-item', { id: 57, quantity: 1 }],
    ]);
    const merge = await event;
    expect(merge.keptNewer).to.equal(true); // 3 of product 15 on the phone, 2 in the email
    expect(merge.lines).to.deep.equal([
      { id: '15', quantity: 3 },
      { id: '57', quantity: 1 },
    ]);
  });

  it('tells the shopper the newer cart was kept, in the page language, dismissable by keyboard', async () => {
    // Nothing to add (the device had more of everything): no reload, the notice shows here.
    await finishRestore({ lines: [{ id: '1', quantity: 3 }], raise: [], keptNewer: true });
    expect(await noticeText()).to.equal(
      'This device had a newer cart: we kept it and added your saved items.',
    );
    await expect(notice()!.shadowRoot!.querySelector('.notice')).to.be.accessible();
    notice()!.shadowRoot!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(notice()).to.equal(null);
    document.documentElement.lang = 'fr-BE';
    await finishRestore({ lines: [{ id: '1', quantity: 1 }], raise: [], keptNewer: false });
    expect(await noticeText()).to.match(/^Bon retour\s!/);
  });

  it('after the reload a restore asked for, the notice it left shows once', async () => {
    sessionStorage.setItem(RESTORE_NOTICE_KEY, 'kept-newer');
    await showLeftNotice();
    expect(await noticeText()).to.contain('we kept it and added your saved items');
    expect(sessionStorage.getItem(RESTORE_NOTICE_KEY)).to.equal(null);
    notice()!.remove();
    await showLeftNotice();
    expect(notice()).to.equal(null);
  });

  it('a shop with its own cart gets the merge to apply, and the page hears what it did', async () => {
    const asked = new Promise<CartRestoreRequest>((resolve) =>
      document.addEventListener('comptoir:cart-restore', (event) => resolve(event.detail), {
        once: true,
      }),
    );
    const event = restored();
    history.replaceState(null, '', '?comptoir-restore=mug%3A2&comptoir-cart=c42');
    await offerRestore();
    const request = await asked;
    expect(request.cartId).to.equal('c42');
    const merge = request.merge([{ id: 'candle', quantity: 1 }]);
    expect(merge.lines).to.deep.equal([
      { id: 'candle', quantity: 1 },
      { id: 'mug', quantity: 2 },
    ]);
    expect(await event).to.equal(merge);
  });
});
