import { SUPPORTED_LOCALES, type Locale } from '@comptoir/sdk/schemas';
import type { MessageKey } from './i18n.js';
import { labelInLanguage, languageNameInText } from './language-name.js';
import { VALIDATION_MESSAGES, type FieldKind } from './validation-messages.js';

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
  /** A custom issue's values (`{ placeholder, allowed }`, `{ reason }`). */
  params?: Record<string, unknown>;
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
  params?: unknown;
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
  if (issue.params && typeof issue.params === 'object')
    out.params = issue.params as Record<string, unknown>;
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

/** What kind of value a config field holds, read from its path. */
export function fieldKind(path: string): FieldKind {
  const parts = path.split('.');
  let last = parts.at(-1) ?? '';
  let parent = parts.at(-2) ?? '';
  // A text's translation (`faq.0.question.fr`) is worded like the text itself.
  if ((SUPPORTED_LOCALES as readonly string[]).includes(last) && parts[0] !== 'locales') {
    last = parent;
    parent = parts.at(-3) ?? '';
  }
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
  if (last === 'replyTo' || last === 'email' || path === 'lifecycle.digest.to') return 'email';
  if (last === 'url' || last === 'privacyUrl' || last === 'shopUrl') return 'url';
  if (parent === 'allowedOrigins') return 'origin';
  if (last === 'currency') return 'currency';
  if (parent === 'countries' || last === 'country' || last === 'holidayCountry') return 'country';
  if (last === 'holidayRegion') return 'region';
  if (last === 'timeZone') return 'timeZone';
  if (last === 'couponCode' || last === 'couponParam') return 'coupon';
  if (last === 'fontFamily') return 'font';
  if (parent === 'attributes') return 'attribute';
  if (parts[0] === 'strings') return 'stringKey';
  if (last === 'selector' || last === 'anchorSelector' || last === 'emailFieldSelector')
    return 'selector';
  if (last === 'defaultLocale' || parent === 'locales') return 'locale';
  if (parent === 'paths' && (parts[0] === 'announcements' || parts[0] === 'shippingExclusions'))
    return 'pagePath';
  if (
    last === 'id' ||
    parent === 'methodIds' ||
    parent === 'excludedProductIds' ||
    parent === 'productIds'
  )
    return 'id';
  return 'other';
}

/** Which label names the field at a config path, for the error summary (first match wins). */
const FIELD_LABELS: [RegExp, MessageKey][] = [
  [/^lifecycle\.orderConfirmation\.paragraph/, 'lifecycle.paragraph'],
  [/^lifecycle\.reviewRequest\.daysAfterDelivery/, 'lifecycle.daysAfterDelivery'],
  [/^lifecycle\.winBack\.delayDays/, 'lifecycle.delayDays'],
  [/^lifecycle\.winBack\.couponCode/, 'lifecycle.couponCode'],
  [/^lifecycle\.digest\.to/, 'lifecycle.digestTo'],
  [/^calendar\.absences\.\d+\.start/, 'absences.start'],
  [/^calendar\.absences\.\d+\.end/, 'absences.end'],
  [/^calendar\.absences\.\d+\.announceDays/, 'absences.announceDays'],
  [/^calendar\.absences\.\d+\.resumeBufferDays/, 'absences.resumeBufferDays'],
  [/^calendar\.absences\.\d+\.message/, 'absences.message'],
  [/^calendar\.absences\.\d+\.cartButtons\.selector/, 'absences.cartButtonsSelector'],
  [/^calendar\.methods\.\d+\.name/, 'shipping.methodName'],
  [/^calendar\.methods\.\d+\.transitDays\.min/, 'shipping.transitMin'],
  [/^calendar\.methods\.\d+\.transitDays\.max/, 'shipping.transitMax'],
  [/^calendar\.methods\.\d+\.deliveryDays/, 'shipping.deliveryDays'],
  [/^calendar\.timeZone/, 'shipping.timeZone'],
  [/^calendar\.handlingDays/, 'shipping.handlingDays'],
  [/^calendar\.dispatchDays/, 'shipping.dispatchDays'],
  [/^calendar\.cutoffByDay/, 'shipping.cutoffByDay'],
  [/^calendar\.cutoff/, 'shipping.cutoff'],
  [/^calendar\.holidayCountry/, 'shipping.holidayCountry'],
  [/^calendar\.holidayRegion/, 'shipping.holidayRegion'],
  [/^calendar\.extraHolidays/, 'shipping.extraHolidays'],
  [/^calendar\.closedDates/, 'shipping.closedDates'],
  [/^freeShipping\.rules\.\d+\.threshold/, 'freeShipping.threshold'],
  [/^freeShipping\.rules\.\d+\.currency/, 'freeShipping.currency'],
  [/^freeShipping\.rules\.\d+\.countries/, 'freeShipping.countries'],
  [/^freeShipping\.rules\.\d+\.label/, 'freeShipping.label'],
  [/^freeShipping\.excludedProductIds/, 'freeShipping.excluded'],
  [/^holidayEvents\.\d+\.name/, 'events.name'],
  [/^holidayEvents\.\d+\.deliverBy/, 'events.deliverBy'],
  [/^holidayEvents\.\d+\.showFrom/, 'events.showFrom'],
  [/^holidayEvents\.\d+\.methodIds/, 'events.methods'],
  [/^holidayEvents\.\d+\.message/, 'events.message'],
  [/^holidayEvents\.\d+\.fallback\.text/, 'events.fallbackText'],
  [/^holidayEvents\.\d+\.fallback\.url/, 'events.fallbackUrl'],
  [/^faq\.\d+\.question/, 'faq.question'],
  [/^faq\.\d+\.answer/, 'faq.answer'],
  [/^faq\.\d+\.category/, 'faq.category'],
  [/^faqPageUrl/, 'faq.pageUrl'],
  [/^capture\.anchorSelector/, 'capture.anchorSelector'],
  [/^capture\.emailFieldSelector/, 'capture.emailFieldSelector'],
  [/^capture\.consentText/, 'capture.consentText'],
  [/^capture\.privacyUrl/, 'capture.privacyUrl'],
  [/^capture\.dismissDays/, 'capture.dismissDays'],
  [/^capture\.delaySeconds/, 'capture.delaySeconds'],
  [/^recovery\.steps\.\d+\.delaySeconds/, 'emails.delay'],
  [/^recovery\.steps\.\d+\.couponCode/, 'emails.coupon'],
  [/^recovery\.steps\.\d+\.subject/, 'emails.subject'],
  [/^recovery\.steps\.\d+\.body/, 'emails.body'],
  [/^recovery\.holdoutPercent/, 'emails.holdout'],
  [/^recovery\.tokenTtlDays/, 'emails.tokenTtl'],
  [/^recovery\.fromName/, 'emails.fromName'],
  [/^recovery\.replyTo/, 'emails.replyTo'],
  [/^recovery\.quietHours\.start/, 'emails.quietFrom'],
  [/^recovery\.quietHours\.end/, 'emails.quietTo'],
  [/^recovery\.restoreUrl\.shopUrl/, 'emails.shopUrl'],
  [/^recovery\.restoreUrl\.pattern/, 'emails.pattern'],
  [/^recovery\.restoreUrl\.couponParam/, 'emails.couponParam'],
  [/^announcements\.messages\.\d+\.text/, 'announcements.text'],
  [/^announcements\.messages\.\d+\.link\.url/, 'announcements.linkUrl'],
  [/^announcements\.messages\.\d+\.link\.label/, 'announcements.linkLabel'],
  [/^announcements\.messages\.\d+\.start/, 'announcements.start'],
  [/^announcements\.messages\.\d+\.end/, 'announcements.end'],
  [/^announcements\.messages\.\d+\.weekdays/, 'announcements.weekdays'],
  [/^announcements\.messages\.\d+\.countdown/, 'announcements.countdown'],
  [/^announcements\.messages\.\d+\.paths/, 'announcements.paths'],
  [/^announcements\.messages\.\d+\.devices/, 'announcements.devices'],
  [/^announcements\.rotateSeconds/, 'announcements.rotateSeconds'],
  [/^shippingExclusions\.productIds/, 'shipping.excludedProducts'],
  [/^shippingExclusions\.paths/, 'shipping.excludedPaths'],
  [/^placements\.\d+\.selector/, 'placements.selector'],
  [/^placements\.\d+\.element/, 'placements.element'],
  [/^placements\.\d+\.position/, 'placements.position'],
  [/^shopName/, 'shop.name'],
  [/^currency/, 'shop.currency'],
  [/^locales/, 'shop.locales'],
  [/^defaultLocale/, 'shop.defaultLocale'],
  [/^theme\.borderRadius/, 'shop.borderRadius'],
  [/^theme\.fontFamily/, 'shop.fontFamily'],
];

/** The label key of the field at `path`, when the page has one (the summary names the field). */
export function fieldLabelKey(path: string): MessageKey | undefined {
  return FIELD_LABELS.find(([pattern]) => pattern.test(path))?.[1];
}

/** The item a path is in, numbered from 1 (`faq.2.answer` → 3), for "Question 3". */
export function itemNumber(path: string): number | undefined {
  const match = /^(?:calendar\.)?[a-zA-Z]+\.(?:rules\.|steps\.|messages\.)?(\d+)\./.exec(path);
  return match ? Number(match[1]) + 1 : undefined;
}

/**
 * The field an issue is on, as the summary names it: its label and the translation's language
 * ("Question (French)"); undefined when the page has no such label.
 */
export function issueFieldName(
  path: string,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  uiLocale: string,
): string | undefined {
  const override = /^strings\.(\w+)\.([\w.]+)$/.exec(path);
  if (override)
    return `${t('texts.inputLabel', { key: override[2]! })} (${languageNameInText(override[1]!, uiLocale)})`;
  const key = fieldLabelKey(path);
  if (!key) return undefined;
  const locale = translationLocale(path);
  const language = locale ? languageNameInText(locale, uiLocale) : '';
  const label = t(key, { language, currency: '' })
    .replace(/\s*\(\)$/, '')
    .replace(/\s*:$/, '');
  return language && !label.includes(language) ? labelInLanguage(label, language) : label;
}

/** The language of a translation's path (`faq.0.question.fr` → `fr`). */
function translationLocale(path: string): Locale | undefined {
  const last = path.split('.').at(-1) ?? '';
  return path.startsWith('locales') || !(SUPPORTED_LOCALES as readonly string[]).includes(last)
    ? undefined
    : (last as Locale);
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
  const placeholder = /^Unknown placeholder \{(\w*)\}: this text can use (.*)$/.exec(message);
  if (placeholder)
    return {
      ...issue,
      code: 'custom',
      params: { placeholder: placeholder[1], allowed: placeholder[2]!.split(', ') },
    };
  if (/^(Duplicate|Unknown shipping method|The |A countdown|Required in the shop)/.test(message))
    return { ...issue, code: 'custom' };
  if (/^Expected|^Use letters|^Letters|^Unknown|^Not a valid/.test(message))
    return { ...issue, code: 'invalid_format' };
  return issue;
}

function customMessage(issue: ValidationIssue, locale: Locale): string | undefined {
  const m = VALIDATION_MESSAGES[locale];
  const path = issue.path;
  const quoted = /"([^"]*)"/.exec(issue.message)?.[1] ?? '';
  const params = issue.params ?? {};
  if (typeof params.placeholder === 'string') {
    const allowed = Array.isArray(params.allowed)
      ? params.allowed.map((name) => `{${String(name).replace(/[{}]/g, '')}}`).join(', ')
      : '';
    return m.placeholder({ name: params.placeholder, allowed });
  }
  if (params.reason === 'default-language' || /^Required in the shop/.test(issue.message)) {
    const language = translationLocale(path) ?? 'en';
    return m.requiredDefault({ language: languageNameInText(language, locale) });
  }
  if (/^calendar\.absences\.\d+\.end$/.test(path)) return m.absenceOrder;
  if (/^announcements\.messages\.\d+\.end$/.test(path)) return m.announcementOrder;
  if (/^announcements\.messages\.\d+\.countdown$/.test(path)) return m.countdownNeedsEnd;
  if (/\.transitDays\.min$/.test(path)) return m.transitOrder;
  if (/^holidayEvents\.\d+\.showFrom$/.test(path)) return m.showFromAfter;
  if (path === 'defaultLocale') return m.defaultLocale;
  if (/\.methodIds\.\d+$/.test(path)) return m.unknownMethod({ name: quoted });
  if (/\.id$/.test(path) && /^Duplicate/.test(issue.message)) return m.duplicateId({ id: quoted });
  return undefined;
}

function sizeMessage(issue: ValidationIssue, bound: 'min' | 'max', locale: Locale): string {
  const m = VALIDATION_MESSAGES[locale];
  const limit = Number(bound === 'min' ? issue.minimum : issue.maximum);
  const last = issue.path.split('.').at(-1) ?? '';
  if (last === 'delaySeconds' && issue.path.startsWith('recovery')) return m.delay;
  if (issue.path === 'calendar.dispatchDays' && bound === 'min') return m.dispatchDays;
  if (/\.deliveryDays$/.test(issue.path) && bound === 'min') return m.deliveryDays;
  if (!Number.isFinite(limit)) return m.format.other;
  const origin = issue.origin ?? 'number';
  if (origin === 'string') return bound === 'min' ? m.required : m.maxChars({ max: limit });
  if (origin === 'array' || origin === 'set')
    return bound === 'min' ? m.minItems({ min: limit }) : m.maxItems({ max: limit });
  return bound === 'min' ? m.atLeast({ min: limit }) : m.atMost({ max: limit });
}

/**
 * The message to show for an issue, in one of the six languages: a plain sentence chosen from the
 * issue's code and the kind of field it is on, never zod's own wording.
 */
export function localizeIssue(issue: ValidationIssue, locale: Locale): string {
  const m = VALIDATION_MESSAGES[locale] ?? VALIDATION_MESSAGES.en;
  const known = inferCode(issue);
  const kind = fieldKind(known.path);
  switch (known.code) {
    case 'too_small':
      return sizeMessage(known, 'min', locale);
    case 'too_big':
      return sizeMessage(known, 'max', locale);
    case 'invalid_format':
    case 'invalid_string':
      return m.format[kind];
    case 'invalid_type':
      if (known.expected === 'int') return m.integer;
      if (known.expected === 'number') return m.number;
      return kind === 'other' ? m.required : m.format[kind];
    case 'invalid_value':
    case 'invalid_enum_value':
      return kind === 'locale' ? m.format.locale : m.choice;
    case 'not_multiple_of':
      return m.integer;
    case 'unrecognized_keys':
      return m.unknownField({ keys: (known.keys ?? []).join(', ') });
    case 'invalid_key':
      return kind === 'stringKey' || kind === 'attribute' ? m.format[kind] : m.format.other;
    case 'custom':
      // Refinements on primitives (a real date, a time zone, a URL) are custom issues too.
      return customMessage(known, locale) ?? m.format[kind];
    default:
      return customMessage(known, locale) ?? m.format[kind];
  }
}
