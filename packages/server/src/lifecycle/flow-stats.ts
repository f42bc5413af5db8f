import type { ShopStats } from '@comptoir/sdk';
import type { Db } from '../storage/database.js';
import { clicksByKind } from '../storage/emails.store.js';
import { ATTRIBUTION_DAYS } from '../worker/scheduler.js';

const FLOWS = ['confirmation', 'win-back', 'review-request', 'digest'] as const;

const WINDOW_MS = ATTRIBUTION_DAYS * 86_400_000;

/** One order of an address: its id (the same order reported twice is counted once) and instant. */
interface AddressOrder {
  key: string;
  at: number;
}

/** Every order of these addresses in `[from, to]` (ms), stored or verified, by address. */
async function ordersOf(
  db: Db,
  shopId: string,
  emailHashes: string[],
  from: number,
  to: number,
): Promise<Map<string, AddressOrder[]>> {
  const byAddress = new Map<string, AddressOrder[]>();
  if (emailHashes.length === 0) return byAddress;
  const [fromIso, toIso] = [new Date(from).toISOString(), new Date(to).toISOString()];
  const stored = await db
    .selectFrom('lifecycle_orders')
    .select(['email_hash', 'order_id', 'ordered_at as at'])
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .where('ordered_at', '>', fromIso)
    .where('ordered_at', '<=', toIso)
    .execute();
  const verified = await db
    .selectFrom('verified_orders')
    .select(['email_hash', 'order_id', 'created_at as at'])
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .where('created_at', '>', fromIso)
    .where('created_at', '<=', toIso)
    .execute();
  for (const row of [...stored, ...verified]) {
    if (!row.email_hash) continue;
    const list = byAddress.get(row.email_hash) ?? [];
    if (!list.some((order) => order.key === row.order_id))
      list.push({ key: row.order_id, at: Date.parse(row.at) });
    byAddress.set(row.email_hash, list);
  }
  return byAddress;
}

/**
 * Each flow's emails sent between `from` and `to` (instants), the clicks on their links in that
 * range, and for the win-back the orders attributed to it by the recovery emails' rule: an order
 * placed within {@link ATTRIBUTION_DAYS} days after a win-back to its address counts, credited to
 * the last win-back sent before it (each order once, whatever orders came before or after it).
 */
export async function lifecycleFlowStats(
  db: Db,
  shopId: string,
  from: string,
  to: string,
): Promise<NonNullable<ShopStats['lifecycle']>> {
  const rows = await db
    .selectFrom('recovery_emails')
    .select(['kind', 'email_hash', 'created_at'])
    .where('shop_id', '=', shopId)
    .where('kind', 'in', [...FLOWS])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  const clicks = await clicksByKind(db, shopId, from, to);
  const winBacks = rows
    .filter((row) => row.kind === 'win-back' && row.email_hash !== '')
    .map((row) => ({ emailHash: row.email_hash, at: Date.parse(row.created_at) }));
  const attributed = await winBackOrders(db, shopId, winBacks);
  return FLOWS.map((flow) => ({
    flow,
    sent: rows.filter((row) => row.kind === flow).length,
    // The confirmation has no link; the digest's are the merchant's own.
    clicks: flow === 'win-back' || flow === 'review-request' ? (clicks.get(flow) ?? 0) : null,
    attributedOrders: flow === 'win-back' ? attributed : null,
  }));
}

/** How many orders the win-backs `sent` are credited with (see {@link lifecycleFlowStats}). */
async function winBackOrders(
  db: Db,
  shopId: string,
  sent: { emailHash: string; at: number }[],
): Promise<number> {
  if (sent.length === 0) return 0;
  const first = Math.min(...sent.map((email) => email.at));
  const last = Math.max(...sent.map((email) => email.at));
  const orders = await ordersOf(
    db,
    shopId,
    [...new Set(sent.map((email) => email.emailHash))],
    first,
    last + WINDOW_MS,
  );
  let credited = 0;
  for (const [emailHash, list] of orders) {
    const emails = sent.filter((email) => email.emailHash === emailHash).map((email) => email.at);
    for (const order of list) {
      const before = emails.filter((at) => at < order.at);
      if (before.length > 0 && order.at - Math.max(...before) <= WINDOW_MS) credited++;
    }
  }
  return credited;
}
