import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookAttempt,
  type WebhookEndpoint,
  type WebhookEventType,
} from '@comptoir/sdk/schemas';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { integrationsText as text, type IntegrationsTranslate } from './integrations.i18n.js';

interface EventWebhooksState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  endpoints: WebhookEndpoint[];
  attempts: WebhookAttempt[];
  message: string;
  url: string;
  events: WebhookEventType[];
  secret: string;
}

const EVENT_WEBHOOKS_VIEW = defineView('event-webhooks', (): EventWebhooksState => ({
  status: 'idle',
  endpoints: [],
  attempts: [],
  message: '',
  url: '',
  events: [...WEBHOOK_EVENT_TYPES],
  secret: '',
}));

/** Integrations, second half: the event webhook endpoints, their test button and delivery log. */
export function renderEventWebhooks(ctx: Ctx): TemplateResult {
  const t: IntegrationsTranslate = (key, ...values) => text(ctx.locale, key, ...values);
  const view = ctx.view(EVENT_WEBHOOKS_VIEW);
  const fail = (error: unknown) => {
    view.status = 'error';
    view.message = ctx.errorText(error);
    ctx.update();
  };
  const load = () => {
    ctx.api
      .webhookEndpoints()
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
  /** Runs one request, shows a new secret or how a delivery went, then reloads the list. */
  const act = (call: () => Promise<object | void>) =>
    call()
      .then((result) => {
        if (result && 'secret' in result && typeof result.secret === 'string')
          view.secret = result.secret;
        if (result && 'ok' in result && typeof result.ok === 'boolean')
          ctx.announce(
            result.ok
              ? t('delivered')
              : t('notDelivered', {
                  status: String(('statusCode' in result ? result.statusCode : null) ?? '—'),
                }),
          );
        load();
      })
      .catch(fail);
  const add = (event: Event) => {
    event.preventDefault();
    const input = { url: view.url.trim(), events: view.events };
    void act(() => ctx.api.addWebhookEndpoint(input));
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
                @click=${() => act(() => ctx.api.testWebhookEndpoint(endpoint.id))}
              >
                ${t('events.test')}
              </button>
              ${
                endpoint.enabled
                  ? nothing
                  : html`<button
                      type="button"
                      class="secondary"
                      @click=${() => act(() => ctx.api.updateWebhookEndpoint(endpoint.id, { url: endpoint.url, events: endpoint.events, enabled: true }))}
                    >
                      ${t('events.switchOn')}
                    </button>`
              }
              <button
                type="button"
                class="secondary"
                @click=${() => act(() => ctx.api.deleteWebhookEndpoint(endpoint.id))}
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
                        @click=${() => act(() => ctx.api.resendWebhookMessage(attempt.messageId))}
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
