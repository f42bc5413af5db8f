// The demo storefront's own tiny static server (node:http, no dependencies). It serves demo/ and
// fills each page's includes and placeholders: the shop id, the publishable key and the API URL.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function escapeAttribute(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Starts the demo shop's server.
 * @param {{ port?: number, host?: string, apiUrl: string, shopId: string, publishableKey: string }} options
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startDemoServer({
  port = 8788,
  host = '127.0.0.1',
  apiUrl,
  shopId,
  publishableKey,
}) {
  const partials = {};
  for (const name of ['head', 'header', 'footer']) {
    partials[name] = await readFile(join(root, 'partials', `${name}.html`), 'utf8');
  }
  const fill = (text) =>
    text
      .replace(/<!--#include (\w+)-->/g, (_, name) => partials[name] ?? '')
      .replaceAll('%COMPTOIR_API%', escapeAttribute(apiUrl.replace(/\/$/, '')))
      .replaceAll('%COMPTOIR_SHOP%', escapeAttribute(shopId))
      .replaceAll('%COMPTOIR_KEY%', escapeAttribute(publishableKey));

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://demo');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      const blocked =
        !file.startsWith(root) ||
        file.includes(`${sep}partials${sep}`) ||
        /server\.m?[jt]s$|package\.json$/.test(file);
      if (blocked || (request.method !== 'GET' && request.method !== 'HEAD'))
        throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      let body = await readFile(file);
      if (type.startsWith('text/html')) body = Buffer.from(fill(body.toString('utf8')));
      response.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      const missing = error && (error.code === 'ENOENT' || error.code === 'EISDIR');
      response.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        missing
          ? '<!doctype html><title>Not found</title><p>Page not found. <a href="/">Back to the shop</a></p>'
          : 'Server error',
      );
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
