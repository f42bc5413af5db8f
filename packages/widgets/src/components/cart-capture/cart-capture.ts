import { ComptoirCartCapture } from './cart-capture.component.js';

export * from './cart-capture.component.js';
export default ComptoirCartCapture;

if (!customElements.get('comptoir-cart-capture')) {
  customElements.define('comptoir-cart-capture', ComptoirCartCapture);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-cart-capture': ComptoirCartCapture;
  }
}
