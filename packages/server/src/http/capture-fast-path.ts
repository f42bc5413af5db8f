import type { IncomingMessage, ServerResponse } from 'node:http';
import { CartCaptureInput } from '@comptoir/sdk';
import type { ResolvedDeps } from './context.js';
import { ApiError } from './errors.js';
import {
  authenticatePublicRequest,
  EXPOSE_HEADERS,
  publicKeyFrom,
  type PublicAccess,
} from './middleware/public-auth.js';
import { markCounted } from './middleware/rate-limit.js';
import { clientIpFrom, rateLimitKeyOf } from './middleware/rate-limiter.js';
import { requestIdFrom } from './middleware/request-id.js';
import { SECURITY_HEADERS } from './middleware/security-headers.js';
import { captureAnswer, captureCart } from './routes/public/carts.js';

const EVERY_ANSWER = SECURITY_HEADERS.flat();
const CAPTURE_PATH = /^\/v1\/shops\/([^/?]+)\/carts(?:\?key=([^&]*))?$/;
/**
 * The one spelling of JSON taken here: Hono's JSON validator and the route's media-type check
 * differ on odd ones (parameters, `+json` types), which Hono judges itself.
 */
const PLAIN_JSON = /^application\/json(?:; ?charset=utf-8)?$/i;

/** A request the fast path hands to Hono: Hono reads `rawBody` instead of the spent stream. */
type HandedOver = IncomingMessage & { rawBody?: Buffer };

/** Answers `request` with the Hono app (@hono/node-server's listener). */
export type HonoListener = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * Answers `POST /v1/shops/:shop/carts` (a storefront's first capture of a cart) at the node:http
 * layer, before Hono: the framework around the route (a Context, fetch `Request` and `Headers`,
 * the middleware chain) cost as much as the write itself. It takes only the plain path, from the
 * route's own parts: a shop the shop cache holds, judged by the same
 * {@link authenticatePublicRequest}, counted by the same shared limiter and keys as the
 * `ipRateLimit` and `publicAuth` middleware, the body parsed and checked by the same schema and
 * written by the same {@link captureCart}, answered with the headers the middleware set.
 *
 * Everything else goes to Hono, which gives the answer it always gives: before the body is read,
 * what is refused on its headers alone (another method or path, no or an odd `Content-Type`, no
 * or a too large `Content-Length`, a missing or refused key or `Origin`, an unknown or uncached
 * shop, an empty rate-limit bucket), so its error keeps `Connection: close`; after it, a body that
 * is not JSON or not valid, and a write that failed (Hono runs it again, and answers its 503 or
 * 500). A request handed over after counting carries that in {@link markCounted}, so the limits
 * count it once.
 */
export class CaptureFastPath {
  constructor(
    private readonly deps: ResolvedDeps,
    private readonly bodyLimit: number,
  ) {}

  /**
   * Takes the request when it looks like a plain capture, and returns true: it then answers it or
   * hands it to `hono` itself. Else it returns false and has touched nothing.
   */
  take(request: IncomingMessage, response: ServerResponse, hono: HonoListener): boolean {
    if (request.method !== 'POST') return false;
    const match = CAPTURE_PATH.exec(request.url ?? '');
    if (!match) return false;
    const { headers } = request;
    if (!PLAIN_JSON.test(headers['content-type'] ?? '')) return false;
    const declared = headers['content-length'];
    if (
      declared === undefined ||
      !/^\d+$/.test(declared) ||
      Number(declared) > this.bodyLimit ||
      headers['transfer-encoding'] !== undefined
    )
      return false;
    const [, shopId = '', queryKey] = match;
    const authorization = headers.authorization;
    if (queryKey !== undefined && authorization !== undefined) return false;
    const decodedKey = queryKey === undefined ? undefined : safeDecode(queryKey);
    // Hono refuses a secret key in the URL with its own answer.
    if (decodedKey?.startsWith('sk_')) return false;
    const key = publicKeyFrom(decodedKey, authorization);
    if (!key) return false;
    const shop = this.deps.shops.peek(safeDecode(shopId) ?? '');
    if (!shop) return false;
    const access = authenticatePublicRequest(shop, key, headers.origin);
    if (access instanceof ApiError) return false;

    const answered = this.capture(request as HandedOver, response, hono, access);
    answered.catch((error: unknown) => {
      // Never expected; the app answers instead, unless this had already begun.
      if (response.headersSent) response.destroy(error as Error);
      else if (!response.destroyed) void hono(request, response);
    });
    return true;
  }

  private async capture(
    request: HandedOver,
    response: ServerResponse,
    hono: HonoListener,
    { shop, corsOrigin }: PublicAccess,
  ): Promise<void> {
    const { deps } = this;
    const forwardedFor = request.headers['x-forwarded-for'];
    const ip = rateLimitKeyOf(
      clientIpFrom(
        request.socket.remoteAddress,
        Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
        deps.trustProxy,
      ),
    );
    // Writes count in the limiter every API process shares, as `enforceRequestLimit` counts them.
    const ipKey = `ip:${ip}`;
    if ((await deps.sharedLimiter.consume(ipKey, deps.rateLimits.ip)) > 0)
      return void hono(request, response);
    markCounted(request, ipKey);
    const shopKey = `shop:${shop.id}`;
    if ((await deps.sharedLimiter.consume(shopKey, deps.rateLimits.shop)) > 0)
      return void hono(request, response);
    markCounted(request, shopKey);

    const body = await readBody(request);
    if (body === undefined) return void response.destroy();
    request.rawBody = body;
    let input: CartCaptureInput;
    try {
      const parsed = CartCaptureInput.safeParse(JSON.parse(body.toString('utf8')));
      if (!parsed.success) return void hono(request, response);
      input = parsed.data;
    } catch {
      return void hono(request, response);
    }
    let answer: string;
    try {
      answer = JSON.stringify(captureAnswer(await captureCart(deps, shop, input)));
    } catch {
      return void hono(request, response);
    }
    const requestIdHeader = request.headers['x-request-id'];
    const headers = [
      'x-request-id',
      requestIdFrom(Array.isArray(requestIdHeader) ? undefined : requestIdHeader),
      ...EVERY_ANSWER,
    ];
    if (corsOrigin !== undefined) {
      headers.push('access-control-allow-origin', corsOrigin);
      headers.push('access-control-expose-headers', EXPOSE_HEADERS);
    }
    headers.push(
      'vary',
      'Origin',
      'content-type',
      'application/json',
      'content-length',
      String(Buffer.byteLength(answer)),
    );
    response.writeHead(201, headers);
    response.end(answer);
  }
}

/** The whole body (its length was declared and checked), or undefined when the client left. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', () => resolve(undefined));
    request.once('close', () => {
      if (!request.readableEnded) resolve(undefined);
    });
  });
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
