import type { Selectable } from 'kysely';

/** The `shops` table: one row per tenant. */
export interface ShopsTable {
  id: string;
  name: string;
  publishable_key: string;
  /** SHA-256 of the secret key, hex. */
  secret_key_hash: string;
  /** The editable `ShopConfig`, as JSON text. */
  config: string;
  config_version: number;
  created_at: string;
  updated_at: string;
}

/** A `shops` row as read. */
export type ShopRow = Selectable<ShopsTable>;
