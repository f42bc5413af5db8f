import { ComptoirShippingCutoff } from './shipping-cutoff.component.js';

export * from './shipping-cutoff.component.js';
export default ComptoirShippingCutoff;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-shipping-cutoff')) {
  customElements.define('comptoir-shipping-cutoff', ComptoirShippingCutoff);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-shipping-cutoff': ComptoirShippingCutoff;
  }
}
