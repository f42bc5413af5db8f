import type { EmailStrings } from '../translations.js';
import { buttonHtml, htmlLayout, paragraphsHtml } from './layout.js';

/** Everything the "we're back" email shows. */
export interface AbsenceTemplateInput {
  locale: string;
  shopName: string;
  shopUrl?: string;
  unsubscribeUrl: string;
  strings: EmailStrings;
}

/** The HTML part of the "we're back" email. */
export function absenceHtml(input: AbsenceTemplateInput): string {
  const { strings, shopName } = input;
  const content = [
    paragraphsHtml(strings.backBody(shopName)),
    input.shopUrl ? buttonHtml(input.shopUrl, strings.visitShop) : '',
  ].join('\n');
  return htmlLayout({
    lang: input.locale,
    title: strings.backSubject(shopName),
    preheader: strings.backBody(shopName),
    shopName,
    contentHtml: content,
    reason: strings.backReason(shopName),
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: strings.unsubscribe,
  });
}

/** The plain-text part of the "we're back" email. */
export function absenceText(input: AbsenceTemplateInput): string {
  const { strings, shopName } = input;
  return [
    shopName,
    '',
    strings.backBody(shopName),
    '',
    ...(input.shopUrl ? [`${strings.visitShop}: ${input.shopUrl}`, ''] : []),
    '--',
    strings.backReason(shopName),
    `${strings.unsubscribe}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
}
