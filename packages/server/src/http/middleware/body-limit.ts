import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';

/**
 * The 413 answer. It closes the connection: the rest of the body is still on its way, and
 * @hono/node-server drops the socket when that rest takes over 500 ms to drain, so an answer that
 * promised keep-alive would fail the next request on the connection (behind a proxy that reuses
 * upstream connections, another user's request).
 */
function tooLarge(limit: number) {
  return () => {
    throw new ApiError(
      413,
      'payload_too_large',
      `The body is larger than ${limit / 1024} KB`,
      undefined,
      { Connection: 'close' },
    );
  };
}

/**
 * Hono's body limit, for requests whose size is not known up front. It reads `request.body`,
 * which makes @hono/node-server build a whole fetch `Request` and wrap its stream: on a GET that
 * cost a third of the published config's throughput, for a body that cannot be there. A declared
 * `Content-Length` within the limit needs no counting: Node's HTTP parser never reads past it.
 */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({ maxSize, onError: tooLarge(maxSize) });
  return async function limitBodyOfWrites(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS')
      return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) <= maxSize)
      await next();
    else await limit(c, next);
    closeIfBodyUnread(c);
  };
}

/**
 * An answer given before the body was read (a 401 for a wrong key, a 415) closes the connection
 * too, for the same reason as the 413: the rest of a slow upload would be dropped with the socket.
 * Answers that read their body keep the connection.
 */
function closeIfBodyUnread(c: Context<AppEnv>) {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && !incoming.readableEnded) c.header('Connection', 'close');
}
