import { Hono } from 'hono';
import { z } from 'zod';
import { Consent, EmailAddress, WellFormedText } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { ApiError, NotFoundError } from '../../errors.js';
import { hashEmail } from '../../../storage/keys.js';
import { jsonBody } from '../../middleware/json-body.js';
import { sendEvent } from '../../../webhooks/events.js';
import { subscribeToAbsence } from '../../../worker/scheduler.js';
import { describeRoutes } from '../openapi.js';
import { inRetriedTransaction } from '../../../storage/transaction-retry.js';

/** What the absence banner sends when a shopper asks to be told of the shop's return. */
export const AbsenceSubscriptionInput = z.strictObject({
  email: EmailAddress,
  consent: Consent,
  absenceId: WellFormedText.min(1).max(128),
  locale: WellFormedText.max(35).optional(),
});

/**
 * `POST /v1/shops/:shop/absence-subscriptions`: one "we're back" email on the absence's resume
 * date, through the same worker, outbox and unsubscribe as the recovery emails.
 */
export const absenceSubscriptions = new Hono<AppEnv>().post(
  '/',
  jsonBody(AbsenceSubscriptionInput),
  async (c) => {
    const input = c.req.valid('json');
    if (!input.consent.granted) {
      throw new ApiError(400, 'consent_required', 'The shopper did not consent to the email');
    }
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const now = clock();
    const scheduled = await inRetriedTransaction(db, async (trx) => {
      const subscribed = await subscribeToAbsence(
        trx,
        shop.id,
        shop.config,
        {
          email: input.email.trim(),
          emailHash: hashEmail(input.email),
          consentText: input.consent.text,
          absenceId: input.absenceId,
          ...(input.locale ? { locale: input.locale } : {}),
        },
        now,
      );
      if (subscribed) {
        await sendEvent(
          trx,
          shop.id,
          {
            type: 'absence.subscribed',
            timestamp: now.toISOString(),
            data: {
              shopId: shop.id,
              subscriptionId: subscribed.id,
              absenceId: input.absenceId,
              email: input.email.trim(),
              consentText: input.consent.text,
              locale: input.locale ?? null,
              sendAt: subscribed.sendAt,
              subscribedAt: now.toISOString(),
            },
          },
          `absence.subscribed:${shop.id}:${input.absenceId}:${hashEmail(input.email)}`,
          now,
        );
      }
      return subscribed;
    });
    if (!scheduled) throw new NotFoundError('Upcoming or current absence');
    return c.json({ id: scheduled.id, sendAt: scheduled.sendAt }, 201);
  },
);

describeRoutes(absenceSubscriptions, {
  'POST /': {
    summary: 'Ask for one "we\'re back" email when the shop\'s absence ends',
    description:
      '201 `{ id, sendAt }`; 400 `consent_required`; 404 when the absence is not upcoming.',
    auth: 'publishable',
    status: 201,
    tag: 'public',
  },
});
