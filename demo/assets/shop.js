// Atelier Demo: a tiny storefront. The cart lives in localStorage, as on many small shops, and is
// handed to Comptoir with `comptoir.setCart()` (and the `comptoir:cart` event) whenever it changes.

/** The catalogue, prices in cents (EUR). */
export const PRODUCTS = [
  {
    id: 'linen-notebook',
    title: 'Linen notebook',
    price: 2400,
    color: '#c9b79c',
    accent: '#7a6248',
    kind: 'notebook',
    blurb:
      'A5, 160 pages of 100 g ivory paper, sewn binding that lies flat. Bound by hand in our workshop.',
  },
  {
    id: 'fig-candle',
    title: 'Fig & cedar candle',
    price: 3200,
    color: '#8c9a7b',
    accent: '#3f4d36',
    kind: 'candle',
    blurb:
      'Rapeseed wax poured into a stoneware cup you can keep. About 45 hours of slow, clean burning.',
  },
  {
    id: 'stoneware-mug',
    title: 'Stoneware mug',
    price: 2800,
    color: '#d8c4b0',
    accent: '#9a5b3c',
    kind: 'mug',
    blurb:
      'Thrown on the wheel, glazed in speckled oat. 30 cl, dishwasher safe. Each one is a little different.',
  },
  {
    id: 'embroidered-tote',
    title: 'Embroidered tote',
    price: 1900,
    color: '#e3d9c6',
    accent: '#2f5d50',
    kind: 'tote',
    blurb:
      'Heavy organic cotton with a hand-embroidered sprig. Carries a week of groceries or a laptop.',
  },
  {
    id: 'gift-card',
    title: 'Gift card',
    price: 5000,
    color: '#2f5d50',
    accent: '#f3e7cf',
    kind: 'card',
    blurb:
      'Sent by email at once, valid for a year on everything in the shop. Never too late for this one.',
  },
];

const CART_KEY = 'atelier-demo-cart';
const CART_ID_KEY = 'atelier-demo-cart-id';

/** Formats cents as euros in the page's language. */
export function money(cents) {
  return new Intl.NumberFormat(document.documentElement.lang || 'en', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

/** A product by id. */
export function product(id) {
  return PRODUCTS.find((p) => p.id === id);
}

/** The absolute URL of a product's picture (emails need absolute URLs). */
export function imageUrl(p) {
  return new URL(`/assets/img/${p.kind}.svg`, location.origin).href;
}

/** The platform's cart id: one per cart, renewed after an order. */
export function cartId() {
  let id = localStorage.getItem(CART_ID_KEY);
  if (!id) {
    id = `demo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    localStorage.setItem(CART_ID_KEY, id);
  }
  return id;
}

/** The cart lines: `[{ id, quantity }]`. */
export function lines() {
  try {
    return JSON.parse(localStorage.getItem(CART_KEY) ?? '[]').filter(
      (line) => product(line.id) && line.quantity > 0,
    );
  } catch {
    return [];
  }
}

function save(next) {
  localStorage.setItem(CART_KEY, JSON.stringify(next));
  publishCart();
  renderCartCount();
  document.dispatchEvent(new CustomEvent('demo:cart-changed'));
}

/** Adds `quantity` of a product to the cart. */
export function addToCart(id, quantity = 1) {
  const next = lines();
  const line = next.find((l) => l.id === id);
  if (line) line.quantity += quantity;
  else next.push({ id, quantity });
  save(next);
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(id, quantity) {
  save(
    lines()
      .map((l) => (l.id === id ? { ...l, quantity } : l))
      .filter((l) => l.quantity > 0),
  );
}

/** Replaces the cart (used by the recovery email's restore link). */
export function replaceCart(next, id) {
  if (id) localStorage.setItem(CART_ID_KEY, id);
  save(next);
}

/** Empties the cart and starts a new cart id (after an order). */
export function clearCart() {
  localStorage.removeItem(CART_ID_KEY);
  save([]);
}

/** The cart as Comptoir's shared Cart document. */
export function comptoirCart() {
  const items = lines().map((line) => {
    const p = product(line.id);
    return {
      id: p.id,
      productId: p.id,
      title: p.title,
      quantity: line.quantity,
      unitPrice: p.price,
      url: new URL(`/product.html?id=${p.id}`, location.origin).href,
      imageUrl: imageUrl(p),
    };
  });
  const subtotal = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
  return { id: cartId(), currency: 'EUR', country: 'FR', subtotal, items };
}

/** Tells Comptoir about the cart: through the global when the loader is ready, and the DOM event. */
export function publishCart() {
  const cart = comptoirCart();
  document.dispatchEvent(new CustomEvent('comptoir:cart', { detail: cart }));
  window.comptoir?.setCart(cart);
}

function renderCartCount() {
  const count = lines().reduce((sum, l) => sum + l.quantity, 0);
  for (const badge of document.querySelectorAll('[data-cart-count]')) {
    badge.textContent = String(count);
    badge.hidden = count === 0;
  }
  const link = document.querySelector('.cart-link');
  if (link) link.setAttribute('aria-label', `Cart, ${count} item${count === 1 ? '' : 's'}`);
}

/** A product's picture: a small drawing, the same for the listing and the product page. */
export function picture(p, size = 'card') {
  return `<img class="picture ${size}" src="/assets/img/${p.kind}.svg" alt="" width="480" height="480" style="background:${p.color}" />`;
}

renderCartCount();
publishCart();
// The loader may finish after this module ran: give it the cart as soon as it is ready.
const whenReady = () => window.comptoir?.ready?.then(() => publishCart()).catch(() => undefined);
if (window.comptoir) whenReady();
else window.addEventListener('load', whenReady, { once: true });
