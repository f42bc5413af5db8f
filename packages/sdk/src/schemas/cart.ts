import { z } from 'zod';
import {
  CountryCode,
  CurrencyCode,
  EmailAddress,
  HttpUrl,
  MinorUnits,
  ShortText,
  WellFormedText,
} from './primitives.js';

/** The most lines a cart may hold. */
export const MAX_CART_ITEMS = 200;

const CartItemId = WellFormedText.min(1, 'Required').max(128, 'At most 128 characters');

/** One line of a cart. */
export const CartItem = z.strictObject({
  id: CartItemId,
  productId: CartItemId.optional(),
  title: ShortText.min(1, 'Required'),
  quantity: z
    .number()
    .int('Quantity is a whole number')
    .min(1, 'Quantity is at least 1')
    .max(10_000),
  unitPrice: MinorUnits,
  url: HttpUrl.optional(),
  imageUrl: HttpUrl.optional(),
});
export type CartItem = z.infer<typeof CartItem>;

/** The cart, as every part of Comptoir shares it (DESIGN.md fixes this shape). */
export const Cart = z.strictObject({
  id: CartItemId.optional(),
  currency: CurrencyCode,
  country: CountryCode.optional(),
  subtotal: MinorUnits,
  items: z.array(CartItem).max(MAX_CART_ITEMS, `At most ${MAX_CART_ITEMS} items`),
});
export type Cart = z.infer<typeof Cart>;

/** The shopper's consent to recovery emails, with the exact text they were shown. */
export const Consent = z.strictObject({
  granted: z.boolean(),
  text: WellFormedText.min(1, 'Required').max(1000, 'At most 1000 characters'),
});
export type Consent = z.infer<typeof Consent>;

/** What a storefront sends to capture or update a cart. */
export const CartCaptureInput = z
  .strictObject({
    cart: Cart,
    email: EmailAddress.optional(),
    consent: Consent.optional(),
    locale: WellFormedText.max(35).optional(),
  })
  .refine((input) => !input.consent?.granted || input.email !== undefined, {
    message: 'Consent was given without an email address',
    path: ['email'],
  });
export type CartCaptureInput = z.infer<typeof CartCaptureInput>;

/** One line of an order as the emails after it show it. */
export const OrderLine = z.strictObject({
  title: WellFormedText.min(1, 'Required').max(200, 'At most 200 characters'),
  quantity: z.number().int().min(1).max(10_000),
  /** The product page, for the review request's link. */
  url: HttpUrl.optional(),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** Where and how an order ships, as the shop's backend reports it with the order. */
export const OrderShipping = z.strictObject({
  email: EmailAddress,
  name: WellFormedText.min(1).max(200).optional(),
  /**
   * Where it ships. Absent when the order ships nothing (a digital order, a pickup): the order
   * confirmation then thanks without a delivery date, and the review request counts its days from
   * the order.
   */
  address: z
    .strictObject({
      line1: WellFormedText.min(1, 'Required').max(200),
      line2: WellFormedText.max(200).optional(),
      postalCode: WellFormedText.max(20).optional(),
      city: WellFormedText.min(1, 'Required').max(100),
      country: CountryCode,
    })
    .optional(),
  /** The shopper's language tag (`fr-BE`). */
  locale: WellFormedText.max(35).optional(),
  /** A shipping method id of the shop's calendar; default its first method. */
  methodId: WellFormedText.max(64).optional(),
  items: z.array(OrderLine).max(100, 'At most 100 lines'),
  /**
   * The shopper agreed to marketing emails (review requests, win-back): `true`; `false` is a no
   * (which stops even a review request's soft opt-in); absent is no answer.
   */
  marketingConsent: z.boolean().optional(),
});
export type OrderShipping = z.infer<typeof OrderShipping>;

/** What a shop's checkout reports when an order is placed. */
export const OrderCompletedInput = z.strictObject({
  cartId: CartItemId,
  orderId: WellFormedText.min(1).max(128).optional(),
  total: MinorUnits,
  currency: CurrencyCode,
  /** Where the order ships, for the order confirmation; accepted with the secret key only. */
  shipping: OrderShipping.optional(),
});
export type OrderCompletedInput = z.infer<typeof OrderCompletedInput>;
