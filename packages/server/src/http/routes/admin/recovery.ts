import { Hono } from 'hono';
import { z } from 'zod';
import { Locale, RecoveryTestRequest, RecoveryTestSent, ShopConfig } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { isDeliveryError } from '../../../email/mailer.js';
import { renderRecoveryEmail, type RenderedEmail } from '../../../email/render.js';
import { restoreAppliesCoupon } from '../../../email/restore-url.js';
import { ApiError } from '../../errors.js';
import { generateId, hashEmail } from '../../../storage/keys.js';
import { jsonBody, queryParams } from '../../middleware/json-body.js';
import { countClicks, countEmailsSent, insertEmail } from '../../../storage/emails.store.js';
import { armOutcomes } from '../../../storage/sequences.store.js';
import { outgoingEmail } from '../../../worker/email-kinds.js';
import { describeAdminRoutes } from '../openapi.js';
import { DateRangeQuery, resolveDayRange } from './range.js';

const PreviewInput = z.strictObject({ step: z.number().int().min(0), locale: Locale.optional() });

/** The sample's unsubscribe link: the preview page, which belongs to no shopper. */
function sampleUnsubscribeUrl(config: ShopConfig, publicUrl: string, locale?: string): string {
  return `${publicUrl}/u/preview?lang=${encodeURIComponent(locale ?? config.defaultLocale)}`;
}

function sampleEmail(
  config: ShopConfig,
  step: number,
  publicUrl: string,
  locale?: string,
): RenderedEmail {
  const chosen = config.recovery.steps[step];
  if (!chosen)
    throw new ApiError(400, 'invalid_request', `The sequence has no step ${step}`, [
      { path: ['step'], message: `Choose a step from 0 to ${config.recovery.steps.length - 1}` },
    ]);
  return renderRecoveryEmail({
    shopName: config.shopName,
    defaultLocale: config.defaultLocale,
    ...(locale ? { locale } : {}),
    step: chosen,
    cart: {
      currency: config.currency,
      subtotal: 4850,
      items: [
        { id: 'sample-1', title: 'Linen apron', quantity: 1, unitPrice: 3200 },
        { id: 'sample-2', title: 'Beeswax candle', quantity: 2, unitPrice: 825 },
      ],
    },
    restoreUrl: `${publicUrl}/r/preview?lang=${encodeURIComponent(locale ?? config.defaultLocale)}`,
    unsubscribeUrl: sampleUnsubscribeUrl(config, publicUrl, locale),
    couponApplies: restoreAppliesCoupon(config.recovery.restoreUrl),
  });
}

/** A conversion rate with its 95 % interval (Wilson score). */
function rate(converted: number, total: number) {
  if (total === 0) return { rate: 0, low: 0, high: 0 };
  const z95 = 1.96;
  const p = converted / total;
  const denominator = 1 + (z95 * z95) / total;
  const centre = (p + (z95 * z95) / (2 * total)) / denominator;
  const margin =
    (z95 * Math.sqrt((p * (1 - p)) / total + (z95 * z95) / (4 * total * total))) / denominator;
  return { rate: p, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}

/**
 * The merchant's tools for the recovery sequence: `POST /preview` renders a step for a sample cart,
 * `POST /test` sends it to the merchant (from the unsaved draft when the page sends one), `GET /stats` compares emailed carts with the holdout group.
 */
export const adminRecovery = new Hono<AppEnv>()
  .post('/preview', jsonBody(PreviewInput), (c) => {
    const { step, locale } = c.req.valid('json');
    return c.json(sampleEmail(c.get('shop').config, step, c.get('deps').publicUrl, locale));
  })
  .post('/test', jsonBody(RecoveryTestRequest), async (c) => {
    const { email: to, step, config: draft } = c.req.valid('json');
    const { db, clock, publicUrl, mailer: transport, mailFrom } = c.get('deps');
    const shop = c.get('shop');
    const config = draft ?? shop.config;
    const sample = sampleEmail(config, step, publicUrl);
    const rendered = { ...sample, subject: `[Test] ${sample.subject}` };
    const id = generateId('eml');
    // The worker's own builder: the same From, Reply-To, Message-ID and unsubscribe headers as
    // the email a shopper gets, so what the merchant checks is what shoppers receive.
    const email = outgoingEmail(
      { publicUrl, fromAddress: mailFrom },
      config,
      { id },
      to,
      rendered,
      sampleUnsubscribeUrl(config, publicUrl),
    );
    const { messageId } = email;
    try {
      await transport.send(email);
    } catch (error) {
      const message = isDeliveryError(error) ? error.message : 'The mail server did not answer';
      throw new ApiError(502, 'delivery_failed', message);
    }
    const outbox = transport.transport === 'outbox';
    await insertEmail(db, shop.id, {
      id,
      jobId: null,
      kind: 'test',
      subjectId: null,
      step,
      to,
      emailHash: hashEmail(to),
      subject: rendered.subject,
      html: outbox ? rendered.html : null,
      text: outbox ? rendered.text : null,
      messageId,
      transport: transport.transport,
      createdAt: clock().toISOString(),
    });
    return c.json({ id, messageId, transport: transport.transport }, 202);
  })
  .get('/stats', queryParams(DateRangeQuery), async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const range = resolveDayRange(c.req.valid('query'), clock(), shop.config.calendar.timeZone);
    const rows = await armOutcomes(db, shop.id, range.fromInstant, range.toInstant);
    const arms = { email: { carts: 0, converted: 0 }, holdout: { carts: 0, converted: 0 } };
    const perStep = new Map<
      number,
      { step: number; recovered: number; revenue: Map<string, number> }
    >();
    for (const row of rows) {
      if (row.arm === 'duplicate') continue;
      const arm = arms[row.arm];
      arm.carts++;
      if (row.status !== 'open') arm.converted++;
      if (row.arm === 'email' && row.status === 'recovered' && row.recovered_step !== null) {
        const step = Number(row.recovered_step);
        const entry = perStep.get(step) ?? { step, recovered: 0, revenue: new Map() };
        entry.recovered++;
        const currency = row.order_currency ?? shop.config.currency;
        entry.revenue.set(
          currency,
          (entry.revenue.get(currency) ?? 0) + Number(row.order_total ?? 0),
        );
        perStep.set(step, entry);
      }
    }
    const emailed = rate(arms.email.converted, arms.email.carts);
    const holdout = rate(arms.holdout.converted, arms.holdout.carts);
    const se = Math.sqrt(
      (arms.email.carts ? (emailed.rate * (1 - emailed.rate)) / arms.email.carts : 0) +
        (arms.holdout.carts ? (holdout.rate * (1 - holdout.rate)) / arms.holdout.carts : 0),
    );
    const lift = emailed.rate - holdout.rate;
    return c.json({
      from: range.from,
      to: range.to,
      emailsSent: await countEmailsSent(db, shop.id, range.fromInstant, range.toInstant),
      emailsClicked: await countClicks(db, shop.id, range.fromInstant, range.toInstant),
      emailed: { ...arms.email, conversion: emailed },
      holdout: { ...arms.holdout, conversion: holdout },
      // Difference of conversion rates (emailed minus holdout) with a 95 % normal interval;
      // null until both groups have carts.
      incrementalConversion:
        arms.email.carts && arms.holdout.carts
          ? { estimate: lift, low: lift - 1.96 * se, high: lift + 1.96 * se }
          : null,
      recoveredByStep: [...perStep.values()]
        .sort((a, b) => a.step - b.step)
        .map((entry) => ({
          step: entry.step,
          recovered: entry.recovered,
          revenue: [...entry.revenue].map(([currency, amount]) => ({ currency, amount })),
        })),
    });
  });

describeAdminRoutes(adminRecovery, {
  'POST /preview': {
    summary: 'A sequence step rendered for a sample cart (subject, html, text)',
    status: 200,
    tag: 'recovery',
  },
  'POST /test': {
    summary: 'Send a step to the merchant (from the unsaved draft when given)',
    description: '502 when the relay refuses it.',
    status: 202,
    answer: RecoveryTestSent,
    tag: 'recovery',
  },
  'GET /stats': {
    summary: 'Emailed carts against the holdout group, recovered revenue per step',
    status: 200,
    tag: 'recovery',
  },
});
