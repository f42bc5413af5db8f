import { expect, fixture, html } from '@open-wc/testing';
import { setCart } from '../../cart/store.js';
import {
  axeViolations,
  captureWarnings,
  makeCart,
  makeConfig,
  resetState,
  shadowText,
} from '../../testing/fixtures.js';
import type { ComptoirFreeShipping } from './free-shipping.js';
import './free-shipping.js';

describe('comptoir-free-shipping', () => {
  beforeEach(() => resetState());

  async function render(lang = 'en', config = makeConfig()) {
    const el = await fixture<ComptoirFreeShipping>(
      html`<comptoir-free-shipping lang=${lang} .config=${config}></comptoir-free-shipping>`,
    );
    return el;
  }

  it('shows what is left to add, as an accessible progressbar', async () => {
    setCart(makeCart(3750));
    const el = await render();
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.contain('Add €12.50 for free shipping');
    const bar = el.shadowRoot!.querySelector('[role=progressbar]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('75');
    expect(bar.getAttribute('aria-valuetext')).to.equal('Add €12.50 for free shipping');
  });

  it('says free shipping is unlocked, in French', async () => {
    setCart(makeCart(6000));
    const el = await render('fr');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(shadowText(el)).to.contain('Livraison offerte débloquée');
  });

  it('shows a tier label as a label, in English and French', async () => {
    const config = makeConfig({
      freeShipping: {
        rules: [
          { threshold: 5000, currency: 'EUR', label: 'Free standard shipping' },
          { threshold: 9000, currency: 'EUR', label: 'Free express shipping' },
        ],
        excludedProductIds: [],
      },
    });
    setCart(makeCart(500));
    expect(shadowText(await render('en', config))).to.contain('Free standard shipping: add €45.00');
    expect(shadowText(await render('fr', config))).to.match(
      /Free standard shipping : plus que 45,00\s€/,
    );
    setCart(makeCart(9500));
    expect(shadowText(await render('en', config))).to.contain('Unlocked: Free express shipping');
  });

  it('shows the tier label the merchant wrote in the shopper’s language', async () => {
    const config = makeConfig({
      freeShipping: {
        rules: [
          {
            threshold: 5000,
            currency: 'EUR',
            label: { en: 'Free standard shipping', fr: 'Livraison standard offerte' },
          },
        ],
        excludedProductIds: [],
      },
    });
    setCart(makeCart(500));
    const french = shadowText(await render('fr', config));
    expect(french).to.match(/Livraison standard offerte : plus que 45,00\s€/);
    expect(french).not.to.contain('Free standard shipping');
    expect(shadowText(await render('nl', config))).to.contain('Free standard shipping');
    // Reached, the label still opens the sentence: no capital after a colon mid-sentence.
    setCart(makeCart(5500));
    expect(shadowText(await render('fr', config))).to.match(
      /Livraison standard offerte\s:\sobjectif atteint/,
    );
  });

  it('speaks French amounts the French way', async () => {
    setCart(makeCart(3750));
    const el = await render('fr');
    expect(shadowText(el)).to.match(/Plus que 12,50\s€ pour la livraison offerte/);
  });

  it('does not count excluded products', async () => {
    setCart({
      currency: 'EUR',
      subtotal: 6000,
      items: [
        { id: 'a', productId: 'gift-card', title: 'Gift card', quantity: 1, unitPrice: 3000 },
        { id: 'b', productId: 'mug', title: 'Mug', quantity: 1, unitPrice: 3000 },
      ],
    });
    const el = await render();
    expect(shadowText(el)).to.contain('Add €20.00 for free shipping');
  });

  it('updates live when the cart changes, announces and emits the unlock once', async () => {
    setCart(makeCart(1000));
    const el = await render();
    let events = 0;
    el.addEventListener('comptoir-threshold-reached', () => events++);
    document.dispatchEvent(new CustomEvent('comptoir:cart', { detail: makeCart(5000) }));
    await el.updateComplete;
    await Promise.resolve();
    expect(shadowText(el)).to.contain('Free shipping unlocked');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain(
      'Free shipping unlocked',
    );
    setCart(makeCart(5100));
    await el.updateComplete;
    expect(events).to.equal(1);
  });

  it('announces the unlock again after the cart went back below the threshold', async () => {
    setCart(makeCart(1000));
    const el = await render();
    let events = 0;
    el.addEventListener('comptoir-threshold-reached', () => events++);
    const status = () => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();
    setCart(makeCart(5000));
    await el.updateComplete;
    expect(status()).to.contain('Free shipping unlocked');
    setCart(makeCart(3000));
    await el.updateComplete;
    await el.updateComplete;
    expect(shadowText(el)).not.to.contain('Free shipping unlocked');
    expect(status()).to.equal('');
    setCart(makeCart(5000));
    await el.updateComplete;
    await el.updateComplete;
    await Promise.resolve();
    expect(status()).to.contain('Free shipping unlocked');
    expect(events).to.equal(2);
  });

  it('uses tiers and per-country rules', async () => {
    const config = makeConfig({
      freeShipping: {
        rules: [
          { threshold: 5000, currency: 'EUR' },
          { threshold: 9000, currency: 'EUR', label: 'free express shipping' },
          { threshold: 8000, currency: 'EUR', countries: ['BE'] },
          { threshold: 4000, currency: 'USD' },
        ],
        excludedProductIds: [],
      },
    });
    setCart(makeCart(6000));
    const el = await render('en', config);
    // The merchant's label stands as a label, never pasted mid-sentence.
    expect(shadowText(el)).to.contain('free express shipping: add €30.00');
    setCart(makeCart(6000, { country: 'BE' }));
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Add €20.00 for free shipping');
    setCart(makeCart(1000, { currency: 'USD' }));
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Add US$30.00 for free shipping');
  });

  it('takes a merchant string override', async () => {
    setCart(makeCart(3750));
    const el = await render(
      'en',
      makeConfig({ strings: { en: { freeShippingRemaining: 'Only {amount} to go!' } } }),
    );
    expect(shadowText(el)).to.contain('Only €12.50 to go!');
  });

  it('gives a French override French spacing, and leaves an English one as written', async () => {
    setCart(makeCart(3750));
    const strings = {
      fr: { freeShippingRemaining: 'Plus que {amount} : la livraison « offerte » arrive !' },
      en: { freeShippingRemaining: 'Only {amount} to go : almost there !' },
    };
    const raw = (el: Element) => el.shadowRoot!.textContent!.replace(/[ \n]+/g, ' ').trim();
    // Before: plain spaces, so a phone line could start with "!" or "»".
    expect(raw(await render('fr', makeConfig({ strings })))).to.contain(
      'Plus que 12,50\u00a0€\u00a0: la livraison «\u00a0offerte\u00a0» arrive\u00a0!',
    );
    expect(raw(await render('en', makeConfig({ strings })))).to.contain(
      'Only €12.50 to go : almost there !',
    );
  });

  it('works standalone from attributes', async () => {
    setCart(makeCart(1000));
    const el = await fixture(
      html`<comptoir-free-shipping threshold="3000" currency="EUR"></comptoir-free-shipping>`,
    );
    expect(shadowText(el)).to.contain('Add €20.00 for free shipping');
  });

  it('renders nothing and warns once for a bad attribute', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<ComptoirFreeShipping>(
        html`<comptoir-free-shipping threshold="lots" currency="EUR"></comptoir-free-shipping>`,
      );
      el.requestUpdate();
      await el.updateComplete;
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
      expect(String(warnings.calls[0]![0])).to.contain('comptoir-free-shipping/bad-attribute');
    } finally {
      warnings.restore();
    }
  });

  it('renders nothing and warns once for a broken config', async () => {
    const warnings = captureWarnings();
    try {
      const broken = { ...makeConfig(), freeShipping: null } as unknown as ReturnType<
        typeof makeConfig
      >;
      const el = await render('en', broken);
      expect(shadowText(el)).to.equal('');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });

  it('ignores a malformed cart with one warning', async () => {
    const warnings = captureWarnings();
    try {
      setCart(makeCart(3750));
      const el = await render();
      setCart({ currency: 'euro', subtotal: -1, items: [] } as never);
      document.dispatchEvent(new CustomEvent('comptoir:cart', { detail: { nope: true } }));
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Add €12.50');
      expect(warnings.calls.length).to.equal(1);
    } finally {
      warnings.restore();
    }
  });
});
