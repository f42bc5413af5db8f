import type { Selectable } from 'kysely';

/** Which arm of the experiment a cart's sequence is in. */
export type SequenceArm = 'email' | 'holdout' | 'duplicate';

/** `recovery_sequences`: one row per eligible cart, saying whether it is emailed. */
export interface RecoverySequencesTable {
  cart_id: string;
  shop_id: string;
  email_hash: string;
  arm: SequenceArm;
  /** The last step sent within 7 days before the order, once the cart is recovered. */
  recovered_step: number | null;
  created_at: string;
}

/** `absence_subscriptions`: "tell me when you're back" requests. */
export interface AbsenceSubscriptionsTable {
  /** `abs_…` */
  id: string;
  shop_id: string;
  absence_id: string;
  email: string;
  email_hash: string;
  locale: string | null;
  consent_text: string;
  created_at: string;
}

/**
 * What a job sends: a recovery step, the "we're back" email, an order confirmation, a win-back,
 * a review request, an event webhook, a weekly digest. At most 16 characters: the `kind` columns
 * are `varchar(16)`.
 */
export type JobKind =
  'recovery' | 'absence' | 'confirmation' | 'win-back' | 'review-request' | 'webhook' | 'digest';

/**
 * Where a job stands. `pending` includes claimed jobs, whose `run_at` is their lease's end;
 * `sending`: claimed for its one delivery attempt, which its last-moment check allowed (its
 * `run_at` is still the lease's end: a job a crashed worker left there is taken over then).
 */
export type JobStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** `recovery_jobs`: one row per email to send, unique on (subject, step). */
export interface RecoveryJobsTable {
  /** `job_…` */
  id: string;
  shop_id: string;
  kind: JobKind;
  subject_id: string;
  step: number;
  /** The step's texts as JSON, frozen when the job was scheduled. */
  content: string;
  email_hash: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  lease_owner: string | null;
  /** The unguessable token of the job's `/r/` and `/u/` links. */
  token: string;
  reason: string | null;
  sent_at: string | null;
  created_at: string;
}

/** `recovery_emails`: every email handed to SMTP or kept in the local outbox. */
export interface RecoveryEmailsTable {
  /** `eml_…` */
  id: string;
  shop_id: string;
  job_id: string | null;
  kind: JobKind | 'test';
  subject_id: string | null;
  step: number | null;
  to_address: string;
  email_hash: string;
  subject: string;
  html: string | null;
  text: string | null;
  message_id: string;
  transport: 'smtp' | 'outbox';
  created_at: string;
}

/** `recovery_suppressions`: addresses a shop never emails again. */
export interface RecoverySuppressionsTable {
  shop_id: string;
  email_hash: string;
  reason: 'unsubscribed' | 'bounced';
  created_at: string;
}

/** `recovery_clicks`: one row per restore-link click. */
export interface RecoveryClicksTable {
  id: string;
  shop_id: string;
  job_id: string;
  subject_id: string;
  step: number;
  email_hash: string;
  clicked_at: string;
}

/** A `recovery_jobs` row as read. */
export type JobRow = Selectable<RecoveryJobsTable>;

/** A `recovery_emails` row as read. */
export type EmailRow = Selectable<RecoveryEmailsTable>;

/** `recovery_address_caps`: when each address of a shop was last given a recovery email. */
export interface RecoveryAddressCapsTable {
  shop_id: string;
  email_hash: string;
  last_sent_at: string;
  /** The job whose send holds the cap (null for rows seeded from `recovery_emails`). */
  job_id: string | null;
}
