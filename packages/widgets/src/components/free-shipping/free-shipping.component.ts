import { html, nothing } from 'lit/html.js';
import { freeShippingProgress } from '@comptoir/sdk/calendar';
import { formatMoney } from '@comptoir/sdk/money';
import type { FreeShippingRule } from '@comptoir/sdk/schemas';
import { trackEvent } from '../../internal/api.js';
import { ShippingElement } from '../../internal/shipping-element.js';
import styles from './free-shipping.styles.js';

/** `detail` of `comptoir-threshold-reached`. */
export interface ThresholdReachedDetail {
  rule: FreeShippingRule;
}

/**
 * Progress toward free shipping for the current cart: "Add €12.50 for free shipping", then
 * "Free shipping unlocked". Follows the shared cart store live; products the merchant excludes do
 * not count; tiers, per-country and per-currency rules come from `config.freeShipping`.
 *
 * @summary Progress bar toward the next free-shipping threshold.
 *
 * @event comptoir-threshold-reached - The cart reached a threshold. `detail: { rule }`.
 *
 * @attr {string} product-id - The product this page shows: nothing for one that does not ship
 *   (`config.shippingExclusions`).
 *
 * @csspart base - The wrapper.
 * @csspart message - The sentence.
 * @csspart bar - The track of the progress bar.
 * @csspart fill - The filled part of the bar.
 *
 * @cssproperty --comptoir-accent-color - Accent colour (fill, buttons).
 * @cssproperty --comptoir-progress-color - Fill colour. Defaults to the accent colour.
 * @cssproperty --comptoir-progress-track-color - Track colour.
 * @cssproperty --comptoir-progress-height - Bar thickness. Defaults to 0.5rem.
 * @cssproperty --comptoir-background-color - Background of the wrapper.
 * @cssproperty --comptoir-text-color - Text colour. Defaults to the page's.
 * @cssproperty --comptoir-border-radius - Corner radius.
 */
export class ComptoirFreeShipping extends ShippingElement {
  static override styles = [ShippingElement.styles, styles];

  static override properties = {
    country: {},
    threshold: {},
    currency: {},
  };

  /** ISO 3166-1 country used to pick rules; defaults to the cart's. */
  declare country?: string;
  /** Standalone use: a single threshold in minor units (with `currency`), instead of the config's rules. */
  declare threshold?: string;
  /** Standalone use: the currency of `threshold`. */
  declare currency?: string;

  #reachedCount: number | undefined;
  #announcement = '';

  #rules(): FreeShippingRule[] | undefined {
    if (this.threshold !== undefined || this.currency !== undefined) {
      const threshold = Number(this.threshold);
      const currency = this.currency ?? this.shopConfig?.currency;
      if (
        !Number.isInteger(threshold) ||
        threshold <= 0 ||
        !currency ||
        !/^[A-Z]{3}$/.test(currency)
      ) {
        return undefined;
      }
      return [{ threshold, currency }];
    }
    return this.shopConfig?.freeShipping?.rules;
  }

  protected override renderWidget() {
    const rules = this.#rules();
    if (!rules) {
      if (this.threshold !== undefined || this.currency !== undefined) {
        return this.fail(
          'bad-attribute',
          'threshold must be a positive integer in minor units and currency an ISO 4217 code',
        );
      }
      if (this.shopConfig && !Array.isArray(this.shopConfig.freeShipping?.rules)) {
        return this.fail('bad-config', 'config.freeShipping.rules is missing');
      }
      return nothing;
    }
    if (this.country !== undefined && !/^[A-Z]{2}$/.test(this.country)) {
      return this.fail('bad-attribute', 'country must be an upper-case ISO 3166-1 alpha-2 code');
    }
    const cart = this.cart;
    const currency = cart?.currency ?? this.currency ?? this.shopConfig?.currency;
    if (!currency) return nothing;
    const excluded = new Set(this.shopConfig?.freeShipping?.excludedProductIds ?? []);
    const excludedTotal = (cart?.items ?? [])
      .filter((item) => excluded.has(item.productId ?? '') || excluded.has(item.id))
      .reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
    const subtotal = Math.max(0, (cart?.subtotal ?? 0) - excludedTotal);
    const country = this.country ?? cart?.country;
    const progress = freeShippingProgress(rules, {
      subtotal,
      currency,
      ...(country ? { country } : {}),
    });
    if (!progress.next && progress.reached.length === 0) return nothing;

    this.#noteReached(progress.reached);
    const amount = formatMoney(progress.remaining, currency, this.localize.formatLocale);
    const lastReached = progress.reached.at(-1);
    const nextLabel = this.localize.text(progress.next?.label);
    const reachedLabel = this.localize.text(lastReached?.label);
    const message = progress.next
      ? nextLabel
        ? this.localize.t('freeShippingRemainingTier', { amount, label: nextLabel })
        : this.localize.t('freeShippingRemaining', { amount })
      : reachedLabel
        ? this.localize.t('freeShippingTierUnlocked', { label: reachedLabel })
        : this.localize.t('freeShippingUnlocked');
    const percent = Math.round(progress.ratio * 100);
    return html`<div part="base" class="base">
      <p part="message" class="message" aria-hidden="true">${message}</p>
      <div
        part="bar"
        class="bar"
        role="progressbar"
        aria-label=${this.localize.t('freeShippingLabel')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${message}
        style="--ratio: ${progress.ratio}"
      >
        <div part="fill" class="fill"></div>
      </div>
      <div class="visually-hidden" role="status">${this.#announcement}</div>
    </div>`;
  }

  /** Announces and reports a newly reached threshold; the first render only records the state. */
  #noteReached(reached: FreeShippingRule[]): void {
    const previous = this.#reachedCount;
    this.#reachedCount = reached.length;
    // Nothing newly reached (or the first render): the live region empties (its news was spoken),
    // so that reaching a threshold again after the cart went below it is announced again.
    if (!(reached.length > previous!)) return void (this.#announcement = '');
    const rule = reached.at(-1)!;
    const label = this.localize.text(rule.label);
    this.#announcement = label
      ? this.localize.t('freeShippingTierUnlocked', { label })
      : this.localize.t('freeShippingUnlocked');
    queueMicrotask(() => {
      this.emit<ThresholdReachedDetail>('comptoir-threshold-reached', { rule });
      trackEvent({ type: 'threshold_reached', threshold: rule.threshold, currency: rule.currency });
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comptoir-threshold-reached': CustomEvent<ThresholdReachedDetail>;
  }
}
