// Documents the API answers with (and the small requests that have no schema of their own in
// ../schemas): the server builds them, the client parses them.
import { z } from 'zod';
import { CartItem } from '../schemas/cart.js';
import { EmailAddress, Instant, LocalDate, Locale } from '../schemas/primitives.js';
import { VerifiedSource } from '../schemas/order-webhooks.js';
import { WebhookAttempt, WebhookEndpoint } from '../schemas/webhook-events.js';
import { ShopConfig } from '../schemas/shop-config.js';

/** `POST|PUT /v1/shops/:shop/carts…`: the cart's `crt_…` id and whether an email is on file. */
export const CartCaptureResult = z.object({ id: z.string(), emailCaptured: z.boolean() });
export type CartCaptureResult = z.infer<typeof CartCaptureResult>;

/** `POST /v1/shops/:shop/orders`: the cart that converted, and whether an email recovered it. */
export const OrderResult = z.object({ cartId: z.string(), recovered: z.boolean() });
export type OrderResult = z.infer<typeof OrderResult>;

/** `POST /v1/shops/:shop/events`: how many events were stored. */
export const EventsAccepted = z.object({ accepted: z.number().int() });
export type EventsAccepted = z.infer<typeof EventsAccepted>;

/** `POST|GET /v1/admin/session`: who is signed in, and the token every write must carry. */
export const AdminSession = z.object({
  shopId: z.string(),
  shopName: z.string(),
  csrfToken: z.string(),
});
export type AdminSession = z.infer<typeof AdminSession>;

/**
 * `GET /v1/admin/session/state`: whether the config page is signed in, answered 200 either way (a
 * page that is simply not signed in yet is no error), with the session when it is.
 */
export const AdminSessionState = z.union([
  AdminSession.extend({ signedIn: z.literal(true) }),
  z.object({ signedIn: z.literal(false) }),
]);
export type AdminSessionState = z.infer<typeof AdminSessionState>;

/** `GET /v1/admin/holidays`: public holidays of a country for the next 13 months. */
export const HolidayList = z.object({
  holidays: z.array(z.object({ date: LocalDate, name: z.string() })),
});
export type HolidayList = z.infer<typeof HolidayList>;

/** `GET /v1/admin/install`: what the merchant pastes into their theme. */
export const InstallInfo = z.object({
  shopId: z.string(),
  publishableKey: z.string(),
  embedUrl: z.string(),
  snippet: z.string(),
});
export type InstallInfo = z.infer<typeof InstallInfo>;

/** `POST /v1/admin/keys/rotate`: the new secret key, shown once. */
export const RotatedKey = z.object({ secretKey: z.string() });
export type RotatedKey = z.infer<typeof RotatedKey>;

/** Where a captured cart stands. */
export const CartStatus = z.enum(['open', 'converted', 'recovered']);
export type CartStatus = z.infer<typeof CartStatus>;

/** A captured cart as the merchant sees it. */
export const AdminCart = z.object({
  id: z.string(),
  platformCartId: z.string().nullable(),
  currency: z.string(),
  country: z.string().nullable(),
  subtotal: z.number().int(),
  items: z.array(CartItem),
  email: z.string().nullable(),
  consent: z.object({ granted: z.boolean(), text: z.string(), at: Instant }).nullable(),
  locale: z.string().nullable(),
  status: CartStatus,
  convertedAt: Instant.nullable(),
  orderId: z.string().nullable(),
  orderTotal: z.number().int().nullable(),
  orderCurrency: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AdminCart = z.infer<typeof AdminCart>;

/** One email of the local outbox, as `GET /v1/admin/outbox` lists it. */
export const OutboxEmail = z.object({
  id: z.string(),
  kind: z.string(),
  step: z.number().int().nullable(),
  to: z.string(),
  subject: z.string(),
  messageId: z.string(),
  createdAt: Instant,
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

/** `GET /v1/admin/outbox`: one page of the outbox, newest first. */
export const OutboxPage = z.object({
  items: z.array(OutboxEmail),
  nextCursor: z.string().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

/** `GET /v1/admin/outbox/:id`: one outbox email with its rendered parts. */
export const OutboxMessage = OutboxEmail.extend({
  html: z.string().nullable(),
  text: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** An email sent (or kept in the outbox) about one cart. */
export const CartEmail = z.object({
  id: z.string(),
  step: z.number().int().nullable(),
  subject: z.string(),
  transport: z.enum(['smtp', 'outbox']),
  createdAt: Instant,
});
export type CartEmail = z.infer<typeof CartEmail>;

/** `GET /v1/admin/carts/:id`: one cart with the recovery emails sent about it, oldest first. */
export const CartDetail = z.object({ cart: AdminCart, emails: z.array(CartEmail) });
export type CartDetail = z.infer<typeof CartDetail>;

/** `GET /v1/admin/carts`: one page of carts, newest first. */
export const CartPage = z.object({ items: z.array(AdminCart), nextCursor: z.string().nullable() });
export type CartPage = z.infer<typeof CartPage>;

const MoneyTotal = z.object({ currency: z.string(), amount: z.number().int() });

/** `GET /v1/admin/stats`: what happened over a range of days. */
export const ShopStats = z.object({
  from: LocalDate,
  to: LocalDate,
  cartsCaptured: z.number().int(),
  cartsWithEmail: z.number().int(),
  cartsConverted: z.number().int(),
  cartsRecovered: z.number().int(),
  recoveredRevenue: z.array(MoneyTotal),
  /**
   * Which orders `recoveredRevenue` counts: `verified` (webhooks and the shop's backend) once the
   * shop has a verified source, else `storefront` (reports with the publishable key).
   */
  revenueSource: z.enum(['verified', 'storefront']),
  /** The shop's verified sources; empty when only the storefront reports orders. */
  verifiedSources: z.array(VerifiedSource),
  /** Event webhook endpoints the server switched off after repeated failures. */
  endpointsSwitchedOff: z.array(z.object({ id: z.string(), url: z.string(), reason: z.string() })),
  emailsSent: z.number().int(),
  emailsClicked: z.number().int(),
  faqOpened: z.number().int(),
  faqSearchesEmpty: z.number().int(),
  topEmptySearches: z.array(z.object({ query: z.string(), count: z.number().int() })),
  /**
   * The emails after the order, per flow: emails sent in the range, clicks on their links in the
   * range (null for the confirmation and the digest, which have none tracked) and, for the
   * win-back, the orders placed within 7 days after a win-back to their address (each order once,
   * credited to the last win-back before it).
   */
  lifecycle: z
    .array(
      z.object({
        flow: z.enum(['confirmation', 'win-back', 'review-request', 'digest']),
        sent: z.number().int(),
        clicks: z.number().int().nullable(),
        attributedOrders: z.number().int().nullable(),
      }),
    )
    .optional(),
  daily: z.array(
    z.object({
      date: LocalDate,
      captured: z.number().int(),
      recovered: z.number().int(),
      recoveredRevenue: z.number().int(),
    }),
  ),
});
export type ShopStats = z.infer<typeof ShopStats>;

/** `POST /v1/admin/shoppers/export`: everything stored about one shopper. */
export const ShopperExport = z.object({
  email: z.string(),
  carts: z.array(AdminCart),
  extra: z.record(z.string(), z.unknown()),
});
export type ShopperExport = z.infer<typeof ShopperExport>;

/** `POST /v1/admin/shoppers/erase`: how much was erased. */
export const ShopperErased = z.object({ email: z.string(), cartsErased: z.number().int() });
export type ShopperErased = z.infer<typeof ShopperErased>;

/** `POST /v1/admin/shoppers/export|erase`: the shopper, by email address. */
export const ShopperRequest = z.strictObject({ email: EmailAddress });
export type ShopperRequest = z.infer<typeof ShopperRequest>;

/** `POST /v1/admin/session`: sign in with the shop's secret key. */
export const SignInRequest = z.strictObject({ secretKey: z.string().min(1).max(200) });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** `POST /v1/admin/preview`: a draft config, and optionally the moment to preview it at. */
export const PreviewRequest = z.strictObject({ config: ShopConfig, at: Instant.optional() });
export type PreviewRequest = z.infer<typeof PreviewRequest>;

/** `POST /v1/admin/recovery/test`: send one step to the merchant, from the unsaved draft when given. */
export const RecoveryTestRequest = z.strictObject({
  email: EmailAddress,
  step: z.number().int().min(0),
  /** The config page's unsaved draft: the test shows what the merchant sees. Default: as saved. */
  config: ShopConfig.optional(),
});
export type RecoveryTestRequest = z.infer<typeof RecoveryTestRequest>;

/** `POST /v1/admin/recovery/test` (202): the email sent, and how (the relay, or the local outbox). */
export const RecoveryTestSent = z.object({
  id: z.string(),
  messageId: z.string(),
  transport: z.enum(['smtp', 'outbox']),
});
export type RecoveryTestSent = z.infer<typeof RecoveryTestSent>;

/** `GET /v1/admin/webhook-endpoints`: the event webhook endpoints and the latest delivery attempts. */
export const WebhookEndpoints = z.object({
  endpoints: z.array(WebhookEndpoint),
  attempts: z.array(WebhookAttempt),
});
export type WebhookEndpoints = z.infer<typeof WebhookEndpoints>;

/** `POST /v1/admin/webhook-endpoints` (201): the new endpoint with its `whsec_…` secret, shown once. */
export const WebhookEndpointCreated = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointCreated = z.infer<typeof WebhookEndpointCreated>;

/** What "send a test event" and "send again" answer: how the attempt went. */
export const WebhookAttemptResult = z.object({
  messageId: z.string(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type WebhookAttemptResult = z.infer<typeof WebhookAttemptResult>;

/** The emails after the order the config page previews. */
export const LifecyclePreviewKind = z.enum(['confirmation', 'win-back', 'review-request']);
export type LifecyclePreviewKind = z.infer<typeof LifecyclePreviewKind>;

/**
 * `POST /v1/admin/lifecycle/preview`: one email after the order rendered for a sample order,
 * from the unsaved draft when given (else the saved config), as if the order was placed `at`
 * (default now), in `locale` (default the shop's language).
 */
export const LifecyclePreviewRequest = z.strictObject({
  kind: LifecyclePreviewKind,
  config: ShopConfig.optional(),
  at: Instant.optional(),
  locale: Locale.optional(),
});
export type LifecyclePreviewRequest = z.infer<typeof LifecyclePreviewRequest>;

/** A rendered email: what the shopper (or the merchant) would receive. */
export const EmailPreview = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** The language it was written in. */
  locale: z.string(),
  /** When it would go for an order placed at the preview's instant (the win-back, the review request). */
  sendAt: Instant.optional(),
});
export type EmailPreview = z.infer<typeof EmailPreview>;

/** `GET /v1/admin/lifecycle/digest`: the weekly digest of the week before `sendDate`, as emailed. */
export const DigestPreview = EmailPreview.extend({
  /** The send date naming the week; the week reported is `from` (inclusive) to `to` (exclusive). */
  sendDate: LocalDate,
  from: LocalDate,
  to: LocalDate,
  /** Whether the digest is switched on (the view works either way). */
  enabled: z.boolean(),
});
export type DigestPreview = z.infer<typeof DigestPreview>;

/** `GET /healthz`. */
export const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
export type Health = z.infer<typeof Health>;
