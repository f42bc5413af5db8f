import { Hono, type Context } from 'hono';
import { SUPPORTED_LOCALES } from '@comptoir/sdk/schemas';
import type { AppEnv } from '../../context.js';
import { escapeHtml, safeHttpUrl } from '../../../email/escape.js';
import { storefrontUrl } from '../../../lifecycle/render-marketing.js';
import { findLifecycleOrders } from '../../../storage/lifecycle-orders.store.js';
import { buildRestoreUrl } from '../../../email/restore-url.js';
import { emailStrings, type UnsubscribeTopic } from '../../../email/translations.js';
import { findCart } from '../../../storage/cart.store.js';
import { insertClick } from '../../../storage/emails.store.js';
import { findJobByToken, type RecoveryJob } from '../../../storage/jobs.store.js';
import { findShop, type Shop } from '../../../storage/shop.store.js';
import { inRetriedTransaction } from '../../../storage/transaction-retry.js';
import { generateId } from '../../../storage/keys.js';
import { sendShopperUnsubscribed } from '../../../webhooks/events.js';
import { unsubscribeByJob, type RecoveryJobContent } from '../../../worker/scheduler.js';
import { describeRoutes } from '../openapi.js';

function page(
  c: Context<AppEnv>,
  status: 200 | 404 | 410,
  lang: string,
  title: string,
  body: string,
) {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  );
  return c.html(
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="color-scheme" content="light dark"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5">${body}</body></html>`,
    status,
  );
}

async function jobAndShop(
  c: Context<AppEnv>,
): Promise<{ job: RecoveryJob; shop: Shop } | undefined> {
  const { db } = c.get('deps');
  const job = await findJobByToken(db, c.req.param('token') ?? '');
  if (!job || job.status !== 'sent') return undefined;
  const shop = await findShop(db, job.shopId);
  return shop && { job, shop };
}

/**
 * `GET /r/preview` and `GET|POST /u/preview`: where the links of a test email or of the config page's
 * preview lead. They belong to no shopper, so the page says what the link does in a real email
 * (in `?lang`, default English) instead of answering 404.
 */
function previewPage(c: Context<AppEnv>) {
  const asked = (c.req.query('lang') ?? '').toLowerCase().split('-')[0] ?? '';
  const lang = (SUPPORTED_LOCALES as readonly string[]).includes(asked) ? asked : 'en';
  const strings = emailStrings(lang);
  return page(
    c,
    200,
    lang,
    strings.previewLinkTitle,
    `<h1>${escapeHtml(strings.previewLinkTitle)}</h1><p>${escapeHtml(strings.previewLink)}</p>`,
  );
}

/** What the email an unsubscribe link came from was about, by the kind of its job. */
function unsubscribeTopic(kind: RecoveryJob['kind']): UnsubscribeTopic {
  switch (kind) {
    case 'absence':
      return 'reopening';
    case 'win-back':
      return 'winBack';
    case 'review-request':
      return 'reviewRequest';
    default:
      return 'cart';
  }
}

function notFound(c: Context<AppEnv>) {
  const strings = emailStrings('en');
  return page(c, 404, 'en', strings.linkExpired, `<p>${escapeHtml(strings.linkExpired)}</p>`);
}

/** Records a click on a lifecycle email's link and redirects to `target`. */
async function trackedRedirect(c: Context<AppEnv>, job: RecoveryJob, target: string) {
  const { db, clock } = c.get('deps');
  await insertClick(db, job.shopId, {
    id: generateId('clk'),
    jobId: job.id,
    subjectId: job.subjectId,
    step: job.step,
    emailHash: job.emailHash,
    clickedAt: clock().toISOString(),
  });
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.redirect(target, 302);
}

/**
 * `GET /r/:token`: a recovery email's restore link, or a win-back's link to the storefront;
 * `GET /r/:token/:line`: a review request's link to the product page of the order's line. Records the click and redirects to the shop's
 * cart-restore URL (its coupon applied); the link works for the shop's `tokenTtlDays`. The
 * lifecycle links lead to public pages (no cart, no coupon applied), so they do not expire while
 * the order is stored. Each click is recorded with its job (the overview's clicks per flow).
 */
export const restoreLinks = new Hono<AppEnv>()
  .get('/preview', (c) => previewPage(c))
  .get('/:token/:line', async (c) => {
    // A review request's product link: the order's line, when it has an http(s) product page.
    const line = c.req.param('line');
    const found = /^\d{1,3}$/.test(line) ? await jobAndShop(c) : undefined;
    if (!found || found.job.kind !== 'review-request') return notFound(c);
    const [order] = await findLifecycleOrders(c.get('deps').db, found.shop.id, [
      found.job.subjectId,
    ]);
    const target = safeHttpUrl(order?.items[Number(line)]?.url);
    if (!target) return notFound(c);
    return trackedRedirect(c, found.job, target);
  })
  .get('/:token', async (c) => {
    const found = await jobAndShop(c);
    if (found?.job.kind === 'win-back') {
      // The win-back's button: the storefront, as the email showed it.
      const target = storefrontUrl(found.shop.config);
      return target ? trackedRedirect(c, found.job, target) : notFound(c);
    }
    if (!found || found.job.kind !== 'recovery') return notFound(c);
    const { job, shop } = found;
    const { db, clock } = c.get('deps');
    const now = clock();
    const recovery = shop.config.recovery;
    const strings = emailStrings(shop.config.defaultLocale);
    const expiresAt = Date.parse(job.sentAt ?? job.createdAt) + recovery.tokenTtlDays * 86_400_000;
    if (now.getTime() > expiresAt) {
      return page(
        c,
        410,
        shop.config.defaultLocale,
        strings.linkExpired,
        `<p>${escapeHtml(strings.linkExpired)}</p>`,
      );
    }
    const cart = await findCart(db, shop.id, job.subjectId);
    await insertClick(db, shop.id, {
      id: generateId('clk'),
      jobId: job.id,
      subjectId: job.subjectId,
      step: job.step,
      emailHash: job.emailHash,
      clickedAt: now.toISOString(),
    });
    const content = JSON.parse(job.content) as RecoveryJobContent;
    const target = recovery.restoreUrl
      ? buildRestoreUrl(recovery.restoreUrl, {
          ...(cart?.platformCartId ? { cartId: cart.platformCartId } : {}),
          lines: cart?.items ?? [],
          ...(content.couponCode ? { couponCode: content.couponCode } : {}),
        })
      : shop.config.allowedOrigins[0] && `${shop.config.allowedOrigins[0]}/`;
    if (!target) return notFound(c);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(target, 302);
  });

/**
 * `GET /u/:token` shows a confirmation page with an unsubscribe button; `POST /u/:token` unsubscribes
 * (RFC 8058 one-click: mail clients post `List-Unsubscribe=One-Click` with no cookie), cancelling
 * every pending email to that address from the shop.
 */
export const unsubscribeLinks = new Hono<AppEnv>()
  .get('/preview', (c) => previewPage(c))
  // A test email carries List-Unsubscribe-Post like a real one: a mail client's one-click post
  // to the preview address unsubscribes no one and gets the same page, not a 404.
  .post('/preview', (c) => previewPage(c))
  .get('/:token', async (c) => {
    const found = await jobAndShop(c);
    if (!found) return notFound(c);
    const { shop, job } = found;
    const lang = shop.config.defaultLocale;
    const strings = emailStrings(lang);
    const question = strings.unsubscribeQuestion[unsubscribeTopic(job.kind)](shop.config.shopName);
    return page(
      c,
      200,
      lang,
      strings.unsubscribeTitle,
      `<h1>${escapeHtml(strings.unsubscribeTitle)}</h1><p>${escapeHtml(question)}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font:inherit;padding:.5rem 1rem">${escapeHtml(strings.unsubscribeButton)}</button></form>`,
    );
  })
  .post('/:token', async (c) => {
    const found = await jobAndShop(c);
    if (!found) return notFound(c);
    const { db, clock } = c.get('deps');
    const now = clock();
    await inRetriedTransaction(db, async (trx) => {
      await unsubscribeByJob(trx, found.job, now);
      await sendShopperUnsubscribed(trx, found.job, now);
    });
    const lang = found.shop.config.defaultLocale;
    const strings = emailStrings(lang);
    const done = strings.unsubscribed(found.shop.config.shopName);
    return page(c, 200, lang, strings.unsubscribeTitle, `<p>${escapeHtml(done)}</p>`);
  });

describeRoutes(restoreLinks, {
  'GET /preview': {
    summary: 'Where the restore link of a test email leads: a page saying what it does',
    description: 'Belongs to no shopper; `?lang=` picks the language of the page.',
    auth: 'none',
    status: 200,
    answer: 'text/html',
    tag: 'links',
  },
  'GET /:token': {
    summary: "A recovery email's restore link, or a win-back's: records the click, redirects",
    description:
      '302 to the cart (recovery) or the storefront (win-back); 410 (an HTML page) once a ' +
      'recovery link has expired.',
    auth: 'none',
    status: 302,
    answer: 'redirect',
    tag: 'links',
  },
  'GET /:token/:line': {
    summary: "A review request's product link: records the click, redirects to the product page",
    description: "302 to the page of the order's line `line` (from 0); 404 for a line without one.",
    auth: 'none',
    status: 302,
    answer: 'redirect',
    tag: 'links',
  },
});

describeRoutes(unsubscribeLinks, {
  'GET /preview': {
    summary: 'Where the unsubscribe link of a test email leads: a page saying what it does',
    description: 'Belongs to no shopper; `?lang=` picks the language of the page.',
    auth: 'none',
    status: 200,
    answer: 'text/html',
    tag: 'links',
  },
  'POST /preview': {
    summary:
      "A mail client's one-click unsubscribe from a test email: the same page, nothing changes",
    description: 'Belongs to no shopper; `?lang=` picks the language of the page.',
    auth: 'none',
    status: 200,
    answer: 'text/html',
    tag: 'links',
  },
  'GET /:token': {
    summary: 'The unsubscribe page (a button that posts)',
    auth: 'none',
    status: 200,
    answer: 'text/html',
    tag: 'links',
  },
  'POST /:token': {
    summary: 'Unsubscribe (RFC 8058 one-click): cancels every pending email to that address',
    auth: 'none',
    status: 200,
    answer: 'text/html',
    tag: 'links',
  },
});
