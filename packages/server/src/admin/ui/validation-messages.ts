import type { Locale } from '@comptoir/sdk/schemas';
import { plural } from './i18n/plural.js';

/** What kind of value a config field holds; it picks the wording of a format error. */
export type FieldKind =
  | 'time'
  | 'date'
  | 'color'
  | 'length'
  | 'email'
  | 'url'
  | 'origin'
  | 'currency'
  | 'country'
  | 'region'
  | 'timeZone'
  | 'id'
  | 'coupon'
  | 'attribute'
  | 'font'
  | 'stringKey'
  | 'selector'
  | 'locale'
  | 'pagePath'
  | 'other';

/**
 * The config page's validation messages in one language: plain sentences a merchant acts on,
 * never zod's wording. Entries with values are functions so each language words its plurals.
 */
export interface ValidationMessages {
  required: string;
  requiredDefault: (v: { language: string }) => string;
  atLeast: (v: { min: number }) => string;
  atMost: (v: { max: number }) => string;
  maxChars: (v: { max: number }) => string;
  minItems: (v: { min: number }) => string;
  maxItems: (v: { max: number }) => string;
  integer: string;
  number: string;
  choice: string;
  unknownField: (v: { keys: string }) => string;
  format: Record<FieldKind, string>;
  absenceOrder: string;
  /** An announcement that ends before it starts. */
  announcementOrder: string;
  /** A countdown without an end to count to. */
  countdownNeedsEnd: string;
  transitOrder: string;
  showFromAfter: string;
  defaultLocale: string;
  unknownMethod: (v: { name: string }) => string;
  duplicateId: (v: { id: string }) => string;
  placeholder: (v: { name: string; allowed: string }) => string;
  delay: string;
  dispatchDays: string;
  deliveryDays: string;
}

const n = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);

const en: ValidationMessages = {
  required: 'Fill this in.',
  requiredDefault: ({ language }) => `Write it in ${language}, the shop’s main language.`,
  atLeast: ({ min }) => `Enter ${n('en', min)} or more.`,
  atMost: ({ max }) => `Enter ${n('en', max)} or less.`,
  maxChars: ({ max }) =>
    plural('en', max, { one: 'Keep it to # character.', other: 'Keep it to # characters.' }),
  minItems: ({ min }) =>
    plural('en', min, { one: 'Choose at least one.', other: 'Choose at least #.' }),
  maxItems: ({ max }) => plural('en', max, { one: 'At most one.', other: 'At most #.' }),
  integer: 'Enter a whole number.',
  number: 'Enter a number.',
  choice: 'Choose one of the options.',
  unknownField: ({ keys }) => `This field is not known here: ${keys}.`,
  format: {
    time: 'Enter a time such as 14:00.',
    date: 'Choose a date.',
    color: 'Enter a colour such as #1a7f5a.',
    length: 'Enter a size such as 8px or 0.5rem.',
    email: 'Enter an email address such as name@example.com.',
    url: 'Enter a full address starting with https://.',
    origin: 'Enter a site address such as https://myshop.com, without a path or final slash.',
    currency: 'Enter a currency code such as EUR.',
    country: 'Not a country code: use two capital letters such as FR or BE.',
    region: 'Enter a region code such as BY or 57.',
    timeZone: 'Choose a time zone from the list, such as Europe/Paris.',
    id: 'Use only letters, digits and . _ : ~ -',
    coupon: 'Use only letters, digits, _ and -.',
    attribute: 'Attribute names are lower-case words (letters, digits, -).',
    font: 'A font name cannot contain ; { } < >',
    stringKey: 'This text key is not known.',
    selector: 'Not a CSS selector the browser understands: check brackets and quotes.',
    locale: 'Choose a language from the list.',
    pagePath: 'Enter a page path such as /cart, or /products/* for every product page.',
    other: 'Check this value.',
  },
  absenceOrder: 'The last day away is before the first day.',
  announcementOrder: 'The message ends before it starts.',
  countdownNeedsEnd: 'A countdown needs an end: choose when the message stops.',
  transitOrder: 'The minimum is above the maximum.',
  showFromAfter: 'It would show from a day after its delivery date.',
  defaultLocale: 'The main language must be one of the shop’s languages.',
  unknownMethod: ({ name }) => `There is no shipping method “${name}”.`,
  duplicateId: ({ id }) => `Another item already uses the id “${id}”.`,
  placeholder: ({ name, allowed }) => `{${name}} is not a value this text can use: ${allowed}.`,
  delay: 'Choose between 1 minute and 30 days.',
  dispatchDays: 'Choose at least one day parcels leave.',
  deliveryDays: 'A carrier delivers at least one day a week.',
};

const fr: ValidationMessages = {
  required: 'À remplir.',
  requiredDefault: ({ language }) =>
    `Écrivez-le en ${language}, la langue principale de la boutique.`,
  atLeast: ({ min }) => `Indiquez ${n('fr', min)} ou plus.`,
  atMost: ({ max }) => `Indiquez ${n('fr', max)} au plus.`,
  maxChars: ({ max }) =>
    plural('fr', max, { one: '# caractère au plus.', other: '# caractères au plus.' }),
  minItems: ({ min }) =>
    plural('fr', min, { one: 'Choisissez-en au moins un.', other: 'Choisissez-en au moins #.' }),
  maxItems: ({ max }) => plural('fr', max, { one: 'Un seul au plus.', other: '# au plus.' }),
  integer: 'Indiquez un nombre entier.',
  number: 'Indiquez un nombre.',
  choice: 'Choisissez l’une des options.',
  unknownField: ({ keys }) => `Ce champ n’existe pas ici\u202f: ${keys}.`,
  format: {
    time: 'Indiquez une heure comme 14:00.',
    date: 'Choisissez une date.',
    color: 'Indiquez une couleur comme #1a7f5a.',
    length: 'Indiquez une taille comme 8px ou 0.5rem.',
    email: 'Indiquez une adresse email comme nom@exemple.fr.',
    url: 'Indiquez une adresse complète commençant par https://.',
    origin:
      'Indiquez une adresse de site comme https://maboutique.fr, sans chemin ni barre finale.',
    currency: 'Indiquez un code de devise comme EUR.',
    country: 'Ce n’est pas un code pays\u202f: deux majuscules comme FR ou BE.',
    region: 'Indiquez un code de région comme BY ou 57.',
    timeZone: 'Choisissez un fuseau horaire de la liste, comme Europe/Paris.',
    id: 'Utilisez seulement des lettres, des chiffres et . _\u202f: ~ -',
    coupon: 'Utilisez seulement des lettres, des chiffres, _ et -.',
    attribute: 'Les noms d’attributs sont des mots en minuscules (lettres, chiffres, -).',
    font: 'Un nom de police ne peut pas contenir\u202f; { } < >',
    stringKey: 'Cette clé de texte est inconnue.',
    selector:
      'Le navigateur ne comprend pas ce sélecteur CSS\u202f: vérifiez crochets et guillemets.',
    locale: 'Choisissez une langue de la liste.',
    pagePath:
      'Indiquez un chemin de page comme /cart, ou /products/* pour toutes les fiches produit.',
    other: 'Vérifiez cette valeur.',
  },
  absenceOrder: 'Le dernier jour d’absence précède le premier.',
  announcementOrder: 'Le message se termine avant de commencer.',
  countdownNeedsEnd:
    'Un compte à rebours a besoin d’une fin\u202f: indiquez quand le message s’arrête.',
  transitOrder: 'Le minimum dépasse le maximum.',
  showFromAfter: 'Il s’afficherait à partir d’un jour postérieur à sa date de livraison.',
  defaultLocale: 'La langue principale doit faire partie des langues de la boutique.',
  unknownMethod: ({ name }) => `Il n’y a pas de mode de livraison «\u00a0${name}\u00a0».`,
  duplicateId: ({ id }) => `Un autre élément utilise déjà l’identifiant «\u00a0${id}\u00a0».`,
  placeholder: ({ name, allowed }) =>
    `{${name}} n’est pas une valeur de ce texte\u202f: ${allowed}.`,
  delay: 'Choisissez entre 1 minute et 30 jours.',
  dispatchDays: 'Choisissez au moins un jour d’expédition.',
  deliveryDays: 'Un transporteur livre au moins un jour par semaine.',
};

const de: ValidationMessages = {
  required: 'Bitte ausfüllen.',
  requiredDefault: ({ language }) => `Bitte auf ${language} schreiben, der Hauptsprache des Shops.`,
  atLeast: ({ min }) => `Bitte ${n('de', min)} oder mehr eingeben.`,
  atMost: ({ max }) => `Bitte höchstens ${n('de', max)} eingeben.`,
  maxChars: ({ max }) =>
    plural('de', max, { one: 'Höchstens # Zeichen.', other: 'Höchstens # Zeichen.' }),
  minItems: ({ min }) =>
    plural('de', min, {
      one: 'Bitte mindestens eines wählen.',
      other: 'Bitte mindestens # wählen.',
    }),
  maxItems: ({ max }) => plural('de', max, { one: 'Höchstens eines.', other: 'Höchstens #.' }),
  integer: 'Bitte eine ganze Zahl eingeben.',
  number: 'Bitte eine Zahl eingeben.',
  choice: 'Bitte eine der Optionen wählen.',
  unknownField: ({ keys }) => `Dieses Feld gibt es hier nicht: ${keys}.`,
  format: {
    time: 'Bitte eine Uhrzeit wie 14:00 eingeben.',
    date: 'Bitte ein Datum wählen.',
    color: 'Bitte eine Farbe wie #1a7f5a eingeben.',
    length: 'Bitte eine Größe wie 8px oder 0.5rem eingeben.',
    email: 'Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.',
    url: 'Bitte eine vollständige Adresse mit https:// eingeben.',
    origin:
      'Bitte eine Website wie https://meinshop.de eingeben, ohne Pfad und ohne Schrägstrich am Ende.',
    currency: 'Bitte einen Währungscode wie EUR eingeben.',
    country: 'Kein Ländercode: zwei Großbuchstaben wie DE oder AT.',
    region: 'Bitte einen Regionscode wie BY oder 57 eingeben.',
    timeZone: 'Bitte eine Zeitzone aus der Liste wählen, etwa Europe/Berlin.',
    id: 'Nur Buchstaben, Ziffern und . _ : ~ - verwenden.',
    coupon: 'Nur Buchstaben, Ziffern, _ und - verwenden.',
    attribute: 'Attributnamen sind kleingeschriebene Wörter (Buchstaben, Ziffern, -).',
    font: 'Ein Schriftname darf ; { } < > nicht enthalten.',
    stringKey: 'Dieser Textschlüssel ist unbekannt.',
    selector:
      'Diesen CSS-Selektor versteht der Browser nicht: Klammern und Anführungszeichen prüfen.',
    locale: 'Bitte eine Sprache aus der Liste wählen.',
    pagePath: 'Geben Sie einen Seitenpfad wie /cart ein, oder /products/* für alle Produktseiten.',
    other: 'Bitte diesen Wert prüfen.',
  },
  absenceOrder: 'Der letzte Abwesenheitstag liegt vor dem ersten.',
  announcementOrder: 'Die Nachricht endet, bevor sie beginnt.',
  countdownNeedsEnd: 'Ein Countdown braucht ein Ende: Wählen Sie, wann die Nachricht endet.',
  transitOrder: 'Das Minimum liegt über dem Maximum.',
  showFromAfter: 'Es würde erst nach seinem Liefertermin angezeigt.',
  defaultLocale: 'Die Hauptsprache muss eine der Sprachen des Shops sein.',
  unknownMethod: ({ name }) => `Es gibt keine Versandart „${name}“.`,
  duplicateId: ({ id }) => `Ein anderes Element verwendet bereits die ID „${id}“.`,
  placeholder: ({ name, allowed }) => `{${name}} ist kein Wert dieses Textes: ${allowed}.`,
  delay: 'Bitte zwischen 1 Minute und 30 Tagen wählen.',
  dispatchDays: 'Bitte mindestens einen Versandtag wählen.',
  deliveryDays: 'Ein Versanddienst liefert an mindestens einem Wochentag.',
};

const es: ValidationMessages = {
  required: 'Rellena este campo.',
  requiredDefault: ({ language }) => `Escríbelo en ${language}, el idioma principal de la tienda.`,
  atLeast: ({ min }) => `Indica ${n('es', min)} o más.`,
  atMost: ({ max }) => `Indica ${n('es', max)} como máximo.`,
  maxChars: ({ max }) =>
    plural('es', max, { one: 'Como máximo # carácter.', other: 'Como máximo # caracteres.' }),
  minItems: ({ min }) =>
    plural('es', min, { one: 'Elige al menos uno.', other: 'Elige al menos #.' }),
  maxItems: ({ max }) => plural('es', max, { one: 'Uno como máximo.', other: '# como máximo.' }),
  integer: 'Indica un número entero.',
  number: 'Indica un número.',
  choice: 'Elige una de las opciones.',
  unknownField: ({ keys }) => `Este campo no existe aquí: ${keys}.`,
  format: {
    time: 'Indica una hora como 14:00.',
    date: 'Elige una fecha.',
    color: 'Indica un color como #1a7f5a.',
    length: 'Indica un tamaño como 8px o 0.5rem.',
    email: 'Indica un email como nombre@ejemplo.es.',
    url: 'Indica una dirección completa que empiece por https://.',
    origin: 'Indica una web como https://mitienda.es, sin ruta ni barra final.',
    currency: 'Indica un código de moneda como EUR.',
    country: 'No es un código de país: dos mayúsculas como ES o FR.',
    region: 'Indica un código de región como BY o 57.',
    timeZone: 'Elige una zona horaria de la lista, como Europe/Madrid.',
    id: 'Usa solo letras, cifras y . _ : ~ -',
    coupon: 'Usa solo letras, cifras, _ y -.',
    attribute: 'Los nombres de atributo son palabras en minúsculas (letras, cifras, -).',
    font: 'Un nombre de fuente no puede contener ; { } < >',
    stringKey: 'Esta clave de texto no existe.',
    selector: 'El navegador no entiende este selector CSS: revisa corchetes y comillas.',
    locale: 'Elige un idioma de la lista.',
    pagePath:
      'Escribe una ruta de página como /cart, o /products/* para todas las fichas de producto.',
    other: 'Revisa este valor.',
  },
  absenceOrder: 'El último día de ausencia es anterior al primero.',
  announcementOrder: 'El mensaje termina antes de empezar.',
  countdownNeedsEnd: 'Una cuenta atrás necesita un final: elige cuándo termina el mensaje.',
  transitOrder: 'El mínimo supera al máximo.',
  showFromAfter: 'Se mostraría desde un día posterior a su fecha de entrega.',
  defaultLocale: 'El idioma principal debe ser uno de los de la tienda.',
  unknownMethod: ({ name }) => `No existe el método de envío «${name}».`,
  duplicateId: ({ id }) => `Otro elemento ya usa el identificador «${id}».`,
  placeholder: ({ name, allowed }) => `{${name}} no es un valor de este texto: ${allowed}.`,
  delay: 'Elige entre 1 minuto y 30 días.',
  dispatchDays: 'Elige al menos un día de envío.',
  deliveryDays: 'Un transportista entrega al menos un día a la semana.',
};

const it: ValidationMessages = {
  required: 'Compila questo campo.',
  requiredDefault: ({ language }) => `Scrivilo in ${language}, la lingua principale del negozio.`,
  atLeast: ({ min }) => `Inserisci ${n('it', min)} o più.`,
  atMost: ({ max }) => `Inserisci al massimo ${n('it', max)}.`,
  maxChars: ({ max }) =>
    plural('it', max, { one: 'Al massimo # carattere.', other: 'Al massimo # caratteri.' }),
  minItems: ({ min }) =>
    plural('it', min, { one: 'Scegline almeno uno.', other: 'Scegline almeno #.' }),
  maxItems: ({ max }) => plural('it', max, { one: 'Al massimo uno.', other: 'Al massimo #.' }),
  integer: 'Inserisci un numero intero.',
  number: 'Inserisci un numero.',
  choice: 'Scegli una delle opzioni.',
  unknownField: ({ keys }) => `Questo campo qui non esiste: ${keys}.`,
  format: {
    time: 'Inserisci un orario come 14:00.',
    date: 'Scegli una data.',
    color: 'Inserisci un colore come #1a7f5a.',
    length: 'Inserisci una misura come 8px o 0.5rem.',
    email: 'Inserisci un’email come nome@esempio.it.',
    url: 'Inserisci un indirizzo completo che inizi con https://.',
    origin: 'Inserisci un sito come https://ilmionegozio.it, senza percorso né barra finale.',
    currency: 'Inserisci un codice valuta come EUR.',
    country: 'Non è un codice paese: due maiuscole come IT o FR.',
    region: 'Inserisci un codice regione come BY o 57.',
    timeZone: 'Scegli un fuso orario dall’elenco, come Europe/Rome.',
    id: 'Usa solo lettere, cifre e . _ : ~ -',
    coupon: 'Usa solo lettere, cifre, _ e -.',
    attribute: 'I nomi degli attributi sono parole minuscole (lettere, cifre, -).',
    font: 'Il nome di un carattere non può contenere ; { } < >',
    stringKey: 'Questa chiave di testo non esiste.',
    selector: 'Il browser non capisce questo selettore CSS: controlla parentesi e virgolette.',
    locale: 'Scegli una lingua dall’elenco.',
    pagePath:
      'Inserisci un percorso di pagina come /cart, o /products/* per tutte le schede prodotto.',
    other: 'Controlla questo valore.',
  },
  absenceOrder: 'L’ultimo giorno di assenza è prima del primo.',
  announcementOrder: 'Il messaggio finisce prima di iniziare.',
  countdownNeedsEnd:
    'Un conto alla rovescia ha bisogno di una fine: scegli quando termina il messaggio.',
  transitOrder: 'Il minimo supera il massimo.',
  showFromAfter: 'Verrebbe mostrato da un giorno successivo alla data di consegna.',
  defaultLocale: 'La lingua principale deve essere una delle lingue del negozio.',
  unknownMethod: ({ name }) => `Non esiste il metodo di spedizione «${name}».`,
  duplicateId: ({ id }) => `Un altro elemento usa già l’identificativo «${id}».`,
  placeholder: ({ name, allowed }) => `{${name}} non è un valore di questo testo: ${allowed}.`,
  delay: 'Scegli tra 1 minuto e 30 giorni.',
  dispatchDays: 'Scegli almeno un giorno di spedizione.',
  deliveryDays: 'Un corriere consegna almeno un giorno a settimana.',
};

const nl: ValidationMessages = {
  required: 'Vul dit in.',
  requiredDefault: ({ language }) => `Schrijf het in het ${language}, de hoofdtaal van de winkel.`,
  atLeast: ({ min }) => `Vul ${n('nl', min)} of meer in.`,
  atMost: ({ max }) => `Vul hoogstens ${n('nl', max)} in.`,
  maxChars: ({ max }) =>
    plural('nl', max, { one: 'Hoogstens # teken.', other: 'Hoogstens # tekens.' }),
  minItems: ({ min }) =>
    plural('nl', min, { one: 'Kies er minstens één.', other: 'Kies er minstens #.' }),
  maxItems: ({ max }) => plural('nl', max, { one: 'Hoogstens één.', other: 'Hoogstens #.' }),
  integer: 'Vul een geheel getal in.',
  number: 'Vul een getal in.',
  choice: 'Kies een van de opties.',
  unknownField: ({ keys }) => `Dit veld bestaat hier niet: ${keys}.`,
  format: {
    time: 'Vul een tijd in zoals 14:00.',
    date: 'Kies een datum.',
    color: 'Vul een kleur in zoals #1a7f5a.',
    length: 'Vul een maat in zoals 8px of 0.5rem.',
    email: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    url: 'Vul een volledig adres in dat begint met https://.',
    origin: 'Vul een website in zoals https://mijnwinkel.nl, zonder pad of slash aan het eind.',
    currency: 'Vul een valutacode in zoals EUR.',
    country: 'Geen landcode: twee hoofdletters zoals NL of BE.',
    region: 'Vul een regiocode in zoals BY of 57.',
    timeZone: 'Kies een tijdzone uit de lijst, zoals Europe/Amsterdam.',
    id: 'Gebruik alleen letters, cijfers en . _ : ~ -',
    coupon: 'Gebruik alleen letters, cijfers, _ en -.',
    attribute: 'Attribuutnamen zijn woorden in kleine letters (letters, cijfers, -).',
    font: 'Een lettertypenaam mag geen ; { } < > bevatten.',
    stringKey: 'Deze tekstsleutel bestaat niet.',
    selector: 'De browser begrijpt deze CSS-selector niet: controleer haakjes en aanhalingstekens.',
    locale: 'Kies een taal uit de lijst.',
    pagePath: 'Vul een paginapad in zoals /cart, of /products/* voor alle productpagina’s.',
    other: 'Controleer deze waarde.',
  },
  absenceOrder: 'De laatste dag afwezig ligt vóór de eerste.',
  announcementOrder: 'Het bericht eindigt voordat het begint.',
  countdownNeedsEnd: 'Een aftelling heeft een einde nodig: kies wanneer het bericht stopt.',
  transitOrder: 'Het minimum ligt boven het maximum.',
  showFromAfter: 'Het zou pas na de leverdatum getoond worden.',
  defaultLocale: 'De hoofdtaal moet een van de talen van de winkel zijn.',
  unknownMethod: ({ name }) => `Er is geen verzendmethode ‘${name}’.`,
  duplicateId: ({ id }) => `Een ander item gebruikt de id ‘${id}’ al.`,
  placeholder: ({ name, allowed }) => `{${name}} is geen waarde van deze tekst: ${allowed}.`,
  delay: 'Kies tussen 1 minuut en 30 dagen.',
  dispatchDays: 'Kies minstens één verzenddag.',
  deliveryDays: 'Een vervoerder levert minstens één dag per week.',
};

/** The validation messages of each of the six languages. */
export const VALIDATION_MESSAGES: Record<Locale, ValidationMessages> = { en, fr, de, es, it, nl };
