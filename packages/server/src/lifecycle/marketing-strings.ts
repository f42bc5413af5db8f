import type { Locale } from '@comptoir/sdk/schemas';

/** The fixed words of the win-back and review-request emails, in one language. */
export interface MarketingStrings {
  winBackSubject: string;
  winBackBody: string;
  /** Added when the win-back carries a coupon (`{coupon}` replaced). */
  winBackCoupon: string;
  visitShop: string;
  reviewSubject: string;
  reviewBody: string;
  /** The link of one line: "Review Linen apron". */
  reviewItem: (title: string) => string;
  /** Why the shopper receives them. */
  reason: (shopName: string) => string;
  unsubscribe: string;
}

const en: MarketingStrings = {
  winBackSubject: 'We miss you at {shopName}',
  winBackBody: "It has been a while since your last order at {shopName}. Come and see what's new.",
  winBackCoupon: 'Use the code {coupon} on your next order.',
  visitShop: 'Visit the shop',
  reviewSubject: 'How was your order from {shopName}?',
  reviewBody:
    'We hope your parcel arrived safely. Would you tell other shoppers what you think? Each link opens the product page.',
  reviewItem: (title) => `Review ${title}`,
  reason: (shop) =>
    `You receive this email because you agreed to hear from ${shop} when you ordered.`,
  unsubscribe: 'Unsubscribe',
};

const fr: MarketingStrings = {
  winBackSubject: '{shopName} pense à vous',
  winBackBody: 'Votre dernière commande chez {shopName} date un peu. Venez voir les nouveautés.',
  winBackCoupon: 'Utilisez le code {coupon} lors de votre prochaine commande.',
  visitShop: 'Voir la boutique',
  reviewSubject: 'Votre commande chez {shopName} vous plaît-elle ?',
  reviewBody:
    'Nous espérons que votre colis est bien arrivé. Voulez-vous donner votre avis aux autres clients ? Chaque lien ouvre la page du produit.',
  reviewItem: (title) => `Donner mon avis sur ${title}`,
  reason: (shop) =>
    `Vous recevez cet e-mail parce que vous avez accepté les messages de ${shop} lors de votre commande.`,
  unsubscribe: 'Se désabonner',
};

const de: MarketingStrings = {
  winBackSubject: '{shopName} vermisst Sie',
  winBackBody:
    'Ihre letzte Bestellung bei {shopName} ist eine Weile her. Schauen Sie, was neu ist.',
  winBackCoupon: 'Mit dem Code {coupon} bei Ihrer nächsten Bestellung.',
  visitShop: 'Zum Shop',
  reviewSubject: 'Wie gefällt Ihnen Ihre Bestellung bei {shopName}?',
  reviewBody:
    'Wir hoffen, Ihr Paket ist gut angekommen. Möchten Sie anderen Kunden Ihre Meinung sagen? Jeder Link öffnet die Produktseite.',
  reviewItem: (title) => `${title} bewerten`,
  reason: (shop) =>
    `Sie erhalten diese E-Mail, weil Sie bei Ihrer Bestellung Nachrichten von ${shop} zugestimmt haben.`,
  unsubscribe: 'Abmelden',
};

const es: MarketingStrings = {
  winBackSubject: 'Te echamos de menos en {shopName}',
  winBackBody: 'Hace tiempo de tu último pedido en {shopName}. Ven a ver las novedades.',
  winBackCoupon: 'Usa el código {coupon} en tu próximo pedido.',
  visitShop: 'Visitar la tienda',
  reviewSubject: '¿Qué tal tu pedido de {shopName}?',
  reviewBody:
    'Esperamos que tu paquete haya llegado bien. ¿Nos cuentas qué te parece? Cada enlace abre la página del producto.',
  reviewItem: (title) => `Opinar sobre ${title}`,
  reason: (shop) =>
    `Recibes este correo porque aceptaste recibir mensajes de ${shop} al hacer tu pedido.`,
  unsubscribe: 'Darse de baja',
};

const it: MarketingStrings = {
  winBackSubject: 'Ci manchi, da {shopName}',
  winBackBody: 'È passato un po’ dal tuo ultimo ordine su {shopName}. Vieni a vedere le novità.',
  winBackCoupon: 'Usa il codice {coupon} nel tuo prossimo ordine.',
  visitShop: 'Visita il negozio',
  reviewSubject: 'Com’è andato il tuo ordine da {shopName}?',
  reviewBody:
    'Speriamo che il pacco sia arrivato bene. Vuoi dire agli altri clienti cosa ne pensi? Ogni link apre la pagina del prodotto.',
  reviewItem: (title) => `Recensisci ${title}`,
  reason: (shop) =>
    `Ricevi questa email perché hai accettato i messaggi di ${shop} quando hai ordinato.`,
  unsubscribe: 'Annulla iscrizione',
};

const nl: MarketingStrings = {
  winBackSubject: 'We missen je bij {shopName}',
  winBackBody:
    'Je laatste bestelling bij {shopName} is alweer even geleden. Kom kijken wat er nieuw is.',
  winBackCoupon: 'Gebruik de code {coupon} bij je volgende bestelling.',
  visitShop: 'Naar de winkel',
  reviewSubject: 'Hoe bevalt je bestelling bij {shopName}?',
  reviewBody:
    'We hopen dat je pakket goed is aangekomen. Wil je andere klanten vertellen wat je ervan vindt? Elke link opent de productpagina.',
  reviewItem: (title) => `Beoordeel ${title}`,
  reason: (shop) =>
    `Je ontvangt deze e-mail omdat je bij je bestelling berichten van ${shop} hebt geaccepteerd.`,
  unsubscribe: 'Afmelden',
};

const byLocale: Record<Locale, MarketingStrings> = { en, fr, de, es, it, nl };

/** The marketing emails' words in `locale` (a supported language), English otherwise. */
export function marketingStrings(locale: string): MarketingStrings {
  return byLocale[locale as Locale] ?? en;
}
