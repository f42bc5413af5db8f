import { formatMoney } from '@comptoir/sdk/money';
import { escapeHtml, singleLine } from '../email/escape.js';
import type { RenderedEmail } from '../email/render.js';
import { htmlLayout } from '../email/templates/layout.js';
import { formatCivilDayMonth } from './confirmation-strings.js';
import type { DigestFacts } from './digest-facts.js';
import { digestStrings } from './digest-strings.js';
import { confirmationLocale } from './render-confirmation.js';

/** What the digest is rendered from. */
export interface DigestRenderInput {
  shopName: string;
  /** The shop's default language (the merchant's). */
  locale: string;
  currency: string;
  timeZone: string;
  facts: DigestFacts;
}

const CELL =
  'font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#18181b;padding:4px 8px;';

/**
 * Renders the merchant's weekly digest in the shop's language: the week's figures beside the week
 * before, the FAQ searches that found nothing, bounces, unsubscribes, refused order webhooks, failed event-webhook deliveries, and what
 * comes in the next 21 days. Escaped HTML part and plain-text part.
 */
export function renderDigest(input: DigestRenderInput): RenderedEmail {
  const locale = confirmationLocale(input.locale, 'en');
  const strings = digestStrings(locale);
  const { facts } = input;
  const money = (amount: number) => formatMoney(amount, input.currency, locale);
  const percent = (rate: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
  const day = (date: string) => formatCivilDayMonth(date, locale);
  const rows: [string, string, string][] = [
    [
      strings.recoveredRevenue,
      money(facts.week.recoveredRevenue),
      money(facts.previousWeek.recoveredRevenue),
    ],
    [
      strings.recoveryRate,
      percent(facts.week.recoveryRate),
      percent(facts.previousWeek.recoveryRate),
    ],
    [
      strings.cartsCaptured,
      String(facts.week.cartsCaptured),
      String(facts.previousWeek.cartsCaptured),
    ],
  ];
  const singles: [string, string][] = [
    [strings.faqEmpty, String(facts.faqSearchesEmpty)],
    [strings.bounced, String(facts.bounced)],
    [strings.unsubscribed, String(facts.unsubscribed)],
    [strings.webhookFailures, String(facts.webhookFailures)],
    [strings.eventWebhookFailures, String(facts.eventWebhookFailures)],
  ];
  const dateTime = (instant: Date) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: input.timeZone,
    }).format(instant);
  const coming = [
    ...facts.absences.map((absence) => strings.absence(day(absence.start), day(absence.end))),
    ...facts.lastOrders.map((entry) => strings.lastOrder(entry.event, dateTime(entry.orderBy))),
  ];
  const searches = facts.topEmptySearches.map((entry) => `“${entry.query}” (${entry.count})`);
  const subject = singleLine(strings.subject(input.shopName, day(facts.from), day(facts.to)));
  const table = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;"><tr><th scope="col" style="${CELL}text-align:left;"></th><th scope="col" style="${CELL}text-align:right;">${escapeHtml(strings.lastWeek)}</th><th scope="col" style="${CELL}text-align:right;">${escapeHtml(strings.weekBefore)}</th></tr>${rows
    .map(
      ([label, now, before]) =>
        `<tr><th scope="row" style="${CELL}text-align:left;font-weight:normal;">${escapeHtml(label)}</th><td style="${CELL}text-align:right;font-weight:bold;">${escapeHtml(now)}</td><td style="${CELL}text-align:right;">${escapeHtml(before)}</td></tr>`,
    )
    .join('')}${singles
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="${CELL}text-align:left;font-weight:normal;">${escapeHtml(label)}</th><td style="${CELL}text-align:right;font-weight:bold;">${escapeHtml(value)}</td><td></td></tr>`,
    )
    .join('')}</table>`;
  const list = (items: string[]) =>
    `<ul style="margin:0 0 16px;padding-left:20px;">${items.map((item) => `<li style="${CELL}">${escapeHtml(item)}</li>`).join('')}</ul>`;
  const content = [
    table,
    searches.length > 0 ? list(searches) : '',
    `<h2 style="${CELL}font-size:17px;font-weight:bold;padding:8px 0;">${escapeHtml(strings.coming)}</h2>`,
    coming.length > 0
      ? list(coming)
      : `<p style="${CELL}">${escapeHtml(strings.nothingComing)}</p>`,
  ].join('\n');
  const html = htmlLayout({
    lang: locale,
    title: subject,
    preheader: `${strings.recoveredRevenue}: ${money(facts.week.recoveredRevenue)}`,
    shopName: input.shopName,
    contentHtml: content,
    reason: strings.reason(input.shopName),
  });
  const text = [
    subject,
    '',
    `${strings.lastWeek} / ${strings.weekBefore}`,
    ...rows.map(([label, now, before]) => `${label}: ${now} / ${before}`),
    ...singles.map(([label, value]) => `${label}: ${value}`),
    ...(searches.length > 0 ? ['', ...searches.map((entry) => `- ${entry}`)] : []),
    '',
    `${strings.coming}:`,
    ...(coming.length > 0 ? coming.map((entry) => `- ${entry}`) : [strings.nothingComing]),
    '',
    '--',
    strings.reason(input.shopName),
    '',
  ].join('\n');
  return { subject, html, text };
}
