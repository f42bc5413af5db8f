import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';

/**
 * The request's id: the caller's `X-Request-Id` when it looks like one (a proxy's: at most 255
 * word characters, `-` or `=`, so nothing odd reaches the logs), else a new UUID.
 */
export function requestIdFrom(header: string | undefined): string {
  return header && header.length <= 255 && !/[^\w\-=]/.test(header) ? header : randomUUID();
}

/** Sets `requestId` and answers it in `X-Request-Id`. */
export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async function requestId(c, next) {
    const id = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
