import type { Cart, RecoveryStep } from '@comptoir/sdk/schemas';
import { singleLine } from './escape.js';
import { absenceHtml, absenceText } from './templates/absence.js';
import { recoveryHtml, recoveryText } from './templates/recovery.js';
import { emailStrings } from './translations.js';

/** A rendered email: one-line subject, HTML part and plain-text part. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What a recovery email is rendered from. */
export interface RecoveryRenderInput {
  shopName: string;
  /** The shopper's language (a tag such as `fr-BE`), when the storefront sent one. */
  locale?: string;
  /** The shop's default language, used when the step has no text in the shopper's. */
  defaultLocale: string;
  step: Pick<RecoveryStep, 'subject' | 'body' | 'couponCode'>;
  cart: Pick<Cart, 'currency' | 'subtotal' | 'items'>;
  /** The tracked `/r/:token` link. */
  restoreUrl: string;
  /** The `/u/:token` page. */
  unsubscribeUrl: string;
  /**
   * Whether the restore link applies the step's coupon (`restoreAppliesCoupon`); when not, the
   * email asks the shopper to enter the code at checkout instead of promising it is applied.
   */
  couponApplies?: boolean;
}

/** What a "we're back" email is rendered from. */
export interface AbsenceRenderInput {
  shopName: string;
  locale?: string;
  defaultLocale: string;
  shopUrl?: string;
  unsubscribeUrl: string;
}

function language(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? tag;
}

/**
 * The locale to write in: the shopper's language when the step has text for it, else the shop's
 * default, else English, else whatever the step has.
 */
export function pickLocale(
  texts: Partial<Record<string, string>>,
  locale: string | undefined,
  defaultLocale: string,
): string {
  const candidates = [locale && language(locale), defaultLocale, 'en', ...Object.keys(texts)];
  for (const candidate of candidates) {
    if (candidate && texts[candidate] !== undefined) return candidate;
  }
  return defaultLocale;
}

/** Replaces `{shopName}` and `{coupon}` in a merchant's text. */
export function fillPlaceholders(text: string, shopName: string, couponCode?: string): string {
  return text.replaceAll('{shopName}', shopName).replaceAll('{coupon}', couponCode ?? '');
}

/** Renders one step of the recovery sequence in the shopper's language and the cart's currency. */
export function renderRecoveryEmail(input: RecoveryRenderInput): RenderedEmail {
  const chosen = pickLocale(input.step.body, input.locale, input.defaultLocale);
  const subjectLocale = pickLocale(input.step.subject, chosen, input.defaultLocale);
  const strings = emailStrings(chosen);
  const subject = singleLine(
    fillPlaceholders(
      input.step.subject[subjectLocale as never] ?? input.shopName,
      input.shopName,
      input.step.couponCode,
    ),
  );
  const body = fillPlaceholders(
    input.step.body[chosen as never] ?? '',
    input.shopName,
    input.step.couponCode,
  );
  const template = {
    locale: chosen,
    shopName: input.shopName,
    subject,
    body,
    cart: input.cart,
    restoreUrl: input.restoreUrl,
    unsubscribeUrl: input.unsubscribeUrl,
    strings,
    ...(input.step.couponCode ? { couponCode: input.step.couponCode } : {}),
    couponApplies: input.couponApplies === true,
  };
  return { subject, html: recoveryHtml(template), text: recoveryText(template) };
}

/** Renders the one "we're back" email a shopper asked for on the absence banner. */
export function renderAbsenceEmail(input: AbsenceRenderInput): RenderedEmail {
  const locale = input.locale ? language(input.locale) : input.defaultLocale;
  const strings = emailStrings(locale);
  const template = {
    locale,
    shopName: input.shopName,
    unsubscribeUrl: input.unsubscribeUrl,
    strings,
    ...(input.shopUrl ? { shopUrl: input.shopUrl } : {}),
  };
  return {
    subject: singleLine(strings.backSubject(input.shopName)),
    html: absenceHtml(template),
    text: absenceText(template),
  };
}
