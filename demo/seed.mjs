// The demo shop's settings: what `npm start` saves through the admin API on first start, and
// what the end-to-end tests start from.

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/**
 * Fills a shop's config (as `GET /v1/admin/config` answers it) with the demo's settings.
 * @param {any} config the shop's current config
 * @param {{ shopUrl: string, now?: Date }} options
 */
export function demoConfig(config, { shopUrl, now = new Date() }) {
  const year = now.getUTCFullYear();
  const nextMonth = new Date(Date.UTC(year, now.getUTCMonth() + 1, 1));
  const christmasYear = now.getUTCMonth() === 11 && now.getUTCDate() > 24 ? year + 1 : year;
  return {
    ...config,
    shopName: 'Atelier Demo',
    locales: ['en', 'fr'],
    defaultLocale: 'en',
    currency: 'EUR',
    calendar: {
      ...config.calendar,
      timeZone: 'Europe/Paris',
      dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      cutoff: '14:00',
      cutoffByDay: { fri: '12:00' },
      handlingDays: 0,
      holidayCountry: 'FR',
      extraHolidays: [],
      closedDates: [],
      absences: [
        {
          id: 'workshop-holiday',
          start: isoDay(new Date(nextMonth.getTime() + 4 * 86_400_000)),
          end: isoDay(new Date(nextMonth.getTime() + 14 * 86_400_000)),
          announceDays: 45,
          resumeBufferDays: 1,
        },
      ],
      methods: [
        { id: 'colissimo', name: 'Colissimo', transitDays: { min: 2, max: 3 } },
        { id: 'express', name: 'Chronopost Express', transitDays: { min: 1, max: 1 } },
      ],
    },
    freeShipping: {
      rules: [
        {
          threshold: 4500,
          currency: 'EUR',
          label: { en: 'Free standard shipping', fr: 'Livraison standard offerte' },
        },
        {
          threshold: 9000,
          currency: 'EUR',
          label: { en: 'Free express shipping', fr: 'Livraison express offerte' },
        },
      ],
      excludedProductIds: ['gift-card'],
    },
    holidayEvents: [
      {
        id: 'christmas',
        name: { en: 'Christmas', fr: 'Noël' },
        deliverBy: `${christmasYear}-12-24`,
        showFrom: `${christmasYear}-11-01`,
        fallback: {
          text: {
            en: 'Too late for a parcel? Give a gift card, sent at once.',
            fr: 'Trop tard pour un colis ? Offrez une carte cadeau, envoyée tout de suite.',
          },
          url: `${shopUrl}/product.html?id=gift-card`,
        },
      },
    ],
    // Gift cards are sent by email: no parcel widgets on their page or for a cart of them alone.
    shippingExclusions: { productIds: ['gift-card'], paths: [] },
    announcements: {
      rotateSeconds: 7,
      messages: [
        {
          id: 'free-shipping',
          text: {
            en: 'Free standard shipping from €45, in France and Belgium.',
            fr: 'Livraison standard offerte dès 45 €, en France et en Belgique.',
          },
          link: {
            url: `${shopUrl}/faq.html#faq-free-shipping`,
            label: { en: 'Shipping details', fr: 'Détails de livraison' },
          },
        },
        {
          id: 'week-candles',
          text: {
            en: 'This week only: a matchbox with every candle.',
            fr: 'Cette semaine seulement : une boîte d’allumettes avec chaque bougie.',
          },
          link: {
            url: `${shopUrl}/product.html?id=fig-candle`,
            label: { en: 'See the candle', fr: 'Voir la bougie' },
          },
          end: `${isoDay(new Date(now.getTime() + 6 * 86_400_000))}T23:59`,
          countdown: true,
        },
      ],
    },
    faq: [
      {
        id: 'when-ship',
        category: { en: 'Shipping', fr: 'Livraison' },
        question: { en: 'When will my order ship?', fr: 'Quand ma commande part-elle ?' },
        answer: {
          en: 'Orders placed before 14:00 (12:00 on Fridays) leave the workshop the same day, Monday to Friday.\n\nThe exact day is shown on every product page.',
          fr: 'Les commandes passées avant 14:00 (12:00 le vendredi) quittent l’atelier le jour même, du lundi au vendredi.\n\nLe jour exact est indiqué sur chaque page produit.',
        },
      },
      {
        id: 'ship-abroad',
        category: { en: 'Shipping', fr: 'Livraison' },
        question: { en: 'Do you ship outside France?', fr: 'Livrez-vous hors de France ?' },
        answer: {
          en: 'Yes, to the whole European Union and Switzerland. Delivery takes 3 to 6 working days.',
          fr: 'Oui, dans toute l’Union européenne et en Suisse. La livraison prend de 3 à 6 jours ouvrés.',
        },
      },
      {
        id: 'free-shipping',
        category: { en: 'Shipping', fr: 'Livraison' },
        question: { en: 'Is shipping free?', fr: 'La livraison est-elle offerte ?' },
        answer: {
          en: 'Standard shipping is free from €45, and express shipping from €90. Gift cards do not count toward it.',
          fr: 'La livraison standard est offerte dès 45 €, et la livraison express dès 90 €. Les cartes cadeaux ne comptent pas.',
        },
      },
      {
        id: 'returns',
        category: { en: 'Orders', fr: 'Commandes' },
        question: { en: 'Can I return something?', fr: 'Puis-je retourner un article ?' },
        answer: {
          en: 'Of course: you have 30 days. Write to us and we send you a prepaid label.',
          fr: 'Bien sûr : vous avez 30 jours. Écrivez-nous et nous vous envoyons une étiquette prépayée.',
        },
      },
      {
        id: 'gift-wrap',
        category: { en: 'Orders', fr: 'Commandes' },
        question: {
          en: 'Can you gift-wrap my order?',
          fr: 'Pouvez-vous emballer ma commande en cadeau ?',
        },
        answer: {
          en: 'Every parcel is wrapped in recycled tissue paper. Add a note at checkout and we write it by hand.',
          fr: 'Chaque colis est emballé dans du papier de soie recyclé. Ajoutez un mot à la commande : nous l’écrivons à la main.',
        },
      },
      {
        id: 'mug-dishwasher',
        category: { en: 'Products', fr: 'Produits' },
        question: {
          en: 'Are the mugs dishwasher safe?',
          fr: 'Les tasses passent-elles au lave-vaisselle ?',
        },
        answer: {
          en: 'Yes. The glaze is food-safe and fired at 1,240 °C. Avoid the microwave for the gold-rimmed ones.',
          fr: 'Oui. L’émail est alimentaire et cuit à 1 240 °C. Évitez le micro-ondes pour celles à filet doré.',
        },
      },
      {
        id: 'candle-burn',
        category: { en: 'Products', fr: 'Produits' },
        question: { en: 'How long does a candle burn?', fr: 'Combien de temps brûle une bougie ?' },
        answer: {
          en: 'About 45 hours. Trim the wick to 5 mm before each use for a clean flame.',
          fr: 'Environ 45 heures. Coupez la mèche à 5 mm avant chaque usage pour une flamme nette.',
        },
      },
    ],
    capture: {
      ...config.capture,
      enabled: true,
      mode: 'inline',
      consentText: {
        en: 'Email me a link to my cart if I leave before finishing my order. I can unsubscribe at any time.',
        fr: 'Envoyez-moi par e-mail un lien vers mon panier si je pars avant de finir ma commande. Je peux me désinscrire à tout moment.',
      },
      privacyUrl: `${shopUrl}/faq.html`,
    },
    allowedOrigins: [...new Set([...(config.allowedOrigins ?? []), shopUrl])],
    recovery: {
      ...config.recovery,
      enabled: true,
      fromName: 'Atelier Demo',
      restoreUrl: {
        preset: 'custom',
        shopUrl,
        pattern: '/cart.html?comptoir-restore={items}&comptoir-cart={cartId}',
      },
    },
  };
}

/**
 * Saves the demo's settings on a running server, through its admin API (`GET` then `PUT
 * /v1/admin/config` with `If-Match`); `edit` may change the config before it is saved. Answers the
 * `PUT`'s response.
 * @param {string} apiUrl the server's address
 * @param {string} secretKey the shop's secret key
 * @param {{ shopUrl: string, now?: Date, edit?: (config: any) => void }} options
 */
export async function saveDemoConfig(apiUrl, secretKey, { edit, ...options }) {
  const headers = { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' };
  const current = await fetch(`${apiUrl}/v1/admin/config`, { headers });
  const config = demoConfig(await current.json(), options);
  edit?.(config);
  return fetch(`${apiUrl}/v1/admin/config`, {
    method: 'PUT',
    headers: { ...headers, 'If-Match': current.headers.get('etag') ?? '*' },
    body: JSON.stringify(config),
  });
}
