import type { UiLocale } from '../i18n.js';

// The Integrations section's own strings, beside it, so the section is one folder's change.
const en = {
  intro:
    'Tell Comptoir about orders with no code: your platform calls these addresses when an order is placed, signed with a secret only you and Comptoir know.',
  'state.off': 'Off',
  'state.waiting': 'Waiting for the first order…',
  'state.receiving': 'Receiving orders',
  'state.receivingSince': 'First order received {first}; latest {last}.',
  urlLabel: 'Address to paste',
  copy: 'Copy',
  copied: 'Copied',
  'shopify.hint':
    'In Shopify: Settings → Notifications → Webhooks → Create webhook. Event "Order creation" (and "Order payment" if you like), format JSON, this address. Shopify then shows "Your webhooks will be signed with …": paste that secret here.',
  'woocommerce.hint':
    'In WooCommerce: Settings → Advanced → Webhooks → Add webhook. Topic "Order updated" (and "Order created"), this address, API version 3, and the secret below.',
  secretLabel: 'Signing secret',
  secretHint: 'Set: ends in {hint}. Paste a new one to replace it.',
  saveSecret: 'Save secret',
  makeSecret: 'Make a secret for me',
  madeSecret: 'Your secret, shown only now: paste it into WooCommerce’s Secret field.',
  saved: 'Saved. Waiting for the first order.',
  remove: 'Switch off',
  removed: 'Switched off.',
  guide: 'Step-by-step guide: {path}',
  fullGuide: 'Full guide for {platform}',
  'events.title': 'Event webhooks (Zapier, Make, n8n, your own code)',
  'events.hint':
    'Comptoir calls these addresses when something happens (a cart captured with consent, an order recovered…), signed per Standard Webhooks. Retried for about a day when the address is down.',
  'events.secret': 'The endpoint’s signing secret, shown only now: give it to the receiving tool.',
  'events.on': 'On',
  'events.test': 'Send a test event',
  'events.switchOn': 'Switch on again',
  'events.url': 'Address that receives the events',
  'events.types': 'Events to send',
  'events.add': 'Add endpoint',
  'events.type': 'Event',
  'events.again': 'Send again',
  'events.log': 'Event deliveries',
  delivered: 'Delivered.',
  notDelivered: 'Not delivered (status {status}).',
  endpointsOff:
    'These event webhooks were switched off after repeated failed deliveries: events for them are no longer sent.',
  openIntegrations: 'Fix and switch them on again in Integrations',
  logTitle: 'Latest deliveries',
  logEmpty: 'Nothing has arrived yet.',
  'log.time': 'Received',
  'log.platform': 'Platform',
  'log.outcome': 'Result',
  'log.message': 'Details',
  'outcome.accepted': 'Order counted',
  'outcome.ignored': 'Verified, not counted',
  'outcome.ping': 'Test ping',
  'outcome.duplicate': 'Replay refused',
  'outcome.bad_signature': 'Wrong signature',
  'outcome.not_configured': 'No secret set',
  'outcome.malformed': 'Not an order',
  'revenue.verified': 'Recovered revenue counts verified orders only ({sources}).',
  'revenue.storefront':
    'Recovered revenue counts orders reported by your storefront, which anyone could send. Set up an order webhook under Integrations to count verified orders only.',
  'source.shopify': 'Shopify webhook',
  'source.woocommerce': 'WooCommerce webhook',
  'source.backend': 'your backend',
};

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  intro:
    'Informez Comptoir des commandes sans code : votre plateforme appelle ces adresses à chaque commande, avec une signature que seuls vous et Comptoir pouvez produire.',
  'state.off': 'Désactivé',
  'state.waiting': 'En attente de la première commande…',
  'state.receiving': 'Commandes reçues',
  'state.receivingSince': 'Première commande reçue {first} ; dernière {last}.',
  urlLabel: 'Adresse à coller',
  copy: 'Copier',
  copied: 'Copié',
  'shopify.hint':
    'Dans Shopify : Paramètres → Notifications → Webhooks → Créer un webhook. Événement « Création de commande » (et « Paiement de commande » si vous voulez), format JSON, cette adresse. Shopify affiche ensuite « Vos webhooks seront signés avec … » : collez ce secret ici.',
  'woocommerce.hint':
    'Dans WooCommerce : Réglages → Avancé → Webhooks → Ajouter un webhook. Sujet « Commande mise à jour » (et « Commande créée »), cette adresse, API version 3, et le secret ci-dessous.',
  secretLabel: 'Secret de signature',
  secretHint: 'Défini : se termine par {hint}. Collez-en un nouveau pour le remplacer.',
  saveSecret: 'Enregistrer le secret',
  makeSecret: 'Créer un secret pour moi',
  madeSecret:
    'Votre secret, affiché une seule fois : collez-le dans le champ Secret de WooCommerce.',
  saved: 'Enregistré. En attente de la première commande.',
  remove: 'Désactiver',
  removed: 'Désactivé.',
  guide: 'Guide pas à pas : {path}',
  fullGuide: 'Guide complet pour {platform}',
  'events.title': 'Webhooks d’événements (Zapier, Make, n8n, votre code)',
  'events.hint':
    'Comptoir appelle ces adresses quand quelque chose se passe (un panier capturé avec consentement, une commande récupérée…), signées selon Standard Webhooks. Réessayé pendant environ un jour si l’adresse ne répond pas.',
  'events.secret':
    'Le secret de signature, affiché une seule fois : donnez-le à l’outil qui reçoit.',
  'events.on': 'Activé',
  'events.test': 'Envoyer un événement de test',
  'events.switchOn': 'Réactiver',
  'events.url': 'Adresse qui reçoit les événements',
  'events.types': 'Événements à envoyer',
  'events.add': 'Ajouter l’adresse',
  'events.type': 'Événement',
  'events.again': 'Renvoyer',
  'events.log': 'Livraisons d’événements',
  delivered: 'Livré.',
  notDelivered: 'Non livré (statut {status}).',
  endpointsOff:
    'Ces webhooks d’événements ont été désactivés après des échecs répétés : leurs événements ne sont plus envoyés.',
  openIntegrations: 'Les corriger et les réactiver dans Intégrations',
  logTitle: 'Dernières livraisons',
  logEmpty: 'Rien n’est encore arrivé.',
  'log.time': 'Reçu',
  'log.platform': 'Plateforme',
  'log.outcome': 'Résultat',
  'log.message': 'Détails',
  'outcome.accepted': 'Commande comptée',
  'outcome.ignored': 'Vérifiée, non comptée',
  'outcome.ping': 'Ping de test',
  'outcome.duplicate': 'Rejeu refusé',
  'outcome.bad_signature': 'Signature fausse',
  'outcome.not_configured': 'Aucun secret défini',
  'outcome.malformed': 'Pas une commande',
  'revenue.verified': 'Le chiffre récupéré ne compte que les commandes vérifiées ({sources}).',
  'revenue.storefront':
    'Le chiffre récupéré compte les commandes signalées par votre boutique, que n’importe qui pourrait envoyer. Configurez un webhook de commandes dans Intégrations pour ne compter que les commandes vérifiées.',
  'source.shopify': 'webhook Shopify',
  'source.woocommerce': 'webhook WooCommerce',
  'source.backend': 'votre serveur',
};

/** A string of the Integrations section in the page's language, `{name}` placeholders filled. */
export function integrationsText(
  locale: UiLocale,
  key: Key,
  params: Record<string, string> = {},
): string {
  const template = (locale === 'fr' ? fr : en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The keys of the Integrations section's strings. */
export type IntegrationsKey = Key;
