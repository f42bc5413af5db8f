import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from '../context.js';
import { documentOf, type OpenApiDocument } from './openapi.js';

/** Its inline style only: no script, nothing from elsewhere, framed by nobody. */
const REFERENCE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1a1a1a}
h2{margin-top:2.5rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.5rem 0 .25rem}
code,pre{font:14px/1.4 ui-monospace,monospace}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
.method{display:inline-block;min-width:4.5rem;font-weight:700;color:#0b4f8a}dd{margin:0 0 .5rem 1.5rem}
details{margin:.5rem 0}`;

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name?: string; in?: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
};

/** `#/components/schemas/Cart` as `Cart`, an inline schema as its JSON. */
function schemaName(schema: unknown): HtmlEscapedString | Promise<HtmlEscapedString> {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (ref) {
    const name = ref.split('/').pop() ?? ref;
    return html`<a href="#schema-${name}"><code>${name}</code></a>`;
  }
  return html`<code>${JSON.stringify(schema)}</code>`;
}

function content(media: Record<string, { schema?: unknown }> | undefined) {
  return Object.entries(media ?? {}).map(
    ([type, { schema }]) => html` <code>${type}</code> ${schema ? schemaName(schema) : ''}`,
  );
}

function operation(path: string, method: string, op: Operation) {
  const auth = (op.security ?? []).flatMap(Object.keys);
  const parameters = op.parameters ?? [];
  return html`<h3 id="${method}-${path}">
      <span class="method">${method.toUpperCase()}</span> <code>${path}</code>
    </h3>
    <p>${op.summary ?? ''}</p>
    ${op.description ? html`<p>${op.description}</p>` : ''}
    <dl>
      <dt>Authentication</dt>
      <dd>${auth.length > 0 ? auth.join(' or ') : 'none'}</dd>
      ${
        parameters.length > 0
          ? html`<dt>Parameters</dt>
              <dd>
                ${parameters.map(
                  (p) => html`<code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}) `,
                )}
              </dd>`
          : ''
      }
      ${
        op.requestBody
          ? html`<dt>Body</dt>
              <dd>${content(op.requestBody.content)}</dd>`
          : ''
      }
      <dt>Answers</dt>
      ${Object.entries(op.responses ?? {}).map(
        ([status, answer]) =>
          html`<dd>
            <strong>${status}</strong> ${answer.description ?? ''}${content(answer.content)}
          </dd>`,
      )}
    </dl>`;
}

function page(document: OpenApiDocument) {
  const paths = Object.entries(document.paths ?? {}) as [string, Record<string, Operation>][];
  const schemas = Object.entries(document.components?.schemas ?? {});
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${document.info.title} reference</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>
          <h1>${document.info.title} reference</h1>
          <p>
            ${document.info.description ?? ''} Machine-readable:
            <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI ${document.openapi}).
          </p>
          <h2>Routes</h2>
          ${paths.flatMap(([path, methods]) =>
            Object.entries(methods).map(([method, op]) => operation(path, method, op)),
          )}
          <h2>Schemas</h2>
          ${schemas.map(
            ([name, schema]) =>
              html`<details id="schema-${name}">
                <summary><code>${name}</code></summary>
                <pre>${JSON.stringify(schema, null, 2)}</pre>
              </details>`,
          )}
        </main>
      </body>
    </html>`;
}

/**
 * `GET /openapi.html`: the OpenAPI document as one plain page (routes, then schemas), rendered on
 * the server from the same document: no script and no framework.
 */
export function apiReference(app: Hono<AppEnv>) {
  let rendered: string | undefined;
  return async function serveApiReference(c: Context<AppEnv>) {
    rendered ??= (await page(await documentOf(app))).toString();
    c.header('Content-Security-Policy', REFERENCE_CSP);
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(rendered);
  };
}
