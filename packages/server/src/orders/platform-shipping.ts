import { z } from 'zod';
import { decodeHTML } from 'entities';
import { OrderShipping } from '@comptoir/sdk';

/**
 * What a platform order says about where it ships, in the `shipping` shape the shop's backend
 * sends with `POST /v1/shops/:shop/orders`, plus the names of its shipping lines (matched to the
 * shop's calendar methods by the route, which knows the shop).
 */
export interface PlatformShipping {
  shipping: OrderShipping;
  shippingLines: string[];
}

// Read leniently and apart from the order itself: a field shaped differently than documented
// costs the emails after this order, never the order's revenue or the stop of its recovery.
const Text = z.string().nullish();

const ShopifyFields = z.object({
  email: Text,
  contact_email: Text,
  customer_locale: Text,
  buyer_accepts_marketing: z.boolean().nullish(),
  customer: z
    .object({
      email: Text,
      email_marketing_consent: z.object({ state: Text }).nullish(),
    })
    .nullish(),
  shipping_address: z
    .object({
      name: Text,
      first_name: Text,
      last_name: Text,
      address1: Text,
      address2: Text,
      zip: Text,
      city: Text,
      country_code: Text,
    })
    .nullish(),
  line_items: z.array(z.object({ title: Text, name: Text, quantity: z.number() })).nullish(),
  shipping_lines: z.array(z.object({ code: Text, title: Text })).nullish(),
});

const WooCommerceAddress = z.object({
  first_name: Text,
  last_name: Text,
  address_1: Text,
  address_2: Text,
  postcode: Text,
  city: Text,
  country: Text,
});

const WooCommerceFields = z.object({
  billing: z.object({ email: Text }).nullish(),
  shipping: WooCommerceAddress.nullish(),
  line_items: z.array(z.object({ name: Text, quantity: z.number() })).nullish(),
  shipping_lines: z.array(z.object({ method_id: Text, method_title: Text })).nullish(),
});

/** The text trimmed, or undefined when empty (WooCommerce sends '' for a field left blank). */
function filled(text: string | null | undefined, max: number): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

function fullName(first?: string | null, last?: string | null): string | undefined {
  return filled([first, last].filter(Boolean).join(' '), 200);
}

function lines(items: { title: string | undefined; quantity: number }[]): OrderShipping['items'] {
  // No product URL: platform line items carry none, and the review request leaves the link out.
  return items
    .filter((item) => item.title && Number.isInteger(item.quantity) && item.quantity >= 1)
    .slice(0, 100)
    .map((item) => ({ title: item.title as string, quantity: Math.min(item.quantity, 10_000) }));
}

function checked(candidate: unknown, shippingLines: (string | null | undefined)[]) {
  const result = OrderShipping.safeParse(candidate);
  if (!result.success) return null;
  const names = shippingLines.map((line) => line?.trim()).filter((line): line is string => !!line);
  return { shipping: result.data, shippingLines: names };
}

/**
 * The `shipping` of a Shopify order: its email, `customer_locale`, shipping address, line items
 * and marketing consent (`customer.email_marketing_consent.state` "subscribed", else the older
 * `buyer_accepts_marketing`). Null when the order ships nowhere (no shipping address: a pickup
 * or digital order) or what it carries does not make a valid `shipping`.
 */
export function shopifyShipping(body: unknown): PlatformShipping | null {
  const parsed = ShopifyFields.safeParse(body);
  if (!parsed.success) return null;
  const order = parsed.data;
  const to = order.shipping_address;
  if (!to) return null;
  const consentState = order.customer?.email_marketing_consent?.state;
  return checked(
    {
      email: filled(order.email || order.contact_email || order.customer?.email, 254),
      name: filled(to.name, 200) ?? fullName(to.first_name, to.last_name),
      address: {
        line1: filled(to.address1, 200),
        line2: filled(to.address2, 200),
        postalCode: filled(to.zip, 20),
        city: filled(to.city, 100),
        country: to.country_code?.trim().toUpperCase(),
      },
      locale: filled(order.customer_locale, 35),
      items: lines(
        (order.line_items ?? []).map((item) => ({
          title: filled(item.title ?? item.name, 200),
          quantity: item.quantity,
        })),
      ),
      marketingConsent: consentState
        ? consentState === 'subscribed'
        : order.buyer_accepts_marketing === true,
    },
    (order.shipping_lines ?? []).flatMap((line) => [line.code, line.title]),
  );
}

/**
 * The `shipping` of a WooCommerce order: its billing email, shipping address and line items
 * (names decoded from the HTML entities WooCommerce stores them with). WooCommerce orders carry
 * no marketing consent, so none is assumed: only the confirmation follows. Null when the order
 * has no shipping address (a virtual order) or does not make a valid `shipping`.
 */
export function wooCommerceShipping(body: unknown): PlatformShipping | null {
  const parsed = WooCommerceFields.safeParse(body);
  if (!parsed.success) return null;
  const order = parsed.data;
  const to = order.shipping;
  if (!to || !filled(to.address_1, 200)) return null;
  return checked(
    {
      email: filled(order.billing?.email, 254),
      name: fullName(to.first_name, to.last_name),
      address: {
        line1: filled(to.address_1, 200),
        line2: filled(to.address_2, 200),
        postalCode: filled(to.postcode, 20),
        city: filled(to.city, 100),
        country: to.country?.trim().toUpperCase(),
      },
      items: lines(
        (order.line_items ?? []).map((item) => ({
          title: filled(decodeHTML(item.name ?? ''), 200),
          quantity: item.quantity,
        })),
      ),
      marketingConsent: false,
    },
    (order.shipping_lines ?? []).flatMap((line) => [line.method_id, line.method_title]),
  );
}
