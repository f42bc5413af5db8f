import { ComptoirFreeShipping } from './free-shipping.component.js';

export * from './free-shipping.component.js';
export default ComptoirFreeShipping;

if (!customElements.get('comptoir-free-shipping')) {
  customElements.define('comptoir-free-shipping', ComptoirFreeShipping);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-free-shipping': ComptoirFreeShipping;
  }
}
