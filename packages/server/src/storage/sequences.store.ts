import type { Db } from './database.js';
import { prepared } from './prepared.js';
import type { SequenceArm } from './recovery.table.js';

/** A cart's place in the recovery experiment. */
export interface RecoverySequence {
  cartId: string;
  shopId: string;
  emailHash: string;
  arm: SequenceArm;
  recoveredStep: number | null;
  createdAt: string;
}

// An edit of a captured cart reads this: compiled once (see prepared.ts).
const selectSequence = prepared((db, p: { shopId: string; cartId: string }) =>
  db
    .selectFrom('recovery_sequences')
    .selectAll()
    .where('shop_id', '=', p.shopId)
    .where('cart_id', '=', p.cartId),
);

/** The sequence of a cart, if it has one. */
export async function findSequence(
  db: Db,
  shopId: string,
  cartId: string,
): Promise<RecoverySequence | undefined> {
  const row = await selectSequence.first(db, { shopId, cartId });
  return (
    row && {
      cartId: row.cart_id,
      shopId: row.shop_id,
      emailHash: row.email_hash,
      arm: row.arm,
      recoveredStep: row.recovered_step === null ? null : Number(row.recovered_step),
      createdAt: row.created_at,
    }
  );
}

/** Which of these carts already have a sequence. */
export async function cartsWithSequence(
  db: Db,
  shopId: string,
  cartIds: readonly string[],
): Promise<Set<string>> {
  if (cartIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('recovery_sequences')
    .select(['cart_id', 'shop_id'])
    // By the primary key alone: with `shop_id = ?` beside it, SQLite walks the shop's index instead.
    .where('cart_id', 'in', cartIds)
    .execute();
  return new Set(rows.filter((row) => row.shop_id === shopId).map((row) => row.cart_id));
}

/**
 * Creates carts' sequences; answers the carts whose sequence this call created (one that already
 * had one, from a concurrent scheduler, is left as it is).
 */
export async function insertSequences(
  db: Db,
  shopId: string,
  sequences: readonly { cartId: string; emailHash: string; arm: SequenceArm; createdAt: string }[],
): Promise<Set<string>> {
  if (sequences.length === 0) return new Set();
  const rows = await db
    .insertInto('recovery_sequences')
    .values(
      sequences.map((sequence) => ({
        cart_id: sequence.cartId,
        shop_id: shopId,
        email_hash: sequence.emailHash,
        arm: sequence.arm,
        recovered_step: null,
        created_at: sequence.createdAt,
      })),
    )
    .onConflict((conflict) => conflict.column('cart_id').doNothing())
    .returning('cart_id')
    .execute();
  return new Set(rows.map((row) => row.cart_id));
}

/**
 * Which of these addresses still have a recovery email waiting for a cart other than `cartIds`
 * (one sequence per address: another cart of the address joins as a duplicate).
 */
export async function addressesWithPendingRecovery(
  db: Db,
  shopId: string,
  emailHashes: readonly string[],
  cartIds: readonly string[],
): Promise<Set<string>> {
  if (emailHashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('recovery_jobs')
    .select('email_hash')
    .distinct()
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .where('kind', '=', 'recovery')
    .where('status', '=', 'pending')
    .where('subject_id', 'not in', cartIds)
    .execute();
  return new Set(rows.map((row) => row.email_hash));
}

/** Records which step gets the credit for a recovered cart. */
export async function setRecoveredStep(
  db: Db,
  shopId: string,
  cartId: string,
  step: number,
): Promise<void> {
  await db
    .updateTable('recovery_sequences')
    .set({ recovered_step: step })
    .where('shop_id', '=', shopId)
    .where('cart_id', '=', cartId)
    .execute();
}

/** Per arm: carts, converted carts and their revenue by currency, for sequences created in `[from, to)`. */
export async function armOutcomes(db: Db, shopId: string, from: string, to: string) {
  return db
    .selectFrom('recovery_sequences as s')
    .innerJoin('carts as c', 'c.id', 's.cart_id')
    .select(['s.arm', 's.recovered_step', 'c.status', 'c.order_total', 'c.order_currency'])
    .where('s.shop_id', '=', shopId)
    .where('s.created_at', '>=', from)
    .where('s.created_at', '<', to)
    .execute();
}

/** Deletes one shopper's sequences and absence subscriptions (GDPR erasure). */
export async function deleteSequencesOfEmail(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<void> {
  await db
    .deleteFrom('recovery_sequences')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .execute();
  await db
    .deleteFrom('absence_subscriptions')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .execute();
}

/** A "tell me when you're back" request. */
export interface AbsenceSubscription {
  id: string;
  shopId: string;
  absenceId: string;
  email: string;
  emailHash: string;
  locale: string | null;
  consentText: string;
  createdAt: string;
}

/** Stores a subscription; answers the existing one's id when the address already subscribed. */
export async function insertAbsenceSubscription(
  db: Db,
  shopId: string,
  subscription: Omit<AbsenceSubscription, 'shopId'>,
): Promise<{ id: string; created: boolean }> {
  const result = await db
    .insertInto('absence_subscriptions')
    .values({
      id: subscription.id,
      shop_id: shopId,
      absence_id: subscription.absenceId,
      email: subscription.email,
      email_hash: subscription.emailHash,
      locale: subscription.locale,
      consent_text: subscription.consentText,
      created_at: subscription.createdAt,
    })
    .onConflict((conflict) => conflict.columns(['shop_id', 'absence_id', 'email_hash']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0)
    return { id: subscription.id, created: true };
  const existing = await db
    .selectFrom('absence_subscriptions')
    .select('id')
    .where('shop_id', '=', shopId)
    .where('absence_id', '=', subscription.absenceId)
    .where('email_hash', '=', subscription.emailHash)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Subscriptions by id, for the worker. */
export async function findAbsenceSubscriptions(
  db: Db,
  shopId: string,
  ids: readonly string[],
): Promise<AbsenceSubscription[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('absence_subscriptions')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    shopId: row.shop_id,
    absenceId: row.absence_id,
    email: row.email,
    emailHash: row.email_hash,
    locale: row.locale,
    consentText: row.consent_text,
    createdAt: row.created_at,
  }));
}
