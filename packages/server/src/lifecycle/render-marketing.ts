import type { OrderLine } from '@comptoir/sdk';
import { escapeHtml, safeHttpUrl, singleLine } from '../email/escape.js';
import { fillPlaceholders, type RenderedEmail } from '../email/render.js';
import { buttonHtml, htmlLayout, paragraphsHtml } from '../email/templates/layout.js';
import { marketingStrings } from './marketing-strings.js';
import { confirmationLocale } from './render-confirmation.js';

/** The marketing flows after the order. */
export type MarketingFlow = 'win-back' | 'review-request';

/** What a win-back or review request is rendered from. */
export interface MarketingRenderInput {
  flow: MarketingFlow;
  shopName: string;
  locale?: string | null;
  defaultLocale: string;
  /** The merchant's texts per language, when they wrote some. */
  subject?: Partial<Record<string, string>>;
  body?: Partial<Record<string, string>>;
  couponCode?: string;
  /** The storefront, for the win-back's button. */
  shopUrl?: string;
  /** The order's lines, for the review request's links. */
  items: OrderLine[];
  unsubscribeUrl: string;
}

/**
 * Renders a win-back or a review request in the shopper's language: the merchant's subject and
 * body for that language when written, else Comptoir's; `{shopName}` and `{coupon}` filled in.
 * Escaped in the HTML part, verbatim in the text part; one-click unsubscribe in the footer.
 */
export function renderMarketingEmail(input: MarketingRenderInput): RenderedEmail {
  const locale = confirmationLocale(input.locale, input.defaultLocale);
  const strings = marketingStrings(locale);
  const winBack = input.flow === 'win-back';
  const fill = (text: string) => fillPlaceholders(text, input.shopName, input.couponCode);
  const subject = singleLine(
    fill(input.subject?.[locale] ?? (winBack ? strings.winBackSubject : strings.reviewSubject)),
  );
  let body = fill(input.body?.[locale] ?? (winBack ? strings.winBackBody : strings.reviewBody));
  if (winBack && input.couponCode && input.body?.[locale] === undefined)
    body += `\n\n${fill(strings.winBackCoupon)}`;
  const shopUrl = safeHttpUrl(input.shopUrl);
  // Only lines with an http(s) product page get a link: a `javascript:` URL is dropped.
  const links = winBack
    ? []
    : input.items.flatMap((item) => {
        const url = safeHttpUrl(item.url);
        return url ? [{ url, label: strings.reviewItem(item.title) }] : [];
      });
  const content = [
    paragraphsHtml(body),
    winBack && shopUrl ? buttonHtml(shopUrl, strings.visitShop) : '',
    links.length > 0
      ? `<ul style="margin:0 0 16px;padding-left:20px;">${links
          .map(
            (link) =>
              `<li class="c-text" style="font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:28px;color:#18181b;"><a href="${escapeHtml(link.url)}" style="color:#18181b;">${escapeHtml(link.label)}</a></li>`,
          )
          .join('')}</ul>`
      : '',
  ].join('\n');
  const reason = strings.reason(input.shopName);
  const html = htmlLayout({
    lang: locale,
    title: subject,
    preheader: body.split(/\n/)[0] ?? '',
    shopName: input.shopName,
    contentHtml: content,
    reason,
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: strings.unsubscribe,
  });
  const text = [
    input.shopName,
    '',
    body.trim(),
    '',
    ...(winBack && shopUrl ? [`${strings.visitShop}: ${shopUrl}`, ''] : []),
    ...links.map((link) => `${link.label}: ${link.url}`),
    ...(links.length > 0 ? [''] : []),
    '--',
    reason,
    `${strings.unsubscribe}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
  return { subject, html, text };
}
