import { escapeHtml } from '../escape.js';

/** What the shared email frame wraps: already-escaped HTML for the middle, plain strings elsewhere. */
export interface LayoutInput {
  lang: string;
  /** The subject, shown as the document title. */
  title: string;
  /** Hidden preview line that mail clients show beside the subject. */
  preheader: string;
  shopName: string;
  /** Trusted HTML built from escaped parts. */
  contentHtml: string;
  /** Why the shopper receives this email. */
  reason: string;
  /** Marketing emails only: a transactional email (an order confirmation) has no unsubscribe. */
  unsubscribeUrl?: string;
  unsubscribeLabel?: string;
}

// Dark-mode friendly: the light palette is inline (what every client honours), clients that
// understand `prefers-color-scheme` get the dark one, and nothing relies on a background image.
const DARK_MODE_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .c-body, .c-outer { background-color: #111111 !important; }
  .c-card { background-color: #1c1c1e !important; border-color: #333333 !important; }
  .c-text, .c-heading { color: #f2f2f2 !important; }
  .c-muted { color: #b0b0b0 !important; }
  .c-button { background-color: #f2f2f2 !important; }
  .c-button a { color: #111111 !important; }
  .c-line { border-color: #333333 !important; }
}`;

/** A complete HTML document: one centred 600 px table card, inline styles, dark-mode rules. */
export function htmlLayout(input: LayoutInput): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(input.title)}</title>
<style>${DARK_MODE_CSS}</style>
</head>
<body class="c-body" style="margin:0;padding:0;background-color:#f4f4f5;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(input.preheader)}</div>
<table role="presentation" class="c-outer" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" class="c-card" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid #e4e4e7;border-radius:8px;">
<tr><td class="c-heading" style="padding:24px 24px 8px;font-family:Helvetica,Arial,sans-serif;font-size:20px;font-weight:bold;color:#18181b;">${escapeHtml(input.shopName)}</td></tr>
<tr><td style="padding:8px 24px 24px;">${input.contentHtml}</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
<tr><td class="c-muted" style="padding:16px 24px;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:18px;color:#71717a;text-align:center;">${escapeHtml(input.reason)}${input.unsubscribeUrl ? `<br><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#71717a;text-decoration:underline;">${escapeHtml(input.unsubscribeLabel ?? '')}</a>` : ''}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** Paragraphs of plain text (blank lines split them) as escaped HTML paragraphs. */
export function paragraphsHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map(
      (paragraph) =>
        `<p class="c-text" style="margin:0 0 16px;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#18181b;">${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`,
    )
    .join('\n');
}

/** A bulletproof button: a table cell with a link, readable without images or CSS support. */
export function buttonHtml(url: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr><td class="c-button" style="background-color:#18181b;border-radius:6px;"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 24px;font-family:Helvetica,Arial,sans-serif;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(label)}</a></td></tr></table>`;
}
