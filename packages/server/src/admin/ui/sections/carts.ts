import { html, nothing, type TemplateResult } from 'lit';
import { sectionState, type Ctx } from '../context.js';
import { fieldId, selectField } from '../fields.js';
import { loadPage, type PagedList } from '../paging.js';

/** A cart as `GET /v1/admin/carts` lists it (only the fields the page shows). */
interface AdminCart {
  id: string;
  email?: string | null;
  status: 'open' | 'converted' | 'recovered';
  currency: string;
  subtotal: number;
  items: { title: string; quantity: number }[];
  createdAt: string;
  updatedAt?: string;
  orderTotal?: number | null;
}

interface CartsState extends PagedList<AdminCart> {
  filter: string;
}

/** Carts: the carts captured from the storefront, newest first. */
export function renderCarts(ctx: Ctx): TemplateResult {
  const view = sectionState<CartsState>(ctx, 'carts', () => ({
    status: 'idle',
    filter: '',
    items: [],
    nextCursor: null,
    message: '',
  }));
  const load = (cursor: string | null) =>
    loadPage(ctx, view, '/v1/admin/carts', cursor, view.filter ? { status: view.filter } : {});
  if (view.status === 'idle') load(null);
  const dateTime = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' });
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
    <div class="table-wrap" aria-busy=${view.status === 'loading' ? 'true' : 'false'}>
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
                <td>${dateTime.format(new Date(cart.createdAt))}</td>
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
