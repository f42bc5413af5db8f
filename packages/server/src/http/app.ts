import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { AppDeps, AppEnv, ResolvedDeps } from './context.js';
import { createOutboxMailer } from '../email/mailer.js';
import { isApiError } from './errors.js';
import { silentLogger } from '../log.js';
import { adminAuth } from './middleware/admin-auth.js';
import { limitBody } from './middleware/body-limit.js';
import { ipRateLimit } from './middleware/rate-limit.js';
import { defaultRateLimits, RateLimiter } from './middleware/rate-limiter.js';
import { publicAuth } from './middleware/public-auth.js';
import { SharedRateLimiter } from './middleware/shared-rate-limiter.js';
import { requestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { adminCarts } from './routes/admin/carts.js';
import { adminConfig } from './routes/admin/config.js';
import { adminKeys } from './routes/admin/keys.js';
import { adminOrderWebhooks } from './routes/admin/order-webhooks.js';
import { adminOutbox } from './routes/admin/outbox.js';
import { adminWebhookEndpoints } from './routes/admin/webhook-endpoints.js';
import { adminPublishing } from './routes/admin/publishing.js';
import { adminRecovery } from './routes/admin/recovery.js';
import { adminSession } from './routes/admin/session.js';
import { adminShoppers } from './routes/admin/shoppers.js';
import { adminStats } from './routes/admin/stats.js';
import { guides } from './routes/guides.js';
import { health } from './routes/health.js';
import { apiReference } from './routes/api-reference.js';
import { describeRoutes, openApiDocument } from './routes/openapi.js';
import { adminLifecycle } from './routes/admin/lifecycle.js';
import { orderWebhooks } from './routes/hooks/order-webhooks.js';
import { absenceSubscriptions } from './routes/public/absence-subscriptions.js';
import { publicCarts } from './routes/public/carts.js';
import { publicConfig } from './routes/public/config.js';
import { publicEvents } from './routes/public/events.js';
import { publicOrders } from './routes/public/orders.js';
import { restoreLinks, unsubscribeLinks } from './routes/public/recovery-links.js';
import { adminFiles, defaultAdminRoot, defaultWidgetsRoot, widgetFiles } from './routes/static.js';
import type { ConfigFastPath } from '../published-config/fast-path.js';
import { CaptureFastPath } from './capture-fast-path.js';
import { PublishedConfigs } from '../published-config/published-configs.js';
import { ShopCache } from '../published-config/shop-cache.js';
import { GroupCommit } from '../storage/group-commit.js';
import { isDatabaseUnavailable } from '../storage/database.js';
import { isDatabaseBusy } from '../storage/transaction-retry.js';

const PUBLIC_BODY_LIMIT = 32 * 1024;
const ADMIN_BODY_LIMIT = 1024 * 1024;
// A Shopify order with many lines and their tax and discount sets runs to hundreds of KB.
const HOOK_BODY_LIMIT = 1024 * 1024;
const ORDERS_PATH = /^\/v1\/shops\/[^/]+\/orders\/?$/;

function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** Maps every error to `{ error: { code, message, details? } }`; logs the unexpected ones. */
function answerError(error: Error, c: Context<AppEnv>) {
  if (isApiError(error)) {
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    }));
    const first = details[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    return c.json(
      errorBody('invalid_request', `${where}${first?.message ?? 'Invalid request'}`, details),
      400,
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    const malformed = error.message.startsWith('Malformed JSON');
    return c.json(
      errorBody(malformed ? 'invalid_json' : 'bad_request', error.message || 'Bad request'),
      error.status as ContentfulStatusCode,
    );
  }
  if (isDatabaseBusy(error)) {
    // Another writer held the lock too long (SQLite), or every retry lost its race (PostgreSQL):
    // nothing was written, and the same request will most likely pass in a moment.
    c.get('deps').logger.warn(
      { err: error, requestId: c.get('requestId'), path: c.req.path },
      'the database is busy',
    );
    c.header('Retry-After', '1');
    return c.json(
      errorBody('database_busy', 'The database is busy with other writes: try again in a moment'),
      503,
    );
  }
  if (isDatabaseUnavailable(error)) {
    // Not the request's fault and not ours to hide: the client may try again shortly.
    c.get('deps').logger.warn(
      { err: error, requestId: c.get('requestId'), path: c.req.path },
      'the database is unavailable',
    );
    c.header('Retry-After', '2');
    return c.json(
      errorBody('database_unavailable', 'The database is not answering: try again in a moment'),
      503,
    );
  }
  c.get('deps').logger.error(
    { err: error, requestId: c.get('requestId'), path: c.req.path },
    'unexpected error',
  );
  return c.json(errorBody('internal_error', 'Something went wrong on our side'), 500);
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function routePattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((part) =>
      part.startsWith(':')
        ? '[^/]+'
        : part === '*'
          ? '.*'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped.replace(/\/\.\*$/, '(?:/.*)?')}/?$`);
}

/** The app's dependencies with every default filled in: the one set of caches and limits. */
export function resolveAppDeps(deps: AppDeps): ResolvedDeps {
  const rateLimits = { ...defaultRateLimits, ...deps.rateLimits };
  const shops = new ShopCache(deps.db, deps.shopCacheTtlMs ?? 1000);
  const publicUrl = (deps.publicUrl ?? 'http://localhost:8787').replace(/\/$/, '');
  return {
    db: deps.db,
    clock: deps.clock ?? (() => new Date()),
    logger: deps.logger ?? silentLogger(),
    publicUrl,
    rateLimits,
    sessionTtlMs: deps.sessionTtlMs ?? 12 * 3600 * 1000,
    trustProxy: deps.trustProxy ?? false,
    mailer: deps.mailer ?? createOutboxMailer(),
    mailFrom: deps.mailFrom ?? `no-reply@${hostnameOf(publicUrl)}`,
    staticRoots: {
      widgets: deps.staticRoots?.widgets ?? defaultWidgetsRoot,
      admin: deps.staticRoots?.admin ?? defaultAdminRoot,
    },
    shops,
    limiter: new RateLimiter(),
    sharedLimiter: new SharedRateLimiter(deps.db),
    published: new PublishedConfigs(shops),
    groupCommit: new GroupCommit(deps.db),
    onRecoveryRequested: deps.onRecoveryRequested ?? (() => undefined),
  };
}

/**
 * The whole HTTP application, built from its dependencies so tests drive it with `app.request()`:
 * public API, admin API, static files, OpenAPI and health, one error handler. Pass the
 * {@link resolveAppDeps} result to share its caches with {@link ConfigFastPath}.
 */
export function createApp(deps: AppDeps | ResolvedDeps): Hono<AppEnv> {
  const resolved = isResolved(deps) ? deps : resolveAppDeps(deps);
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(securityHeaders());
  app.use(async function provideDeps(c, next) {
    c.set('deps', resolved);
    await next();
  });
  app.use('/v1/*', ipRateLimit());
  // The recovery emails' links carry tokens: limit guessing them like the API.
  app.use('/r/*', ipRateLimit());
  app.use('/u/*', ipRateLimit());

  app.use('/v1/shops/*', limitBody(PUBLIC_BODY_LIMIT));
  // One middleware for every public route: only the orders route itself (not any path that ends
  // in /orders, such as PUT …/carts/orders) also takes a shop backend's secret key.
  const publicAuthForOrders = publicAuth({ acceptSecretKey: true });
  const publicAuthForOthers = publicAuth();
  app.use('/v1/shops/:shop/*', async function publicAuthEveryRoute(c, next) {
    return (ORDERS_PATH.test(c.req.path) ? publicAuthForOrders : publicAuthForOthers)(c, next);
  });
  app.route('/v1/shops/:shop/config', publicConfig);
  app.route('/v1/shops/:shop/carts', publicCarts);
  app.route('/v1/shops/:shop/orders', publicOrders);
  app.route('/v1/shops/:shop/events', publicEvents);
  app.route('/v1/shops/:shop/absence-subscriptions', absenceSubscriptions);
  app.route('/r', restoreLinks);
  app.route('/u', unsubscribeLinks);

  // Platforms' order webhooks: signed by the shop's secret, checked in the route.
  app.use('/v1/hooks/*', limitBody(HOOK_BODY_LIMIT));
  app.route('/v1/hooks', orderWebhooks);

  app.use('/v1/admin/*', limitBody(ADMIN_BODY_LIMIT));
  app.route('/v1/admin/session', adminSession);
  app.use('/v1/admin/*', async function adminAuthExceptSession(c, next) {
    if (c.req.path === '/v1/admin/session' || c.req.path === '/v1/admin/session/state')
      return next();
    return adminAuth()(c, next);
  });
  app.route('/v1/admin/config', adminConfig);
  app.route('/v1/admin', adminPublishing);
  app.route('/v1/admin/keys', adminKeys);
  app.route('/v1/admin', adminCarts);
  app.route('/v1/admin/stats', adminStats);
  app.route('/v1/admin/shoppers', adminShoppers);
  app.route('/v1/admin/order-webhooks', adminOrderWebhooks);
  app.route('/v1/admin/outbox', adminOutbox);
  app.route('/v1/admin/recovery', adminRecovery);
  app.route('/v1/admin/lifecycle', adminLifecycle);
  app.route('/v1/admin/webhook-endpoints', adminWebhookEndpoints);

  app.route('/healthz', health);
  app.route('/guides', guides);
  app.get('/openapi.json', openApiDocument(app));
  app.get('/openapi.html', apiReference(app));
  describeRoutes(app, {
    'GET /openapi.json': {
      summary: 'This document (OpenAPI 3.1), built from the routes',
      auth: 'none',
      status: 200,
      tag: 'operations',
    },
    'GET /openapi.html': {
      summary: 'The same document as a plain reference page',
      auth: 'none',
      status: 200,
      answer: 'text/html',
      tag: 'operations',
    },
  });
  app.route('/', widgetFiles);
  app.route('/admin', adminFiles);
  app.get('/admin', (c) => c.redirect('/admin/', 301));

  let patterns: { method: string; pattern: RegExp }[] | undefined;
  app.notFound((c) => {
    patterns ??= app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ method: route.method, pattern: routePattern(route.path) }));
    const allowed = [
      ...new Set(
        patterns.filter((route) => route.pattern.test(c.req.path)).map((route) => route.method),
      ),
    ];
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (allowed.includes(method)) {
      // The method is right and the path is one of ours but for a trailing slash, which the
      // routes do not take: a 404 that says so, not a 405 saying "GET is not allowed; use GET".
      return c.json(
        errorBody(
          'not_found',
          `No route for ${c.req.method} ${c.req.path}; without the trailing slash: ${c.req.path.replace(/\/+$/, '')}`,
        ),
        404,
      );
    }
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return c.json(
        errorBody(
          'method_not_allowed',
          `${c.req.method} is not allowed here; use ${allowed.join(', ')}`,
        ),
        405,
      );
    }
    return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
  });
  app.onError(answerError);
  return app;
}

function isResolved(deps: AppDeps | ResolvedDeps): deps is ResolvedDeps {
  return 'published' in deps;
}

/** What {@link createNodeListener} adds in front of the app. */
export interface NodeListenerOptions {
  /** Answers the published config's repeats before Hono (see {@link ConfigFastPath}). */
  fastPath?: ConfigFastPath;
  /**
   * Answers plain cart captures before Hono, with these deps (the app's own, from
   * {@link resolveAppDeps}): see {@link CaptureFastPath}.
   */
  captureDeps?: ResolvedDeps;
}

/**
 * The app as a `node:http` request listener: @hono/node-server's, with `options.fastPath` (built
 * from the app's own resolved deps) answering the published config in front of it, and plain cart
 * captures answered in front of it with `options.captureDeps`. `startServer` serves this.
 */
export function createNodeListener(
  app: Hono<AppEnv>,
  options: NodeListenerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const honoListener = getRequestListener(app.fetch);
  const { fastPath, captureDeps } = options;
  const capture = captureDeps && new CaptureFastPath(captureDeps, PUBLIC_BODY_LIMIT);
  return function comptoirListener(request, response) {
    try {
      if (fastPath?.answer(request, response)) return;
      if (capture?.take(request, response, honoListener)) return;
    } catch (error) {
      // Never expected; the app answers instead, unless the fast path had already begun.
      if (response.headersSent) return void response.destroy(error as Error);
    }
    void honoListener(request, response);
  };
}
