import { SUPPORTED_LOCALES } from '@comptoir/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { renderOrderConfirmation, type ConfirmationRenderInput } from './render-confirmation.js';

const hostile = '<img src=x onerror=alert(1)> & "Tea"';
const input = (changes: Partial<ConfirmationRenderInput> = {}): ConfirmationRenderInput => ({
  shopName: 'Atelier <Lune>',
  defaultLocale: 'en',
  orderId: '#1042',
  promise: {
    dispatchDate: '2025-12-03',
    delivery: { earliest: '2025-12-05', latest: '2025-12-08', methodName: 'Colissimo' },
  },
  paragraph: { en: 'I wrapped it myself.\n\nSee you soon at {shopName}!', fr: 'Emballé main.' },
  items: [{ title: hostile, quantity: 2, url: 'https://shop.example/p/tea' }],
  name: 'Jane <b>Doe</b>',
  address: { line1: '1 rue <Haute>', postalCode: '75001', city: 'Paris', country: 'FR' },
  ...changes,
});

describe('renderOrderConfirmation', () => {
  it('escapes what merchants and shoppers typed in the HTML part and keeps it verbatim in text', () => {
    const { html, text, subject } = renderOrderConfirmation(input());
    expect(subject).toBe('Thank you for your order at Atelier <Lune>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Doe');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Tea&quot;');
    expect(html).toContain('1 rue &lt;Haute&gt;');
    expect(html).toContain('See you soon at Atelier &lt;Lune&gt;!');
    expect(text).toContain(`- ${hostile} (Qty 2)`);
    expect(text).toContain('Jane <b>Doe</b>\n1 rue <Haute>\n75001 Paris\nFR');
    expect(text).toContain(
      'Thank you — your order leaves our workshop on Wed 3 Dec and should arrive between Fri 5 Dec and Mon 8 Dec (Colissimo).',
    );
    // Transactional: no unsubscribe link.
    expect(html).not.toContain('/u/');
    expect(html).toContain('<html lang="en">');
  });

  it("writes in the shopper's language, falling back to the shop's default", () => {
    const subjects = SUPPORTED_LOCALES.map(
      (locale) => renderOrderConfirmation(input({ locale })).subject,
    );
    expect(new Set(subjects).size).toBe(6);
    const french = renderOrderConfirmation(input({ locale: 'fr-BE' }));
    expect(french.text).toContain('Merci — votre commande quitte notre atelier le mer. 3 déc.');
    expect(french.text).toContain('Emballé main.');
    expect(french.html).toContain('<html lang="fr">');
    const german = renderOrderConfirmation(input({ locale: 'de' }));
    expect(german.text).toContain('Ihre Bestellung verlässt unsere Werkstatt am Mi., 3. Dez.');
    // No German paragraph: the shop's default language's.
    expect(german.text).toContain('I wrapped it myself.');
    const unknown = renderOrderConfirmation(input({ locale: 'pt-BR', defaultLocale: 'nl' }));
    expect(unknown.subject).toBe('Bedankt voor je bestelling bij Atelier <Lune>');
  });

  it('thanks an order that ships nothing without a date or an address, in six languages', () => {
    const openings = SUPPORTED_LOCALES.map((locale) => {
      const shipsNothing = input({ locale, address: null });
      delete shipsNothing.promise;
      const { text, html } = renderOrderConfirmation(shipsNothing);
      expect(text).not.toContain('1 rue');
      expect(html).not.toContain('1 rue');
      return text.split('\n')[2];
    });
    expect(openings).toEqual([
      'Thank you — your order is confirmed.',
      'Merci — votre commande est confirmée.',
      'Vielen Dank — Ihre Bestellung ist bestätigt.',
      'Gracias — tu pedido está confirmado.',
      'Grazie — il tuo ordine è confermato.',
      'Bedankt — je bestelling is bevestigd.',
    ]);
  });
});
