import type { UiLocale } from '../i18n.js';

// The Integrations section's own strings, beside it, so the section is one folder's change. Typed
// like the page's (../i18n/en.ts): plain texts, and functions of typed values.
const en = {
  intro:
    'Tell Comptoir about orders with no code: your platform calls these addresses when an order is placed, signed with a secret only you and Comptoir know.',
  'state.off': 'Off',
  'state.waiting': 'Waiting for the first order…',
  'state.receiving': 'Receiving orders',
  'state.receivingSince': ({ first, last }: { first: string; last: string }) =>
    `First order received ${first}; latest ${last}.`,
  urlLabel: 'Address to paste',
  copy: 'Copy',
  copied: 'Copied',
  'shopify.hint':
    'In Shopify: Settings → Notifications → Webhooks → Create webhook. Event "Order creation" (and "Order payment" if you like), format JSON, this address. Shopify then shows "Your webhooks will be signed with …": paste that secret here.',
  'woocommerce.hint':
    'In WooCommerce: Settings → Advanced → Webhooks → Add webhook. Topic "Order updated" (and "Order created"), this address, API version 3, and the secret below.',
  secretLabel: 'Signing secret',
  secretHint: ({ hint }: { hint: string }) =>
    `Set: ends in ${hint}. Paste a new one to replace it.`,
  saveSecret: 'Save secret',
  makeSecret: 'Make a secret for me',
  madeSecret: 'Your secret, shown only now: paste it into WooCommerce’s Secret field.',
  saved: 'Saved. Waiting for the first order.',
  remove: 'Switch off',
  removed: 'Switched off.',
  guide: ({ path }: { path: string }) => `Step-by-step guide: ${path}`,
  fullGuide: ({ platform }: { platform: string }) => `Full guide for ${platform}`,
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
  notDelivered: ({ status }: { status: string }) => `Not delivered (status ${status}).`,
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
  'outcome.duplicate': 'Already received',
  'outcome.bad_signature': 'Wrong signature',
  'outcome.not_configured': 'No secret set',
  'outcome.malformed': 'Not an order',
  'revenue.verified': ({ sources }: { sources: string }) =>
    `Recovered revenue counts verified orders only (${sources}).`,
  'revenue.storefront':
    'Recovered revenue counts orders reported by your storefront, which anyone could send. Set up an order webhook under Integrations to count verified orders only.',
  'source.shopify': 'Shopify webhook',
  'source.woocommerce': 'WooCommerce webhook',
  'source.backend': 'your backend',
};

/** The Integrations section's entries, typed from the English ones. */
type IntegrationsMessages = {
  [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K];
};

/** The keys of the Integrations section's strings. */
export type IntegrationsKey = keyof IntegrationsMessages;

type Args<K extends IntegrationsKey> = IntegrationsMessages[K] extends (values: infer V) => string
  ? [values: V]
  : [];

/** A string of the Integrations section in the page's language, type-checked per key. */
export type IntegrationsTranslate = <K extends IntegrationsKey>(
  key: K,
  ...values: Args<K>
) => string;

const fr: IntegrationsMessages = {
  intro:
    'Informez Comptoir des commandes sans code\u202f: votre plateforme appelle ces adresses à chaque commande, avec une signature que seuls vous et Comptoir pouvez produire.',
  'state.off': 'Désactivé',
  'state.waiting': 'En attente de la première commande…',
  'state.receiving': 'Commandes reçues',
  'state.receivingSince': ({ first, last }) =>
    `Première commande reçue ${first}\u202f; dernière ${last}.`,
  urlLabel: 'Adresse à coller',
  copy: 'Copier',
  copied: 'Copié',
  'shopify.hint':
    'Dans Shopify\u202f: Paramètres → Notifications → Webhooks → Créer un webhook. Événement «\u00a0Création de commande\u00a0» (et «\u00a0Paiement de commande\u00a0» si vous voulez), format JSON, cette adresse. Shopify affiche ensuite «\u00a0Vos webhooks seront signés avec …\u00a0»\u202f: collez ce secret ici.',
  'woocommerce.hint':
    'Dans WooCommerce\u202f: Réglages → Avancé → Webhooks → Ajouter un webhook. Sujet «\u00a0Commande mise à jour\u00a0» (et «\u00a0Commande créée\u00a0»), cette adresse, API version 3, et le secret ci-dessous.',
  secretLabel: 'Secret de signature',
  secretHint: ({ hint }) =>
    `Défini\u202f: se termine par ${hint}. Collez-en un nouveau pour le remplacer.`,
  saveSecret: 'Enregistrer le secret',
  makeSecret: 'Créer un secret pour moi',
  madeSecret:
    'Votre secret, affiché une seule fois\u202f: collez-le dans le champ Secret de WooCommerce.',
  saved: 'Enregistré. En attente de la première commande.',
  remove: 'Désactiver',
  removed: 'Désactivé.',
  guide: ({ path }) => `Guide pas à pas\u202f: ${path}`,
  fullGuide: ({ platform }) => `Guide complet pour ${platform}`,
  'events.title': 'Webhooks d’événements (Zapier, Make, n8n, votre code)',
  'events.hint':
    'Comptoir appelle ces adresses quand quelque chose se passe (un panier capturé avec consentement, une commande récupérée…), signées selon Standard Webhooks. Réessayé pendant environ un jour si l’adresse ne répond pas.',
  'events.secret':
    'Le secret de signature, affiché une seule fois\u202f: donnez-le à l’outil qui reçoit.',
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
  notDelivered: ({ status }) => `Non livré (statut ${status}).`,
  endpointsOff:
    'Ces webhooks d’événements ont été désactivés après des échecs répétés\u202f: leurs événements ne sont plus envoyés.',
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
  'outcome.duplicate': 'Déjà reçue',
  'outcome.bad_signature': 'Signature fausse',
  'outcome.not_configured': 'Aucun secret défini',
  'outcome.malformed': 'Pas une commande',
  'revenue.verified': ({ sources }) =>
    `Le chiffre récupéré ne compte que les commandes vérifiées (${sources}).`,
  'revenue.storefront':
    'Le chiffre récupéré compte les commandes signalées par votre boutique, que n’importe qui pourrait envoyer. Configurez un webhook de commandes dans Intégrations pour ne compter que les commandes vérifiées.',
  'source.shopify': 'webhook Shopify',
  'source.woocommerce': 'webhook WooCommerce',
  'source.backend': 'votre serveur',
};

const de: IntegrationsMessages = {
  intro:
    'Melden Sie Comptoir Bestellungen ohne Code: Ihre Plattform ruft bei jeder Bestellung diese Adressen auf, signiert mit einem Geheimnis, das nur Sie und Comptoir kennen.',
  'state.off': 'Aus',
  'state.waiting': 'Warten auf die erste Bestellung…',
  'state.receiving': 'Bestellungen kommen an',
  'state.receivingSince': ({ first, last }) =>
    `Erste Bestellung erhalten ${first}; letzte ${last}.`,
  urlLabel: 'Einzufügende Adresse',
  copy: 'Kopieren',
  copied: 'Kopiert',
  'shopify.hint':
    'In Shopify: Einstellungen → Benachrichtigungen → Webhooks → Webhook erstellen. Ereignis „Bestellerstellung“ (und auf Wunsch „Bestellzahlung“), Format JSON, diese Adresse. Shopify zeigt dann „Deine Webhooks werden signiert mit …“: Fügen Sie dieses Geheimnis hier ein.',
  'woocommerce.hint':
    'In WooCommerce: Einstellungen → Erweitert → Webhooks → Webhook hinzufügen. Thema „Bestellung aktualisiert“ (und „Bestellung erstellt“), diese Adresse, API-Version 3 und das Geheimnis unten.',
  secretLabel: 'Signaturgeheimnis',
  secretHint: ({ hint }) =>
    `Festgelegt: endet auf ${hint}. Fügen Sie ein neues ein, um es zu ersetzen.`,
  saveSecret: 'Geheimnis speichern',
  makeSecret: 'Ein Geheimnis für mich erzeugen',
  madeSecret:
    'Ihr Geheimnis, nur jetzt angezeigt: Fügen Sie es in das Feld „Geheimnis“ von WooCommerce ein.',
  saved: 'Gespeichert. Warten auf die erste Bestellung.',
  remove: 'Ausschalten',
  removed: 'Ausgeschaltet.',
  guide: ({ path }) => `Schritt-für-Schritt-Anleitung: ${path}`,
  fullGuide: ({ platform }) => `Vollständige Anleitung für ${platform}`,
  'events.title': 'Ereignis-Webhooks (Zapier, Make, n8n, Ihr eigener Code)',
  'events.hint':
    'Comptoir ruft diese Adressen auf, wenn etwas passiert (ein Warenkorb mit Einwilligung gespeichert, eine Bestellung zurückgewonnen…), signiert nach Standard Webhooks. Ist die Adresse nicht erreichbar, wird es etwa einen Tag lang erneut versucht.',
  'events.secret':
    'Das Signaturgeheimnis des Endpunkts, nur jetzt angezeigt: Geben Sie es dem empfangenden Werkzeug.',
  'events.on': 'An',
  'events.test': 'Test-Ereignis senden',
  'events.switchOn': 'Wieder einschalten',
  'events.url': 'Adresse, die die Ereignisse empfängt',
  'events.types': 'Zu sendende Ereignisse',
  'events.add': 'Endpunkt hinzufügen',
  'events.type': 'Ereignis',
  'events.again': 'Erneut senden',
  'events.log': 'Zustellungen von Ereignissen',
  delivered: 'Zugestellt.',
  notDelivered: ({ status }) => `Nicht zugestellt (Status ${status}).`,
  endpointsOff:
    'Diese Ereignis-Webhooks wurden nach wiederholt fehlgeschlagenen Zustellungen ausgeschaltet: Für sie werden keine Ereignisse mehr gesendet.',
  openIntegrations: 'Unter Integrationen korrigieren und wieder einschalten',
  logTitle: 'Letzte Zustellungen',
  logEmpty: 'Bisher ist nichts angekommen.',
  'log.time': 'Empfangen',
  'log.platform': 'Plattform',
  'log.outcome': 'Ergebnis',
  'log.message': 'Details',
  'outcome.accepted': 'Bestellung gezählt',
  'outcome.ignored': 'Geprüft, nicht gezählt',
  'outcome.ping': 'Test-Ping',
  'outcome.duplicate': 'Bereits erhalten',
  'outcome.bad_signature': 'Falsche Signatur',
  'outcome.not_configured': 'Kein Geheimnis festgelegt',
  'outcome.malformed': 'Keine Bestellung',
  'revenue.verified': ({ sources }) =>
    `Der zurückgewonnene Umsatz zählt nur geprüfte Bestellungen (${sources}).`,
  'revenue.storefront':
    'Der zurückgewonnene Umsatz zählt Bestellungen, die Ihr Shop-Frontend meldet – die könnte jeder senden. Richten Sie unter Integrationen einen Bestell-Webhook ein, um nur geprüfte Bestellungen zu zählen.',
  'source.shopify': 'Shopify-Webhook',
  'source.woocommerce': 'WooCommerce-Webhook',
  'source.backend': 'Ihr Backend',
};

const es: IntegrationsMessages = {
  intro:
    'Informa a Comptoir de los pedidos sin programar: tu plataforma llama a estas direcciones con cada pedido, con una firma que solo tú y Comptoir podéis generar.',
  'state.off': 'Desactivado',
  'state.waiting': 'Esperando el primer pedido…',
  'state.receiving': 'Recibiendo pedidos',
  'state.receivingSince': ({ first, last }) => `Primer pedido recibido ${first}; último ${last}.`,
  urlLabel: 'Dirección que pegar',
  copy: 'Copiar',
  copied: 'Copiado',
  'shopify.hint':
    'En Shopify: Configuración → Notificaciones → Webhooks → Crear webhook. Evento «Creación de pedido» (y «Pago del pedido» si quieres), formato JSON, esta dirección. Shopify muestra después «Tus webhooks se firmarán con …»: pega aquí ese secreto.',
  'woocommerce.hint':
    'En WooCommerce: Ajustes → Avanzado → Webhooks → Añadir webhook. Tema «Pedido actualizado» (y «Pedido creado»), esta dirección, API versión 3 y el secreto de abajo.',
  secretLabel: 'Secreto de firma',
  secretHint: ({ hint }) => `Definido: termina en ${hint}. Pega uno nuevo para sustituirlo.`,
  saveSecret: 'Guardar el secreto',
  makeSecret: 'Crear un secreto por mí',
  madeSecret: 'Tu secreto, que solo se muestra ahora: pégalo en el campo Secreto de WooCommerce.',
  saved: 'Guardado. Esperando el primer pedido.',
  remove: 'Desactivar',
  removed: 'Desactivado.',
  guide: ({ path }) => `Guía paso a paso: ${path}`,
  fullGuide: ({ platform }) => `Guía completa para ${platform}`,
  'events.title': 'Webhooks de eventos (Zapier, Make, n8n, tu propio código)',
  'events.hint':
    'Comptoir llama a estas direcciones cuando ocurre algo (un carrito guardado con consentimiento, un pedido recuperado…), firmadas según Standard Webhooks. Si la dirección no responde, se reintenta durante un día aproximadamente.',
  'events.secret':
    'El secreto de firma de la dirección, que solo se muestra ahora: dáselo a la herramienta que recibe.',
  'events.on': 'Activado',
  'events.test': 'Enviar un evento de prueba',
  'events.switchOn': 'Volver a activar',
  'events.url': 'Dirección que recibe los eventos',
  'events.types': 'Eventos que enviar',
  'events.add': 'Añadir la dirección',
  'events.type': 'Evento',
  'events.again': 'Reenviar',
  'events.log': 'Entregas de eventos',
  delivered: 'Entregado.',
  notDelivered: ({ status }) => `No entregado (estado ${status}).`,
  endpointsOff:
    'Estos webhooks de eventos se desactivaron tras varias entregas fallidas: ya no se les envían eventos.',
  openIntegrations: 'Corregirlos y volver a activarlos en Integraciones',
  logTitle: 'Últimas entregas',
  logEmpty: 'Aún no ha llegado nada.',
  'log.time': 'Recibido',
  'log.platform': 'Plataforma',
  'log.outcome': 'Resultado',
  'log.message': 'Detalles',
  'outcome.accepted': 'Pedido contado',
  'outcome.ignored': 'Verificado, no contado',
  'outcome.ping': 'Ping de prueba',
  'outcome.duplicate': 'Ya recibida',
  'outcome.bad_signature': 'Firma incorrecta',
  'outcome.not_configured': 'Ningún secreto definido',
  'outcome.malformed': 'No es un pedido',
  'revenue.verified': ({ sources }) =>
    `Los ingresos recuperados solo cuentan pedidos verificados (${sources}).`,
  'revenue.storefront':
    'Los ingresos recuperados cuentan los pedidos que comunica tu tienda, que cualquiera podría enviar. Configura un webhook de pedidos en Integraciones para contar solo pedidos verificados.',
  'source.shopify': 'webhook de Shopify',
  'source.woocommerce': 'webhook de WooCommerce',
  'source.backend': 'tu servidor',
};

const it: IntegrationsMessages = {
  intro:
    'Comunica a Comptoir gli ordini senza scrivere codice: la tua piattaforma chiama questi indirizzi a ogni ordine, con una firma che solo tu e Comptoir potete produrre.',
  'state.off': 'Spento',
  'state.waiting': 'In attesa del primo ordine…',
  'state.receiving': 'Ordini in arrivo',
  'state.receivingSince': ({ first, last }) => `Primo ordine ricevuto ${first}; ultimo ${last}.`,
  urlLabel: 'Indirizzo da incollare',
  copy: 'Copia',
  copied: 'Copiato',
  'shopify.hint':
    'In Shopify: Impostazioni → Notifiche → Webhook → Crea webhook. Evento «Creazione ordine» (e «Pagamento ordine» se vuoi), formato JSON, questo indirizzo. Shopify mostra poi «I tuoi webhook saranno firmati con …»: incolla qui quel segreto.',
  'woocommerce.hint':
    'In WooCommerce: Impostazioni → Avanzate → Webhook → Aggiungi webhook. Argomento «Ordine aggiornato» (e «Ordine creato»), questo indirizzo, API versione 3 e il segreto qui sotto.',
  secretLabel: 'Segreto di firma',
  secretHint: ({ hint }) => `Impostato: finisce con ${hint}. Incollane uno nuovo per sostituirlo.`,
  saveSecret: 'Salva il segreto',
  makeSecret: 'Crea un segreto per me',
  madeSecret: 'Il tuo segreto, mostrato solo adesso: incollalo nel campo Segreto di WooCommerce.',
  saved: 'Salvato. In attesa del primo ordine.',
  remove: 'Spegni',
  removed: 'Spento.',
  guide: ({ path }) => `Guida passo passo: ${path}`,
  fullGuide: ({ platform }) => `Guida completa per ${platform}`,
  'events.title': 'Webhook di eventi (Zapier, Make, n8n, il tuo codice)',
  'events.hint':
    'Comptoir chiama questi indirizzi quando succede qualcosa (un carrello salvato con consenso, un ordine recuperato…), firmati secondo Standard Webhooks. Se l’indirizzo non risponde, riprova per circa un giorno.',
  'events.secret':
    'Il segreto di firma dell’indirizzo, mostrato solo adesso: dallo allo strumento che riceve.',
  'events.on': 'Acceso',
  'events.test': 'Invia un evento di prova',
  'events.switchOn': 'Riaccendi',
  'events.url': 'Indirizzo che riceve gli eventi',
  'events.types': 'Eventi da inviare',
  'events.add': 'Aggiungi l’indirizzo',
  'events.type': 'Evento',
  'events.again': 'Invia di nuovo',
  'events.log': 'Consegne degli eventi',
  delivered: 'Consegnato.',
  notDelivered: ({ status }) => `Non consegnato (stato ${status}).`,
  endpointsOff:
    'Questi webhook di eventi sono stati spenti dopo ripetute consegne non riuscite: non ricevono più eventi.',
  openIntegrations: 'Correggili e riaccendili in Integrazioni',
  logTitle: 'Ultime consegne',
  logEmpty: 'Non è ancora arrivato niente.',
  'log.time': 'Ricevuto',
  'log.platform': 'Piattaforma',
  'log.outcome': 'Esito',
  'log.message': 'Dettagli',
  'outcome.accepted': 'Ordine conteggiato',
  'outcome.ignored': 'Verificato, non conteggiato',
  'outcome.ping': 'Ping di prova',
  'outcome.duplicate': 'Già ricevuta',
  'outcome.bad_signature': 'Firma errata',
  'outcome.not_configured': 'Nessun segreto impostato',
  'outcome.malformed': 'Non è un ordine',
  'revenue.verified': ({ sources }) =>
    `Il fatturato recuperato conta solo gli ordini verificati (${sources}).`,
  'revenue.storefront':
    'Il fatturato recuperato conta gli ordini segnalati dal tuo negozio, che chiunque potrebbe inviare. Configura un webhook degli ordini in Integrazioni per contare solo gli ordini verificati.',
  'source.shopify': 'webhook di Shopify',
  'source.woocommerce': 'webhook di WooCommerce',
  'source.backend': 'il tuo server',
};

const nl: IntegrationsMessages = {
  intro:
    'Meld bestellingen aan Comptoir zonder code: je platform roept bij elke bestelling deze adressen aan, ondertekend met een geheim dat alleen jij en Comptoir kennen.',
  'state.off': 'Uit',
  'state.waiting': 'Wachten op de eerste bestelling…',
  'state.receiving': 'Bestellingen komen binnen',
  'state.receivingSince': ({ first, last }) =>
    `Eerste bestelling ontvangen ${first}; laatste ${last}.`,
  urlLabel: 'Te plakken adres',
  copy: 'Kopiëren',
  copied: 'Gekopieerd',
  'shopify.hint':
    'In Shopify: Instellingen → Meldingen → Webhooks → Webhook maken. Gebeurtenis ‘Bestelling aanmaken’ (en eventueel ‘Betaling bestelling’), formaat JSON, dit adres. Shopify toont daarna ‘Je webhooks worden ondertekend met …’: plak dat geheim hier.',
  'woocommerce.hint':
    'In WooCommerce: Instellingen → Geavanceerd → Webhooks → Webhook toevoegen. Onderwerp ‘Bestelling bijgewerkt’ (en ‘Bestelling aangemaakt’), dit adres, API-versie 3 en het geheim hieronder.',
  secretLabel: 'Ondertekeningsgeheim',
  secretHint: ({ hint }) => `Ingesteld: eindigt op ${hint}. Plak een nieuw om het te vervangen.`,
  saveSecret: 'Geheim opslaan',
  makeSecret: 'Maak een geheim voor me',
  madeSecret: 'Je geheim, alleen nu getoond: plak het in het veld Secret van WooCommerce.',
  saved: 'Opgeslagen. Wachten op de eerste bestelling.',
  remove: 'Uitzetten',
  removed: 'Uitgezet.',
  guide: ({ path }) => `Stappenplan: ${path}`,
  fullGuide: ({ platform }) => `Volledige handleiding voor ${platform}`,
  'events.title': 'Gebeurtenis-webhooks (Zapier, Make, n8n, je eigen code)',
  'events.hint':
    'Comptoir roept deze adressen aan als er iets gebeurt (een winkelwagen bewaard met toestemming, een bestelling teruggewonnen…), ondertekend volgens Standard Webhooks. Is het adres onbereikbaar, dan wordt het ongeveer een dag opnieuw geprobeerd.',
  'events.secret':
    'Het ondertekeningsgeheim van het adres, alleen nu getoond: geef het aan het ontvangende programma.',
  'events.on': 'Aan',
  'events.test': 'Een testgebeurtenis versturen',
  'events.switchOn': 'Weer aanzetten',
  'events.url': 'Adres dat de gebeurtenissen ontvangt',
  'events.types': 'Te versturen gebeurtenissen',
  'events.add': 'Adres toevoegen',
  'events.type': 'Gebeurtenis',
  'events.again': 'Opnieuw versturen',
  'events.log': 'Afleveringen van gebeurtenissen',
  delivered: 'Afgeleverd.',
  notDelivered: ({ status }) => `Niet afgeleverd (status ${status}).`,
  endpointsOff:
    'Deze gebeurtenis-webhooks zijn uitgezet na herhaaldelijk mislukte afleveringen: ze krijgen geen gebeurtenissen meer.',
  openIntegrations: 'Herstel ze en zet ze weer aan bij Integraties',
  logTitle: 'Laatste afleveringen',
  logEmpty: 'Er is nog niets binnengekomen.',
  'log.time': 'Ontvangen',
  'log.platform': 'Platform',
  'log.outcome': 'Resultaat',
  'log.message': 'Details',
  'outcome.accepted': 'Bestelling geteld',
  'outcome.ignored': 'Gecontroleerd, niet geteld',
  'outcome.ping': 'Testping',
  'outcome.duplicate': 'Al ontvangen',
  'outcome.bad_signature': 'Verkeerde handtekening',
  'outcome.not_configured': 'Geen geheim ingesteld',
  'outcome.malformed': 'Geen bestelling',
  'revenue.verified': ({ sources }) =>
    `De teruggewonnen omzet telt alleen gecontroleerde bestellingen (${sources}).`,
  'revenue.storefront':
    'De teruggewonnen omzet telt bestellingen die je webwinkel meldt, en die kan iedereen sturen. Stel bij Integraties een bestel-webhook in om alleen gecontroleerde bestellingen te tellen.',
  'source.shopify': 'Shopify-webhook',
  'source.woocommerce': 'WooCommerce-webhook',
  'source.backend': 'je backend',
};

const MESSAGES: Record<UiLocale, IntegrationsMessages> = { en, fr, de, es, it, nl };

/** A string of the Integrations section in the page's language, with its values when it takes some. */
export function integrationsText<K extends IntegrationsKey>(
  locale: UiLocale,
  key: K,
  ...values: Args<K>
): string {
  const entry = (MESSAGES[locale] ?? en)[key] as string | ((values: unknown) => string);
  return typeof entry === 'function' ? entry(values[0]) : entry;
}
