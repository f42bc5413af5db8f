import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import type { z } from 'zod';
import { ApiErrorBody } from '../schemas/api-error.js';
import type { CartCaptureInput, OrderCompletedInput } from '../schemas/cart.js';
import { PublishedConfig } from '../schemas/published-config.js';
import { ShopConfig } from '../schemas/shop-config.js';
import type { WidgetEventBatch } from '../schemas/widget-event.js';
import {
  OrderWebhookSaved,
  OrderWebhooks,
  type OrderPlatform,
  type OrderWebhookSecretInput,
} from '../schemas/order-webhooks.js';
import {
  WebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEventType,
} from '../schemas/webhook-events.js';
import {
  AdminSession,
  AdminSessionState,
  CartCaptureResult,
  CartDetail,
  CartPage,
  DigestPreview,
  EmailPreview,
  type LifecyclePreviewRequest,
  OutboxMessage,
  OutboxPage,
  EventsAccepted,
  HolidayList,
  InstallInfo,
  OrderResult,
  RecoveryTestSent,
  RotatedKey,
  ShopperErased,
  ShopperExport,
  ShopStats,
  WebhookAttemptResult,
  WebhookEndpointCreated,
  WebhookEndpoints,
  type CartStatus,
  type PreviewRequest,
  type RecoveryTestRequest,
} from './documents.js';
import { ComptoirApiError } from './errors.js';

/** How to reach the API and who to be. */
export interface ClientOptions {
  /** The server's base URL, such as `https://comptoir.example`. */
  apiUrl: string;
  /** The shop, for the public API. */
  shopId?: string;
  /** `pk_…`, for the public API. */
  publishableKey?: string;
  /** `sk_…`, for the admin API from a shop's backend; without it the admin API uses the session cookie. */
  secretKey?: string;
  /** Milliseconds before a request fails with `timeout` (default 10 000). */
  timeout?: number;
  /** Retries after 429 and 503, waiting as `Retry-After` says (default 2). */
  retries?: number;
  /** The fetch to use (tests pass `app.request`). */
  fetch?: typeof fetch;
}

/** A range of local days, both inclusive, `YYYY-MM-DD`. */
export interface DayRange {
  from?: string;
  to?: string;
}

function searchParams(values: Record<string, string | number | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) params.set(name, String(value));
  return params;
}

async function toApiError(error: unknown, method: string, url: string): Promise<unknown> {
  if (error instanceof HTTPError) {
    const body = ApiErrorBody.safeParse(await error.response.json().catch(() => undefined));
    const status = error.response.status;
    return body.success
      ? new ComptoirApiError(
          status,
          body.data.error.code,
          body.data.error.message,
          method,
          url,
          body.data.error.details,
        )
      : new ComptoirApiError(status, 'http_error', `The server answered ${status}`, method, url);
  }
  if (error instanceof TimeoutError)
    return new ComptoirApiError(0, 'timeout', 'The request timed out', method, url);
  if (error instanceof TypeError)
    return new ComptoirApiError(0, 'network_error', error.message, method, url);
  return error;
}

/**
 * A typed client for the public and admin APIs on `ky.create()`: answers are parsed with the
 * sdk's zod schemas, failures are {@link ComptoirApiError}s carrying the server's code, 429 and
 * 503 are retried after `Retry-After`.
 *
 * @example
 * const api = createClient({ apiUrl: 'https://comptoir.example', shopId: 'shp_…', publishableKey: 'pk_…' });
 * const config = await api.public.getConfig();
 */
export function createClient(options: ClientOptions) {
  const retries = options.retries ?? 2;
  const http: KyInstance = ky.create({
    prefixUrl: options.apiUrl.replace(/\/$/, ''),
    timeout: options.timeout ?? 10_000,
    credentials: 'include',
    retry: {
      limit: retries,
      methods: ['get', 'put', 'post', 'delete'],
      statusCodes: [429, 503],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 60_000,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let csrfToken: string | undefined;

  async function send(method: string, path: string, init: Options): Promise<Response> {
    const url = `${options.apiUrl.replace(/\/$/, '')}/${path}`;
    try {
      return await http(path, { method, ...init });
    } catch (error) {
      // ky counts 304 as a failure; for a conditional GET it is the answer.
      if (error instanceof HTTPError && error.response.status === 304) return error.response;
      throw await toApiError(error, method.toUpperCase(), url);
    }
  }

  async function parse<Schema extends z.ZodType>(
    response: Response,
    schema: Schema,
    method: string,
  ): Promise<z.output<Schema>> {
    const result = schema.safeParse(await response.json().catch(() => undefined));
    if (!result.success) {
      throw new ComptoirApiError(
        response.status,
        'invalid_response',
        'The answer does not match its schema',
        method,
        response.url,
        result.error.issues,
      );
    }
    return result.data;
  }

  function publicInit(init: Options = {}): Options {
    if (!options.shopId || !options.publishableKey) {
      throw new TypeError('The public API needs shopId and publishableKey');
    }
    return {
      ...init,
      headers: { Authorization: `Bearer ${options.publishableKey}`, ...init.headers },
    };
  }

  function adminInit(method: string, init: Options = {}): Options {
    const headers: Record<string, string> = {};
    if (options.secretKey) headers.Authorization = `Bearer ${options.secretKey}`;
    else if (method !== 'get' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    return { ...init, headers: { ...headers, ...init.headers } };
  }

  const shopPath = () => `v1/shops/${encodeURIComponent(options.shopId ?? '')}`;

  async function admin<Schema extends z.ZodType>(
    method: string,
    path: string,
    schema: Schema,
    init: Options = {},
  ) {
    return parse(
      await send(method, `v1/admin/${path}`, adminInit(method, init)),
      schema,
      method.toUpperCase(),
    );
  }

  return {
    /** The underlying ky instance, for requests this client does not wrap. */
    http,
    /** The storefront API, with the publishable key. */
    public: {
      /** The published config; `undefined` when `ifNoneMatch` still matches (304). */
      async getConfig(ifNoneMatch?: string): Promise<PublishedConfig | undefined> {
        const init = publicInit(
          ifNoneMatch ? { headers: { 'If-None-Match': `"${ifNoneMatch}"` } } : {},
        );
        const response = await send('get', `${shopPath()}/config`, init);
        if (response.status === 304) return undefined;
        return parse(response, PublishedConfig, 'GET');
      },
      /** Captures a cart (the same platform `cart.id` updates the same cart). */
      async captureCart(input: CartCaptureInput): Promise<CartCaptureResult> {
        return parse(
          await send('post', `${shopPath()}/carts`, publicInit({ json: input })),
          CartCaptureResult,
          'POST',
        );
      },
      /** Updates a captured cart by its `crt_…` id. */
      async updateCart(cartId: string, input: CartCaptureInput): Promise<CartCaptureResult> {
        const path = `${shopPath()}/carts/${encodeURIComponent(cartId)}`;
        return parse(
          await send('put', path, publicInit({ json: input })),
          CartCaptureResult,
          'PUT',
        );
      },
      /** Reports an order for a cart. */
      async completeOrder(input: OrderCompletedInput): Promise<OrderResult> {
        return parse(
          await send('post', `${shopPath()}/orders`, publicInit({ json: input })),
          OrderResult,
          'POST',
        );
      },
      /** Sends a batch of widget events. */
      async sendEvents(batch: WidgetEventBatch): Promise<EventsAccepted> {
        return parse(
          await send('post', `${shopPath()}/events`, publicInit({ json: batch })),
          EventsAccepted,
          'POST',
        );
      },
    },
    /** The merchant's API, with the secret key or the session cookie. */
    admin: {
      /** Signs in with the secret key; the session cookie and CSRF token are kept for later calls. */
      async signIn(secretKey: string): Promise<AdminSession> {
        const session = await admin('post', 'session', AdminSession, { json: { secretKey } });
        csrfToken = session.csrfToken;
        return session;
      },
      /** The current session (after a reload). */
      async session(): Promise<AdminSession> {
        const session = await admin('get', 'session', AdminSession);
        csrfToken = session.csrfToken;
        return session;
      },
      /** The current session, or null when signed out (asked without an error status either way). */
      async sessionState(): Promise<AdminSession | null> {
        const state = await admin('get', 'session/state', AdminSessionState);
        if (!state.signedIn) return null;
        csrfToken = state.csrfToken;
        return { shopId: state.shopId, shopName: state.shopName, csrfToken: state.csrfToken };
      },
      /** Signs out. */
      async signOut(): Promise<void> {
        await send('delete', 'v1/admin/session', adminInit('delete'));
        csrfToken = undefined;
      },
      /** The editable config and its version (for `putConfig`). */
      async getConfig(): Promise<{ config: ShopConfig; version: string }> {
        const response = await send('get', 'v1/admin/config', adminInit('get'));
        const version = response.headers.get('etag')?.replace(/"/g, '') ?? '';
        return { config: await parse(response, ShopConfig, 'GET'), version };
      },
      /** Saves the config; with `version`, fails with code `version_conflict` (412) when stale. */
      async putConfig(
        config: ShopConfig,
        version?: string,
      ): Promise<{ config: ShopConfig; version: string }> {
        const init = adminInit('put', {
          json: config,
          ...(version ? { headers: { 'If-Match': `"${version}"` } } : {}),
        });
        const response = await send('put', 'v1/admin/config', init);
        const saved = response.headers.get('etag')?.replace(/"/g, '') ?? '';
        return { config: await parse(response, ShopConfig, 'PUT'), version: saved };
      },
      /** The published config a draft would give. */
      preview(request: PreviewRequest): Promise<PublishedConfig> {
        return admin('post', 'preview', PublishedConfig, { json: request });
      },
      /** A country's public holidays for the next 13 months. */
      holidays(country: string, region?: string): Promise<HolidayList> {
        return admin('get', 'holidays', HolidayList, {
          searchParams: searchParams({ country, region }),
        });
      },
      /** The install snippet. */
      install(): Promise<InstallInfo> {
        return admin('get', 'install', InstallInfo);
      },
      /** Replaces the secret key; the answer is the only time the new one is shown. */
      rotateKey(): Promise<RotatedKey> {
        return admin('post', 'keys/rotate', RotatedKey);
      },
      /** One page of captured carts, newest first. */
      listCarts(
        query: DayRange & { status?: CartStatus; limit?: number; cursor?: string } = {},
      ): Promise<CartPage> {
        return admin('get', 'carts', CartPage, { searchParams: searchParams({ ...query }) });
      },
      /** One page of the local outbox (no `SMTP_URL`), newest first. */
      async outbox(query: { limit?: number; cursor?: string } = {}): Promise<OutboxPage> {
        return admin('get', 'outbox', OutboxPage, { searchParams: searchParams({ ...query }) });
      },
      /** One outbox email with its rendered html and text. */
      async outboxEmail(id: string): Promise<OutboxMessage> {
        return admin('get', `outbox/${encodeURIComponent(id)}`, OutboxMessage);
      },
      /** One cart with the recovery emails sent about it. */
      async cart(id: string): Promise<CartDetail> {
        return admin('get', `carts/${encodeURIComponent(id)}`, CartDetail);
      },
      /** The carts as CSV text. */
      async cartsCsv(range: DayRange = {}): Promise<string> {
        const response = await send(
          'get',
          'v1/admin/carts.csv',
          adminInit('get', { searchParams: searchParams({ ...range }) }),
        );
        return response.text();
      },
      /** Counts over a range of days. */
      stats(range: DayRange = {}): Promise<ShopStats> {
        return admin('get', 'stats', ShopStats, { searchParams: searchParams({ ...range }) });
      },
      /** Everything stored about one shopper. */
      exportShopper(email: string): Promise<ShopperExport> {
        return admin('post', 'shoppers/export', ShopperExport, { json: { email } });
      },
      /** Erases one shopper's data. */
      eraseShopper(email: string): Promise<ShopperErased> {
        return admin('post', 'shoppers/erase', ShopperErased, { json: { email } });
      },
      /** Sends one recovery step to the merchant (`[Test] …`), from `config` when given. */
      sendRecoveryTest(request: RecoveryTestRequest): Promise<RecoveryTestSent> {
        return admin('post', 'recovery/test', RecoveryTestSent, { json: request });
      },
      /** The order webhooks of both platforms (address, state) and their latest deliveries. */
      orderWebhooks(): Promise<OrderWebhooks> {
        return admin('get', 'order-webhooks', OrderWebhooks);
      },
      /** Sets a platform's signing secret, or has one made (answered once, in `secret`). */
      saveOrderWebhook(
        platform: OrderPlatform,
        input: OrderWebhookSecretInput = {},
      ): Promise<OrderWebhookSaved> {
        return admin('put', `order-webhooks/${platform}`, OrderWebhookSaved, { json: input });
      },
      /** Switches a platform's order webhook off. */
      async deleteOrderWebhook(platform: OrderPlatform): Promise<void> {
        await send('delete', `v1/admin/order-webhooks/${platform}`, adminInit('delete'));
      },
      /** The event webhook endpoints and the latest delivery attempts. */
      webhookEndpoints(): Promise<WebhookEndpoints> {
        return admin('get', 'webhook-endpoints', WebhookEndpoints);
      },
      /** Adds an event webhook endpoint; its `whsec_…` secret is in this answer only. */
      addWebhookEndpoint(input: WebhookEndpointInput): Promise<WebhookEndpointCreated> {
        return admin('post', 'webhook-endpoints', WebhookEndpointCreated, { json: input });
      },
      /** Edits an endpoint; `enabled: true` switches it on again and clears its failures. */
      updateWebhookEndpoint(id: string, input: WebhookEndpointInput): Promise<WebhookEndpoint> {
        return admin('put', `webhook-endpoints/${encodeURIComponent(id)}`, WebhookEndpoint, {
          json: input,
        });
      },
      /** Deletes an endpoint and its messages. */
      async deleteWebhookEndpoint(id: string): Promise<void> {
        const path = `v1/admin/webhook-endpoints/${encodeURIComponent(id)}`;
        await send('delete', path, adminInit('delete'));
      },
      /** Sends a sample event (`test: true`) to an endpoint now. */
      testWebhookEndpoint(id: string, type?: WebhookEventType): Promise<WebhookAttemptResult> {
        return admin(
          'post',
          `webhook-endpoints/${encodeURIComponent(id)}/test`,
          WebhookAttemptResult,
          {
            json: type ? { type } : {},
          },
        );
      },
      /** Sends a logged message again now, with the same `webhook-id`. */
      resendWebhookMessage(messageId: string): Promise<WebhookAttemptResult> {
        const path = `webhook-endpoints/messages/${encodeURIComponent(messageId)}/resend`;
        return admin('post', path, WebhookAttemptResult);
      },
      /** An email after the order rendered from the (unsaved) draft for a sample order. */
      lifecyclePreview(input: LifecyclePreviewRequest): Promise<EmailPreview> {
        return admin('post', 'lifecycle/preview', EmailPreview, { json: input });
      },
      /** The weekly digest as emailed: the latest one, or the week before `sendDate`. */
      digest(sendDate?: string): Promise<DigestPreview> {
        return admin('get', 'lifecycle/digest', DigestPreview, {
          searchParams: searchParams({ sendDate }),
        });
      },
    },
  };
}

/** The client {@link createClient} builds. */
export type ComptoirClient = ReturnType<typeof createClient>;
