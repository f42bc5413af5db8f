import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart } from '@comptoir/sdk/schemas';
import { listenForCartEvents } from '../cart/store.js';
import { state, subscribe } from './state.js';

/**
 * The shared cart for one element: listens for `comptoir:cart` on the document and re-renders the
 * host when the cart changes (`setCart`, the event, or an adapter).
 */
export class CartController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The current cart, or `null` before one is known. */
  get value(): Cart | null {
    return state.cart;
  }

  hostConnected(): void {
    listenForCartEvents();
    this.unsubscribe = subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}
