import { ComptoirAbsenceBanner } from './absence-banner.component.js';

export * from './absence-banner.component.js';
export default ComptoirAbsenceBanner;

if (!customElements.get('comptoir-absence-banner')) {
  customElements.define('comptoir-absence-banner', ComptoirAbsenceBanner);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-absence-banner': ComptoirAbsenceBanner;
  }
}
