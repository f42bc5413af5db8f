import { ComptoirFreeShipping } from './free-shipping.component.js';

export * from './free-shipping.component.js';
export default ComptoirFreeShipping;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-free-shipping')) {
  customElements.define('comptoir-free-shipping', ComptoirFreeShipping);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-free-shipping': ComptoirFreeShipping;
  }
}
