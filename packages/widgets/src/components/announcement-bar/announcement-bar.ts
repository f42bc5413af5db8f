import { ComptoirAnnouncementBar } from './announcement-bar.component.js';

export * from './announcement-bar.component.js';
export default ComptoirAnnouncementBar;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-announcement-bar')) {
  customElements.define('comptoir-announcement-bar', ComptoirAnnouncementBar);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-announcement-bar': ComptoirAnnouncementBar;
  }
}
