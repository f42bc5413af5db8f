import type { Controller, ControllerHost } from './updating-element.js';

/**
 * Re-renders its host once a minute, on the minute (of the corrected clock), and runs no timer
 * while the document is hidden or the host is disconnected.
 */
export class ClockController implements Controller {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onVisibility = () => {
    if (!document.hidden) this.#host.requestUpdate();
    this.#schedule();
  };

  readonly #host: ControllerHost & { now(): Date };

  constructor(host: ControllerHost & { now(): Date }) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#schedule();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stop();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    this.#stop();
    if (document.hidden) return;
    const delay = 60_000 - (this.#host.now().getTime() % 60_000) + 50;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#host.requestUpdate();
      this.#schedule();
    }, delay);
  }
}
