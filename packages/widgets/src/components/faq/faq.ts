import { ComptoirFaq } from './faq.component.js';

export * from './faq.component.js';
export default ComptoirFaq;

if (!customElements.get('comptoir-faq')) {
  customElements.define('comptoir-faq', ComptoirFaq);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-faq': ComptoirFaq;
  }
}
