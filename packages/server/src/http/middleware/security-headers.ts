import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * The config page's Content-Security-Policy: its own scripts only (no inline script, no eval),
 * requests to its own origin, no framing, no `<base>`, no plugins. Styles may be inline because
 * the email previews are `srcdoc` frames, which inherit this policy, and emails are styled inline;
 * their frames are sandboxed without scripts. Images may come from https (a shop's logo in an
 * email) and `data:` (the favicon).
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Every other answer (JSON, scripts, redirects) renders nothing and is framed by nobody. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The headers every answer carries unless its route says otherwise (the config fast path too). */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', DEFAULT_CSP],
];

/**
 * Headers every answer carries, errors included: `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, a deny-all CSP unless the route set its own, and
 * `Cache-Control: no-store` on the admin API unless the route said otherwise (its answers hold
 * shoppers' data).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeaders(c, next) {
    // Set before the route runs, as defaults the route may override with `c.header()`: reading
    // `c.res.headers` afterwards would make every answer build a fetch `Headers` object, which
    // cost the published config a fifth of its throughput.
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    if (c.req.path.startsWith('/v1/admin/')) c.header('Cache-Control', 'no-store');
    await next();
  };
}
