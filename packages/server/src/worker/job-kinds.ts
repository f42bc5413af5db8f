import { absenceEmailKind, recoveryEmailKind, type EmailKindSettings } from './email-kinds.js';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.js';
import { webhookKind } from '../webhooks/webhook-kind.js';
import type { JobKindHandler } from './job-kind.js';
import { digestKind } from '../lifecycle/digest-kind.js';
import { marketingLifecycleKind } from '../lifecycle/marketing-kinds.js';
import { orderConfirmationKind } from '../lifecycle/order-confirmation-kind.js';

/** What the kinds of jobs may need from the worker that runs them. */
export type JobKindSettings = EmailKindSettings & { db: Kysely<Database> };

/**
 * Every kind of job the queue runs, one line each. A job of a kind missing here is left alone
 * (a newer server's job, during a rolling deploy).
 */
export function createJobKinds(settings: JobKindSettings): JobKindHandler[] {
  return [
    recoveryEmailKind(settings),
    absenceEmailKind(settings),
    orderConfirmationKind(settings),
    marketingLifecycleKind('win-back', settings),
    marketingLifecycleKind('review-request', settings),
    webhookKind(settings),
    digestKind(settings),
  ] as JobKindHandler[];
}
