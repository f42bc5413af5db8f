import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { ADMIN_CSP } from '../middleware/security-headers.js';

// From src/http/routes/ and from dist/http/routes/ alike, ../../../ is packages/server/.
/** The widgets' CDN build, served at `/embed.js` and `/chunks/*`. */
export const defaultWidgetsRoot = fileURLToPath(
  new URL('../../../../widgets/dist/cdn/', import.meta.url),
);
/** The config page's build, served at `/admin`. */
export const defaultAdminRoot = fileURLToPath(new URL('../../../dist/admin/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.html': 'text/html; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The path after `prefix` in the request's URL as sent, percent-decoded exactly once; undefined
 * when the encoding is malformed. (Decoding Hono's already-decoded `c.req.path` again would turn
 * `%252f` into `/`, and a malformed `%` would throw.)
 */
function pathAfter(c: Context<AppEnv>, prefix: RegExp): string | undefined {
  const raw = new URL(c.req.url).pathname.replace(prefix, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The file at `relative` inside `root`, or undefined when missing or outside it. */
async function readInside(root: string, relative: string): Promise<Buffer | undefined> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

function send(c: Context<AppEnv>, file: Buffer, name: string, cacheControl: string) {
  c.header('Content-Type', CONTENT_TYPES[extname(name)] ?? 'application/octet-stream');
  c.header('Cache-Control', cacheControl);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(new Uint8Array(file));
}

function missingBuild(what: string, command: string): ApiError {
  return new ApiError(404, 'build_missing', `${what} is not built: run ${command}`);
}

/**
 * The widgets' loader and chunks (module scripts load cross-origin, so they carry
 * `Access-Control-Allow-Origin: *`): `embed.js` cached briefly since its URL never changes; chunks
 * have hashed names and are cached for a year.
 */
export const widgetFiles = new Hono<AppEnv>()
  .get('/embed.js', async (c) => {
    const file = await readInside(c.get('deps').staticRoots.widgets, 'embed.js');
    if (!file) throw missingBuild('The widgets loader', 'npm run build -w @comptoir/widgets');
    c.header('Access-Control-Allow-Origin', '*');
    return send(c, file, 'embed.js', 'public, max-age=300, stale-while-revalidate=86400');
  })
  .get('/chunks/*', async (c) => {
    const name = pathAfter(c, /^\/chunks\//);
    const file =
      name && (await readInside(c.get('deps').staticRoots.widgets, join('chunks', name)));
    if (!name || !file) throw new ApiError(404, 'not_found', 'No such chunk');
    c.header('Access-Control-Allow-Origin', '*');
    return send(c, file, name, 'public, max-age=31536000, immutable');
  });

/** The config page (a single-page app): its files, and `index.html` for every other path. */
export const adminFiles = new Hono<AppEnv>().get('/*', async (c) => {
  const root = c.get('deps').staticRoots.admin;
  const relative = pathAfter(c, /^\/admin\/?/);
  if (relative === undefined) throw new ApiError(404, 'not_found', 'No such file');
  if (relative && extname(relative)) {
    const file = await readInside(root, relative);
    const hashed = relative.startsWith('assets/');
    if (file)
      return send(
        c,
        file,
        relative,
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      );
    throw new ApiError(404, 'not_found', 'No such file');
  }
  const index = await readInside(root, 'index.html');
  if (!index) throw missingBuild('The config page', 'npm run build -w @comptoir/server');
  c.header('Content-Security-Policy', ADMIN_CSP);
  c.header('X-Frame-Options', 'DENY');
  return send(c, index, 'index.html', 'no-cache');
});
