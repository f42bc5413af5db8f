import { formatMoney } from '@comptoir/sdk/money';
import type { Cart } from '@comptoir/sdk/schemas';
import { escapeHtml, safeHttpUrl } from '../escape.js';
import type { EmailStrings } from '../translations.js';
import { buttonHtml, htmlLayout, paragraphsHtml } from './layout.js';

/** Everything a recovery email shows, with the merchant's texts already in the shopper's language. */
export interface RecoveryTemplateInput {
  locale: string;
  shopName: string;
  subject: string;
  /** The merchant's body with its placeholders filled. */
  body: string;
  couponCode?: string;
  /** Whether the restore link applies `couponCode` by itself. */
  couponApplies: boolean;
  cart: Pick<Cart, 'currency' | 'subtotal' | 'items'>;
  restoreUrl: string;
  unsubscribeUrl: string;
  strings: EmailStrings;
}

/** The coupon sentence: "applied" only when the restore link really applies it. */
function couponLine(input: RecoveryTemplateInput, code: string): string {
  return input.couponApplies
    ? input.strings.couponApplied(code)
    : input.strings.couponAtCheckout(code);
}

/** The most cart lines an email lists; the restore link brings back all of them. */
export const MAX_EMAIL_LINES = 20;

function itemsHtml(input: RecoveryTemplateInput): string {
  const { cart, locale, strings } = input;
  const rows = cart.items.slice(0, MAX_EMAIL_LINES).map((item) => {
    const image = safeHttpUrl(item.imageUrl);
    const link = safeHttpUrl(item.url);
    const title = escapeHtml(item.title);
    const titleHtml = link
      ? `<a href="${escapeHtml(link)}" class="c-text" style="color:#18181b;text-decoration:none;">${title}</a>`
      : title;
    const imageCell = image
      ? `<td width="64" style="padding:8px 12px 8px 0;vertical-align:top;"><img src="${escapeHtml(image)}" width="64" height="64" alt="${title}" style="display:block;width:64px;height:64px;object-fit:cover;border:0;border-radius:4px;"></td>`
      : '<td width="0" style="padding:0;"></td>';
    const price = formatMoney(item.unitPrice * item.quantity, cart.currency, locale);
    return `<tr>${imageCell}<td class="c-text c-line" style="padding:8px 0;vertical-align:top;border-bottom:1px solid #e4e4e7;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:21px;color:#18181b;">${titleHtml}<br><span class="c-muted" style="font-size:13px;color:#71717a;">${escapeHtml(strings.quantity)} ${item.quantity}</span></td><td class="c-text c-line" align="right" style="padding:8px 0 8px 12px;vertical-align:top;border-bottom:1px solid #e4e4e7;font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#18181b;white-space:nowrap;">${escapeHtml(price)}</td></tr>`;
  });
  const subtotal = formatMoney(cart.subtotal, cart.currency, locale);
  rows.push(
    `<tr><td></td><td class="c-text" style="padding:12px 0 0;font-family:Helvetica,Arial,sans-serif;font-size:15px;font-weight:bold;color:#18181b;">${escapeHtml(strings.subtotal)}</td><td class="c-text" align="right" style="padding:12px 0 0 12px;font-family:Helvetica,Arial,sans-serif;font-size:15px;font-weight:bold;color:#18181b;white-space:nowrap;">${escapeHtml(subtotal)}</td></tr>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">${rows.join('')}</table>`;
}

/** The HTML part of a recovery email. */
export function recoveryHtml(input: RecoveryTemplateInput): string {
  const coupon = input.couponCode
    ? `<p class="c-text" style="margin:0 0 16px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#18181b;">${escapeHtml(couponLine(input, input.couponCode))}</p>`
    : '';
  const content = [
    paragraphsHtml(input.body),
    itemsHtml(input),
    coupon,
    buttonHtml(input.restoreUrl, input.strings.restoreCart),
  ].join('\n');
  return htmlLayout({
    lang: input.locale,
    title: input.subject,
    preheader: input.body.split('\n')[0] ?? '',
    shopName: input.shopName,
    contentHtml: content,
    reason: input.strings.reason(input.shopName),
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: input.strings.unsubscribe,
  });
}

/** The plain-text part of a recovery email (no markup: nothing in it is interpreted). */
export function recoveryText(input: RecoveryTemplateInput): string {
  const { cart, locale, strings } = input;
  const lines = cart.items
    .slice(0, MAX_EMAIL_LINES)
    .map(
      (item) =>
        `- ${item.title} (${strings.quantity} ${item.quantity}): ${formatMoney(item.unitPrice * item.quantity, cart.currency, locale)}`,
    );
  return [
    input.shopName,
    '',
    input.body.trim(),
    '',
    ...lines,
    `${strings.subtotal}: ${formatMoney(cart.subtotal, cart.currency, locale)}`,
    '',
    ...(input.couponCode ? [couponLine(input, input.couponCode), ''] : []),
    `${strings.restoreCart}: ${input.restoreUrl}`,
    '',
    '--',
    strings.reason(input.shopName),
    `${strings.unsubscribe}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
}
