import { Hono } from 'hono';
import { CartCaptureInput, type ShopConfig, CartCaptureResult } from '@comptoir/sdk';
import type { AppEnv, ResolvedDeps } from '../../context.js';
import { ApiError, NotFoundError } from '../../errors.js';
import { generateId, hashEmail } from '../../../storage/keys.js';
import { jsonBody } from '../../middleware/json-body.js';
import {
  findCart,
  findCartByPlatformId,
  insertCart,
  updateCart,
  type CartContents,
  type StoredCart,
} from '../../../storage/cart.store.js';
import { isUniqueViolation } from '../../../storage/database.js';
import type { Shop } from '../../../storage/shop.store.js';
import { describeRoutes } from '../openapi.js';
import { sendCartCaptured } from '../../../webhooks/events.js';
import { recoveryWanted, requestRecoveryAfterCapture } from '../../../worker/scheduler.js';

/**
 * The columns a capture writes. An email is kept only with consent (or in the shop's `soft`
 * consent mode); an update without an email keeps the one on file, and withdrawn consent removes it.
 */
function contentsOf(
  input: CartCaptureInput,
  existing: StoredCart | undefined,
  config: ShopConfig,
  now: Date,
): CartContents {
  const consent = input.consent
    ? { granted: input.consent.granted, text: input.consent.text, at: now.toISOString() }
    : (existing?.consent ?? null);
  const mayKeepEmail = consent?.granted === true || config.recovery.consentMode === 'soft';
  const email = mayKeepEmail ? (input.email ?? existing?.email ?? null) : null;
  return {
    platformCartId: input.cart.id ?? existing?.platformCartId ?? null,
    currency: input.cart.currency,
    country: input.cart.country ?? null,
    subtotal: input.cart.subtotal,
    items: input.cart.items,
    email,
    emailHash: email === null ? null : hashEmail(email),
    consent,
    locale: input.locale ?? existing?.locale ?? null,
  };
}

function captureOnce(
  deps: ResolvedDeps,
  shop: Shop,
  input: CartCaptureInput,
  cartId: string | undefined,
) {
  const now = deps.clock();
  // Captures arrive in bursts from many storefront visitors: they share transactions.
  return deps.groupCommit.run(async (trx) => {
    const existing = cartId
      ? await findCart(trx, shop.id, cartId)
      : input.cart.id
        ? await findCartByPlatformId(trx, shop.id, input.cart.id)
        : undefined;
    if (cartId && !existing) throw new NotFoundError('Cart');
    // An ordered cart is history (its revenue is attributed): the storefront's next cart is a new
    // capture. The widget forgets the old one on this answer.
    if (cartId && existing && existing.status !== 'open')
      throw new ApiError(
        409,
        'cart_closed',
        'This cart was ordered; capture the next cart with POST',
      );
    const contents = contentsOf(input, existing, shop.config, now);
    let cart: StoredCart;
    if (existing) {
      cart = await updateCart(trx, existing, contents, now);
      await requestRecoveryAfterCapture(trx, cart, shop.config, now);
    } else {
      // The emails are scheduled by the worker from the request the row carries: the capture
      // writes one row, and a burst of captures is answered as fast as carts are stored.
      const id = generateId('crt');
      const recoveryRequested = recoveryWanted({ ...contents, status: 'open' }, shop.config);
      cart = await insertCart(trx, shop.id, id, contents, now, { recoveryRequested });
    }
    await sendCartCaptured(trx, cart, existing, now);
    return cart;
  });
}

/**
 * Captures or updates a cart: the route's core, which the node:http fast path for `POST`
 * (`CaptureFastPath`) calls too. Two first captures of one platform cart can race: the loser hits
 * the unique index and, retried, updates the winner's row.
 */
export async function captureCart(
  deps: ResolvedDeps,
  shop: Shop,
  input: CartCaptureInput,
  cartId?: string,
): Promise<StoredCart> {
  let cart: StoredCart;
  try {
    cart = await captureOnce(deps, shop, input, cartId);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (cartId)
      throw new ApiError(
        409,
        'conflict',
        'Another cart of this shop already has this platform cart id',
      );
    cart = await captureOnce(deps, shop, input, cartId);
  }
  // Committed: the worker may plan its emails now (a cart that already has them is skipped there).
  if (recoveryWanted(cart, shop.config)) deps.onRecoveryRequested();
  return cart;
}

/** The answer to a capture (the fast path sends it too). */
export function captureAnswer(cart: StoredCart): CartCaptureResult {
  return { id: cart.id, emailCaptured: cart.email !== null };
}

/** `POST /v1/shops/:shop/carts` and `PUT /v1/shops/:shop/carts/:cart`: cart capture. */
export const publicCarts = new Hono<AppEnv>()
  .post('/', jsonBody(CartCaptureInput), async (c) => {
    const cart = await captureCart(c.get('deps'), c.get('shop'), c.req.valid('json'));
    return c.json(captureAnswer(cart), 201);
  })
  .put('/:cart', jsonBody(CartCaptureInput), async (c) => {
    const cart = await captureCart(
      c.get('deps'),
      c.get('shop'),
      c.req.valid('json'),
      c.req.param('cart'),
    );
    return c.json(captureAnswer(cart), 200);
  });

describeRoutes(publicCarts, {
  'POST /': {
    summary: 'Capture a cart (idempotent per platform cart id)',
    auth: 'publishable',
    status: 201,
    answer: CartCaptureResult,
    tag: 'public',
  },
  'PUT /:cart': {
    summary: 'Update a captured cart',
    auth: 'publishable',
    status: 200,
    answer: CartCaptureResult,
    tag: 'public',
  },
});
