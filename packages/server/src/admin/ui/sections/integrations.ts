import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { OrderPlatform, OrderWebhooks, VerifiedSource } from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { renderEventWebhooks } from './event-webhooks.js';
import {
  integrationsText,
  type IntegrationsKey,
  type IntegrationsTranslate,
} from './integrations.i18n.js';

interface IntegrationsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data?: OrderWebhooks;
  message: string;
  secretInput: Partial<Record<OrderPlatform, string>>;
  madeSecret: Partial<Record<OrderPlatform, string>>;
  copied: string;
  poll?: ReturnType<typeof setTimeout>;
}

const GUIDES: Record<OrderPlatform, string> = {
  shopify: '/guides/shopify.md',
  woocommerce: '/guides/woocommerce.md',
};
const TITLES: Record<OrderPlatform, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce' };
// While a webhook waits for its first order, look again now and then so it turns green by itself.
const POLL_MS = 10_000;

/** The overview's sentence saying which orders its revenue counts. */
export function revenueSourceNote(
  ctx: Ctx,
  stats: { revenueSource: 'verified' | 'storefront'; verifiedSources: VerifiedSource[] },
): string {
  if (stats.revenueSource === 'storefront')
    return integrationsText(ctx.locale, 'revenue.storefront');
  const sources = stats.verifiedSources
    .map((source) => integrationsText(ctx.locale, `source.${source}` as IntegrationsKey))
    .join(', ');
  return integrationsText(ctx.locale, 'revenue.verified', { sources });
}

const INTEGRATIONS_VIEW = defineView('integrations', (): IntegrationsState => ({
  status: 'idle',
  message: '',
  secretInput: {},
  madeSecret: {},
  copied: '',
}));

/** Integrations: the order webhooks' addresses, secrets, state and delivery log. */
export function renderIntegrations(ctx: Ctx): TemplateResult {
  const text: IntegrationsTranslate = (key, ...values) =>
    integrationsText(ctx.locale, key, ...values);
  const view = ctx.view(INTEGRATIONS_VIEW);
  const load = () => {
    view.status = view.data ? 'ready' : 'loading';
    ctx.api
      .orderWebhooks()
      .then((data) => {
        view.data = data;
        view.status = 'ready';
      })
      .catch((error: unknown) => {
        view.status = 'error';
        view.message = ctx.errorText(error);
      })
      .finally(() => {
        ctx.update();
        clearTimeout(view.poll);
        const waiting = view.data?.platforms.some((p) => p.state === 'waiting');
        if (waiting) {
          view.poll = setTimeout(() => {
            // Only while this section is open and the tab is seen: a hidden tab runs no timers.
            if (location.hash.startsWith('#/integrations') && !document.hidden) load();
            else view.status = 'idle';
          }, POLL_MS);
        }
      });
  };
  if (view.status === 'idle') load();

  const save = async (platform: OrderPlatform, secret: string | undefined) => {
    try {
      const saved = await ctx.api.saveOrderWebhook(
        platform,
        secret === undefined ? {} : { secret },
      );
      if (saved.secret) view.madeSecret[platform] = saved.secret;
      view.secretInput[platform] = '';
      ctx.announce(text('saved'));
      load();
    } catch (error) {
      view.message = ctx.errorText(error);
      view.status = 'error';
      ctx.update();
    }
  };
  const remove = async (platform: OrderPlatform) => {
    await ctx.api.deleteOrderWebhook(platform);
    delete view.madeSecret[platform];
    ctx.announce(text('removed'));
    load();
  };
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      view.copied = value;
      ctx.announce(text('copied'));
    } catch {
      // The address stays selectable in its field.
    }
    ctx.update();
  };
  const dateTime = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '');

  const platformCard = (status: OrderWebhooks['platforms'][number]) => {
    const { platform } = status;
    const id = `hook-${platform}`;
    const made = view.madeSecret[platform];
    return html`<section class="card" aria-labelledby="${id}-title" data-platform=${platform}>
      <div class="card-head">
        <h2 id="${id}-title">${TITLES[platform]}</h2>
        <span class="badge ${status.state === 'receiving' ? 'recovered' : ''}" role="status"
          >${text(`state.${status.state}`)}</span
        >
      </div>
      ${
        status.state === 'receiving'
          ? html`<p class="notice success">
              ${text('state.receivingSince', {
                first: when(status.firstOrderAt),
                last: when(status.lastOrderAt),
              })}
            </p>`
          : nothing
      }
      <p class="hint">${text(`${platform}.hint`)}</p>
      <div class="field">
        <label for="${id}-url">${text('urlLabel')}</label>
        <div class="inline-form">
          <input id="${id}-url" type="url" readonly .value=${status.url} />
          <button type="button" class="secondary" @click=${() => copy(status.url)}>
            ${view.copied === status.url ? text('copied') : text('copy')}
          </button>
        </div>
      </div>
      ${
        made
          ? html`<div class="notice warning">
              <p>${text('madeSecret')}</p>
              <pre
                class="code-block"
                tabindex="0"
                aria-label=${text('secretLabel')}
              ><code>${made}</code></pre>
              <button type="button" class="secondary" @click=${() => copy(made)}>
                ${view.copied === made ? text('copied') : text('copy')}
              </button>
            </div>`
          : nothing
      }
      <form
        class="inline-form"
        @submit=${(event: Event) => {
          event.preventDefault();
          const value = view.secretInput[platform]?.trim();
          if (value) void save(platform, value);
        }}
      >
        <div class="field grow">
          <label for="${id}-secret">${text('secretLabel')}</label>
          <input
            id="${id}-secret"
            type="password"
            autocomplete="off"
            minlength="8"
            aria-describedby=${status.secretHint ? `${id}-secret-hint` : nothing}
            .value=${live(view.secretInput[platform] ?? '')}
            @input=${(e: Event) => (view.secretInput[platform] = (e.target as HTMLInputElement).value)}
          />
          ${
            status.secretHint
              ? html`<p class="hint" id="${id}-secret-hint">
                  ${text('secretHint', { hint: status.secretHint })}
                </p>`
              : nothing
          }
        </div>
        <button type="submit" class="primary">${text('saveSecret')}</button>
      </form>
      <div class="button-row">
        ${
          platform === 'woocommerce'
            ? html`<button
                type="button"
                class="secondary"
                @click=${() => save(platform, undefined)}
              >
                ${text('makeSecret')}
              </button>`
            : nothing
        }
        ${
          status.state !== 'off'
            ? html`<button type="button" class="secondary" @click=${() => remove(platform)}>
                ${text('remove')}
              </button>`
            : nothing
        }
        <a href=${GUIDES[platform]} target="_blank" rel="noopener"
          >${text('guide', { path: `docs/platforms/${platform}.md` })}</a
        >
      </div>
    </section>`;
  };

  const log = view.data?.log ?? [];
  return html`
    <p class="lead">${text('intro')}</p>
    ${view.status === 'error' ? html`<div class="notice error" role="alert">${view.message}</div>` : nothing}
    ${
      view.data
        ? view.data.platforms.map(platformCard)
        : html`<p class="muted" role="status">${ctx.t('common.loading')}</p>`
    }
    ${renderEventWebhooks(ctx)}
    <section class="card" aria-labelledby="hook-log-title">
      <div class="card-head">
        <h2 id="hook-log-title">${text('logTitle')}</h2>
        <button type="button" class="secondary" @click=${load}>${ctx.t('common.refresh')}</button>
      </div>
      ${
        log.length === 0
          ? html`<p class="muted">${text('logEmpty')}</p>`
          : html`<table class="table">
              <thead>
                <tr>
                  <th scope="col">${text('log.time')}</th>
                  <th scope="col">${text('log.platform')}</th>
                  <th scope="col">${text('log.outcome')}</th>
                  <th scope="col">${text('log.message')}</th>
                </tr>
              </thead>
              <tbody>
                ${log.map(
                  (line) =>
                    html`<tr data-outcome=${line.outcome}>
                      <td>${when(line.receivedAt)}</td>
                      <td>${TITLES[line.platform]}</td>
                      <td>
                        <span class="badge ${line.outcome === 'accepted' ? 'recovered' : ''}"
                          >${text(`outcome.${line.outcome}`)}</span
                        >
                        <span class="muted">${line.status}</span>
                      </td>
                      <td>${line.message}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
  `;
}

const GUIDE_TITLES: Record<string, string> = {
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  prestashop: 'PrestaShop',
  'wix-squarespace': 'Wix & Squarespace',
  headless: 'Headless (npm)',
};

/** A link to one of the install guides in `docs/platforms/`, served at `/guides/<name>.md`. */
export function fullGuide(ctx: Ctx, name: keyof typeof GUIDE_TITLES & string): TemplateResult {
  return html`<a href="/guides/${name}.md" target="_blank" rel="noopener"
    >${integrationsText(ctx.locale, 'fullGuide', { platform: GUIDE_TITLES[name] ?? name })}</a
  >`;
}

/** The overview's warning about event webhook endpoints switched off after repeated failures. */
export function endpointsOffNotice(
  ctx: Ctx,
  endpoints: { id: string; url: string; reason: string }[],
): TemplateResult | typeof nothing {
  if (endpoints.length === 0) return nothing;
  return html`<div class="notice warning" role="status" data-endpoints-off>
    <p>${integrationsText(ctx.locale, 'endpointsOff')}</p>
    <ul>
      ${endpoints.map((endpoint) => html`<li><code>${endpoint.url}</code> — ${endpoint.reason}</li>`)}
    </ul>
    <a href="#/integrations">${integrationsText(ctx.locale, 'openIntegrations')}</a>
  </div>`;
}
