import type { ShopStats } from '@comptoir/sdk';
import type { Db } from '../storage/database.js';
import { latestOrderTimes } from '../storage/lifecycle-orders.store.js';
import { ATTRIBUTION_DAYS } from '../worker/scheduler.js';

const FLOWS = ['confirmation', 'win-back', 'review-request', 'digest'] as const;

/**
 * Each flow's emails sent between `from` and `to` (instants), and for the win-back the emailed
 * addresses whose latest order came within {@link ATTRIBUTION_DAYS} days after their email.
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
  const winBacks = rows.filter((row) => row.kind === 'win-back' && row.email_hash !== '');
  const latest = await latestOrderTimes(db, shopId, [
    ...new Set(winBacks.map((row) => row.email_hash)),
  ]);
  const attributed = winBacks.filter((row) => {
    const ordered = latest.get(row.email_hash);
    const sent = Date.parse(row.created_at);
    return (
      ordered !== undefined && ordered > sent && ordered - sent <= ATTRIBUTION_DAYS * 86_400_000
    );
  }).length;
  return FLOWS.map((flow) => ({
    flow,
    sent: rows.filter((row) => row.kind === flow).length,
    attributedOrders: flow === 'win-back' ? attributed : null,
  }));
}
