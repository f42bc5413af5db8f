import type { Locale } from '@comptoir/sdk/schemas';

/**
 * What the email an unsubscribe link came from was about: a cart (recovery), the shop's reopening
 * (the "we're back" email), an invitation to order again (win-back), a review request.
 */
export type UnsubscribeTopic = 'cart' | 'reopening' | 'winBack' | 'reviewRequest';

/** The fixed words around the merchant's text in an email, in one language. */
export interface EmailStrings {
  /** The button that restores the cart. */
  restoreCart: string;
  /** Column heading and text-part label for quantities. */
  quantity: string;
  /** The line that shows the cart's subtotal. */
  subtotal: string;
  /** Introduces the coupon the restore link applies. */
  couponApplied: (code: string) => string;
  /** Introduces a coupon the restore link cannot apply: the shopper enters it. */
  couponAtCheckout: (code: string) => string;
  /** The page a test email's links open: they lead to no real cart. */
  previewLinkTitle: string;
  previewLink: string;
  /** Why the shopper receives the email. */
  reason: (shopName: string) => string;
  /** The unsubscribe link text. */
  unsubscribe: string;
  /** The "we're back" email: subject. */
  backSubject: (shopName: string) => string;
  /** The "we're back" email: body. */
  backBody: (shopName: string) => string;
  /** The "we're back" email: button. */
  visitShop: string;
  /** The "we're back" email: why the shopper receives it. */
  backReason: (shopName: string) => string;
  /** Title of the unsubscribe confirmation page. */
  unsubscribeTitle: string;
  /** Question on the unsubscribe page, worded for the kind of email the link came from. */
  unsubscribeQuestion: Record<UnsubscribeTopic, (shopName: string) => string>;
  /** Button on the unsubscribe page. */
  unsubscribeButton: string;
  /** Message after unsubscribing. */
  unsubscribed: (shopName: string) => string;
  /** Message for an unknown or expired link. */
  linkExpired: string;
}

const en: EmailStrings = {
  restoreCart: 'Return to my cart',
  quantity: 'Qty',
  subtotal: 'Subtotal',
  couponApplied: (code) => `Your code ${code} is applied when you return to your cart.`,
  couponAtCheckout: (code) => `Use the code ${code} at checkout.`,
  previewLinkTitle: 'Test email link',
  previewLink:
    "This link comes from a test email. In a real email it opens the shopper's cart at your shop (restore link) or their unsubscribe page.",
  reason: (shop) => `You receive this email because you asked ${shop} to keep your cart.`,
  unsubscribe: 'Unsubscribe',
  backSubject: (shop) => `${shop} is back`,
  backBody: (shop) => `${shop} is back and shipping orders again. Thank you for waiting!`,
  visitShop: 'Visit the shop',
  backReason: (shop) =>
    `You receive this email because you asked ${shop} to tell you when it is back.`,
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeQuestion: {
    cart: (shop) => `Stop receiving emails about your cart from ${shop}?`,
    reopening: (shop) => `Stop receiving emails from ${shop} about its reopening?`,
    winBack: (shop) =>
      `Stop receiving offers to order again and other marketing emails from ${shop}?`,
    reviewRequest: (shop) =>
      `Stop receiving review requests and other marketing emails from ${shop}?`,
  },
  unsubscribeButton: 'Unsubscribe',
  unsubscribed: (shop) => `Done: ${shop} will not send you these emails again.`,
  linkExpired: 'This link has expired or does not exist.',
};

const fr: EmailStrings = {
  restoreCart: 'Retrouver mon panier',
  quantity: 'Qté',
  subtotal: 'Sous-total',
  couponApplied: (code) => `Votre code ${code} est appliqué quand vous revenez à votre panier.`,
  couponAtCheckout: (code) => `Saisissez le code ${code} lors du paiement.`,
  previewLinkTitle: 'Lien d’un e-mail de test',
  previewLink:
    'Ce lien vient d’un e-mail de test. Dans un vrai e-mail, il ouvre le panier du client dans votre boutique (lien de récupération) ou sa page de désinscription.',
  reason: (shop) =>
    `Vous recevez cet e-mail car vous avez demandé à ${shop} de garder votre panier.`,
  unsubscribe: 'Se désabonner',
  backSubject: (shop) => `${shop} est de retour`,
  backBody: (shop) =>
    `${shop} est de retour et expédie à nouveau les commandes. Merci de votre patience !`,
  visitShop: 'Voir la boutique',
  backReason: (shop) =>
    `Vous recevez cet e-mail car vous avez demandé à ${shop} de vous prévenir de son retour.`,
  unsubscribeTitle: 'Désabonnement',
  unsubscribeQuestion: {
    cart: (shop) => `Ne plus recevoir d’emails de ${shop} à propos de votre panier ?`,
    reopening: (shop) => `Ne plus recevoir d’emails de ${shop} annonçant sa réouverture ?`,
    winBack: (shop) =>
      `Ne plus recevoir d’offres pour commander de nouveau ni d’autres emails marketing de ${shop} ?`,
    reviewRequest: (shop) =>
      `Ne plus recevoir de demandes d’avis ni d’autres emails marketing de ${shop} ?`,
  },
  unsubscribeButton: 'Me désabonner',
  unsubscribed: (shop) => `C’est fait : ${shop} ne vous enverra plus ces emails.`,
  linkExpired: 'Ce lien a expiré ou n’existe pas.',
};

const de: EmailStrings = {
  restoreCart: 'Zurück zum Warenkorb',
  quantity: 'Menge',
  subtotal: 'Zwischensumme',
  couponApplied: (code) => `Ihr Code ${code} wird angewendet, wenn Sie zum Warenkorb zurückkehren.`,
  couponAtCheckout: (code) => `Geben Sie den Code ${code} an der Kasse ein.`,
  previewLinkTitle: 'Link aus einer Test-E-Mail',
  previewLink:
    'Dieser Link stammt aus einer Test-E-Mail. In einer echten E-Mail öffnet er den Warenkorb des Kunden in Ihrem Shop (Wiederherstellungslink) oder seine Abmeldeseite.',
  reason: (shop) =>
    `Sie erhalten diese E-Mail, weil Sie ${shop} gebeten haben, Ihren Warenkorb zu speichern.`,
  unsubscribe: 'Abmelden',
  backSubject: (shop) => `${shop} ist zurück`,
  backBody: (shop) =>
    `${shop} ist zurück und versendet wieder Bestellungen. Danke für Ihre Geduld!`,
  visitShop: 'Zum Shop',
  backReason: (shop) =>
    `Sie erhalten diese E-Mail, weil Sie ${shop} gebeten haben, Sie zu benachrichtigen.`,
  unsubscribeTitle: 'Abmelden',
  unsubscribeQuestion: {
    cart: (shop) => `Keine E-Mails mehr von ${shop} zu Ihrem Warenkorb erhalten?`,
    reopening: (shop) => `Keine E-Mails mehr von ${shop} zur Wiedereröffnung erhalten?`,
    winBack: (shop) =>
      `Keine Angebote für eine neue Bestellung und keine anderen Marketing-E-Mails mehr von ${shop} erhalten?`,
    reviewRequest: (shop) =>
      `Keine Bewertungsanfragen und keine anderen Marketing-E-Mails mehr von ${shop} erhalten?`,
  },
  unsubscribeButton: 'Abmelden',
  unsubscribed: (shop) => `Erledigt: ${shop} sendet Ihnen diese E-Mails nicht mehr.`,
  linkExpired: 'Dieser Link ist abgelaufen oder existiert nicht.',
};

const es: EmailStrings = {
  restoreCart: 'Volver a mi carrito',
  quantity: 'Cant.',
  subtotal: 'Subtotal',
  couponApplied: (code) => `Tu código ${code} se aplica al volver a tu carrito.`,
  couponAtCheckout: (code) => `Introduce el código ${code} al pagar.`,
  previewLinkTitle: 'Enlace de un correo de prueba',
  previewLink:
    'Este enlace viene de un correo de prueba. En un correo real abre el carrito del cliente en tu tienda (enlace de recuperación) o su página para darse de baja.',
  reason: (shop) => `Recibes este email porque pediste a ${shop} que guardara tu carrito.`,
  unsubscribe: 'Darse de baja',
  backSubject: (shop) => `${shop} ha vuelto`,
  backBody: (shop) => `${shop} ha vuelto y envía pedidos de nuevo. ¡Gracias por esperar!`,
  visitShop: 'Ir a la tienda',
  backReason: (shop) => `Recibes este email porque pediste a ${shop} que te avisara de su vuelta.`,
  unsubscribeTitle: 'Darse de baja',
  unsubscribeQuestion: {
    cart: (shop) => `¿Dejar de recibir emails de ${shop} sobre tu carrito?`,
    reopening: (shop) => `¿Dejar de recibir emails de ${shop} sobre su reapertura?`,
    winBack: (shop) =>
      `¿Dejar de recibir ofertas para volver a comprar y otros emails de marketing de ${shop}?`,
    reviewRequest: (shop) =>
      `¿Dejar de recibir solicitudes de valoración y otros emails de marketing de ${shop}?`,
  },
  unsubscribeButton: 'Darme de baja',
  unsubscribed: (shop) => `Hecho: ${shop} no te enviará más estos emails.`,
  linkExpired: 'Este enlace ha caducado o no existe.',
};

const it: EmailStrings = {
  restoreCart: 'Torna al mio carrello',
  quantity: 'Qtà',
  subtotal: 'Subtotale',
  couponApplied: (code) => `Il tuo codice ${code} viene applicato quando torni al carrello.`,
  couponAtCheckout: (code) => `Inserisci il codice ${code} al momento del pagamento.`,
  previewLinkTitle: 'Link di un’email di prova',
  previewLink:
    'Questo link viene da un’email di prova. In un’email vera apre il carrello del cliente nel tuo negozio (link di recupero) o la sua pagina di disiscrizione.',
  reason: (shop) =>
    `Ricevi questa email perché hai chiesto a ${shop} di conservare il tuo carrello.`,
  unsubscribe: 'Annulla iscrizione',
  backSubject: (shop) => `${shop} è tornato`,
  backBody: (shop) => `${shop} è tornato e spedisce di nuovo gli ordini. Grazie per l’attesa!`,
  visitShop: 'Visita il negozio',
  backReason: (shop) =>
    `Ricevi questa email perché hai chiesto a ${shop} di avvisarti del suo ritorno.`,
  unsubscribeTitle: 'Annulla iscrizione',
  unsubscribeQuestion: {
    cart: (shop) => `Non ricevere più email di ${shop} sul tuo carrello?`,
    reopening: (shop) => `Non ricevere più email di ${shop} sulla sua riapertura?`,
    winBack: (shop) =>
      `Non ricevere più offerte per tornare a ordinare né altre email di marketing di ${shop}?`,
    reviewRequest: (shop) =>
      `Non ricevere più richieste di recensione né altre email di marketing di ${shop}?`,
  },
  unsubscribeButton: 'Annulla iscrizione',
  unsubscribed: (shop) => `Fatto: ${shop} non ti invierà più queste email.`,
  linkExpired: 'Questo link è scaduto o non esiste.',
};

const nl: EmailStrings = {
  restoreCart: 'Terug naar mijn winkelwagen',
  quantity: 'Aantal',
  subtotal: 'Subtotaal',
  couponApplied: (code) => `Je code ${code} wordt toegepast als je terugkeert naar je winkelwagen.`,
  couponAtCheckout: (code) => `Vul de code ${code} in bij het afrekenen.`,
  previewLinkTitle: 'Link uit een testmail',
  previewLink:
    'Deze link komt uit een testmail. In een echte e-mail opent hij de winkelwagen van de klant in je winkel (herstellink) of zijn afmeldpagina.',
  reason: (shop) => `Je ontvangt deze e-mail omdat je ${shop} vroeg je winkelwagen te bewaren.`,
  unsubscribe: 'Afmelden',
  backSubject: (shop) => `${shop} is terug`,
  backBody: (shop) => `${shop} is terug en verzendt weer bestellingen. Bedankt voor je geduld!`,
  visitShop: 'Naar de winkel',
  backReason: (shop) =>
    `Je ontvangt deze e-mail omdat je ${shop} vroeg je te laten weten wanneer het terug is.`,
  unsubscribeTitle: 'Afmelden',
  unsubscribeQuestion: {
    cart: (shop) => `Geen e-mails meer van ${shop} over je winkelwagen ontvangen?`,
    reopening: (shop) => `Geen e-mails meer van ${shop} over de heropening ontvangen?`,
    winBack: (shop) =>
      `Geen aanbiedingen om opnieuw te bestellen en geen andere marketingmails meer van ${shop} ontvangen?`,
    reviewRequest: (shop) =>
      `Geen verzoeken om een beoordeling en geen andere marketingmails meer van ${shop} ontvangen?`,
  },
  unsubscribeButton: 'Afmelden',
  unsubscribed: (shop) => `Klaar: ${shop} stuurt je deze e-mails niet meer.`,
  linkExpired: 'Deze link is verlopen of bestaat niet.',
};

const byLocale: Record<Locale, EmailStrings> = { en, fr, de, es, it, nl };

/** The email strings of a locale tag such as `fr-BE`, falling back to English. */
export function emailStrings(locale: string): EmailStrings {
  const language = locale.toLowerCase().split('-')[0] as Locale;
  return byLocale[language] ?? en;
}
