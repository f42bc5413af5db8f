import type { Context, Hono } from 'hono';
import { generateSpecs, resolver, uniqueSymbol } from 'hono-openapi';
import { z } from 'zod';
import * as documents from '@comptoir/sdk';
import type { AppEnv } from '../context.js';

/**
 * The sdk's documents by their export name: a schema found here becomes a named component
 * (`#/components/schemas/CartCaptureInput`) wherever a route uses it, even nested. It replaces
 * zod's global registry for the document, so it carries over what `.describe()` put there.
 */
const componentNames = z.registry<{ id: string; description?: string }>();
for (const [name, value] of Object.entries(documents)) {
  if (/^[A-Z]/.test(name) && value instanceof z.ZodType && !componentNames.has(value))
    componentNames.add(value, { ...z.globalRegistry.get(value), id: name });
}

const schemaOptions = { options: { metadata: componentNames } } as Parameters<typeof resolver>[1];

/** A zod schema as hono-openapi resolves it, with the sdk's component names. */
function openApiSchema(schema: z.ZodType) {
  return resolver(schema, schemaOptions);
}

/**
 * Marks a validator middleware with the part of the request it reads, so the document shows the
 * body or the query parameters the route really validates. Metadata only: nothing runs per request.
 */
export function documentValidator<Middleware extends object>(
  middleware: Middleware,
  target: 'json' | 'query',
  schema: z.ZodType,
): Middleware {
  return Object.assign(middleware, {
    [uniqueSymbol]: { target, ...openApiSchema(schema) },
  });
}

/** Who may call a route, as the document's security requirements. */
export type RouteAuth = 'publishable' | 'publishable-or-secret' | 'admin' | 'none';

/** What {@link describeRoutes} says about one route. */
export interface RouteDescription {
  summary: string;
  /** Longer words where the summary cannot say it all (status codes, idempotency). */
  description?: string;
  auth: RouteAuth;
  /** The success status. */
  status: number;
  /** The success answer: a schema (JSON), another media type, or nothing. */
  answer?: z.ZodType | 'text/csv' | 'text/html' | 'redirect' | 'empty';
  /** The API the route belongs to. */
  tag?: 'public' | 'admin' | 'recovery' | 'links' | 'operations';
}

const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  publishable: [{ publishableKey: [] }],
  'publishable-or-secret': [{ publishableKey: [] }, { secretKey: [] }],
  admin: [{ secretKey: [] }, { session: [] }],
  none: [],
};

function successContent(answer: RouteDescription['answer']) {
  if (answer === undefined || answer === 'empty' || answer === 'redirect') return undefined;
  if (answer === 'text/csv' || answer === 'text/html')
    return { [answer]: { schema: { type: 'string' as const } } };
  return { 'application/json': { schema: openApiSchema(answer) } };
}

function operationOf(description: RouteDescription) {
  const content = successContent(description.answer);
  return {
    summary: description.summary,
    ...(description.description ? { description: description.description } : {}),
    ...(description.tag ? { tags: [description.tag] } : {}),
    security: SECURITY[description.auth],
    responses: {
      [description.status]: {
        description: description.answer === 'redirect' ? 'Redirect (Location)' : 'Success',
        ...(content ? { content } : {}),
      },
      default: {
        description: 'An error: { error: { code, message, details? } }',
        content: { 'application/json': { schema: openApiSchema(documents.ApiErrorBody) } },
      },
    },
  };
}

type RouterRoutes = Pick<Hono<AppEnv>, 'routes'>;

/**
 * Describes a router's routes for `/openapi.json`, keyed `'METHOD /path'` as the router declares
 * them (`'PUT /:cart'`). The description is metadata on the route's handler: nothing runs per
 * request. A key that matches no route throws when the module loads; a route left undescribed
 * fails the test that compares the document with `app.routes`.
 *
 * @example
 * export const publicCarts = new Hono<AppEnv>().post('/', jsonBody(CartCaptureInput), capture);
 * describeRoutes(publicCarts, {
 *   'POST /': { summary: 'Capture a cart', auth: 'publishable', status: 201, answer: CartCaptureResult },
 * });
 */
export function describeRoutes<Router extends RouterRoutes>(
  router: Router,
  descriptions: Record<string, RouteDescription>,
): Router {
  for (const [key, description] of Object.entries(descriptions)) {
    const [method, path] = key.split(' ');
    const handlers = router.routes.filter(
      (route) => route.method === method && route.path === path,
    );
    const handler = handlers.at(-1)?.handler;
    if (!handler) throw new Error(`describeRoutes: no route ${key}`);
    Object.assign(handler, { [uniqueSymbol]: { spec: operationOf(description) } });
  }
  return router;
}

/** A route of the admin API, described without `auth` and `tag` where they are `'admin'`. */
type AdminRouteDescription = Omit<RouteDescription, 'auth'> &
  Partial<Pick<RouteDescription, 'auth'>>;

/**
 * {@link describeRoutes} for a router of the admin API (mounted behind admin auth): a route is
 * `auth: 'admin'` and `tag: 'admin'` unless its description says otherwise.
 */
export function describeAdminRoutes<Router extends RouterRoutes>(
  router: Router,
  descriptions: Record<string, AdminRouteDescription>,
): Router {
  const described = Object.entries(descriptions).map(([key, description]) => [
    key,
    { auth: 'admin' as const, tag: 'admin' as const, ...description },
  ]);
  return describeRoutes(router, Object.fromEntries(described));
}

const STATIC_FILE_ROUTES = ['/embed.js', '/chunks/*', '/admin', '/admin/*'];

/** True for the routes that serve files rather than the API; the document leaves them out. */
export function isStaticFileRoute(path: string): boolean {
  return STATIC_FILE_ROUTES.includes(path);
}

/** The parts of the OpenAPI document the reference page reads; `/openapi.json` serves all of it. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

async function buildDocument(app: Hono<AppEnv>): Promise<OpenApiDocument> {
  const document = await generateSpecs(app, {
    documentation: {
      info: {
        title: 'Comptoir API',
        version: '1',
        description: 'The public storefront API, the admin API and the links in recovery emails.',
      },
      components: {
        securitySchemes: {
          publishableKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'pk_… (or ?key=pk_…), with an allowed Origin',
          },
          secretKey: { type: 'http', scheme: 'bearer', description: 'sk_…' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'comptoir_session',
            description: 'plus X-CSRF-Token on writes',
          },
        },
      },
    },
    exclude: STATIC_FILE_ROUTES,
    // Its guess (a dot in the last segment) would drop /openapi.json and /v1/admin/carts.csv.
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
  });
  return document as OpenApiDocument;
}

const builtDocuments = new WeakMap<Hono<AppEnv>, Promise<OpenApiDocument>>();

/**
 * The OpenAPI document of every described route of `app`, built from the routes themselves on
 * the first call (after every route is mounted) and kept.
 */
export function documentOf(app: Hono<AppEnv>): Promise<OpenApiDocument> {
  let document = builtDocuments.get(app);
  if (!document) {
    document = buildDocument(app);
    builtDocuments.set(app, document);
    document.catch(() => builtDocuments.delete(app));
  }
  return document;
}

/** `GET /openapi.json`: {@link documentOf} the app. */
export function openApiDocument(app: Hono<AppEnv>) {
  let serialized: string | undefined;
  return async function serveOpenApiDocument(c: Context<AppEnv>) {
    serialized ??= JSON.stringify(await documentOf(app));
    return c.body(serialized, 200, { 'Content-Type': 'application/json' });
  };
}
