import type { Controller, ControllerHost } from './updating-element.js';
import type { PublishedConfig } from '@comptoir/sdk/schemas';
import { listenForCartEvents } from '../cart/store.js';
import { state, subscribe } from './state.js';
import { readStorage } from './storage.js';

/**
 * The shop's config for one element: its own `config` property, else the shared one. Re-renders
 * the host whenever the shared config or cart changes, and corrects the client clock with the
 * server's `now` of whichever config is in use.
 */
export class ConfigController implements Controller {
  #unsubscribe?: () => void;
  #skewOf?: PublishedConfig;
  #ownSkew = 0;

  readonly #host: ControllerHost & { config?: PublishedConfig };

  constructor(host: ControllerHost & { config?: PublishedConfig }) {
    this.#host = host;
    host.addController(this);
  }

  /** The config in use: the host's `config` property, else the shared one. */
  get value(): PublishedConfig | undefined {
    return this.#host.config ?? state.config;
  }

  /** The current instant, corrected with the server's clock. */
  now(): Date {
    this.#measureSkew();
    return new Date(Date.now() + (this.#host.config ? this.#ownSkew : state.skew));
  }

  hostConnected(): void {
    // Any element on the page starts listening for `comptoir:cart`, so no cart is missed.
    listenForCartEvents();
    this.#unsubscribe = subscribe(() => this.#host.requestUpdate());
    // A browser that saved a cart keeps it up to date from every page with an element (the
    // module starts itself; loaded only in such a browser).
    if (readStorage(`comptoir:captured:${state.api?.shop}`))
      void import('../cart/sync.js').catch(() => undefined);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  hostUpdate(): void {
    this.#measureSkew();
  }

  /** Measures the skew once per `config` object, when an update (or `now()`) first sees it. */
  #measureSkew(): void {
    const own = this.#host.config;
    if (own && own !== this.#skewOf) {
      this.#skewOf = own;
      const serverNow = Date.parse(own.now);
      this.#ownSkew = Number.isFinite(serverNow) ? serverNow - Date.now() : 0;
    }
  }
}
