import { Hono } from 'hono';
import { z } from 'zod';
import { CartDetail, CartStatus, LocalDate, type AdminCart, CartPage } from '@comptoir/sdk';
import { toDecimalString } from '@comptoir/sdk/money';
import type { AppEnv } from '../../context.js';
import { ApiError } from '../../errors.js';
import { addDays, startOfLocalDay } from './local-time.js';
import { queryParams } from '../../middleware/json-body.js';
import {
  findCart,
  listCarts,
  type CartListQuery,
  type StoredCart,
} from '../../../storage/cart.store.js';
import { listCartEmails } from '../../../storage/emails.store.js';
import { NotFoundError } from '../../errors.js';
import type { Db } from '../../../storage/database.js';
import { DateRangeQuery } from './range.js';
import { describeAdminRoutes } from '../openapi.js';

/** A stored cart as the admin API shows it. */
export function toAdminCart(cart: StoredCart): AdminCart {
  return {
    id: cart.id,
    platformCartId: cart.platformCartId,
    currency: cart.currency,
    country: cart.country,
    subtotal: cart.subtotal,
    items: cart.items,
    email: cart.email,
    consent: cart.consent,
    locale: cart.locale,
    status: cart.status,
    convertedAt: cart.convertedAt,
    orderId: cart.orderId,
    orderTotal: cart.orderTotal,
    orderCurrency: cart.orderCurrency,
    createdAt: cart.createdAt,
    updatedAt: cart.updatedAt,
  };
}

const CartListParams = z.object({
  status: CartStatus.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

function encodeCursor(cart: StoredCart): string {
  return Buffer.from(JSON.stringify([cart.createdAt, cart.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // Falls through to the error below.
  }
  throw new ApiError(400, 'invalid_request', 'The cursor is not one this API gave');
}

function bounds(from: string | undefined, to: string | undefined, timeZone: string) {
  return {
    ...(from ? { from: startOfLocalDay(from, timeZone).toISOString() } : {}),
    ...(to ? { to: startOfLocalDay(addDays(to, 1), timeZone).toISOString() } : {}),
  };
}

const CSV_COLUMNS = [
  'id',
  'created_at',
  'status',
  'currency',
  'subtotal',
  'items',
  'email',
  'consent',
  'country',
  'locale',
  'converted_at',
  'order_id',
  'order_total',
  'order_currency',
  'platform_cart_id',
] as const;

/**
 * One CSV field: quoted when needed; a leading = + - @ (or tab, CR) is neutralised so spreadsheets
 * show text. A `;` also forces quotes: spreadsheets in many locales split on it, which would start
 * a new cell, unneutralised, right after it.
 */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An amount as a spreadsheet reads it: `12.50` euros, not `1250` cents (`1250` yen stays). */
function amount(minor: number | null, currency: string | null): string | null {
  if (minor === null || !currency) return minor === null ? null : String(minor);
  try {
    return toDecimalString(minor, currency);
  } catch {
    return String(minor);
  }
}

/** `carts-<shop>-<from>-to-<to>.csv`: the file says which days it holds (`all` without a bound). */
function csvFileName(shopId: string, from: string | undefined, to: string | undefined): string {
  return from || to
    ? `carts-${shopId}-${from ?? 'start'}-to-${to ?? 'now'}.csv`
    : `carts-${shopId}-all.csv`;
}

function csvRow(cart: StoredCart): string {
  return [
    cart.id,
    cart.createdAt,
    cart.status,
    cart.currency,
    amount(cart.subtotal, cart.currency),
    cart.items.reduce((sum, item) => sum + item.quantity, 0),
    cart.email,
    cart.consent ? (cart.consent.granted ? 'yes' : 'no') : '',
    cart.country,
    cart.locale,
    cart.convertedAt,
    cart.orderId,
    amount(cart.orderTotal ?? null, cart.orderCurrency ?? cart.currency),
    cart.orderCurrency,
    cart.platformCartId,
  ]
    .map(csvField)
    .join(',');
}

async function* allCarts(db: Db, shopId: string, query: Omit<CartListQuery, 'limit' | 'after'>) {
  let after: CartListQuery['after'];
  for (;;) {
    const page = await listCarts(db, shopId, { ...query, limit: 500, ...(after ? { after } : {}) });
    yield* page;
    const last = page.at(-1);
    if (page.length < 500 || !last) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** `GET /v1/admin/carts` (filters, keyset pagination) and `GET /v1/admin/carts.csv`. */
export const adminCarts = new Hono<AppEnv>()
  .get('/carts', queryParams(CartListParams), async (c) => {
    const { status, from, to, limit, cursor } = c.req.valid('query');
    const shop = c.get('shop');
    const carts = await listCarts(c.get('deps').db, shop.id, {
      ...(status ? { status } : {}),
      ...bounds(from, to, shop.config.calendar.timeZone),
      limit: limit + 1,
      ...(cursor ? { after: decodeCursor(cursor) } : {}),
    });
    const page = carts.slice(0, limit);
    const last = page.at(-1);
    return c.json({
      items: page.map(toAdminCart),
      nextCursor: carts.length > limit && last ? encodeCursor(last) : null,
    });
  })
  .get('/carts.csv', queryParams(DateRangeQuery), async (c) => {
    const { from, to } = c.req.valid('query');
    const shop = c.get('shop');
    const lines = [CSV_COLUMNS.join(',')];
    for await (const cart of allCarts(
      c.get('deps').db,
      shop.id,
      bounds(from, to, shop.config.calendar.timeZone),
    )) {
      lines.push(csvRow(cart));
    }
    c.header('Content-Type', 'text/csv; charset=UTF-8');
    c.header('Content-Disposition', `attachment; filename="${csvFileName(shop.id, from, to)}"`);
    return c.body(`${lines.join('\r\n')}\r\n`);
  })
  .get('/carts/:id', async (c) => {
    const db = c.get('deps').db;
    const shopId = c.get('shop').id;
    const cart = await findCart(db, shopId, c.req.param('id'));
    if (!cart) throw new NotFoundError('Cart');
    const emails = await listCartEmails(db, shopId, cart.id);
    return c.json({
      cart: toAdminCart(cart),
      emails: emails.map((email) => ({
        id: email.id,
        step: email.step,
        subject: email.subject,
        transport: email.transport,
        createdAt: email.createdAt,
      })),
    } satisfies CartDetail);
  });

describeAdminRoutes(adminCarts, {
  'GET /carts': {
    summary: 'Captured carts, newest first',
    status: 200,
    answer: CartPage,
  },
  'GET /carts/:id': {
    summary: 'One cart with the recovery emails sent about it',
    status: 200,
    answer: CartDetail,
  },
  'GET /carts.csv': {
    summary: 'Captured carts as CSV',
    status: 200,
    answer: 'text/csv',
  },
});
