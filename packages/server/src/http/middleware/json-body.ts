import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { documentValidator } from '../routes/openapi.js';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** True when a `Content-Type` header names JSON. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return JSON_MEDIA_TYPE.test(contentType?.split(';')[0]?.trim() ?? '');
}

/**
 * Validates the JSON body with a zod schema: 415 when it is not JSON, 400 when it is malformed
 * (Hono's validator) or does not match (the `ZodError` reaches `onError`). Read it with
 * `c.req.valid('json')`.
 */
export function jsonBody<Schema extends z.ZodType>(schema: Schema) {
  const middleware = validator('json', (value, c): z.output<Schema> => {
    if (!isJsonContentType(c.req.header('content-type'))) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
    }
    return schema.parse(value);
  });
  return documentValidator(middleware, 'json', schema);
}

/** Validates the query string with a zod schema; read it with `c.req.valid('query')`. */
export function queryParams<Schema extends z.ZodType>(schema: Schema) {
  const middleware = validator('query', (value): z.output<Schema> => schema.parse(value));
  return documentValidator(middleware, 'query', schema);
}
