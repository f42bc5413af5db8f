import type { Locale } from '@comptoir/sdk/schemas';

/** The weekly digest's words, in one language. */
export interface DigestStrings {
  subject: (shop: string, from: string, to: string) => string;
  lastWeek: string;
  weekBefore: string;
  recoveredRevenue: string;
  recoveryRate: string;
  cartsCaptured: string;
  faqEmpty: string;
  bounced: string;
  unsubscribed: string;
  webhookFailures: string;
  eventWebhookFailures: string;
  coming: string;
  absence: (start: string, end: string) => string;
  lastOrder: (event: string, orderBy: string) => string;
  nothingComing: string;
  reason: (shop: string) => string;
}

const en: DigestStrings = {
  subject: (s, f, t) => `${s}: your week from ${f} to ${t}`,
  lastWeek: 'Last week',
  weekBefore: 'Week before',
  recoveredRevenue: 'Recovered revenue',
  recoveryRate: 'Recovery rate',
  cartsCaptured: 'Carts captured',
  faqEmpty: 'FAQ searches that found nothing',
  bounced: 'Emails bounced',
  unsubscribed: 'Unsubscribed',
  webhookFailures: 'Order webhooks refused',
  eventWebhookFailures: 'Event webhook deliveries that failed',
  coming: 'Coming in the next 21 days',
  absence: (s, e) => `You are away from ${s} to ${e}.`,
  lastOrder: (ev, d) => `${ev}: last order ${d}. Announce it on your shop.`,
  nothingComing: 'Nothing planned.',
  reason: (s) => `The weekly digest of ${s}, set in your Comptoir config.`,
};
const fr: DigestStrings = {
  subject: (s, f, t) => `${s} : votre semaine du ${f} au ${t}`,
  lastWeek: 'Semaine dernière',
  weekBefore: 'Semaine précédente',
  recoveredRevenue: 'Chiffre récupéré',
  recoveryRate: 'Taux de récupération',
  cartsCaptured: 'Paniers enregistrés',
  faqEmpty: 'Recherches FAQ sans résultat',
  bounced: 'E-mails rejetés',
  unsubscribed: 'Désabonnements',
  webhookFailures: 'Webhooks de commande refusés',
  eventWebhookFailures: 'Envois de webhooks d’événements en échec',
  coming: 'Dans les 21 prochains jours',
  absence: (s, e) => `Vous êtes absent du ${s} au ${e}.`,
  lastOrder: (ev, d) => `${ev} : dernière commande ${d}. Annoncez-le sur votre boutique.`,
  nothingComing: 'Rien de prévu.',
  reason: (s) => `Le résumé hebdomadaire de ${s}, réglé dans votre configuration Comptoir.`,
};
const de: DigestStrings = {
  subject: (s, f, t) => `${s}: Ihre Woche vom ${f} bis ${t}`,
  lastWeek: 'Letzte Woche',
  weekBefore: 'Woche davor',
  recoveredRevenue: 'Zurückgewonnener Umsatz',
  recoveryRate: 'Rückgewinnungsquote',
  cartsCaptured: 'Erfasste Warenkörbe',
  faqEmpty: 'FAQ-Suchen ohne Treffer',
  bounced: 'Unzustellbare E-Mails',
  unsubscribed: 'Abmeldungen',
  webhookFailures: 'Abgelehnte Bestell-Webhooks',
  eventWebhookFailures: 'Fehlgeschlagene Zustellungen von Ereignis-Webhooks',
  coming: 'In den nächsten 21 Tagen',
  absence: (s, e) => `Sie sind vom ${s} bis ${e} abwesend.`,
  lastOrder: (ev, d) => `${ev}: letzte Bestellung ${d}. Kündigen Sie es im Shop an.`,
  nothingComing: 'Nichts geplant.',
  reason: (s) => `Die Wochenübersicht von ${s}, eingestellt in Ihrer Comptoir-Konfiguration.`,
};
const es: DigestStrings = {
  subject: (s, f, t) => `${s}: tu semana del ${f} al ${t}`,
  lastWeek: 'La semana pasada',
  weekBefore: 'La semana anterior',
  recoveredRevenue: 'Ingresos recuperados',
  recoveryRate: 'Tasa de recuperación',
  cartsCaptured: 'Carritos capturados',
  faqEmpty: 'Búsquedas en las FAQ sin resultado',
  bounced: 'Correos rebotados',
  unsubscribed: 'Bajas',
  webhookFailures: 'Webhooks de pedidos rechazados',
  eventWebhookFailures: 'Envíos de webhooks de eventos fallidos',
  coming: 'En los próximos 21 días',
  absence: (s, e) => `Estás ausente del ${s} al ${e}.`,
  lastOrder: (ev, d) => `${ev}: último pedido ${d}. Anúncialo en tu tienda.`,
  nothingComing: 'Nada previsto.',
  reason: (s) => `El resumen semanal de ${s}, configurado en Comptoir.`,
};
const it: DigestStrings = {
  subject: (s, f, t) => `${s}: la tua settimana dal ${f} al ${t}`,
  lastWeek: 'Settimana scorsa',
  weekBefore: 'Settimana precedente',
  recoveredRevenue: 'Fatturato recuperato',
  recoveryRate: 'Tasso di recupero',
  cartsCaptured: 'Carrelli registrati',
  faqEmpty: 'Ricerche FAQ senza risultati',
  bounced: 'Email respinte',
  unsubscribed: 'Disiscrizioni',
  webhookFailures: 'Webhook degli ordini rifiutati',
  eventWebhookFailures: 'Invii di webhook di eventi non riusciti',
  coming: 'Nei prossimi 21 giorni',
  absence: (s, e) => `Sei assente dal ${s} al ${e}.`,
  lastOrder: (ev, d) => `${ev}: ultimo ordine ${d}. Annuncialo nel negozio.`,
  nothingComing: 'Niente in programma.',
  reason: (s) => `Il riepilogo settimanale di ${s}, impostato nella configurazione Comptoir.`,
};
const nl: DigestStrings = {
  subject: (s, f, t) => `${s}: je week van ${f} tot ${t}`,
  lastWeek: 'Vorige week',
  weekBefore: 'Week ervoor',
  recoveredRevenue: 'Teruggewonnen omzet',
  recoveryRate: 'Herstelpercentage',
  cartsCaptured: 'Vastgelegde winkelwagens',
  faqEmpty: 'FAQ-zoekopdrachten zonder resultaat',
  bounced: 'Onbestelbare e-mails',
  unsubscribed: 'Afmeldingen',
  webhookFailures: 'Geweigerde bestelwebhooks',
  eventWebhookFailures: 'Mislukte verzendingen van gebeurteniswebhooks',
  coming: 'De komende 21 dagen',
  absence: (s, e) => `Je bent afwezig van ${s} tot ${e}.`,
  lastOrder: (ev, d) => `${ev}: laatste bestelling ${d}. Kondig het aan in je winkel.`,
  nothingComing: 'Niets gepland.',
  reason: (s) => `Het weekoverzicht van ${s}, ingesteld in je Comptoir-configuratie.`,
};

const byLocale: Record<Locale, DigestStrings> = { en, fr, de, es, it, nl };

/** The digest's words in `locale`, English otherwise. */
export function digestStrings(locale: string): DigestStrings {
  return byLocale[locale as Locale] ?? en;
}
