import { ComptoirHolidayDeadline } from './holiday-deadline.component.js';

export * from './holiday-deadline.component.js';
export default ComptoirHolidayDeadline;

if (!customElements.get('comptoir-holiday-deadline')) {
  customElements.define('comptoir-holiday-deadline', ComptoirHolidayDeadline);
}

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-holiday-deadline': ComptoirHolidayDeadline;
  }
}
