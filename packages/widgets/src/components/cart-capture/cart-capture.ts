import { ComptoirCartCapture } from './cart-capture.component.js';

export * from './cart-capture.component.js';
export default ComptoirCartCapture;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-cart-capture')) {
  customElements.define('comptoir-cart-capture', ComptoirCartCapture);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-cart-capture': ComptoirCartCapture;
  }
}
