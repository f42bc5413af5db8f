// A shop page for the layout-shift test: boots the loader against an API that is down.
import { setCart } from '../cart/store.js';
import { boot } from '../loader.js';

const script = document.createElement('script');
script.dataset.shop = 'shp_warm';
script.dataset.key = 'pk_warm';
script.dataset.api = 'http://127.0.0.1:9';
setCart({
  currency: 'EUR',
  subtotal: 1200,
  items: [{ id: 'a', title: 'Mug', quantity: 1, unitPrice: 1200 }],
});
const reserved = localStorage.getItem('comptoir:heights:v2');
const api = boot(script);
void api?.ready.then(async () => {
  // Both widgets have their code and have rendered: a slower chunk is not left out of the first
  // visit's remembered heights (the second visit would then shift for it).
  for (const tag of ['comptoir-shipping-cutoff', 'comptoir-free-shipping'] as const) {
    await customElements.whenDefined(tag);
    await document.querySelector(tag)?.updateComplete;
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const page = window as unknown as { shifts: number; shiftSources: string[] };
  parent.postMessage(
    { kind: 'warm-page', shifts: page.shifts, sources: page.shiftSources, reserved },
    '*',
  );
});
