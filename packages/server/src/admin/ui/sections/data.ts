import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';

interface DataState {
  from: string;
  to: string;
  email: string;
  status: 'idle' | 'busy' | 'exported' | 'confirm-erase' | 'erased' | 'error';
  message: string;
  exported?: string;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const DATA_VIEW = defineView('data', (): DataState => ({
  from: isoDay(new Date(Date.now() - 90 * 86_400_000)),
  to: isoDay(new Date()),
  email: '',
  status: 'idle',
  message: '',
}));

/** Data: CSV export of carts, and one shopper's export or erasure (GDPR). */
export function renderData(ctx: Ctx): TemplateResult {
  const view = ctx.view(DATA_VIEW);
  const csvUrl = `/v1/admin/carts.csv?${new URLSearchParams({ from: view.from, to: view.to })}`;
  const exportShopper = async (event: Event) => {
    event.preventDefault();
    view.status = 'busy';
    ctx.update();
    try {
      const data = await ctx.api.exportShopper(view.email.trim());
      view.exported = JSON.stringify(data, null, 2);
      view.status = 'exported';
      view.message = ctx.t('data.exported', { email: view.email });
    } catch (error) {
      view.status = 'error';
      view.message = ctx.errorText(error);
    }
    ctx.announce(view.message);
    ctx.update();
  };
  const erase = async () => {
    view.status = 'busy';
    ctx.update();
    try {
      await ctx.api.eraseShopper(view.email.trim());
      view.status = 'erased';
      view.message = ctx.t('data.erased', { email: view.email });
      view.exported = undefined;
    } catch (error) {
      view.status = 'error';
      view.message = ctx.errorText(error);
    }
    ctx.announce(view.message);
    ctx.update();
    requestAnimationFrame(() => document.getElementById('data-result')?.focus());
  };
  const downloadUrl = view.exported
    ? URL.createObjectURL(new Blob([view.exported], { type: 'application/json' }))
    : '';
  return html`
    <p class="lead">${ctx.t('data.intro')}</p>
    <section class="card" aria-labelledby="csv-title">
      <h2 id="csv-title">${ctx.t('data.csvTitle')}</h2>
      <p class="hint">${ctx.t('data.csvHint')}</p>
      <div class="inline-form">
        <div class="field">
          <label for="csv-from">${ctx.t('data.from')}</label>
          <input
            id="csv-from"
            type="date"
            .value=${live(view.from)}
            @input=${(e: Event) => {
              view.from = (e.target as HTMLInputElement).value;
              ctx.update();
            }}
          />
        </div>
        <div class="field">
          <label for="csv-to">${ctx.t('data.to')}</label>
          <input
            id="csv-to"
            type="date"
            .value=${live(view.to)}
            @input=${(e: Event) => {
              view.to = (e.target as HTMLInputElement).value;
              ctx.update();
            }}
          />
        </div>
        <a
          class="button secondary"
          href=${csvUrl}
          download="comptoir-carts-${view.from}-${view.to}.csv"
          >${ctx.t('data.downloadCsv')}</a
        >
      </div>
    </section>
    <section class="card" aria-labelledby="shopper-title">
      <h2 id="shopper-title">${ctx.t('data.shopperTitle')}</h2>
      <p class="hint">${ctx.t('data.shopperHint')}</p>
      <form class="inline-form" @submit=${exportShopper}>
        <div class="field grow">
          <label for="shopper-email">${ctx.t('data.email')}</label>
          <input
            id="shopper-email"
            type="email"
            required
            autocomplete="off"
            .value=${live(view.email)}
            @input=${(e: Event) => {
              view.email = (e.target as HTMLInputElement).value;
              if (view.status === 'confirm-erase') {
                view.status = 'idle';
                ctx.update();
              }
            }}
          />
        </div>
        <button type="submit" class="secondary" ?disabled=${view.status === 'busy'}>
          ${ctx.t('data.export')}
        </button>
        <button
          type="button"
          class="danger"
          ?disabled=${view.status === 'busy'}
          @click=${(e: Event) => {
            const form = (e.currentTarget as HTMLElement).closest('form')!;
            if (!form.reportValidity()) return;
            view.status = 'confirm-erase';
            ctx.update();
            requestAnimationFrame(() => document.getElementById('erase-confirm')?.focus());
          }}
        >
          ${ctx.t('data.erase')}
        </button>
      </form>
      ${
        view.status === 'confirm-erase'
          ? html`<div
              class="notice warning"
              role="alertdialog"
              aria-labelledby="erase-q"
              aria-describedby="erase-d"
            >
              <p id="erase-q">
                <strong>${ctx.t('data.eraseConfirm', { email: view.email })}</strong>
              </p>
              <p id="erase-d">${ctx.t('data.eraseWarning')}</p>
              <div class="button-row">
                <button type="button" id="erase-confirm" class="danger" @click=${erase}>
                  ${ctx.t('data.eraseYes')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  @click=${() => {
                    view.status = 'idle';
                    ctx.update();
                  }}
                >
                  ${ctx.t('common.cancel')}
                </button>
              </div>
            </div>`
          : nothing
      }
      <div id="data-result" tabindex="-1">
        ${view.status === 'erased' || view.status === 'exported' ? html`<p class="success">${view.message}</p>` : nothing}
        ${view.status === 'error' ? html`<p class="field-error">${view.message}</p>` : nothing}
        ${
          view.exported
            ? html`<a class="button secondary" href=${downloadUrl} download="shopper-export.json"
                  >${ctx.t('data.downloadJson')}</a
                >
                <pre class="code-block" tabindex="0" aria-label=${ctx.t('data.exportedData')}>
${view.exported}</pre>`
            : nothing
        }
      </div>
    </section>
  `;
}
