import { html, nothing } from 'lit/html.js';
import type { CaptureMode, CaptureSettings } from '@comptoir/sdk/schemas';
import { sendJson } from '../../internal/api.js';
import { ComptoirElement, nextFocusable } from '../../internal/comptoir-element.js';
import {
  consentFields,
  consentStyles,
  focusInvalidField,
  readConsentForm,
  type FormError,
} from '../../internal/consent.js';
import { capturedCart, rememberCapture } from '../../cart/capture-memory.js';
import { readStorage, writeStorage } from '../../internal/storage.js';
import styles from './cart-capture.styles.js';

/** `detail` of `comptoir-cart-captured`. */
export interface CartCapturedDetail {
  cartId: string;
}

interface CaptureMemory {
  dismissedAt?: number;
}

const MEMORY_KEY = 'comptoir:capture';
const DAY = 86_400_000;
const MODES = ['inline', 'popover', 'exit-intent'];

/**
 * Email capture tied to the cart, with an explicit, unticked consent box whose text and privacy
 * link come from the config. Inline, as a popover anchored to an element (`@floating-ui/dom`)
 * after `delaySeconds`, or as a modal dialog on exit intent (focus trapped, Escape closes, focus
 * returns). Exit intent is the mouse leaving the window on a desktop, and on a phone a quick
 * scroll back up or coming back to the tab (`capture-triggers.ts`, loaded only when used). With `capture.emailFieldSelector`, an address typed in
 * the shop's own email field (checkout, account) is offered for saving, next to that field.
 * Once dismissed it stays hidden for `dismissDays`; once captured, it stays hidden for that cart
 * only, whose later changes are sent to the server (`cart/sync.ts`); a new cart is offered again.
 *
 * @summary Save-your-cart email capture with consent.
 *
 * @event comptoir-cart-captured - The cart and email were saved. `detail: { cartId }`.
 * @event comptoir-capture-dismissed - The shopper dismissed the capture. `detail: null`.
 *
 * @csspart base - The wrapper (section, popover or dialog).
 * @csspart title - The title.
 * @csspart form - The form.
 * @csspart submit - The submit button.
 * @csspart dismiss - The "No thanks" and close buttons.
 *
 * @cssproperty --comptoir-accent-color - Accent colour (buttons).
 * @cssproperty --comptoir-background-color - Background of the inline form.
 * @cssproperty --comptoir-popover-background-color - Background of the popover and dialog. Defaults to Canvas.
 * @cssproperty --comptoir-backdrop-color - The dialog's backdrop.
 * @cssproperty --comptoir-capture-max-width - Maximum width. Defaults to 28rem.
 * @cssproperty --comptoir-z-index - Stacking of the popover. Defaults to 1000.
 * @cssproperty --comptoir-error-color - Colour of form errors.
 */
export class ComptoirCartCapture extends ComptoirElement {
  static override styles = [ComptoirElement.styles, consentStyles, styles];

  static override properties = {
    mode: {},
    anchor: {},
    open: { type: Boolean, reflect: true },
    status: { state: true },
    error: { state: true },
    prefill: { state: true },
  };

  /** `inline`, `popover` or `exit-intent`; defaults to the config's `capture.mode`. */
  declare mode?: CaptureMode;
  /** CSS selector of the popover's anchor; defaults to the config's `capture.anchorSelector`. */
  declare anchor?: string;
  /** Whether a popover or dialog is showing (inline is always shown). */
  declare open: boolean;
  declare private status: 'idle' | 'sending' | 'done' | 'dismissed';
  /** What the form refuses, shown beside its field (`consentFields` clears it once put right). */
  declare error: FormError | undefined;
  /** An address the shopper typed in the shop's own email field. */
  declare private prefill: string;

  #delayTimer: ReturnType<typeof setTimeout> | undefined;
  #stopAutoUpdate: (() => void) | undefined;
  #returnFocus: HTMLElement | null = null;
  #shownOnce = false;
  /** The shop's email field the popover points at, when the capture was offered from there. */
  #fieldAnchor: Element | null = null;
  #triggersRequested = false;
  #stopTriggers: (() => void) | undefined;
  constructor() {
    super();
    this.open = false;
    this.status = 'idle';
    this.error = undefined;
    this.prefill = '';
  }

  #settings(): CaptureSettings | undefined {
    return this.shopConfig?.capture;
  }

  #effectiveMode(): CaptureMode {
    return this.mode ?? this.#settings()?.mode ?? 'inline';
  }

  /** Whether frequency capping hides the capture now: this cart is saved, or it was dismissed. */
  #capped(): boolean {
    if (capturedCart()) return true;
    const memory = readStorage<CaptureMemory>(MEMORY_KEY) ?? {};
    const days = this.#settings()?.dismissDays ?? 0;
    return memory.dismissedAt !== undefined && Date.now() < memory.dismissedAt + days * DAY;
  }

  #eligible(): boolean {
    const settings = this.#settings();
    const cart = this.cart;
    return (
      !!settings?.enabled &&
      !!cart &&
      cart.items.length > 0 &&
      this.status !== 'dismissed' &&
      !this.#capped()
    );
  }

  /** Opens the popover or the dialog now (for exit-intent and popover modes). */
  show(): void {
    try {
      if (this.open || this.#shownOnce || !this.#eligible() || this.#effectiveMode() === 'inline')
        return;
      this.#shownOnce = true;
      this.#returnFocus = deepActiveElement();
      this.open = true;
    } catch (error) {
      this.fail('show-failed', String(error), error);
    }
  }

  /** Closes the popover or dialog and remembers the dismissal for `dismissDays`. */
  dismiss(): void {
    const memory = readStorage<CaptureMemory>(MEMORY_KEY) ?? {};
    writeStorage(MEMORY_KEY, { ...memory, dismissedAt: Date.now() });
    // Inline, the focused button goes with the form: focus moves on to what follows it, as the
    // banner's does (a popover's returns where it was), not to the page's <body>.
    if (!this.open) nextFocusable(this)?.focus();
    this.status = 'dismissed';
    this.#close();
    this.emit('comptoir-capture-dismissed', null);
  }

  #close(): void {
    this.open = false;
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = undefined;
    this.renderRoot.querySelector('dialog')?.close();
    this.#returnFocus?.focus?.();
    this.#returnFocus = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A cart saved on an earlier page keeps following the shopper's changes from this one.
    if (capturedCart()) followCart();
    void this.updateComplete.then(() => this.#scheduleDelay());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTriggers?.();
    this.#stopTriggers = undefined;
    this.#triggersRequested = false;
    clearTimeout(this.#delayTimer);
    this.#stopAutoUpdate?.();
  }

  #scheduleDelay(): void {
    if (this.#effectiveMode() !== 'popover' || this.#delayTimer) return;
    this.#delayTimer = setTimeout(() => this.show(), (this.#settings()?.delaySeconds ?? 0) * 1000);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const cart = this.cart;
    if (!cart) return;
    const read = readConsentForm(event.target as HTMLFormElement);
    if ('error' in read) {
      this.error = { field: read.field, message: this.localize.t(read.error) };
      await focusInvalidField(this, this.error);
      return;
    }
    this.error = undefined;
    this.status = 'sending';
    const body = {
      cart,
      email: read.email,
      consent: { granted: true, text: read.consentText },
      locale: this.localize.locale,
    };
    try {
      const answer = await sendJson<{ id: string }>('POST', '/carts', body);
      rememberCapture(answer.id, cart);
      followCart();
      this.status = 'done';
      // The popover or dialog goes (its form is done) and focus returns where it was; inline, the
      // form gives way to the confirmation, which takes the focus its button had.
      if (this.open) this.#close();
      else {
        await this.updateComplete;
        this.shadowRoot?.querySelector<HTMLElement>('p')?.focus();
      }
      this.emit<CartCapturedDetail>('comptoir-cart-captured', { cartId: answer.id });
    } catch {
      this.status = 'idle';
      this.error = { field: 'form', message: this.localize.t('errorNetwork') };
    }
  }

  /**
   * Offers the capture for an address typed in the shop's own email field: prefilled, and in a
   * popover next to that field (inline mode: in the form). Called by the email-field trigger.
   */
  offerFor(field: HTMLInputElement, email: string): void {
    if (!this.#eligible()) return;
    this.prefill = email;
    if (this.#effectiveMode() === 'inline') return;
    this.#fieldAnchor = field;
    this.#shownOnce = false;
    this.show();
  }

  /** The mode in use, for the triggers. */
  get currentMode(): CaptureMode {
    return this.#effectiveMode();
  }

  /** The shop's email-field selector, for the triggers. */
  get emailFieldSelector(): string | undefined {
    return this.#settings()?.emailFieldSelector;
  }

  // Exit intent and the shop's email fields need listeners on the page: their code loads only
  // for a capture that uses one of them.
  #watchTriggers(): void {
    if (this.#triggersRequested || !this.isConnected) return;
    if (this.#effectiveMode() !== 'exit-intent' && !this.#settings()?.emailFieldSelector) return;
    this.#triggersRequested = true;
    void import('./capture-triggers.js').then(({ watchTriggers }) => {
      if (this.#triggersRequested) this.#stopTriggers = watchTriggers(this);
    });
  }

  protected override updated(): void {
    super.updated();
    this.#watchTriggers();
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLInputElement>('input[type=email]')?.focus();
    }
    const popover = this.renderRoot.querySelector<HTMLElement>('.popover');
    if (popover && this.open && !this.#stopAutoUpdate) {
      const selector = this.anchor ?? this.#settings()?.anchorSelector;
      const anchorElement =
        this.#fieldAnchor ?? (selector ? document.querySelector(selector) : null);
      if (anchorElement) {
        // @floating-ui/dom loads only when a popover actually opens.
        this.#stopAutoUpdate = () => undefined;
        void import('../../internal/position.js').then(({ anchorTo }) => {
          if (this.open) this.#stopAutoUpdate = anchorTo(anchorElement, popover);
        });
      } else {
        popover.style.cssText = 'inset: auto 0.5rem 0.5rem auto;';
      }
      popover.querySelector<HTMLInputElement>('input[type=email]')?.focus();
    }
  }

  protected override renderWidget() {
    const settings = this.#settings();
    if (!settings) return nothing;
    const consentText = this.localize.text(settings.consentText);
    if (typeof consentText !== 'string' || !consentText) {
      return this.fail('bad-config', 'config.capture.consentText is missing');
    }
    const mode = this.#effectiveMode();
    if (!MODES.includes(mode))
      return this.fail('bad-attribute', 'mode must be inline, popover or exit-intent');
    if (this.status === 'done') {
      return html`<p part="base" class="base" role="status" tabindex="-1">
        ${this.localize.t('captureDone')}
      </p>`;
    }
    if (!this.#eligible()) return nothing;
    const content = html`<div class="header">
        <h2 part="title" id="capture-title">${this.localize.t('captureTitle')}</h2>
        ${
          mode === 'inline'
            ? nothing
            : html`<button
                part="dismiss"
                class="close"
                type="button"
                aria-label=${this.localize.t('close')}
                @click=${this.guard(() => this.dismiss())}
              >
                <span aria-hidden="true">×</span>
              </button>`
        }
      </div>
      <p>${this.localize.t('captureIntro')}</p>
      <form
        part="form"
        novalidate
        @submit=${this.guard((event: SubmitEvent) => this.#submit(event))}
      >
        ${consentFields(this, 'capture', settings.consentText, settings.privacyUrl, this.prefill)}
        <div class="actions">
          <button part="submit" class="button" type="submit" ?disabled=${this.status === 'sending'}>
            ${this.localize.t('captureSubmit')}
          </button>
          <button
            part="dismiss"
            class="button secondary"
            type="button"
            @click=${this.guard(() => this.dismiss())}
          >
            ${this.localize.t('captureNoThanks')}
          </button>
        </div>
      </form>`;
    if (mode === 'inline') {
      return html`<section part="base" class="base" aria-labelledby="capture-title">
        ${content}
      </section>`;
    }
    if (!this.open) return nothing;
    if (mode === 'popover') {
      return html`<div
        part="base"
        class="base popover"
        role="dialog"
        aria-labelledby="capture-title"
        @keydown=${this.guard((event: KeyboardEvent) => event.key === 'Escape' && this.dismiss())}
      >
        ${content}
      </div>`;
    }
    return html`<dialog
      part="base"
      class="base"
      aria-labelledby="capture-title"
      @cancel=${this.guard((event: Event) => {
        event.preventDefault();
        this.dismiss();
      })}
    >
      ${content}
    </dialog>`;
  }
}

/** Starts sending the saved cart's later changes (loaded on demand: only after a capture). */
function followCart(): void {
  void import('../../cart/sync.js')
    .then(({ startCartSync }) => startCartSync())
    .catch(() => undefined);
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comptoir-cart-captured': CustomEvent<CartCapturedDetail>;
    'comptoir-capture-dismissed': CustomEvent<null>;
  }
}
