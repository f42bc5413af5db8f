import type { Selectable } from 'kysely';

/** `lifecycle_orders`: what the emails after an order need of it (migration 013). */
export interface LifecycleOrdersTable {
  /** `ord_…` */
  id: string;
  shop_id: string;
  source: string;
  order_id: string;
  email: string;
  email_hash: string;
  name: string | null;
  /** The shipping address as JSON. */
  address: string;
  locale: string | null;
  method_id: string | null;
  /** The order's lines as JSON (`title`, `quantity`, `url?`). */
  items: string;
  /** 1 agreed to marketing emails, -1 said no, 0 no answer. */
  marketing_consent: number;
  ordered_at: string;
}

/** A `lifecycle_orders` row as read. */
export type LifecycleOrderRow = Selectable<LifecycleOrdersTable>;
