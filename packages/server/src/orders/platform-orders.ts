import { z } from 'zod';
import { parseDecimalAmount } from '@comptoir/sdk/money';
import type { OrderPlatform } from '../storage/order-webhook.table.js';
import {
  shopifyShipping,
  wooCommerceShipping,
  type PlatformShipping,
} from './platform-shipping.js';

/** An order a platform's webhook reported, reduced to what recovery and revenue need. */
export interface PlatformOrder {
  platform: OrderPlatform;
  /** The platform's order id, as text (Shopify's ids pass 2^53: never through a number). */
  orderId: string;
  /** Shopify's `cart_token` without any `?key=…`; WooCommerce orders carry none. */
  cartToken: string | null;
  email: string | null;
  /** In minor units of `currency`, converted from the platform's decimal string exactly. */
  total: number;
  currency: string;
  /** Why the order must not count (a test order, cancelled, not paid yet), if it must not. */
  skipReason: string | null;
  /** Where it ships, for the emails after the order; null when it ships nowhere or says too little. */
  shipping: PlatformShipping | null;
}

/** A webhook body that is not the order document its topic promises. */
export class MalformedOrderError extends Error {
  override name = 'MalformedOrderError';
}

/** True when `error` is a {@link MalformedOrderError}. */
export function isMalformedOrderError(error: unknown): error is MalformedOrderError {
  return error instanceof Error && error.name === 'MalformedOrderError';
}

const Currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/)
  .transform((code) => code.toUpperCase());
const Decimal = z.string().min(1).max(32);
const Email = z.string().trim().max(254).nullish();

const ShopifyOrder = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  admin_graphql_api_id: z.string().optional(),
  email: Email,
  contact_email: Email,
  customer: z.object({ email: Email }).nullish(),
  cart_token: z.string().max(512).nullish(),
  currency: Currency,
  total_price: Decimal,
  presentment_currency: Currency.optional(),
  total_price_set: z
    .object({ presentment_money: z.object({ amount: Decimal, currency_code: Currency }) })
    .nullish(),
  cancelled_at: z.string().nullish(),
  test: z.boolean().optional(),
});

const WooCommerceOrder = z.object({
  id: z.number().int().positive(),
  status: z.string(),
  currency: Currency,
  total: Decimal,
  billing: z.object({ email: Email }).nullish(),
});

/** WooCommerce's paid statuses (`wc_get_is_paid_statuses()`): the money has been taken. */
export const WOOCOMMERCE_PAID_STATUSES = ['processing', 'completed'];

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new MalformedOrderError('The body is not JSON');
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new MalformedOrderError(`${what}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

function amount(text: string, currency: string, field: string): number {
  try {
    return parseDecimalAmount(text, currency);
  } catch (error) {
    throw new MalformedOrderError(`${field}: ${(error as Error).message}`);
  }
}

/**
 * A Shopify `orders/create` or `orders/paid` body (the REST Admin API's Order resource). The
 * total is the one the shopper saw (`total_price_set.presentment_money`, the currency `/cart.js`
 * reports), else `total_price` in the shop's currency. The cart token is cut at `?`: since
 * 2024-06-21 `/cart.js` answers `c1-…?key=…`, and the order's `cart_token` is the part before.
 */
export function parseShopifyOrder(rawBody: string): PlatformOrder {
  const body = parseJson(rawBody);
  const order = parseWith(ShopifyOrder, body, 'Not a Shopify order');
  const gid = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(order.admin_graphql_api_id ?? '')?.[1];
  const id =
    gid ??
    (typeof order.id === 'string' && /^\d+$/.test(order.id) ? order.id : undefined) ??
    (typeof order.id === 'number' && Number.isSafeInteger(order.id) ? String(order.id) : undefined);
  if (!id) throw new MalformedOrderError('Not a Shopify order: admin_graphql_api_id: missing');
  const presentment = order.total_price_set?.presentment_money;
  const currency = presentment?.currency_code ?? order.currency;
  const total = presentment
    ? amount(presentment.amount, currency, 'total_price_set.presentment_money.amount')
    : amount(order.total_price, currency, 'total_price');
  const email = order.email || order.contact_email || order.customer?.email || null;
  const token = order.cart_token?.split('?')[0] || null;
  return {
    platform: 'shopify',
    orderId: id,
    cartToken: token,
    email,
    total,
    currency,
    skipReason: order.test ? 'a test order' : order.cancelled_at ? 'a cancelled order' : null,
    shipping: shopifyShipping(body),
  };
}

/**
 * A WooCommerce `order.created` / `order.updated` body (the REST API v3 order). Only a paid
 * status ({@link WOOCOMMERCE_PAID_STATUSES}) counts: a bank-transfer order created `on-hold`
 * counts when it is updated to `processing`. Matched by the billing email, as WooCommerce orders
 * carry no Store API cart token.
 */
export function parseWooCommerceOrder(rawBody: string): PlatformOrder {
  const body = parseJson(rawBody);
  const order = parseWith(WooCommerceOrder, body, 'Not a WooCommerce order');
  return {
    platform: 'woocommerce',
    orderId: String(order.id),
    cartToken: null,
    email: order.billing?.email || null,
    total: amount(order.total, order.currency, 'total'),
    currency: order.currency,
    skipReason: WOOCOMMERCE_PAID_STATUSES.includes(order.status)
      ? null
      : `not paid yet (status ${order.status})`,
    shipping: wooCommerceShipping(body),
  };
}
