import type { OrderLine, ShopConfig } from '@comptoir/sdk';
import { escapeHtml, safeHttpUrl, singleLine } from '../email/escape.js';
import { fillPlaceholders, pickLocale, type RenderedEmail } from '../email/render.js';
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

/** Where a marketing email's links go: tracked links in a real email, preview pages in a preview. */
export interface MarketingLinks {
  unsubscribeUrl: string;
  /** The win-back's button, when the shop has a storefront URL. */
  shopLink: string;
  /** The review request's link for the order's line `index`, when that line has a product page. */
  lineLink: (index: number) => string;
}

/** The shop's storefront: `recovery.restoreUrl.shopUrl`, else the first allowed origin. */
export function storefrontUrl(config: ShopConfig): string | undefined {
  return safeHttpUrl(config.recovery.restoreUrl?.shopUrl ?? config.allowedOrigins[0]);
}

/**
 * What a win-back or review request of `order` says with `config`: the flow's texts (or
 * Comptoir's), its coupon, and links (`links`) only where the real target exists (a storefront,
 * a line's http(s) product page). The worker and the config page's preview both render from this.
 */
export function marketingInput(
  flow: MarketingFlow,
  config: ShopConfig,
  order: { locale: string | null; items: OrderLine[] },
  links: MarketingLinks,
): MarketingRenderInput {
  const settings =
    flow === 'win-back' ? config.lifecycle?.winBack : config.lifecycle?.reviewRequest;
  const couponCode = settings && 'couponCode' in settings ? settings.couponCode : undefined;
  return {
    flow,
    shopName: config.shopName,
    locale: order.locale,
    defaultLocale: config.defaultLocale,
    ...(settings?.subject ? { subject: settings.subject } : {}),
    ...(settings?.body ? { body: settings.body } : {}),
    ...(couponCode ? { couponCode } : {}),
    ...(storefrontUrl(config) ? { shopUrl: links.shopLink } : {}),
    items: order.items.map((item, index) =>
      safeHttpUrl(item.url)
        ? { ...item, url: links.lineLink(index) }
        : { title: item.title, quantity: item.quantity },
    ),
    unsubscribeUrl: links.unsubscribeUrl,
  };
}

/**
 * The language a marketing email is written in. The merchant's texts choose it like the recovery
 * steps: the shopper's when written in it, else the shop's default (required once any is
 * written), so an email is never half in one language; Comptoir's wording otherwise.
 */
export function marketingLocale(
  input: Pick<MarketingRenderInput, 'subject' | 'body' | 'locale' | 'defaultLocale'>,
): string {
  const written = { ...input.subject, ...input.body };
  if (Object.keys(written).length === 0)
    return confirmationLocale(input.locale, input.defaultLocale);
  return confirmationLocale(
    pickLocale(written, input.locale ?? undefined, input.defaultLocale),
    input.defaultLocale,
  );
}

/**
 * Renders a win-back or a review request in the shopper's language: the merchant's subject and
 * body for that language when written (else in the shop's default language), else Comptoir's; `{shopName}` and `{coupon}` filled in.
 * Escaped in the HTML part, verbatim in the text part; one-click unsubscribe in the footer.
 */
export function renderMarketingEmail(input: MarketingRenderInput): RenderedEmail {
  const locale = marketingLocale(input);
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
