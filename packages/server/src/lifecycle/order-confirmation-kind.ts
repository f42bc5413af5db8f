import { sql } from 'kysely';
import type { OutgoingEmail } from '../email/mailer.js';
import type { RenderedEmail } from '../email/render.js';
import { claimForSending, configUnchanged } from '../storage/jobs.store.js';
import { findLifecycleOrders, type LifecycleOrder } from '../storage/lifecycle-orders.store.js';
import type { Shop } from '../storage/shop.store.js';
import { outgoingEmail, recordSentEmails, type EmailKindSettings } from '../worker/email-kinds.js';
import { deliverEmail } from '../worker/deliver-email.js';
import type { JobKindHandler } from '../worker/job-kind.js';
import { confirmationInput, renderOrderConfirmation } from './render-confirmation.js';

/** A rendered confirmation and what its claim checks again. */
export interface ConfirmationPayload {
  email: OutgoingEmail;
  rendered: RenderedEmail;
  to: string;
  emailHash: string;
  configVersion: number;
}

/** Whether a shop sends the confirmation itself (on, and the platform does not send one). */
export function sendsOrderConfirmation(config: Shop['config']): boolean {
  const settings = config.lifecycle?.orderConfirmation;
  return settings !== undefined && settings.enabled && !settings.platformSendsOne;
}

/**
 * Order confirmations: one transactional email per order reported with an address, saying when
 * the parcel leaves and when it should arrive as the calendar stood at the order's instant. Not
 * marketing: no consent, suppression list, quiet hours or frequency cap, and no unsubscribe link.
 * Stopped by the merchant switching it off (or saying the platform sends one) and by erasure.
 */
export function orderConfirmationKind(
  settings: EmailKindSettings,
): JobKindHandler<Map<string, LifecycleOrder>, ConfirmationPayload> {
  return {
    kind: 'confirmation',
    async load(db, shop, jobs) {
      const orders = await findLifecycleOrders(
        db,
        shop.id,
        jobs.map((job) => job.subjectId),
      );
      return new Map(orders.map((order) => [order.id, order]));
    },
    decide(job, shop, orders) {
      if (!shop) return { action: 'cancel', reason: 'shop-deleted' };
      const order = orders?.get(job.subjectId);
      if (!order) return { action: 'cancel', reason: 'order-erased' };
      if (!sendsOrderConfirmation(shop.config))
        return { action: 'cancel', reason: 'confirmation-disabled' };
      const { config } = shop;
      const rendered = renderOrderConfirmation(confirmationInput(config, order));
      return {
        action: 'send',
        payload: {
          email: outgoingEmail(settings, config, job, order.email, rendered),
          rendered,
          to: order.email,
          emailHash: order.emailHash,
          configVersion: shop.configVersion,
        },
      };
    },
    claim(db, job, payload) {
      return claimForSending(db, job, (eb) =>
        eb.and([
          eb.exists(
            eb
              .selectFrom('lifecycle_orders')
              .select(sql.lit(1).as('one'))
              .where('lifecycle_orders.id', '=', job.subjectId)
              .where('lifecycle_orders.shop_id', '=', job.shopId),
          ),
          configUnchanged(eb, job.shopId, payload.configVersion),
        ]),
      );
    },
    deliver(payload, claim) {
      return deliverEmail(settings.mailer, payload.email, claim);
    },
    record(trx, delivered) {
      return recordSentEmails(trx, settings, delivered);
    },
  };
}
