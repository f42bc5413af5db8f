import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookAttempt,
  type WebhookEndpoint,
  type WebhookEventType,
} from '@comptoir/sdk/schemas';
import { isAdminApiError } from '../api.js';
import { sectionState, type Ctx } from '../context.js';
import { integrationsText as text } from './integrations.i18n.js';

interface EventWebhooksState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  endpoints: WebhookEndpoint[];
  attempts: WebhookAttempt[];
  message: string;
  url: string;
  events: WebhookEventType[];
  secret: string;
}

/** Integrations, second half: the event webhook endpoints, their test button and delivery log. */
export function renderEventWebhooks(ctx: Ctx): TemplateResult {
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string>) =>
    text(ctx.locale, key, params);
  const view = sectionState<EventWebhooksState>(ctx, 'event-webhooks', () => ({
    status: 'idle',
    endpoints: [],
    attempts: [],
    message: '',
    url: '',
    events: [...WEBHOOK_EVENT_TYPES],
    secret: '',
  }));
  const fail = (error: unknown) => {
    view.status = 'error';
    view.message = isAdminApiError(error) ? error.message : String(error);
    ctx.update();
  };
  const load = () => {
    ctx.api
      .get<{ endpoints: WebhookEndpoint[]; attempts: WebhookAttempt[] }>(
        '/v1/admin/webhook-endpoints',
      )
      .then((data) => {
        view.endpoints = data.endpoints;
        view.attempts = data.attempts;
        view.status = 'ready';
        ctx.update();
      })
      .catch(fail);
  };
  if (view.status === 'idle') {
    view.status = 'loading';
    load();
  }
  const act = (method: string, path: string, body?: unknown) =>
    ctx.api
      .request<{ ok?: boolean; statusCode?: number | null; secret?: string }>(method, path, body)
      .then((result) => {
        if (result.body?.secret) view.secret = result.body.secret;
        if (result.body?.ok !== undefined)
          ctx.announce(
            result.body.ok
              ? t('delivered')
              : t('notDelivered', { status: String(result.body.statusCode ?? '—') }),
          );
        load();
      })
      .catch(fail);
  const add = (event: Event) => {
    event.preventDefault();
    void act('POST', '/v1/admin/webhook-endpoints', { url: view.url.trim(), events: view.events });
    view.url = '';
  };
  const dateTime = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return html`<section class="card" aria-labelledby="event-hooks-title">
    <h2 id="event-hooks-title">${t('events.title')}</h2>
    <p class="hint">${t('events.hint')}</p>
    ${view.status === 'error' ? html`<div class="notice error" role="alert">${view.message}</div>` : nothing}
    ${
      view.secret
        ? html`<div class="notice warning">
            <p>${t('events.secret')}</p>
            <pre
              class="code-block"
              tabindex="0"
              aria-label=${t('secretLabel')}
            ><code>${view.secret}</code></pre>
          </div>`
        : nothing
    }
    <ul class="message-list" aria-label=${t('events.title')}>
      ${view.endpoints.map(
        (endpoint) =>
          html`<li data-endpoint=${endpoint.id}>
            <code>${endpoint.url}</code>
            <span class="badge ${endpoint.enabled ? 'recovered' : ''}"
              >${endpoint.enabled ? t('events.on') : t('state.off')}</span
            >
            <span class="muted">${endpoint.events.join(', ')}</span>
            ${endpoint.disabledReason ? html`<p class="field-error">${endpoint.disabledReason}</p>` : nothing}
            <div class="button-row">
              <button
                type="button"
                class="secondary"
                @click=${() => act('POST', `/v1/admin/webhook-endpoints/${endpoint.id}/test`, {})}
              >
                ${t('events.test')}
              </button>
              ${
                endpoint.enabled
                  ? nothing
                  : html`<button
                      type="button"
                      class="secondary"
                      @click=${() => act('PUT', `/v1/admin/webhook-endpoints/${endpoint.id}`, { url: endpoint.url, events: endpoint.events, enabled: true })}
                    >
                      ${t('events.switchOn')}
                    </button>`
              }
              <button
                type="button"
                class="secondary"
                @click=${() => act('DELETE', `/v1/admin/webhook-endpoints/${endpoint.id}`)}
              >
                ${ctx.t('common.remove')}
              </button>
            </div>
          </li>`,
      )}
    </ul>
    <form class="stack" @submit=${add}>
      <div class="field">
        <label for="event-hook-url">${t('events.url')}</label>
        <input
          id="event-hook-url"
          type="url"
          required
          placeholder="https://hooks.zapier.com/…"
          .value=${live(view.url)}
          @input=${(e: Event) => (view.url = (e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset>
        <legend>${t('events.types')}</legend>
        ${WEBHOOK_EVENT_TYPES.map(
          (type) =>
            html`<label class="checkbox"
              ><input
                type="checkbox"
                .checked=${live(view.events.includes(type))}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  view.events = on ? [...view.events, type] : view.events.filter((x) => x !== type);
                }}
              />
              <code>${type}</code></label
            >`,
        )}
      </fieldset>
      <button type="submit" class="primary">${t('events.add')}</button>
    </form>
    <h3>${t('events.log')}</h3>
    ${
      view.attempts.length === 0
        ? html`<p class="muted">${t('logEmpty')}</p>`
        : html`<table class="table">
            <thead>
              <tr>
                <th scope="col">${t('log.time')}</th>
                <th scope="col">${t('events.type')}</th>
                <th scope="col">${t('log.outcome')}</th>
                <th scope="col"><span class="visually-hidden">${t('events.again')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${view.attempts.map(
                (attempt) =>
                  html`<tr>
                    <td>${dateTime.format(new Date(attempt.at))}</td>
                    <td><code>${attempt.type}</code> #${attempt.attempt}</td>
                    <td>
                      <span class="badge ${attempt.ok ? 'recovered' : ''}"
                        >${attempt.statusCode ?? '—'}</span
                      >
                      ${attempt.error ? html`<span class="muted">${attempt.error}</span>` : nothing}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="secondary"
                        @click=${() => act('POST', `/v1/admin/webhook-endpoints/messages/${attempt.messageId}/resend`)}
                      >
                        ${t('events.again')}
                      </button>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}
