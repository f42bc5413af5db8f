import { html, nothing, svg, type TemplateResult } from 'lit';
import type { ShopStats } from '@comptoir/sdk/client';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { endpointsOffNotice, revenueSourceNote } from './integrations.js';

interface OverviewState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  stats?: ShopStats;
  message: string;
  showTable: boolean;
}

function chart(ctx: Ctx, daily: ShopStats['daily']): TemplateResult {
  const width = 720;
  const height = 200;
  const pad = { top: 12, right: 12, bottom: 28, left: 32 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...daily.map((d) => Math.max(d.captured, d.recovered)));
  const step = innerW / Math.max(1, daily.length);
  const barW = Math.max(2, step * 0.6);
  const y = (value: number) => pad.top + innerH - (value / max) * innerH;
  // Whole-number ticks only, evenly spaced: 0 1 2 3, or 0 2 4, or 0, half and top for larger counts.
  const ticks =
    max <= 4
      ? Array.from({ length: max + 1 }, (_, i) => i)
      : [...new Set([0, Math.round(max / 2), max])];
  const totalCaptured = daily.reduce((sum, d) => sum + d.captured, 0);
  const totalRecovered = daily.reduce((sum, d) => sum + d.recovered, 0);
  const label = ctx.t('overview.chartLabel', {
    days: daily.length,
    captured: totalCaptured,
    recovered: totalRecovered,
  });
  return html`<figure class="chart">
    <svg
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-label=${label}
      preserveAspectRatio="xMidYMid meet"
    >
      ${ticks.map(
        (
          tick,
        ) => svg`<line x1=${pad.left} x2=${width - pad.right} y1=${y(tick)} y2=${y(tick)} class="grid-line" />
          <text x=${pad.left - 6} y=${y(tick) + 4} text-anchor="end" class="axis">${tick}</text>`,
      )}
      ${daily.map((d, i) => {
        const x = pad.left + i * step + (step - barW) / 2;
        return svg`<rect x=${x} y=${y(d.captured)} width=${barW} height=${pad.top + innerH - y(d.captured)} rx="2" class="bar-captured"><title>${ctx.formatDate(d.date)}: ${d.captured}</title></rect>
          ${d.recovered > 0 ? svg`<rect x=${x + barW * 0.2} y=${y(d.recovered)} width=${barW * 0.6} height=${pad.top + innerH - y(d.recovered)} rx="2" class="bar-recovered" />` : nothing}
          ${i % 7 === 0 || (i === daily.length - 1 && i % 7 >= 4) ? svg`<text x=${x + barW / 2} y=${height - 8} text-anchor="middle" class="axis">${ctx.formatDate(d.date, { day: 'numeric', month: 'short' })}</text>` : nothing}`;
      })}
    </svg>
    <figcaption class="legend">
      <span
        ><i class="swatch captured" aria-hidden="true"></i>${ctx.t('overview.legendCaptured')}</span
      >
      <span
        ><i class="swatch recovered" aria-hidden="true"></i
        >${ctx.t('overview.legendRecovered')}</span
      >
    </figcaption>
  </figure>`;
}

const OVERVIEW_VIEW = defineView(
  'overview',
  (): OverviewState => ({
    status: 'idle',
    message: '',
    showTable: false,
  }),
  { freshOnOpen: true },
);

/** Overview: what Comptoir did for the shop over the last 30 days. */
export function renderOverview(ctx: Ctx): TemplateResult {
  const view = ctx.view(OVERVIEW_VIEW);
  if (view.status === 'idle') {
    view.status = 'loading';
    // No range: the server takes the last 30 days ending today in the shop's time zone (the
    // browser's UTC date is yesterday's or tomorrow's for part of the day).
    ctx.api
      .stats()
      .then((stats) => {
        view.stats = stats;
        view.status = 'ready';
      })
      .catch((error: unknown) => {
        view.status = 'error';
        view.message = ctx.errorText(error);
      })
      .finally(() => ctx.update());
  }
  if ((view.status as string) === 'loading')
    return html`<p class="muted" role="status">${ctx.t('common.loading')}</p>`;
  if (view.status === 'error' || !view.stats) {
    return html`<div class="notice error" role="alert">
      ${ctx.t('overview.error')} ${view.message}
      <button
        type="button"
        class="secondary"
        @click=${() => {
          view.status = 'idle';
          ctx.update();
        }}
      >
        ${ctx.t('common.retry')}
      </button>
    </div>`;
  }
  const s = view.stats;
  const rate = s.cartsWithEmail > 0 ? s.cartsRecovered / s.cartsWithEmail : 0;
  const revenue = s.recoveredRevenue.length
    ? s.recoveredRevenue.map((r) => ctx.formatMoney(r.amount, r.currency)).join(' + ')
    : ctx.formatMoney(0, ctx.draft.currency);
  const percent = new Intl.NumberFormat(ctx.locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(ctx.locale);
  const stat = (id: string, label: string, value: string, note?: string) =>
    html`<div class="stat" data-stat=${id}>
      <dt>${label}</dt>
      <dd>
        <span class="stat-value">${value}</span
        >${note ? html`<span class="stat-note">${note}</span>` : nothing}
      </dd>
    </div>`;
  return html`
    <p class="lead">
      ${ctx.t('overview.intro', { from: ctx.formatDate(s.from), to: ctx.formatDate(s.to) })}
    </p>
    <dl class="stats">
      ${stat('recovered-revenue', ctx.t('overview.recoveredRevenue'), revenue, ctx.t('overview.recoveredCarts', { n: s.cartsRecovered }))}
      ${stat('recovery-rate', ctx.t('overview.recoveryRate'), percent.format(rate), ctx.t('overview.ofCartsWithEmail', { n: s.cartsWithEmail }))}
      ${stat('carts-captured', ctx.t('overview.cartsCaptured'), number.format(s.cartsCaptured), ctx.t('overview.converted', { n: s.cartsConverted }))}
      ${stat('emails', ctx.t('overview.emailsSent'), number.format(s.emailsSent), ctx.t('overview.clicked', { n: s.emailsClicked }))}
    </dl>
    <p class="hint" data-revenue-source=${s.revenueSource}>${revenueSourceNote(ctx, s)}</p>
    ${endpointsOffNotice(ctx, s.endpointsSwitchedOff)}
    <section class="card" aria-labelledby="chart-title">
      <div class="card-head">
        <h2 id="chart-title">${ctx.t('overview.chartTitle')}</h2>
        <button
          type="button"
          class="link"
          aria-expanded=${view.showTable ? 'true' : 'false'}
          aria-controls="chart-table"
          @click=${() => {
            view.showTable = !view.showTable;
            ctx.update();
          }}
        >
          ${ctx.t(view.showTable ? 'overview.hideTable' : 'overview.showTable')}
        </button>
      </div>
      ${chart(ctx, s.daily)}
      <div
        id="chart-table"
        class="table-scroll"
        tabindex="0"
        role="group"
        aria-labelledby="chart-title"
        ?hidden=${!view.showTable}
      >
        <table class="table">
          <caption class="visually-hidden">
            ${ctx.t('overview.chartTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${ctx.t('overview.date')}</th>
              <th scope="col">${ctx.t('overview.legendCaptured')}</th>
              <th scope="col">${ctx.t('overview.legendRecovered')}</th>
              <th scope="col">${ctx.t('overview.recoveredRevenue')}</th>
            </tr>
          </thead>
          <tbody>
            ${s.daily.map(
              (d) =>
                html`<tr>
                  <th scope="row">${ctx.formatDate(d.date)}</th>
                  <td>${d.captured}</td>
                  <td>${d.recovered}</td>
                  <td>${ctx.formatMoney(d.recoveredRevenue, ctx.draft.currency)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
    ${lifecycleTable(ctx, s.lifecycle ?? [])}
    <section class="card" aria-labelledby="faq-gaps">
      <h2 id="faq-gaps">${ctx.t('overview.faqGaps')}</h2>
      <p class="hint">
        ${ctx.t('overview.faqGapsHint', { opened: s.faqOpened, empty: s.faqSearchesEmpty })}
      </p>
      ${
        s.topEmptySearches.length === 0
          ? html`<p class="muted">${ctx.t('overview.noFaqGaps')}</p>`
          : html`<ol class="gap-list">
                ${s.topEmptySearches.map(
                  (q) =>
                    html`<li>
                      <q>${q.query}</q> <span class="muted">× ${q.count}</span>
                      <a href=${askLink(q.query)}
                        >${ctx.t('overview.addQuestionFor')}<span class="visually-hidden">
                          ${q.query}</span
                        ></a
                      >
                    </li>`,
                )}
              </ol>
              <a class="button secondary" href=${askLink(s.topEmptySearches[0]!.query)}
                >${ctx.t('overview.addQuestions')}</a
              >`
      }
    </section>
  `;
}

/** One row per email after the order: sent in the range, clicks, and the orders attributed to it. */
function lifecycleTable(ctx: Ctx, flows: NonNullable<ShopStats['lifecycle']>): TemplateResult {
  if (flows.length === 0) return html``;
  const number = new Intl.NumberFormat(ctx.locale);
  return html`<section class="card" aria-labelledby="lifecycle-stats">
    <h2 id="lifecycle-stats">${ctx.t('overview.lifecycleTitle')}</h2>
    <div class="table-scroll" tabindex="0" role="group" aria-labelledby="lifecycle-stats">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">${ctx.t('overview.lifecycleFlow')}</th>
            <th scope="col">${ctx.t('overview.lifecycleSent')}</th>
            <th scope="col">${ctx.t('overview.lifecycleClicks')}</th>
            <th scope="col">${ctx.t('overview.lifecycleAttributed')}</th>
          </tr>
        </thead>
        <tbody>
          ${flows.map(
            (row) =>
              html`<tr data-flow=${row.flow}>
                <th scope="row">${ctx.t(`overview.flow.${row.flow}`)}</th>
                <td>${number.format(row.sent)}</td>
                <td>
                  ${
                    row.clicks === null
                      ? html`<span class="muted">${ctx.t('overview.lifecycleNotTracked')}</span>`
                      : number.format(row.clicks)
                  }
                </td>
                <td>
                  ${
                    row.attributedOrders === null
                      ? html`<span class="muted">${ctx.t('overview.lifecycleNotTracked')}</span>`
                      : number.format(row.attributedOrders)
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** Opens the FAQ with a new question already holding what shoppers searched for. */
export function askLink(query: string): string {
  return `#/faq/new/${encodeURIComponent(query)}`;
}
