import type { Locale } from '@comptoir/sdk/schemas';

/** The fixed words of the order confirmation, in one language. */
export interface ConfirmationStrings {
  subject: (shopName: string) => string;
  /** "Thank you — your order leaves our workshop on Wed 3 Dec" (no final stop). */
  leaves: (dispatch: string) => string;
  /** "Thank you — we're away until 15 Jan; your order leaves on Mon 18 Jan" (no final stop). */
  away: (until: string, dispatch: string) => string;
  /** " and should arrive between Fri 5 Dec and Mon 8 Dec (Colissimo)" (leading space). */
  arrivesBetween: (earliest: string, latest: string, method: string) => string;
  /** " and should arrive on Fri 5 Dec (Express)" (leading space). */
  arrivesOn: (day: string, method: string) => string;
  /** The opening of an order that ships nothing (digital, pickup): no date is promised. */
  confirmed: string;
  yourOrder: string;
  orderNumber: (id: string) => string;
  shipTo: string;
  quantity: string;
  /** Why the shopper receives it (a transactional email: no unsubscribe). */
  reason: (shopName: string) => string;
}

const en: ConfirmationStrings = {
  subject: (shop) => `Thank you for your order at ${shop}`,
  leaves: (d) => `Thank you — your order leaves our workshop on ${d}`,
  away: (u, d) => `Thank you — we're away until ${u}; your order leaves on ${d}`,
  arrivesBetween: (e, l, m) => ` and should arrive between ${e} and ${l} (${m})`,
  arrivesOn: (e, m) => ` and should arrive on ${e} (${m})`,
  confirmed: 'Thank you — your order is confirmed.',
  yourOrder: 'Your order',
  orderNumber: (id) => `Order ${id}`,
  shipTo: 'Shipping to',
  quantity: 'Qty',
  reason: (shop) => `You receive this email because you placed an order at ${shop}.`,
};

const fr: ConfirmationStrings = {
  subject: (shop) => `Merci pour votre commande chez ${shop}`,
  leaves: (d) => `Merci — votre commande quitte notre atelier le ${d}`,
  away: (u, d) => `Merci — nous sommes absents jusqu'au ${u} ; votre commande part le ${d}`,
  arrivesBetween: (e, l, m) => ` et devrait arriver entre le ${e} et le ${l} (${m})`,
  arrivesOn: (e, m) => ` et devrait arriver le ${e} (${m})`,
  confirmed: 'Merci — votre commande est confirmée.',
  yourOrder: 'Votre commande',
  orderNumber: (id) => `Commande ${id}`,
  shipTo: 'Livraison à',
  quantity: 'Qté',
  reason: (shop) => `Vous recevez cet e-mail parce que vous avez passé commande chez ${shop}.`,
};

const de: ConfirmationStrings = {
  subject: (shop) => `Vielen Dank für Ihre Bestellung bei ${shop}`,
  leaves: (d) => `Vielen Dank — Ihre Bestellung verlässt unsere Werkstatt am ${d}`,
  away: (u, d) => `Vielen Dank — wir sind bis ${u} nicht da; Ihre Bestellung geht am ${d} raus`,
  arrivesBetween: (e, l, m) => ` und sollte zwischen ${e} und ${l} ankommen (${m})`,
  arrivesOn: (e, m) => ` und sollte am ${e} ankommen (${m})`,
  confirmed: 'Vielen Dank — Ihre Bestellung ist bestätigt.',
  yourOrder: 'Ihre Bestellung',
  orderNumber: (id) => `Bestellung ${id}`,
  shipTo: 'Lieferung an',
  quantity: 'Menge',
  reason: (shop) => `Sie erhalten diese E-Mail, weil Sie bei ${shop} bestellt haben.`,
};

const es: ConfirmationStrings = {
  subject: (shop) => `Gracias por tu pedido en ${shop}`,
  leaves: (d) => `Gracias — tu pedido sale de nuestro taller el ${d}`,
  away: (u, d) => `Gracias — estamos ausentes hasta el ${u}; tu pedido sale el ${d}`,
  arrivesBetween: (e, l, m) => ` y debería llegar entre el ${e} y el ${l} (${m})`,
  arrivesOn: (e, m) => ` y debería llegar el ${e} (${m})`,
  confirmed: 'Gracias — tu pedido está confirmado.',
  yourOrder: 'Tu pedido',
  orderNumber: (id) => `Pedido ${id}`,
  shipTo: 'Envío a',
  quantity: 'Cant.',
  reason: (shop) => `Recibes este correo porque hiciste un pedido en ${shop}.`,
};

const it: ConfirmationStrings = {
  subject: (shop) => `Grazie per il tuo ordine su ${shop}`,
  leaves: (d) => `Grazie — il tuo ordine lascia il nostro laboratorio il ${d}`,
  away: (u, d) => `Grazie — siamo assenti fino al ${u}; il tuo ordine parte il ${d}`,
  arrivesBetween: (e, l, m) => ` e dovrebbe arrivare tra il ${e} e il ${l} (${m})`,
  arrivesOn: (e, m) => ` e dovrebbe arrivare il ${e} (${m})`,
  confirmed: 'Grazie — il tuo ordine è confermato.',
  yourOrder: 'Il tuo ordine',
  orderNumber: (id) => `Ordine ${id}`,
  shipTo: 'Spedizione a',
  quantity: 'Qtà',
  reason: (shop) => `Ricevi questa email perché hai effettuato un ordine su ${shop}.`,
};

const nl: ConfirmationStrings = {
  subject: (shop) => `Bedankt voor je bestelling bij ${shop}`,
  leaves: (d) => `Bedankt — je bestelling verlaat onze werkplaats op ${d}`,
  away: (u, d) => `Bedankt — we zijn afwezig tot en met ${u}; je bestelling vertrekt op ${d}`,
  arrivesBetween: (e, l, m) => ` en komt naar verwachting aan tussen ${e} en ${l} (${m})`,
  arrivesOn: (e, m) => ` en komt naar verwachting aan op ${e} (${m})`,
  confirmed: 'Bedankt — je bestelling is bevestigd.',
  yourOrder: 'Je bestelling',
  orderNumber: (id) => `Bestelling ${id}`,
  shipTo: 'Verzending naar',
  quantity: 'Aantal',
  reason: (shop) => `Je ontvangt deze e-mail omdat je een bestelling hebt geplaatst bij ${shop}.`,
};

const byLocale: Record<Locale, ConfirmationStrings> = { en, fr, de, es, it, nl };

/** The confirmation's words in `locale` (a supported language), English otherwise. */
export function confirmationStrings(locale: string): ConfirmationStrings {
  return byLocale[locale as Locale] ?? en;
}

/** `2026-12-03` as the language writes a short day: "Thu 3 Dec", "jeu. 3 déc.". */
export function formatCivilDay(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** `2027-01-15` as a day and month without weekday: "15 Jan", "15 janv.". */
export function formatCivilDayMonth(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
