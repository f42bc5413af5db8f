import { ComptoirFaq } from './faq.component.js';

export * from './faq.component.js';
export default ComptoirFaq;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-faq')) {
  customElements.define('comptoir-faq', ComptoirFaq);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-faq': ComptoirFaq;
  }
}
