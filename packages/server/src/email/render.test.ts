import { defaultRecoverySteps } from '@comptoir/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { renderAbsenceEmail, renderRecoveryEmail } from './render.js';
import { buildRestoreUrl, restoreAppliesCoupon } from './restore-url.js';

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'`;
const cart = {
  currency: 'EUR',
  subtotal: 3450,
  items: [
    { id: '4401', title: hostile, quantity: 2, unitPrice: 1200, imageUrl: 'javascript:alert(1)' },
    {
      id: '4402',
      title: 'Mug',
      quantity: 1,
      unitPrice: 1050,
      imageUrl: 'https://cdn.example/mug.jpg',
    },
  ],
};
const step = defaultRecoverySteps()[0]!;
const links = {
  restoreUrl: 'https://api.example/r/tok',
  unsubscribeUrl: 'https://api.example/u/tok',
};

describe('renderRecoveryEmail', () => {
  it('escapes hostile cart titles and shop names in the HTML part', () => {
    const email = renderRecoveryEmail({
      shopName: 'Bad <b>Shop</b>',
      defaultLocale: 'en',
      step,
      cart,
      ...links,
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('javascript:');
    expect(email.html).not.toContain('<b>Shop</b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('Bad &lt;b&gt;Shop&lt;/b&gt;');
    expect(email.html).toContain('src="https://cdn.example/mug.jpg"');
    expect(email.html).toContain('href="https://api.example/r/tok"');
    expect(email.html).toContain('prefers-color-scheme: dark');
  });

  it('keeps the text part free of markup interpretation but complete', () => {
    const email = renderRecoveryEmail({
      shopName: 'Shop',
      defaultLocale: 'en',
      step,
      cart,
      ...links,
    });
    expect(email.text).toContain(`- ${hostile} (Qty 2): €24.00`);
    expect(email.text).toContain('Subtotal: €34.50');
    expect(email.text).toContain('Return to my cart: https://api.example/r/tok');
    expect(email.text).toContain('Unsubscribe: https://api.example/u/tok');
    expect(email.text).not.toMatch(/<(p|table|a) /);
  });

  it('writes in the shopper language with the shop currency formatted by Intl', () => {
    const email = renderRecoveryEmail({
      shopName: 'Atelier',
      locale: 'fr-BE',
      defaultLocale: 'en',
      step: { ...step, couponCode: 'MERCI10' },
      cart,
      ...links,
      couponApplies: true,
    });
    expect(email.subject).toBe('Vous avez oublié quelque chose');
    expect(email.html).toContain('lang="fr"');
    expect(email.text).toContain('Sous-total: 34,50');
    expect(email.text).toContain('Votre code MERCI10');
    expect(email.text).toContain('Votre panier chez Atelier est gardé.');
  });

  it('falls back to the default locale and keeps subjects on one line', () => {
    const email = renderRecoveryEmail({
      shopName: 'Shop',
      locale: 'de',
      defaultLocale: 'fr',
      step: { subject: { fr: 'Bonjour\r\nBcc: x@evil.example' }, body: { fr: 'Texte' } },
      cart: {
        currency: 'JPY',
        subtotal: 1200,
        items: [{ id: 'a', title: 'T', quantity: 1, unitPrice: 1200 }],
      },
      ...links,
    });
    expect(email.subject).toBe('Bonjour Bcc: x@evil.example');
    expect(email.text).toContain('1');
    expect(email.html).toContain('lang="fr"');
  });
});

describe('renderAbsenceEmail', () => {
  it('renders both parts in the shopper language', () => {
    const email = renderAbsenceEmail({
      shopName: 'Atelier <3',
      locale: 'nl',
      defaultLocale: 'en',
      shopUrl: 'https://shop.example',
      unsubscribeUrl: 'https://api.example/u/t',
    });
    expect(email.subject).toBe('Atelier <3 is terug');
    expect(email.html).toContain('Atelier &lt;3 is terug');
    expect(email.text).toContain('Naar de winkel: https://shop.example');
  });
});

describe('buildRestoreUrl', () => {
  const lines = [
    { id: '39072856', quantity: 2 },
    { id: 'gid://shopify/ProductVariant/4411', quantity: 1 },
  ];

  // The loader reads `comptoir-restore` with URLSearchParams: decoded, the items read `id:qty,…`.
  const restoreItems = (url: string) =>
    new URL(url).searchParams.get('comptoir-restore') ??
    new URL(new URL(url).searchParams.get('redirect') ?? '', 'https://x').searchParams.get(
      'comptoir-restore',
    );

  it('Shopify: the cart page with the merging parameter, never a permalink that replaces', () => {
    const shopify = { preset: 'shopify' as const, shopUrl: 'https://shop.example/' };
    const url = buildRestoreUrl(shopify, {
      cartId: 'c1',
      lines: [...lines, { id: '39072857:9f3ab', productId: '7001', quantity: 3 }],
    });
    expect(url).toBe(
      'https://shop.example/cart?comptoir-restore=39072856%3A2%2C4411%3A1%2C39072857%3A3',
    );
    expect(restoreItems(url)).toBe('39072856:2,4411:1,39072857:3');
    // No cart token in the address: the adapter reads the device's own cart.
    expect(url).not.toContain('c1');
    expect(buildRestoreUrl(shopify, { lines: [] })).toBe('https://shop.example/cart');
  });

  it('Shopify: a coupon through the shareable discount link, which leaves the cart alone', () => {
    const url = buildRestoreUrl(
      { preset: 'shopify', shopUrl: 'https://shop.example/fr' },
      { lines, couponCode: 'BACK 10&x' },
    );
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/fr/discount/BACK%2010%26x');
    expect(parsed.searchParams.get('redirect')).toBe(
      '/fr/cart?comptoir-restore=39072856%3A2%2C4411%3A1',
    );
    expect(restoreItems(url)).toBe('39072856:2,4411:1');
  });

  it('WooCommerce: the cart page with product or variation ids, never add-to-cart', () => {
    const woo = { preset: 'woocommerce' as const, shopUrl: 'https://shop.example' };
    const url = buildRestoreUrl(woo, {
      lines: [
        { id: '12', productId: '12', quantity: 3 },
        // A line captured before the fix: the session's line key, the variation id beside it.
        { id: 'c4ca4238a0b923820dcc509a6f75849b', productId: '31', quantity: 1 },
      ],
      couponCode: 'HELLO',
    });
    expect(url).toBe(
      'https://shop.example/cart/?comptoir-restore=12%3A3%2C31%3A1&coupon_code=HELLO',
    );
    expect(url).not.toContain('add-to-cart');
    expect(restoreItems(url)).toBe('12:3,31:1');
    expect(buildRestoreUrl(woo, { lines: [] })).toBe('https://shop.example/cart/');
  });

  it('fills a custom pattern with encoded values and refuses other schemes', () => {
    const settings = {
      preset: 'custom' as const,
      shopUrl: 'https://shop.example',
      pattern: '/restore?cart={cartId}&items={items}&c={coupon}',
    };
    expect(buildRestoreUrl(settings, { cartId: 'a&b', lines, couponCode: 'X' })).toBe(
      'https://shop.example/restore?cart=a%26b&items=39072856%3A2%2Cgid%3A%2F%2Fshopify%2FProductVariant%2F4411%3A1&c=X',
    );
    expect(buildRestoreUrl({ ...settings, pattern: 'javascript:alert(1)' }, { lines: [] })).toBe(
      'https://shop.example/',
    );
  });
});

describe('the coupon line', () => {
  const everyLanguage = (text: string) =>
    Object.fromEntries(['en', 'fr', 'de', 'es', 'it', 'nl'].map((lang) => [lang, text]));
  const withCoupon = {
    subject: everyLanguage('Your cart'),
    body: everyLanguage('Your cart is waiting.'),
    couponCode: 'MERCI10',
  };
  const render = (settings: Parameters<typeof restoreAppliesCoupon>[0], locale = 'en') =>
    renderRecoveryEmail({
      shopName: 'Atelier',
      defaultLocale: 'en',
      locale,
      step: withCoupon,
      cart,
      ...links,
      couponApplies: restoreAppliesCoupon(settings),
    });

  it('promises the code is applied only when the restore link applies it', () => {
    const shopify = render({ preset: 'shopify', shopUrl: 'https://shop.example' });
    expect(shopify.text).toContain('Your code MERCI10 is applied when you return to your cart.');
    const woo = { preset: 'woocommerce' as const, shopUrl: 'https://shop.example' };
    for (const email of [render(undefined), render(woo)]) {
      expect(email.text).toContain('Use the code MERCI10 at checkout.');
      expect(email.text).not.toContain('is applied');
      expect(email.html).toContain('Use the code MERCI10 at checkout.');
    }
    // A WooCommerce shop whose plugin applies ?coupon=: the link carries it and the email says so.
    const plugin = { ...woo, couponParam: 'coupon' };
    expect(render(plugin).text).toContain('is applied when you return');
    expect(buildRestoreUrl(plugin, { lines: [], couponCode: 'MERCI10' })).toBe(
      'https://shop.example/cart/?coupon=MERCI10',
    );
    const custom = { preset: 'custom' as const, shopUrl: 'https://shop.example', pattern: '/cart' };
    expect(restoreAppliesCoupon(custom)).toBe(false);
    expect(restoreAppliesCoupon({ ...custom, pattern: '/cart?c={coupon}' })).toBe(true);
    expect(
      buildRestoreUrl({ ...custom, couponParam: 'promo' }, { lines: [], couponCode: 'X' }),
    ).toBe('https://shop.example/cart?promo=X');
  });

  it('says it truthfully in all six languages', () => {
    const expected: Record<string, string> = {
      en: 'Use the code MERCI10 at checkout.',
      fr: 'Saisissez le code MERCI10 lors du paiement.',
      de: 'Geben Sie den Code MERCI10 an der Kasse ein.',
      es: 'Introduce el código MERCI10 al pagar.',
      it: 'Inserisci il codice MERCI10 al momento del pagamento.',
      nl: 'Vul de code MERCI10 in bij het afrekenen.',
    };
    for (const [locale, sentence] of Object.entries(expected))
      expect(render(undefined, locale).text, locale).toContain(sentence);
  });
});
