import type { UiLocale } from './i18n.js';

/**
 * A validation problem with the draft, kept as zod reported it (code and limits) so that it can be
 * worded in the page's language when shown, and re-worded when the merchant switches language.
 */
export interface ValidationIssue {
  /** Dotted config path, `calendar.absences.0.end`. */
  path: string;
  /** zod's issue code; absent for issues the server answered (it sends only path and message). */
  code?: string;
  /** The sdk's English message. */
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** What was too small or too big: `string`, `number`, `array`… */
  origin?: string;
  expected?: string;
  keys?: string[];
}

/** Turns a zod issue (client side) into a {@link ValidationIssue}. */
export function fromZodIssue(issue: {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  expected?: unknown;
  keys?: unknown;
}): ValidationIssue {
  const out: ValidationIssue = {
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  };
  if (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')
    out.minimum = issue.minimum;
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')
    out.maximum = issue.maximum;
  if (typeof issue.origin === 'string') out.origin = issue.origin;
  if (typeof issue.expected === 'string') out.expected = issue.expected;
  if (Array.isArray(issue.keys)) out.keys = issue.keys.map(String);
  return out;
}

/** The issues in a 400 answer's `details` (`[{ path: [...], message }]`). */
export function fromServerDetails(details: unknown): ValidationIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((issue: unknown) => {
    if (!issue || typeof issue !== 'object') return [];
    const { path, message, code } = issue as { path?: unknown; message?: unknown; code?: unknown };
    const dotted = Array.isArray(path)
      ? path.join('.')
      : typeof path === 'string'
        ? path.replace(/^\//, '').replaceAll('/', '.')
        : '';
    const out: ValidationIssue = {
      path: dotted.replace(/^config\./, ''),
      message: String(message ?? ''),
    };
    if (typeof code === 'string') out.code = code;
    return [out];
  });
}

/** What kind of value a config field holds, read from its path; it picks the wording of a format error. */
type FieldKind =
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
  | 'other';

function fieldKind(path: string): FieldKind {
  const parts = path.split('.');
  const last = parts.at(-1) ?? '';
  const parent = parts.at(-2) ?? '';
  if (
    last === 'cutoff' ||
    parent === 'cutoffByDay' ||
    (parent === 'quietHours' && (last === 'start' || last === 'end'))
  )
    return 'time';
  if (
    ['start', 'end', 'deliverBy', 'showFrom'].includes(last) ||
    parent === 'extraHolidays' ||
    parent === 'closedDates'
  )
    return 'date';
  if (/Color$/.test(last)) return 'color';
  if (last === 'borderRadius') return 'length';
  if (last === 'replyTo' || last === 'email') return 'email';
  if (last === 'url' || last === 'privacyUrl' || last === 'shopUrl') return 'url';
  if (parent === 'allowedOrigins') return 'origin';
  if (last === 'currency') return 'currency';
  if (parent === 'countries' || last === 'country') return 'country';
  if (last === 'holidayRegion') return 'region';
  if (last === 'timeZone') return 'timeZone';
  if (last === 'couponCode') return 'coupon';
  if (last === 'fontFamily') return 'font';
  if (parent === 'attributes') return 'attribute';
  if (parts[0] === 'strings') return 'stringKey';
  if (last === 'selector' || last === 'anchorSelector') return 'selector';
  if (last === 'defaultLocale' || parent === 'locales') return 'locale';
  if (last === 'id' || parent === 'methodIds' || parent === 'excludedProductIds') return 'id';
  return 'other';
}

const FORMAT_FR: Record<FieldKind, string> = {
  time: 'Indiquez une heure au format HH:mm, par exemple 14:00.',
  date: 'Indiquez une vraie date, par exemple le 18/12/2026.',
  color: 'Indiquez une couleur CSS, par exemple #1a7f5a.',
  length: 'Indiquez une longueur CSS, par exemple 8px ou 0.5rem.',
  email: 'Indiquez une adresse email valide.',
  url: 'Indiquez une adresse complète commençant par https:// ou http://.',
  origin: 'Indiquez une adresse de site comme https://maboutique.fr, sans chemin ni barre finale.',
  currency: 'Indiquez un code de devise ISO 4217 en majuscules, par exemple EUR.',
  country: 'Indiquez un code pays à deux lettres majuscules, par exemple FR.',
  region: 'Indiquez un code de région comme BY ou 57.',
  timeZone: 'Fuseau horaire inconnu : choisissez-en un dans la liste, par exemple Europe/Paris.',
  id: 'Utilisez seulement des lettres, des chiffres et . _ : ~ -',
  coupon: 'Utilisez seulement des lettres, des chiffres, _ et -.',
  attribute: 'Les noms d’attributs sont des mots en minuscules (lettres, chiffres, -).',
  font: 'Une police ne peut pas contenir ; { } < >',
  stringKey: 'Clé de texte invalide.',
  selector: 'Sélecteur CSS invalide.',
  locale: 'Choisissez une langue de la liste.',
  other: 'Valeur invalide.',
};

/** Custom (refine) issues of the sdk, worded in French by the field they are reported on. */
function customFr(issue: ValidationIssue): string | undefined {
  const path = issue.path;
  const quoted = /"([^"]*)"/.exec(issue.message)?.[1];
  if (/^calendar\.absences\.\d+\.end$/.test(path))
    return 'L’absence se termine avant de commencer : le dernier jour doit suivre le premier.';
  if (/\.transitDays\.min$/.test(path))
    return 'Le minimum de jours de transport dépasse le maximum.';
  if (/^holidayEvents\.\d+\.showFrom$/.test(path))
    return 'L’événement s’affiche à partir d’un jour postérieur à sa date de livraison.';
  if (path === 'defaultLocale')
    return 'La langue par défaut ne fait pas partie des langues de la boutique.';
  if (/\.methodIds\.\d+$/.test(path))
    return quoted ? `Mode de livraison inconnu « ${quoted} ».` : 'Mode de livraison inconnu.';
  if (/\.id$/.test(path) && /^Duplicate/.test(issue.message))
    return quoted ? `Identifiant en double « ${quoted} ».` : 'Identifiant en double.';
  return undefined;
}

const SIZE_NOUN_FR: Record<string, [string, string]> = {
  string: ['caractère', 'caractères'],
  array: ['élément', 'éléments'],
  set: ['élément', 'éléments'],
};

function frenchNumber(value: number | bigint): string {
  return new Intl.NumberFormat('fr').format(value);
}

function sizeFr(issue: ValidationIssue, bound: 'min' | 'max'): string {
  const limit = bound === 'min' ? issue.minimum : issue.maximum;
  const last = issue.path.split('.').at(-1) ?? '';
  if (last === 'delaySeconds') return bound === 'min' ? 'Au moins 1 minute.' : 'Au plus 30 jours.';
  if (issue.path === 'calendar.dispatchDays' && bound === 'min')
    return 'Choisissez au moins un jour d’expédition.';
  if (/\.deliveryDays$/.test(issue.path) && bound === 'min')
    return 'Un transporteur livre au moins un jour par semaine.';
  if (limit === undefined) return bound === 'min' ? 'Valeur trop petite.' : 'Valeur trop grande.';
  const origin = issue.origin ?? 'number';
  if (origin === 'string' && bound === 'min' && Number(limit) === 1) return 'Obligatoire.';
  const noun = SIZE_NOUN_FR[origin];
  const n = frenchNumber(limit);
  if (noun) {
    const word = Number(limit) > 1 ? noun[1] : noun[0];
    return bound === 'min' ? `Au moins ${n} ${word}.` : `Au plus ${n} ${word}.`;
  }
  return bound === 'min' ? `Au moins ${n}.` : `Au plus ${n}.`;
}

/** Infers the zod code of an issue the server answered with only an English message. */
function inferCode(issue: ValidationIssue): ValidationIssue {
  if (issue.code) return issue;
  const message = issue.message;
  if (message === 'Required') return { ...issue, code: 'too_small', origin: 'string', minimum: 1 };
  const atMost = /^At most (\d+)(?: (characters|.+))?$/.exec(message);
  if (atMost)
    return {
      ...issue,
      code: 'too_big',
      origin: atMost[2] === 'characters' ? 'string' : 'array',
      maximum: Number(atMost[1]),
    };
  if (/^(Duplicate|Unknown shipping method|The )/.test(message))
    return { ...issue, code: 'custom' };
  if (/^Expected|^Use letters|^Letters|^Unknown/.test(message))
    return { ...issue, code: 'invalid_format' };
  return issue;
}

/**
 * The message to show for an issue in the page's language. English keeps the sdk's own wording
 * (written for merchants); French words it from the issue's code and the field it is on.
 */
export function localizeIssue(issue: ValidationIssue, locale: UiLocale): string {
  if (locale === 'en') return issue.message;
  const known = inferCode(issue);
  const kind = fieldKind(known.path);
  switch (known.code) {
    case 'too_small':
      return sizeFr(known, 'min');
    case 'too_big':
      return sizeFr(known, 'max');
    case 'invalid_format':
    case 'invalid_string':
      return FORMAT_FR[kind];
    case 'invalid_type':
      if (known.expected === 'int') return 'Indiquez un nombre entier.';
      if (known.expected === 'number') return 'Indiquez un nombre.';
      return kind === 'other' ? 'Ce champ est obligatoire.' : FORMAT_FR[kind];
    case 'invalid_value':
    case 'invalid_enum_value':
      return kind === 'locale' ? FORMAT_FR.locale : 'Choisissez une valeur de la liste.';
    case 'not_multiple_of':
      return 'Indiquez un nombre entier.';
    case 'unrecognized_keys':
      return `Champ inconnu : ${(known.keys ?? []).join(', ')}.`;
    case 'invalid_key':
      return kind === 'stringKey'
        ? FORMAT_FR.stringKey
        : kind === 'attribute'
          ? FORMAT_FR.attribute
          : 'Nom de champ invalide.';
    case 'custom':
      // Refinements on primitives (a real date, a time zone, a URL) are custom issues too.
      return customFr(known) ?? (kind === 'other' ? 'Valeur invalide.' : FORMAT_FR[kind]);
    default:
      return FORMAT_FR[kind];
  }
}
