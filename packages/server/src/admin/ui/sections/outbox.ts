import { html, nothing, type TemplateResult } from 'lit';
import type { OutboxEmail, OutboxMessage } from '@comptoir/sdk/client';
import type { Ctx } from '../context.js';
import { loadPage, type PagedList } from '../paging.js';
import { defineView } from '../views.js';

interface OutboxState extends PagedList<OutboxEmail> {
  openId: string | null;
  open?: OutboxMessage;
}

const OUTBOX = defineView(
  'outbox',
  (): OutboxState => ({ status: 'idle', items: [], nextCursor: null, message: '', openId: null }),
  { freshOnOpen: true },
);

/** Outbox: the emails the server kept locally because no SMTP server is set. */
export function renderOutbox(ctx: Ctx, openId: string | null): TemplateResult {
  const view = ctx.view(OUTBOX);
  const load = (cursor: string | null) =>
    loadPage(ctx, view, (query) => ctx.api.outbox(query), cursor);
  if (view.status === 'idle') load(null);
  if (openId !== view.openId) {
    view.openId = openId;
    view.open = undefined;
    if (openId) {
      ctx.api
        .outboxEmail(openId)
        .then((message) => {
          if (view.openId === openId) view.open = message;
        })
        .catch(() => undefined)
        .finally(() => {
          ctx.update();
          requestAnimationFrame(() => document.getElementById('outbox-message-title')?.focus());
        });
    }
  }
  const when = (item: OutboxEmail) => {
    return ctx.formatInstant(item.createdAt);
  };
  return html`
    <p class="lead">${ctx.t('outbox.intro')}</p>
    <div class="toolbar">
      <button type="button" class="secondary" @click=${() => load(null)}>
        ${ctx.t('common.refresh')}
      </button>
    </div>
    ${view.status === 'error' ? html`<div class="notice error" role="alert">${view.message}</div>` : nothing}
    <div class="outbox">
      <ul class="message-list" aria-label=${ctx.t('outbox.list')}>
        ${view.items.length === 0 && view.status === 'ready' ? html`<li class="muted">${ctx.t('outbox.empty')}</li>` : nothing}
        ${view.items.map(
          (item) =>
            html`<li>
              <a
                href="#/outbox/${encodeURIComponent(item.id)}"
                aria-current=${item.id === openId ? 'true' : 'false'}
                class="message-link"
              >
                <strong>${item.subject}</strong>
                <span class="muted">${ctx.t('outbox.to', { to: item.to })} · ${when(item)}</span>
              </a>
            </li>`,
        )}
      </ul>
      ${
        openId
          ? html`<article class="message card" aria-labelledby="outbox-message-title">
              ${
                view.open
                  ? html`<h2 id="outbox-message-title" tabindex="-1">${view.open.subject}</h2>
                      <p class="muted">
                        ${ctx.t('outbox.to', { to: view.open.to })} · ${when(view.open)}
                      </p>
                      <iframe
                        title=${ctx.t('outbox.frame', { subject: view.open.subject })}
                        sandbox="allow-popups allow-popups-to-escape-sandbox"
                        srcdoc=${view.open.html}
                      ></iframe>
                      <details class="disclosure">
                        <summary>${ctx.t('emails.textVersion')}</summary>
                        <pre class="text-part">${view.open.text}</pre>
                      </details>`
                  : html`<p class="muted" role="status">${ctx.t('common.loading')}</p>`
              }
            </article>`
          : nothing
      }
    </div>
    ${view.nextCursor ? html`<button type="button" class="secondary" @click=${() => load(view.nextCursor)}>${ctx.t('common.loadMore')}</button>` : nothing}
  `;
}
