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
  billing_address: z.object({ name: Text, first_name: Text, last_name: Text }).nullish(),
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
  billing: z.object({ email: Text, first_name: Text, last_name: Text }).nullish(),
  meta_data: z.array(z.object({ key: Text, value: z.unknown() })).nullish(),
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
 * `buyer_accepts_marketing`). An order without `shipping_address` ships nothing (a digital order,
 * a local pickup): its `shipping` has no address, the name comes from `billing_address`, and the
 * confirmation thanks without a delivery date (the billing address is not where anything goes,
 * so it is not shown). Null when what it carries does not make a valid `shipping` (no email).
 */
export function shopifyShipping(body: unknown): PlatformShipping | null {
  const parsed = ShopifyFields.safeParse(body);
  if (!parsed.success) return null;
  const order = parsed.data;
  const to = order.shipping_address;
  const billing = order.billing_address;
  const consentState = order.customer?.email_marketing_consent?.state;
  return checked(
    {
      email: filled(order.email || order.contact_email || order.customer?.email, 254),
      name: to
        ? (filled(to.name, 200) ?? fullName(to.first_name, to.last_name))
        : (filled(billing?.name, 200) ?? fullName(billing?.first_name, billing?.last_name)),
      address: to
        ? {
            line1: filled(to.address1, 200),
            line2: filled(to.address2, 200),
            postalCode: filled(to.zip, 20),
            city: filled(to.city, 100),
            country: to.country_code?.trim().toUpperCase(),
          }
        : undefined,
      locale: filled(order.customer_locale, 35),
      items: lines(
        (order.line_items ?? []).map((item) => ({
          title: filled(item.title ?? item.name, 200),
          quantity: item.quantity,
        })),
      ),
      // `unsubscribed` is a no; `not_subscribed`, `pending`… and an unticked box are no answer.
      marketingConsent:
        consentState === 'subscribed' ||
        (!consentState && order.buyer_accepts_marketing === true)
          ? true
          : consentState === 'unsubscribed'
            ? false
            : undefined,
    },
    (order.shipping_lines ?? []).flatMap((line) => [line.code, line.title]),
  );
}

/**
 * Order meta keys that carry what WooCommerce core does not. Core's order (REST API v3, which the
 * `order.*` webhooks deliver) has no language and no marketing consent; plugins store them as
 * order meta, which the payload's `meta_data: [{ id, key, value }]` carries:
 * - `wpml_language`: the language WPML (WooCommerce Multilingual) records on each order (`fr`);
 * - `mailchimp_woocommerce_is_subscribed` (also `_mailchimp_woocommerce_is_subscribed`): the
 *   newsletter checkbox of Mailchimp for WooCommerce at checkout (`1`/`yes`/`true`, or a boolean).
 */
const WOO_LOCALE_META = 'wpml_language';
const WOO_CONSENT_META = [
  'mailchimp_woocommerce_is_subscribed',
  '_mailchimp_woocommerce_is_subscribed',
] as const;
const WOO_CONSENT_YES = [true, 1, '1', 'yes', 'true'];

/**
 * The `shipping` of a WooCommerce order: its billing email, shipping address, line items (names
 * decoded from the HTML entities WooCommerce stores them with), and from `meta_data` the
 * shopper's language (WPML) and marketing consent (Mailchimp for WooCommerce's checkbox): without
 * them, the shop's language and no consent (only the confirmation follows). An order without a
 * shipping address (a virtual or downloadable order) ships nothing: no address, the billing name,
 * a confirmation without a delivery date. Null when it does not make a valid `shipping`.
 */
export function wooCommerceShipping(body: unknown): PlatformShipping | null {
  const parsed = WooCommerceFields.safeParse(body);
  if (!parsed.success) return null;
  const order = parsed.data;
  const to = order.shipping && filled(order.shipping.address_1, 200) ? order.shipping : undefined;
  const meta = (key: string) => order.meta_data?.find((entry) => entry.key === key)?.value;
  const language = meta(WOO_LOCALE_META);
  const locale =
    typeof language === 'string' && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(language.trim())
      ? language.trim().replace('_', '-')
      : undefined;
  const consent = WOO_CONSENT_META.some((key) => WOO_CONSENT_YES.includes(meta(key) as never));
  return checked(
    {
      email: filled(order.billing?.email, 254),
      name: to
        ? fullName(to.first_name, to.last_name)
        : fullName(order.billing?.first_name, order.billing?.last_name),
      address: to
        ? {
            line1: filled(to.address_1, 200),
            line2: filled(to.address_2, 200),
            postalCode: filled(to.postcode, 20),
            city: filled(to.city, 100),
            country: to.country?.trim().toUpperCase(),
          }
        : undefined,
      locale,
      items: lines(
        (order.line_items ?? []).map((item) => ({
          title: filled(decodeHTML(item.name ?? ''), 200),
          quantity: item.quantity,
        })),
      ),
      marketingConsent: consent ? true : undefined,
    },
    (order.shipping_lines ?? []).flatMap((line) => [line.method_id, line.method_title]),
  );
}
