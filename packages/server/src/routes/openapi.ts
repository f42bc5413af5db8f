import { Hono } from 'hono';
import { z } from 'zod';
import * as documents from '@comptoir/sdk';
import type { AppEnv } from '../context.js';

/** The sdk documents the API takes and answers, by the name OpenAPI gives each component. */
const SCHEMA_NAMES = [
  'AdminCart',
  'AdminSession',
  'ApiErrorBody',
  'CartCaptureInput',
  'CartCaptureResult',
  'CartPage',
  'EventsAccepted',
  'Health',
  'HolidayList',
  'InstallInfo',
  'OrderCompletedInput',
  'OrderResult',
  'PreviewRequest',
  'PublishedConfig',
  'RotatedKey',
  'ShopConfig',
  'ShopperErased',
  'ShopperExport',
  'ShopperRequest',
  'ShopStats',
  'SignInRequest',
  'WidgetEventBatch',
] as const;

type SchemaName = (typeof SCHEMA_NAMES)[number];

const schemas = {} as Record<SchemaName, z.ZodType>;
for (const name of SCHEMA_NAMES) schemas[name] = documents[name];

interface Operation {
  summary: string;
  security: 'publishable' | 'admin' | 'none';
  body?: SchemaName;
  status: number;
  answer?: SchemaName | 'csv' | 'empty';
  query?: string[];
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

const operations: Record<string, Record<string, Operation>> = {
  '/v1/shops/{shop}/config': {
    get: {
      summary: 'Published config (ETag, 304 on If-None-Match)',
      security: 'publishable',
      status: 200,
      answer: 'PublishedConfig',
    },
  },
  '/v1/shops/{shop}/carts': {
    post: {
      summary: 'Capture a cart (idempotent per platform cart id)',
      security: 'publishable',
      body: 'CartCaptureInput',
      status: 201,
      answer: 'CartCaptureResult',
    },
  },
  '/v1/shops/{shop}/carts/{cart}': {
    put: {
      summary: 'Update a captured cart',
      security: 'publishable',
      body: 'CartCaptureInput',
      status: 200,
      answer: 'CartCaptureResult',
    },
  },
  '/v1/shops/{shop}/orders': {
    post: {
      summary: 'An order was placed for a cart',
      security: 'publishable',
      body: 'OrderCompletedInput',
      status: 201,
      answer: 'OrderResult',
    },
  },
  '/v1/shops/{shop}/events': {
    post: {
      summary: 'A batch of widget events',
      security: 'publishable',
      body: 'WidgetEventBatch',
      status: 202,
      answer: 'EventsAccepted',
    },
  },
  '/v1/admin/session': {
    post: {
      summary: 'Sign in with the secret key (sets the session cookie)',
      security: 'none',
      body: 'SignInRequest',
      status: 200,
      answer: 'AdminSession',
    },
    get: { summary: 'The current session', security: 'admin', status: 200, answer: 'AdminSession' },
    delete: { summary: 'Sign out', security: 'admin', status: 204, answer: 'empty' },
  },
  '/v1/admin/config': {
    get: {
      summary: 'The editable config (ETag)',
      security: 'admin',
      status: 200,
      answer: 'ShopConfig',
    },
    put: {
      summary: 'Replace the config (If-Match; 412 when stale)',
      security: 'admin',
      body: 'ShopConfig',
      status: 200,
      answer: 'ShopConfig',
    },
  },
  '/v1/admin/preview': {
    post: {
      summary: 'The published config a draft would give',
      security: 'admin',
      body: 'PreviewRequest',
      status: 200,
      answer: 'PublishedConfig',
    },
  },
  '/v1/admin/holidays': {
    get: {
      summary: "A country's public holidays for 13 months",
      security: 'admin',
      status: 200,
      answer: 'HolidayList',
      query: ['country', 'region'],
    },
  },
  '/v1/admin/install': {
    get: { summary: 'The install snippet', security: 'admin', status: 200, answer: 'InstallInfo' },
  },
  '/v1/admin/keys/rotate': {
    post: {
      summary: 'A new secret key; the old one stops working',
      security: 'admin',
      status: 200,
      answer: 'RotatedKey',
    },
  },
  '/v1/admin/carts': {
    get: {
      summary: 'Captured carts, newest first',
      security: 'admin',
      status: 200,
      answer: 'CartPage',
      query: ['status', 'from', 'to', 'limit', 'cursor'],
    },
  },
  '/v1/admin/carts.csv': {
    get: {
      summary: 'Captured carts as CSV',
      security: 'admin',
      status: 200,
      answer: 'csv',
      query: ['from', 'to'],
    },
  },
  '/v1/admin/stats': {
    get: {
      summary: 'Counts over a range of days',
      security: 'admin',
      status: 200,
      answer: 'ShopStats',
      query: ['from', 'to'],
    },
  },
  '/v1/admin/shoppers/export': {
    post: {
      summary: 'Everything stored about one shopper (GDPR)',
      security: 'admin',
      body: 'ShopperRequest',
      status: 200,
      answer: 'ShopperExport',
    },
  },
  '/v1/admin/shoppers/erase': {
    post: {
      summary: "Erase one shopper's data (GDPR)",
      security: 'admin',
      body: 'ShopperRequest',
      status: 200,
      answer: 'ShopperErased',
    },
  },
  '/healthz': {
    get: { summary: 'Database reachable', security: 'none', status: 200, answer: 'Health' },
  },
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function answerContent(answer: Operation['answer']) {
  if (answer === undefined || answer === 'empty') return undefined;
  if (answer === 'csv') return { 'text/csv': { schema: { type: 'string' } } };
  return { 'application/json': { schema: ref(answer) } };
}

function buildDocument() {
  const components = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'any',
      });
      return [name, json];
    }),
  );
  const paths = Object.fromEntries(
    Object.entries(operations).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, op]) => [
          method,
          {
            summary: op.summary,
            security:
              op.security === 'publishable'
                ? [{ publishableKey: [] }]
                : op.security === 'admin'
                  ? [{ secretKey: [] }, { session: [] }]
                  : [],
            parameters: [
              ...pathParameters(path),
              ...(op.query ?? []).map((name) => ({
                name,
                in: 'query',
                required: name === 'country',
                schema: { type: 'string' },
              })),
            ],
            ...(op.body
              ? {
                  requestBody: {
                    required: true,
                    content: { 'application/json': { schema: ref(op.body) } },
                  },
                }
              : {}),
            responses: {
              [op.status]: {
                description: 'Success',
                ...(answerContent(op.answer) ? { content: answerContent(op.answer) } : {}),
              },
              default: {
                description: 'An error',
                content: { 'application/json': { schema: ref('ApiErrorBody') } },
              },
            },
          },
        ]),
      ),
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'Comptoir API', version: '1' },
    paths,
    components: {
      schemas: components,
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
  };
}

let document: ReturnType<typeof buildDocument> | undefined;

/** `GET /openapi.json`: both APIs, their bodies described by the sdk's zod schemas. */
export const openApi: Hono<AppEnv> = new Hono<AppEnv>().get('/', (c) => {
  document ??= buildDocument();
  return c.json(document);
});
