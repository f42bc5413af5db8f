import { ComptoirAbsenceBanner } from './absence-banner.component.js';

export * from './absence-banner.component.js';
export default ComptoirAbsenceBanner;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-absence-banner')) {
  customElements.define('comptoir-absence-banner', ComptoirAbsenceBanner);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-absence-banner': ComptoirAbsenceBanner;
  }
}
