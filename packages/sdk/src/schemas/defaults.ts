import type { RecoveryStep } from './recovery.js';
import type { ShopConfig } from './shop-config.js';

const HOUR = 3600;

/** The consent sentence a new shop starts with, in each of the six languages. */
export const DEFAULT_CONSENT_TEXT = {
  en: 'Email me a link to my cart if I leave before finishing my order. I can unsubscribe at any time.',
  fr: 'Envoyez-moi par e-mail un lien vers mon panier si je pars avant de finir ma commande. Je peux me désinscrire à tout moment.',
  de: 'Schickt mir einen Link zu meinem Warenkorb per E-Mail, falls ich die Bestellung nicht abschließe. Ich kann mich jederzeit abmelden.',
  es: 'Enviadme por email un enlace a mi carrito si me voy antes de terminar el pedido. Puedo darme de baja en cualquier momento.',
  it: 'Inviatemi via email un link al mio carrello se esco prima di completare l’ordine. Posso annullare l’iscrizione in qualsiasi momento.',
  nl: 'Mail me een link naar mijn winkelwagen als ik vertrek voordat mijn bestelling af is. Ik kan me op elk moment afmelden.',
};

/** The default recovery sequence: 1 h, 24 h and 72 h after capture, in English and French. */
export function defaultRecoverySteps(): RecoveryStep[] {
  return [
    {
      delaySeconds: HOUR,
      subject: { en: 'You left something in your cart', fr: 'Vous avez oublié quelque chose' },
      body: {
        en: 'Your cart at {shopName} is saved. Pick up where you left off whenever you like.',
        fr: 'Votre panier chez {shopName} est gardé. Reprenez-le quand vous voulez.',
      },
    },
    {
      delaySeconds: 24 * HOUR,
      subject: { en: 'Still thinking it over?', fr: 'Vous hésitez encore ?' },
      body: {
        en: 'Your cart at {shopName} is still waiting. Reply to this email if you have a question: a real person reads it.',
        fr: 'Votre panier chez {shopName} vous attend toujours. Une question ? Répondez à cet e-mail : une vraie personne le lit.',
      },
    },
    {
      delaySeconds: 72 * HOUR,
      subject: { en: 'Last reminder about your cart', fr: 'Dernier rappel pour votre panier' },
      body: {
        en: 'This is our last reminder: your cart at {shopName} is kept a little longer.',
        fr: 'Dernier rappel : votre panier chez {shopName} est encore gardé un peu.',
      },
    },
  ];
}

/** A complete, valid config for a new shop: Paris, EUR, dispatch Monday to Friday before 14:00. */
export function defaultShopConfig(shopName: string, allowedOrigins: string[] = []): ShopConfig {
  return {
    shopName,
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    currency: 'EUR',
    calendar: {
      timeZone: 'Europe/Paris',
      dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      cutoff: '14:00',
      handlingDays: 0,
      holidayCountry: 'FR',
      extraHolidays: [],
      closedDates: [],
      absences: [],
      methods: [
        { id: 'standard', name: 'Standard', transitDays: { min: 2, max: 4 } },
        { id: 'express', name: 'Express', transitDays: { min: 1, max: 1 } },
      ],
    },
    freeShipping: { rules: [], excludedProductIds: [] },
    holidayEvents: [],
    faq: [],
    capture: {
      enabled: false,
      mode: 'inline',
      consentText: DEFAULT_CONSENT_TEXT,
      dismissDays: 30,
      delaySeconds: 10,
    },
    placements: [],
    theme: {},
    strings: {},
    allowedOrigins,
    recovery: {
      enabled: true,
      steps: defaultRecoverySteps(),
      consentMode: 'explicit',
      holdoutPercent: 0,
      tokenTtlDays: 30,
    },
  };
}
