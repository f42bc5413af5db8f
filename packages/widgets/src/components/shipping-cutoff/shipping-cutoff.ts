import { ComptoirShippingCutoff } from './shipping-cutoff.component.js';

export * from './shipping-cutoff.component.js';
export default ComptoirShippingCutoff;

if (!customElements.get('comptoir-shipping-cutoff')) {
  customElements.define('comptoir-shipping-cutoff', ComptoirShippingCutoff);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-shipping-cutoff': ComptoirShippingCutoff;
  }
}
