import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { setCart } from '../../cart/store.js';
import { flush, SYNC_DELAY_MS } from '../../cart/sync.js';
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
  /** When set, the next answers wait for it: a slow network, to test requests racing. */
  let hold: Promise<void> | undefined;

  beforeEach(() => {
    resetState();
    requests = [];
    state.api = { shop: 'shp_test', key: 'pk_test', apiUrl: 'https://api.example' };
    hold = undefined;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({
        url: String(input),
        method: init?.method ?? 'GET',
        body: JSON.parse(String(init?.body ?? 'null')),
      });
      if (hold) await hold;
      return new Response(JSON.stringify({ id: 'crt_123', emailCaptured: true }), { status: 201 });
    }) as typeof fetch;
    setCart(makeCart(3000));
  });
  afterEach(async () => {
    window.fetch = originalFetch;
    await setViewport({ width: 1280, height: 800 });
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

  /** Waits until the element's page listeners (exit intent, email fields) are in place. */
  const triggersReady = async () => {
    await import('./capture-triggers.js');
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

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
    expect(JSON.parse(localStorage.getItem('comptoir:captured:shp_test')!).id).to.equal('crt_123');
  });

  it('keeps focus on the confirmation once the inline form is sent from its button', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[type=email]')!.value = 'ana@example.com';
    root.querySelector<HTMLInputElement>('input[name=consent]')!.checked = true;
    const submit = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.focus();
    root.querySelector('form')!.requestSubmit(submit);
    await waitUntil(() => root.querySelector('[role=status]'), 'the capture was never saved');
    await el.updateComplete;
    // Before: the button went with the form and focus fell to the page's <body>.
    expect(root.activeElement?.getAttribute('role') ?? document.activeElement?.localName).to.equal(
      'status',
    );
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('clears each error as soon as its field is put right, in English and French', async () => {
    const expected = {
      en: ['Enter a valid email address.', 'Tick the box to agree first.'],
      fr: [
        'Saisissez une adresse e-mail valide.',
        'Cochez d’abord la case pour donner votre accord.',
      ],
    };
    for (const [lang, [emailError, consentError]] of Object.entries(expected)) {
      const el = await render('inline', lang);
      const root = el.shadowRoot!;
      const email = root.querySelector<HTMLInputElement>('input[type=email]')!;
      const box = root.querySelector<HTMLInputElement>('input[name=consent]')!;
      email.focus();
      await sendKeys({ type: 'ana@example' });
      root.querySelector('form')!.requestSubmit();
      await waitUntil(() => root.querySelector('#capture-email-error'), lang);
      expect(shadowText(el), lang).to.contain(emailError);
      // Still not an address: the error stays while typing.
      await sendKeys({ type: '.' });
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid'), lang).to.equal('true');
      // Before: the error stayed until the next submit, the field still marked invalid.
      await sendKeys({ type: 'com' });
      await el.updateComplete;
      // (No element in these expectations: a failing one would print the whole shadow tree.)
      expect(root.querySelector('#capture-email-error')?.textContent, lang).to.equal(undefined);
      expect(shadowText(el), lang).not.to.contain(emailError);
      expect(email.getAttribute('aria-invalid'), lang).to.equal('false');
      expect(email.hasAttribute('aria-describedby'), lang).to.equal(false);
      root.querySelector('form')!.requestSubmit();
      await waitUntil(() => root.querySelector('#capture-consent-error'), lang);
      expect(shadowText(el), lang).to.contain(consentError);
      expect(box.getAttribute('aria-describedby'), lang).to.equal('capture-consent-error');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(box.checked, lang).to.equal(true);
      expect(shadowText(el), lang).not.to.contain(consentError);
      expect(box.getAttribute('aria-invalid'), lang).to.equal('false');
      expect(box.hasAttribute('aria-describedby'), lang).to.equal(false);
      expect(requests, lang).to.deep.equal([]);
      expect(await axeViolations(el)).to.deep.equal([]);
    }
  });

  it('moves the focus to what follows once "No thanks" is pressed inline, as the banner does', async () => {
    for (const [lang, label] of [
      ['en', 'No thanks'],
      ['fr', 'Non merci'],
    ]) {
      localStorage.clear();
      const el = await render('inline', lang);
      const next = addToPage(document.createElement('a'));
      next.href = '#checkout';
      next.textContent = 'Checkout';
      const noThanks = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=dismiss]')];
      expect(
        noThanks.map((button) => button.textContent!.trim()),
        lang,
      ).to.deep.equal([label]);
      noThanks[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(shadowText(el), lang).to.equal('');
      // Before: the form went with the focused button and focus fell to the page's <body>.
      expect(document.activeElement === next, lang).to.equal(true);
      next.remove();
    }
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
    await triggersReady();
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

  /** Fills and sends the inline form, and waits for the capture to be saved. */
  async function capture(el: ComptoirCartCapture, email = 'ana@example.com'): Promise<void> {
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[type=email]')!.value = email;
    root.querySelector<HTMLInputElement>('input[name=consent]')!.checked = true;
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => root.querySelector('[role=status]'), 'the capture was never saved');
  }

  const twoItems = {
    id: 'shopify-cart-1',
    currency: 'EUR',
    subtotal: 7400,
    items: [
      { id: 'v1', title: 'Linen apron', quantity: 1, unitPrice: 3200 },
      { id: 'v2', title: 'Beeswax candle', quantity: 2, unitPrice: 2100 },
    ],
  };
  const threeItems = {
    ...twoItems,
    subtotal: 15000,
    items: [
      { id: 'v1', title: 'Linen apron', quantity: 2, unitPrice: 3200 },
      { id: 'v2', title: 'Beeswax candle', quantity: 2, unitPrice: 2100 },
      { id: 'v3', title: 'Oak board', quantity: 1, unitPrice: 4400 },
    ],
  };

  for (const width of [1280, 390]) {
    describe(`at ${width} px`, () => {
      beforeEach(() => setViewport({ width, height: 800 }));

      it('says what is true once saved: nothing is emailed yet, in all six languages', async () => {
        const expected: Record<string, string> = {
          en: "If you don't complete your order, we'll email you a link back to this cart.",
          fr: 'Si vous ne finalisez pas votre commande, nous vous enverrons par e-mail un lien',
          de: 'Wenn Sie Ihre Bestellung nicht abschließen, schicken wir Ihnen per E-Mail',
          es: 'Si no completas tu pedido, te enviaremos por correo un enlace a este carrito.',
          it: 'Se non completi l’ordine, ti invieremo via email un link',
          nl: 'Als je je bestelling niet afrondt, mailen we je een link',
        };
        for (const [lang, sentence] of Object.entries(expected)) {
          localStorage.clear();
          const el = await render('inline', lang);
          await waitUntil(() => el.shadowRoot!.querySelector('form'), `no form in ${lang}`);
          await capture(el);
          expect(shadowText(el), lang).to.contain(sentence);
          expect(shadowText(el), lang).to.not.match(/emailed you|avons envoyé|haben Ihnen/);
          expect(await axeViolations(el)).to.deep.equal([]);
        }
      });

      it('shows the email error under the email field, tied to it, and focuses it', async () => {
        const el = await render();
        const root = el.shadowRoot!;
        root.querySelector<HTMLInputElement>('input[type=email]')!.value = 'not-an-address';
        root.querySelector('form')!.requestSubmit();
        await waitUntil(() => root.querySelector('#capture-email-error'));
        const email = root.querySelector<HTMLInputElement>('input[type=email]')!;
        const error = root.querySelector('#capture-email-error')!;
        expect(error.textContent).to.contain('Enter a valid email address.');
        expect(email.getAttribute('aria-describedby')).to.equal('capture-email-error');
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        // Under the field: after the input, before the consent box.
        expect(email.parentElement!.contains(error)).to.equal(true);
        expect(root.activeElement).to.equal(email);
        expect(await axeViolations(el)).to.deep.equal([]);
        email.value = 'ana@example.com';
        root.querySelector('form')!.requestSubmit();
        await waitUntil(() => root.querySelector('#capture-consent-error'));
        const box = root.querySelector<HTMLInputElement>('input[name=consent]')!;
        expect(box.getAttribute('aria-describedby')).to.equal('capture-consent-error');
        expect(root.querySelector('#capture-email-error')).to.equal(null);
        expect(root.activeElement).to.equal(box);
      });

      it('sends every later cart change to the saved cart, once per burst of edits', async () => {
        setCart(twoItems);
        const el = await render();
        await capture(el);
        expect(requests.map((r) => r.method)).to.deep.equal(['POST']);
        // The shopper changes a quantity, then adds a third item, quickly.
        setCart({
          ...twoItems,
          subtotal: 10600,
          items: [{ ...twoItems.items[0]!, quantity: 2 }, twoItems.items[1]!],
        });
        setCart(threeItems);
        await new Promise((resolve) => setTimeout(resolve, SYNC_DELAY_MS / 2));
        expect(requests.length, 'nothing is sent while the shopper is still editing').to.equal(1);
        await waitUntil(() => requests.length === 2, 'the change was never sent', {
          timeout: SYNC_DELAY_MS * 4,
        });
        expect(requests[1]!.method).to.equal('PUT');
        expect(requests[1]!.url).to.equal('https://api.example/v1/shops/shp_test/carts/crt_123');
        expect(requests[1]!.body).to.deep.equal({ cart: threeItems });
        // An unchanged cart (the adapter re-reading it) sends nothing more.
        setCart({ ...threeItems });
        await flush(false);
        expect(requests.length).to.equal(2);
        // The capture stays hidden for this cart.
        const again = await render();
        expect(shadowText(again)).to.equal('');
      });

      it('never lets an older update land after a newer one on a slow network', async () => {
        setCart(twoItems);
        await capture(await render());
        let release!: () => void;
        hold = new Promise((resolve) => (release = resolve));
        setCart({ ...twoItems, subtotal: 10600 });
        const first = flush(false);
        await waitUntil(() => requests.length === 2);
        setCart(threeItems);
        const second = flush(false);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(requests.length, 'the newer update waits for the older one').to.equal(2);
        hold = undefined;
        release();
        await first;
        await second;
        expect(requests.length).to.equal(3);
        expect((requests[2]!.body as { cart: unknown }).cart).to.deep.equal(threeItems);
      });

      it('offers the capture again for a new cart: after emptying it, or another platform cart', async () => {
        setCart(twoItems);
        await capture(await render());
        setCart({ ...twoItems, subtotal: 0, items: [] });
        await flush(false);
        expect(requests[1]!.method).to.equal('PUT');
        expect((requests[1]!.body as { cart: { items: unknown[] } }).cart.items).to.deep.equal([]);
        setCart({ ...threeItems, id: 'shopify-cart-1' });
        const next = await render();
        expect(next.shadowRoot!.querySelector('form'), 'offered again after emptying').to.not.equal(
          null,
        );
        await capture(next, 'ana@example.com');
        expect(requests[2]!.method).to.equal('POST');
        // After an order the platform starts another cart: that one is offered too.
        setCart({ ...threeItems, id: 'shopify-cart-2' });
        const after = await render();
        expect(
          after.shadowRoot!.querySelector('form'),
          'offered for the new platform cart',
        ).to.not.equal(null);
      });

      it('keeps the popover inside the screen, anchored or not', async () => {
        const anchor = addToPage(document.createElement('button'));
        anchor.textContent = 'Cart';
        anchor.id = 'cart-right';
        anchor.style.cssText = 'position: fixed; top: 8px; right: 4px;';
        for (const selector of ['#cart-right', '#missing']) {
          const el = await fixture<ComptoirCartCapture>(
            html`<comptoir-cart-capture
              mode="popover"
              anchor=${selector}
              .config=${makeConfig()}
            ></comptoir-cart-capture>`,
          );
          el.show();
          await el.updateComplete;
          const popover = el.shadowRoot!.querySelector<HTMLElement>('[role=dialog]')!;
          await import('../../internal/position.js');
          if (selector === '#cart-right')
            await waitUntil(() => popover.style.transform !== '', 'never positioned', {
              timeout: 4000,
            });
          const box = popover.getBoundingClientRect();
          expect(box.left, `${selector} left`).to.be.at.least(0);
          expect(box.right, `${selector} right`).to.be.at.most(
            document.documentElement.clientWidth,
          );
          expect(await axeViolations(el)).to.deep.equal([]);
        }
      });

      it('offers the capture where the shop already asks for an email, with the same consent', async () => {
        const field = addToPage(document.createElement('input'));
        field.type = 'email';
        field.id = 'checkout-email';
        field.setAttribute('aria-label', 'Checkout email');
        const config = makeConfig();
        config.capture = {
          ...config.capture,
          mode: 'popover',
          delaySeconds: 600,
          emailFieldSelector: '#checkout-email',
        };
        const el = await fixture<ComptoirCartCapture>(
          html`<comptoir-cart-capture .config=${config}></comptoir-cart-capture>`,
        );
        await triggersReady();
        expect(el.open).to.equal(false);
        field.value = 'not yet';
        field.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        expect(el.open, 'an address that is not one yet opens nothing').to.equal(false);
        field.value = 'camille@example.com';
        field.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        expect(el.open).to.equal(true);
        const root = el.shadowRoot!;
        expect(root.querySelector<HTMLInputElement>('input[type=email]')!.value).to.equal(
          'camille@example.com',
        );
        const box = root.querySelector<HTMLInputElement>('input[name=consent]')!;
        expect(box.checked).to.equal(false);
        expect(await axeViolations(el)).to.deep.equal([]);
        root.querySelector('form')!.requestSubmit();
        await el.updateComplete;
        expect(requests).to.deep.equal([]);
        box.checked = true;
        root.querySelector('form')!.requestSubmit();
        await waitUntil(() => requests.length === 1);
        expect(requests[0]!.body).to.deep.include({ email: 'camille@example.com' });
      });
    });
  }

  it('on a phone, opens on a quick scroll back up or on coming back to the tab', async () => {
    await setViewport({ width: 390, height: 800 });
    const spacer = addToPage(document.createElement('div'));
    spacer.style.height = '5000px';
    const el = await render('exit-intent');
    await triggersReady();
    scrollTo(0, 2000);
    dispatchEvent(new Event('scroll'));
    scrollTo(0, 1900);
    dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    expect(el.open, 'a small scroll up is reading, not leaving').to.equal(false);
    scrollTo(0, 1500);
    dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
    scrollTo(0, 0);

    localStorage.clear();
    const other = await render('exit-intent');
    await triggersReady();
    const visibility = (value: string) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      visibility('hidden');
      await other.updateComplete;
      expect(other.open).to.equal(false);
      visibility('visible');
      await other.updateComplete;
      expect(other.open).to.equal(true);
    } finally {
      delete (document as unknown as { visibilityState?: string }).visibilityState;
    }
  });
});
