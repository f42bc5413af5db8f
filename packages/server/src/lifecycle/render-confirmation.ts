import type { OrderLine, OrderShipping } from '@comptoir/sdk';
import { SUPPORTED_LOCALES } from '@comptoir/sdk/schemas';
import { escapeHtml, singleLine } from '../email/escape.js';
import type { RenderedEmail } from '../email/render.js';
import { htmlLayout, paragraphsHtml } from '../email/templates/layout.js';
import {
  confirmationStrings,
  formatCivilDay,
  formatCivilDayMonth,
  type ConfirmationStrings,
} from './confirmation-strings.js';
import type { ShopConfig } from '@comptoir/sdk';
import { deliveryPromise, type DeliveryPromise } from './delivery-promise.js';
import type { LifecycleOrder } from '../storage/lifecycle-orders.store.js';

/** What an order confirmation is rendered from. */
export interface ConfirmationRenderInput {
  shopName: string;
  /** The shopper's language tag, when the order carried one. */
  locale?: string | null;
  defaultLocale: string;
  orderId: string;
  /** What the calendar promised; absent when the order ships nothing (digital, pickup). */
  promise?: DeliveryPromise;
  /** The merchant's personal paragraph per language (`{shopName}` replaced). */
  paragraph?: Partial<Record<string, string>>;
  items: OrderLine[];
  name?: string | null;
  address: OrderShipping['address'] | null;
}

/** The shopper's language when Comptoir speaks it, else the shop's default, else English. */
export function confirmationLocale(
  locale: string | null | undefined,
  defaultLocale: string,
): string {
  const supported: readonly string[] = SUPPORTED_LOCALES;
  const wanted = locale?.toLowerCase().split('-')[0];
  if (wanted && supported.includes(wanted)) return wanted;
  return supported.includes(defaultLocale) ? defaultLocale : 'en';
}

/** The promise as one sentence: dispatch (or the absence), then the delivery window. */
export function promiseSentence(
  promise: DeliveryPromise,
  strings: ConfirmationStrings,
  locale: string,
): string {
  const dispatch = formatCivilDay(promise.dispatchDate, locale);
  const opening = promise.awayUntil
    ? strings.away(formatCivilDayMonth(promise.awayUntil, locale), dispatch)
    : strings.leaves(dispatch);
  const { delivery } = promise;
  if (!delivery) return `${opening}.`;
  const arrival =
    delivery.earliest === delivery.latest
      ? strings.arrivesOn(formatCivilDay(delivery.earliest, locale), delivery.methodName)
      : strings.arrivesBetween(
          formatCivilDay(delivery.earliest, locale),
          formatCivilDay(delivery.latest, locale),
          delivery.methodName,
        );
  return `${opening}${arrival}.`;
}

function addressLines(input: ConfirmationRenderInput): string[] {
  const { address } = input;
  if (!address) return [];
  return [
    input.name ?? '',
    address.line1,
    address.line2 ?? '',
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.country,
  ].filter((line) => line.trim() !== '');
}

/**
 * What the confirmation of `order` says with `config`: the promise made at the order's instant
 * (not at the possibly later send), the merchant's paragraph, the lines and the address. The
 * worker and the config page's preview both render from this.
 */
export function confirmationInput(
  config: ShopConfig,
  order: Pick<
    LifecycleOrder,
    'locale' | 'orderId' | 'methodId' | 'orderedAt' | 'items' | 'name' | 'address'
  >,
): ConfirmationRenderInput {
  const paragraph = config.lifecycle?.orderConfirmation?.paragraph;
  return {
    shopName: config.shopName,
    locale: order.locale,
    defaultLocale: config.defaultLocale,
    orderId: order.orderId,
    // Nothing ships: no dispatch or delivery date to promise.
    ...(order.address
      ? { promise: deliveryPromise(config, order.methodId, new Date(order.orderedAt)) }
      : {}),
    ...(paragraph ? { paragraph } : {}),
    items: order.items,
    name: order.name,
    address: order.address,
  };
}

const TEXT_STYLE =
  'font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#18181b;';

/**
 * Renders the order confirmation in the shopper's language: the delivery promise, the merchant's
 * paragraph, the lines and the address. Every merchant- and shopper-supplied string is escaped in
 * the HTML part; the text part carries them verbatim. Transactional: no unsubscribe link.
 */
export function renderOrderConfirmation(input: ConfirmationRenderInput): RenderedEmail {
  const locale = confirmationLocale(input.locale, input.defaultLocale);
  const strings = confirmationStrings(locale);
  const subject = singleLine(strings.subject(input.shopName));
  const sentence = input.promise
    ? promiseSentence(input.promise, strings, locale)
    : strings.confirmed;
  const paragraphLocale = input.paragraph?.[locale] !== undefined ? locale : input.defaultLocale;
  const paragraph = (input.paragraph?.[paragraphLocale] ?? input.paragraph?.en ?? '').replaceAll(
    '{shopName}',
    input.shopName,
  );
  const lines = addressLines(input);
  const itemsHtml = input.items
    .map(
      (item) =>
        `<tr><td class="c-text" style="${TEXT_STYLE}padding:4px 0;">${escapeHtml(item.title)}</td><td class="c-text" style="${TEXT_STYLE}padding:4px 0;text-align:right;">${escapeHtml(strings.quantity)} ${item.quantity}</td></tr>`,
    )
    .join('');
  const content = [
    paragraphsHtml(sentence),
    paragraph ? paragraphsHtml(paragraph) : '',
    `<h2 class="c-heading" style="${TEXT_STYLE}font-size:18px;font-weight:bold;margin:16px 0 8px;">${escapeHtml(strings.yourOrder)} · ${escapeHtml(strings.orderNumber(input.orderId))}</h2>`,
    input.items.length > 0
      ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="c-line" style="border-top:1px solid #e4e4e7;margin:0 0 16px;">${itemsHtml}</table>`
      : '',
    ...(lines.length > 0
      ? [
          `<h2 class="c-heading" style="${TEXT_STYLE}font-size:18px;font-weight:bold;margin:16px 0 8px;">${escapeHtml(strings.shipTo)}</h2>`,
          `<p class="c-text" style="${TEXT_STYLE}margin:0 0 16px;">${lines.map(escapeHtml).join('<br>')}</p>`,
        ]
      : []),
  ].join('\n');
  const html = htmlLayout({
    lang: locale,
    title: subject,
    preheader: sentence,
    shopName: input.shopName,
    contentHtml: content,
    reason: strings.reason(input.shopName),
  });
  const text = [
    input.shopName,
    '',
    sentence,
    '',
    ...(paragraph ? [paragraph.trim(), ''] : []),
    `${strings.yourOrder} · ${strings.orderNumber(input.orderId)}`,
    ...input.items.map((item) => `- ${item.title} (${strings.quantity} ${item.quantity})`),
    '',
    ...(lines.length > 0 ? [`${strings.shipTo}:`, ...lines, ''] : []),
    '--',
    strings.reason(input.shopName),
    '',
  ].join('\n');
  return { subject, html, text };
}
