import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setCart } from './store.js';
import { state } from '../internal/state.js';
import { makeCart, makeConfig, resetState } from '../testing/fixtures.js';
import '../components/free-shipping/free-shipping.js';

describe('the saved cart follows the shopper from any page', () => {
  const originalFetch = window.fetch;
  const requests: { url: string; method: string; body: unknown }[] = [];
  beforeEach(() => {
    resetState();
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({
        url: String(input),
        method: init?.method ?? 'GET',
        body: JSON.parse(String(init?.body ?? 'null')),
      });
      return new Response(JSON.stringify({ id: 'crt_9', emailCaptured: true }), { status: 200 });
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = originalFetch;
  });

  it('sends a change made on a product page (no capture form there) to the saved cart', async () => {
    state.api = { shop: 'shp_test', key: 'pk_test', apiUrl: 'https://api.example' };
    // Captured on an earlier visit to the cart page.
    const captured = makeCart(3000);
    localStorage.setItem(
      'comptoir:captured:shp_test',
      JSON.stringify({ id: 'crt_9', sent: JSON.stringify(['EUR', null, 3000, []]) }),
    );
    setCart(captured);
    await fixture(html`<comptoir-free-shipping .config=${makeConfig()}></comptoir-free-shipping>`);
    const added = makeCart(4500);
    setCart(added);
    await waitUntil(() => requests.some((r) => r.method === 'PUT'), 'no update was sent', {
      timeout: 6000,
    });
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.url).to.equal('https://api.example/v1/shops/shp_test/carts/crt_9');
    expect(put.body).to.deep.equal({ cart: added });
  });
});
