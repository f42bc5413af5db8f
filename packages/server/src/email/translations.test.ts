import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '@comptoir/sdk/schemas';
import { emailStrings, type UnsubscribeTopic } from './translations.js';

const TOPICS: UnsubscribeTopic[] = ['cart', 'reopening', 'winBack', 'reviewRequest'];

describe('the unsubscribe question', () => {
  it.each(SUPPORTED_LOCALES)('in %s, names the shop and differs per kind of email', (locale) => {
    const questions = TOPICS.map((topic) =>
      emailStrings(locale).unsubscribeQuestion[topic]('Maison Lune'),
    );
    for (const question of questions) expect(question).toContain('Maison Lune');
    expect(new Set(questions).size).toBe(TOPICS.length);
  });

  it('does not speak of a cart for a win-back or a review request', () => {
    const cartWords = {
      en: 'cart',
      fr: 'panier',
      de: 'Warenkorb',
      es: 'carrito',
      it: 'carrello',
      nl: 'winkelwagen',
    };
    for (const [locale, word] of Object.entries(cartWords)) {
      const strings = emailStrings(locale);
      expect(strings.unsubscribeQuestion.cart('Maison Lune')).toContain(word);
      expect(strings.unsubscribeQuestion.winBack('Maison Lune')).not.toContain(word);
      expect(strings.unsubscribeQuestion.reviewRequest('Maison Lune')).not.toContain(word);
    }
  });
});
