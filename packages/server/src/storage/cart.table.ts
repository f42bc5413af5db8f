import type { Generated, Selectable } from 'kysely';

/** Where a cart stands: still open, bought, or bought after a recovery email. */
export type CartStatus = 'open' | 'converted' | 'recovered';

/** The `carts` table: carts captured from storefronts. */
export interface CartsTable {
  /** `crt_…` */
  id: string;
  shop_id: string;
  /** The platform's cart id or token, when it has one. */
  platform_cart_id: string | null;
  currency: string;
  country: string | null;
  subtotal: number;
  /** `CartItem[]` as JSON text. */
  items: string;
  email: string | null;
  /** SHA-256 of the trimmed, lower-cased email, hex: finds a shopper's data (GDPR, caps). */
  email_hash: string | null;
  /** 1 when the shopper ticked the consent box, else 0. */
  consent_granted: number;
  consent_text: string | null;
  consent_at: string | null;
  locale: string | null;
  status: CartStatus;
  /** When the last recovery email for this cart went out (set by the email worker). */
  recovery_email_at: string | null;
  /**
   * When a capture made the cart eligible for recovery emails and the worker has not yet turned
   * that into its sequence and jobs (see migration 016); null otherwise.
   */
  recovery_requested_at: string | null;
  converted_at: string | null;
  order_id: string | null;
  order_total: number | null;
  order_currency: string | null;
  /** 1 when the order was reported by a verified source (webhook or `sk_…`), else 0. */
  order_verified: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A `carts` row as read. */
export type CartRow = Selectable<CartsTable>;
