import { ComptoirHolidayDeadline } from './holiday-deadline.component.js';

export * from './holiday-deadline.component.js';
export default ComptoirHolidayDeadline;

// (Outside a browser, server-side rendering the React wrappers, there is no registry.)
if (globalThis.customElements && !customElements.get('comptoir-holiday-deadline')) {
  customElements.define('comptoir-holiday-deadline', ComptoirHolidayDeadline);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-holiday-deadline': ComptoirHolidayDeadline;
  }
}
