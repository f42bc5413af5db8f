import { html, nothing, type TemplateResult } from 'lit';
import type { AdminCart, CartDetail, CartStatus } from '@comptoir/sdk/client';
import { hasStatus } from '../api.js';
import type { Ctx } from '../context.js';
import { fieldId, selectField } from '../fields.js';
import { loadPage, type PagedList } from '../paging.js';
import { defineView } from '../views.js';

interface CartsState extends PagedList<AdminCart> {
  filter: string;
  openId: string | null;
  open?: CartDetail | 'missing' | 'error';
}

const CARTS = defineView(
  'carts',
  (): CartsState => ({
    status: 'idle',
    filter: '',
    items: [],
    nextCursor: null,
    message: '',
    openId: null,
  }),
  { freshOnOpen: true },
);

/** Carts: the carts captured from the storefront, newest first; `#/carts/<id>` opens one. */
export function renderCarts(ctx: Ctx, openId: string | null = null): TemplateResult {
  const view = ctx.view(CARTS);
  if (openId) return renderCartDetail(ctx, view, openId);
  view.openId = null;
  const load = (cursor: string | null) =>
    loadPage(
      ctx,
      view,
      (query) =>
        ctx.api.listCarts(view.filter ? { ...query, status: view.filter as CartStatus } : query),
      cursor,
    );
  if (view.status === 'idle') load(null);
  return html`
    <p class="lead">${ctx.t('carts.intro')}</p>
    <div class="toolbar">
      ${selectField(ctx, {
        path: 'carts.filter',
        label: ctx.t('carts.filter'),
        value: view.filter,
        choices: ['', 'open', 'converted', 'recovered'].map((s) => ({
          value: s,
          label: ctx.t(`carts.status.${s || 'all'}` as 'carts.status.all'),
        })),
        onValue: (v) => {
          view.filter = v;
          load(null);
          ctx.update();
        },
      })}
      <button type="button" class="secondary align-end" @click=${() => load(null)}>
        ${ctx.t('common.refresh')}
      </button>
    </div>
    ${view.status === 'error' ? html`<div class="notice error" role="alert">${view.message}</div>` : nothing}
    <div
      class="table-wrap"
      tabindex="0"
      role="region"
      aria-label=${ctx.t('carts.caption')}
      aria-busy=${view.status === 'loading' ? 'true' : 'false'}
    >
      <table class="table" aria-describedby=${fieldId('carts.filter')}>
        <caption class="visually-hidden">
          ${ctx.t('carts.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${ctx.t('carts.captured')}</th>
            <th scope="col">${ctx.t('carts.email')}</th>
            <th scope="col">${ctx.t('carts.items')}</th>
            <th scope="col" class="num">${ctx.t('carts.subtotal')}</th>
            <th scope="col">${ctx.t('carts.statusLabel')}</th>
          </tr>
        </thead>
        <tbody>
          ${
            view.items.length === 0 && view.status === 'ready'
              ? html`<tr>
                  <td colspan="5" class="muted">${ctx.t('carts.empty')}</td>
                </tr>`
              : nothing
          }
          ${view.items.map(
            (cart) =>
              html`<tr>
                <td>
                  <a href="#/carts/${encodeURIComponent(cart.id)}"
                    >${ctx.formatInstant(cart.createdAt)}<span class="visually-hidden">
                      — ${ctx.t('carts.open')}</span
                    ></a
                  >
                </td>
                <td>${cart.email ?? html`<span class="muted">${ctx.t('carts.noEmail')}</span>`}</td>
                <td>${cart.items.map((item) => `${item.quantity} × ${item.title}`).join(', ')}</td>
                <td class="num">${ctx.formatMoney(cart.subtotal, cart.currency)}</td>
                <td>
                  <span class="badge ${cart.status}">${ctx.t(`carts.status.${cart.status}`)}</span>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${view.status === 'loading' ? html`<p class="muted" role="status">${ctx.t('common.loading')}</p>` : nothing}
    ${view.nextCursor ? html`<button type="button" class="secondary" @click=${() => load(view.nextCursor)}>${ctx.t('common.loadMore')}</button>` : nothing}
  `;
}

/** One cart: its status, its items and the recovery emails sent about it. */
function renderCartDetail(ctx: Ctx, view: CartsState, id: string): TemplateResult {
  if (view.openId !== id) {
    view.openId = id;
    view.open = undefined;
    ctx.api
      .cart(id)
      .then((detail) => {
        if (view.openId === id) view.open = detail;
      })
      .catch((error: unknown) => {
        if (view.openId === id) view.open = hasStatus(error, 404) ? 'missing' : 'error';
      })
      .finally(() => {
        ctx.update();
        requestAnimationFrame(() => document.getElementById('cart-title')?.focus());
      });
  }
  const back = html`<p><a href="#/carts">← ${ctx.t('carts.back')}</a></p>`;
  const open = view.open;
  if (!open)
    return html`${back}
      <p class="muted" role="status">${ctx.t('common.loading')}</p>`;
  if (open === 'missing' || open === 'error')
    return html`${back}
      <div class="notice error" role="alert">
        ${ctx.t(open === 'missing' ? 'carts.notFound' : 'overview.error')}
      </div>`;
  const { cart, emails } = open;
  const money = (minor: number) => ctx.formatMoney(minor, cart.currency);
  return html`${back}
    <div class="card">
      <div class="card-head">
        <h2 id="cart-title" tabindex="-1">
          ${ctx.t('carts.detailTitle', { date: ctx.formatInstant(cart.createdAt) })}
        </h2>
        <span class="badge ${cart.status}">${ctx.t(`carts.status.${cart.status}`)}</span>
      </div>
      <dl class="facts">
        <dt>${ctx.t('carts.email')}</dt>
        <dd>${cart.email ?? html`<span class="muted">${ctx.t('carts.noEmail')}</span>`}</dd>
        ${
          cart.orderId
            ? html`<dt>${ctx.t('carts.order')}</dt>
                <dd>
                  ${cart.orderId}${cart.orderTotal !== null ? ` — ${ctx.formatMoney(cart.orderTotal, cart.orderCurrency ?? cart.currency)}` : ''}
                  ${cart.convertedAt ? html`<span class="muted">(${ctx.formatInstant(cart.convertedAt)})</span>` : nothing}
                </dd>`
            : nothing
        }
      </dl>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${ctx.t('carts.items')}>
        <table class="table">
          <caption class="visually-hidden">
            ${ctx.t('carts.items')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${ctx.t('carts.product')}</th>
              <th scope="col" class="num">${ctx.t('carts.quantity')}</th>
              <th scope="col" class="num">${ctx.t('carts.unitPrice')}</th>
              <th scope="col" class="num">${ctx.t('carts.lineTotal')}</th>
            </tr>
          </thead>
          <tbody>
            ${cart.items.map(
              (item) =>
                html`<tr>
                  <td>${item.title}</td>
                  <td class="num">${item.quantity}</td>
                  <td class="num">${money(item.unitPrice)}</td>
                  <td class="num">${money(item.unitPrice * item.quantity)}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3">${ctx.t('carts.subtotal')}</th>
              <td class="num">${money(cart.subtotal)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
    <h2 class="sub">${ctx.t('carts.emailsTitle')}</h2>
    ${
      emails.length === 0
        ? html`<p class="muted">${ctx.t('carts.noEmails')}</p>`
        : html`<ol class="cards">
            ${emails.map(
              (email) =>
                html`<li class="card">
                  <strong>${ctx.t('emails.stepN', { n: (email.step ?? 0) + 1 })}</strong> —
                  ${email.subject}
                  <span class="muted">${ctx.formatInstant(email.createdAt)}</span>
                  ${email.transport === 'outbox' ? html`<a href="#/outbox/${encodeURIComponent(email.id)}">${ctx.t('carts.inOutbox')}</a>` : nothing}
                </li>`,
            )}
          </ol>`
    }`;
}
