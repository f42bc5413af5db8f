import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setCart } from '../../cart/store.js';
import { state } from '../../internal/state.js';
import {
  axeViolations,
  captureWarnings,
  makeCart,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { ComptoirCartCapture } from './cart-capture.js';
import './cart-capture.js';

describe('comptoir-cart-capture', () => {
  const originalFetch = window.fetch;
  let requests: { url: string; method: string; body: unknown }[] = [];

  beforeEach(() => {
    resetState();
    requests = [];
    state.api = { shop: 'shp_test', key: 'pk_test', apiUrl: 'https://api.example' };
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({
        url: String(input),
        method: init?.method ?? 'GET',
        body: JSON.parse(String(init?.body ?? 'null')),
      });
      return new Response(JSON.stringify({ id: 'crt_123', emailCaptured: true }), { status: 201 });
    }) as typeof fetch;
    setCart(makeCart(3000));
  });
  afterEach(() => {
    window.fetch = originalFetch;
  });

  // Plain host-page elements (a button, an anchor) are added by hand: `fixture()` waits an animation
  // frame for anything that is not a Lit element, and a test page that gets no frame hangs there.
  const hostElements: HTMLElement[] = [];
  const addToPage = <T extends HTMLElement>(element: T): T => {
    document.body.append(element);
    hostElements.push(element);
    return element;
  };
  afterEach(() => hostElements.splice(0).forEach((element) => element.remove()));

  const render = (mode = 'inline', lang = 'en') =>
    fixture<ComptoirCartCapture>(
      html`<comptoir-cart-capture
        lang=${lang}
        mode=${mode}
        .config=${makeConfig()}
      ></comptoir-cart-capture>`,
    );

  it('shows an inline form with an unticked consent box, accessibly, in English and Dutch', async () => {
    const el = await render();
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[name=consent]')!.checked).to.equal(
      false,
    );
    expect(shadowText(el)).to.contain('I agree to receive one email about my cart.');
    const nl = await render('inline', 'nl');
    expect(shadowText(nl)).to.contain('Bewaar je winkelwagen');
    expect(await axeViolations(nl)).to.deep.equal([]);
  });

  it('refuses to send without consent, then posts the exact consent text', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[type=email]')!.value = 'ana@example.com';
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Tick the box to agree first.');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(requests).to.deep.equal([]);
    root.querySelector<HTMLInputElement>('input[name=consent]')!.checked = true;
    let captured = '';
    el.addEventListener('comptoir-cart-captured', (event) => (captured = event.detail.cartId));
    root.querySelector('form')!.requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
    expect(requests[0]!.url).to.equal('https://api.example/v1/shops/shp_test/carts');
    expect(requests[0]!.method).to.equal('POST');
    expect(requests[0]!.body).to.deep.include({
      email: 'ana@example.com',
      consent: { granted: true, text: 'I agree to receive one email about my cart.' },
      locale: 'en',
    });
    expect(captured).to.equal('crt_123');
    expect(shadowText(el)).to.contain('Saved.');
    expect(localStorage.getItem('comptoir:cart-id:shp_test')).to.equal('"crt_123"');
  });

  it('renders nothing without a cart', async () => {
    setCart(null);
    expect(shadowText(await render())).to.equal('');
  });

  it('opens a modal dialog on exit intent: Escape closes it, focus returns, and it stays away', async () => {
    const trigger = addToPage(document.createElement('button'));
    trigger.textContent = 'before';
    trigger.focus();
    const el = await render('exit-intent');
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    document.dispatchEvent(
      new MouseEvent('mouseout', { clientY: -1, relatedTarget: null, bubbles: true }),
    );
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('email');
    expect(await axeViolations(el)).to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(trigger);
    const again = await render('exit-intent');
    again.show();
    await again.updateComplete;
    expect(again.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('shows a popover anchored to an element', async () => {
    const anchor = addToPage(document.createElement('button'));
    anchor.id = 'cart-button';
    anchor.textContent = 'Cart';
    const el = await fixture<ComptoirCartCapture>(
      html`<comptoir-cart-capture
        mode="popover"
        anchor="#cart-button"
        .config=${makeConfig()}
      ></comptoir-cart-capture>`,
    );
    el.show();
    await el.updateComplete;
    const popover = el.shadowRoot!.querySelector<HTMLElement>('[role=dialog]')!;
    expect(popover).to.not.equal(null);
    // The element imports @floating-ui/dom on opening; the first import in a run is compiled on the
    // fly, so wait for that module (the element's import resolves with it), then for the position.
    await import('../../internal/position.js');
    await waitUntil(() => popover.style.transform !== '', 'the popover was never positioned', {
      timeout: 4000,
    });
    expect(popover.style.transform).to.match(/translate/);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('renders nothing and warns once for a bad mode', async () => {
    const warnings = captureWarnings();
    try {
      const el = await render('shout');
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });
});
