import { html, nothing, type TemplateResult } from 'lit';
import type { InstallInfo } from '@comptoir/sdk/client';
import type { Ctx } from '../context.js';
import { defineView } from '../views.js';
import { fieldId } from '../fields.js';
import { fullGuide } from './integrations.js';

interface InstallState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  info?: InstallInfo;
  message: string;
  copied: boolean;
  newOrigin: string;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no permission, plain http): fall back to a selected textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

const INSTALL_VIEW = defineView('install', (): InstallState => ({
  status: 'idle',
  message: '',
  copied: false,
  newOrigin: '',
}));

/** Install: the script tag to paste, allowed origins and step-by-step guides. */
export function renderInstall(ctx: Ctx): TemplateResult {
  const view = ctx.view(INSTALL_VIEW);
  if (view.status === 'idle') {
    view.status = 'loading';
    ctx.api
      .install()
      .then((info) => {
        view.info = info;
        view.status = 'ready';
      })
      .catch((error: unknown) => {
        view.status = 'error';
        view.message = ctx.errorText(error);
      })
      .finally(() => ctx.update());
  }
  const copy = async () => {
    if (!view.info) return;
    view.copied = await copyText(view.info.snippet);
    ctx.announce(view.copied ? ctx.t('install.copied') : ctx.t('install.copyFailed'));
    ctx.update();
    setTimeout(() => {
      view.copied = false;
      ctx.update();
    }, 2500);
  };
  const origins = ctx.draft.allowedOrigins;
  const addOrigin = (event: Event) => {
    event.preventDefault();
    let value = view.newOrigin.trim();
    try {
      value = new URL(value).origin;
    } catch {
      // Left as typed: the schema explains what is wrong beside the field.
    }
    if (!value || origins.includes(value)) return;
    ctx.edit((d) => d.allowedOrigins.push(value));
    view.newOrigin = '';
    ctx.announce(ctx.t('install.originAdded', { origin: value }));
  };
  const originErrors = origins.map((_, i) => ctx.error(`allowedOrigins.${i}`));
  return html`
    <p class="lead">${ctx.t('install.intro')}</p>
    <section class="card" aria-labelledby="snippet-title">
      <h2 id="snippet-title">${ctx.t('install.snippetTitle')}</h2>
      <p class="hint">${ctx.t('install.snippetHint')}</p>
      ${view.status === 'error' ? html`<div class="notice error" role="alert">${view.message}</div>` : nothing}
      ${
        view.info
          ? html`<pre
                class="code-block"
                id="install-snippet"
                tabindex="0"
                aria-label=${ctx.t('install.snippetTitle')}
              ><code>${view.info.snippet}</code></pre>
              <div class="button-row">
                <button type="button" class="primary" @click=${copy}>
                  ${view.copied ? ctx.t('install.copied') : ctx.t('install.copy')}
                </button>
                <span class="muted"
                  >${ctx.t('install.shopId')} <code>${view.info.shopId}</code></span
                >
              </div>`
          : html`<p class="muted" role="status">${ctx.t('common.loading')}</p>`
      }
    </section>
    <section class="card" aria-labelledby="origins-title">
      <h2 id="origins-title">${ctx.t('install.originsTitle')}</h2>
      <p class="hint">${ctx.t('install.originsHint')}</p>
      <ul class="tag-list" aria-labelledby="origins-title">
        ${origins.length === 0 ? html`<li class="muted">${ctx.t('install.noOrigins')}</li>` : nothing}
        ${origins.map(
          (origin, index) =>
            html`<li class="tag ${originErrors[index] ? 'has-error' : ''}">
              <span>${origin}</span>
              <button
                type="button"
                class="icon-button"
                aria-label=${ctx.t('common.removeItem', { item: origin })}
                @click=${() => ctx.edit((d) => d.allowedOrigins.splice(index, 1))}
              >
                ×
              </button>
            </li>`,
        )}
      </ul>
      ${originErrors.filter(Boolean).map((message) => html`<p class="field-error">${message}</p>`)}
      <form class="inline-form" @submit=${addOrigin}>
        <div class="field grow">
          <label for=${fieldId('allowedOrigins')}>${ctx.t('install.addOrigin')}</label>
          <input
            id=${fieldId('allowedOrigins')}
            type="url"
            placeholder="https://myshop.example"
            .value=${view.newOrigin}
            @input=${(e: Event) => (view.newOrigin = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="secondary">${ctx.t('common.add')}</button>
      </form>
    </section>
    <section class="card" aria-labelledby="guides-title">
      <h2 id="guides-title">${ctx.t('install.guidesTitle')}</h2>
      <details class="disclosure guide" open>
        <summary>Shopify</summary>
        <ol>
          ${[1, 2, 3, 4, 5].map((n) => html`<li>${ctx.t(`install.shopify.${n}` as 'install.shopify.1')}</li>`)}
        </ol>
        ${fullGuide(ctx, 'shopify')}
      </details>
      <details class="disclosure guide">
        <summary>WooCommerce</summary>
        <ol>
          ${[1, 2, 3, 4].map((n) => html`<li>${ctx.t(`install.woo.${n}` as 'install.woo.1')}</li>`)}
        </ol>
        ${fullGuide(ctx, 'woocommerce')}
      </details>
      <details class="disclosure guide">
        <summary>${ctx.t('install.anySite')}</summary>
        <ol>
          ${[1, 2, 3, 4].map((n) => html`<li>${ctx.t(`install.any.${n}` as 'install.any.1')}</li>`)}
        </ol>
        <pre
          class="code-block"
          tabindex="0"
          aria-label=${ctx.t('install.elementsExample')}
        ><code>&lt;comptoir-absence-banner&gt;&lt;/comptoir-absence-banner&gt;
&lt;comptoir-free-shipping&gt;&lt;/comptoir-free-shipping&gt;
&lt;comptoir-shipping-cutoff&gt;&lt;/comptoir-shipping-cutoff&gt;
&lt;comptoir-holiday-deadline&gt;&lt;/comptoir-holiday-deadline&gt;
&lt;comptoir-faq&gt;&lt;/comptoir-faq&gt;
&lt;comptoir-cart-capture&gt;&lt;/comptoir-cart-capture&gt;</code></pre>
      </details>
      <p class="guide-links">
        ${fullGuide(ctx, 'prestashop')} · ${fullGuide(ctx, 'wix-squarespace')} ·
        ${fullGuide(ctx, 'headless')}
      </p>
    </section>
  `;
}
