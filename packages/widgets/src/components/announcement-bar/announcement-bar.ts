import { ComptoirAnnouncementBar } from './announcement-bar.component.js';

export * from './announcement-bar.component.js';
export default ComptoirAnnouncementBar;

if (!customElements.get('comptoir-announcement-bar')) {
  customElements.define('comptoir-announcement-bar', ComptoirAnnouncementBar);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-announcement-bar': ComptoirAnnouncementBar;
  }
}
