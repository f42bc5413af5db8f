import type { AbsenceCartButtons } from '@comptoir/sdk/schemas';
import { warnOnce } from '../../internal/state.js';

const STYLE_ID = 'comptoir-away-buttons';
const NOTICE = 'data-comptoir-away-notice';
const PAUSED = 'data-comptoir-away';

let applied: string | undefined;
let blockClicks: ((event: Event) => void) | undefined;

function clear(): void {
  document.getElementById(STYLE_ID)?.remove();
  for (const notice of document.querySelectorAll(`[${NOTICE}]`)) notice.remove();
  for (const button of document.querySelectorAll(`[${PAUSED}]`)) {
    button.removeAttribute(PAUSED);
    button.removeAttribute('aria-disabled');
    if (button.getAttribute('aria-describedby')?.startsWith('comptoir-away-'))
      button.removeAttribute('aria-describedby');
  }
  if (blockClicks) {
    document.removeEventListener('click', blockClicks, true);
    document.removeEventListener('submit', blockClicks, true);
  }
  blockClicks = undefined;
  applied = undefined;
}

/**
 * Hides the shop's add-to-cart buttons, or keeps them with a notice beside them and ignores their
 * clicks, while an absence with `cartButtons` is active; `undefined` undoes it. A selector the
 * browser refuses is reported once and changes nothing; this never throws.
 */
export function applyCartButtons(
  settings: AbsenceCartButtons | undefined,
  noticeText: () => string,
): void {
  try {
    const wanted = settings ? `${settings.action} ${settings.selector}` : undefined;
    if (wanted === applied && settings?.action !== 'notice') return;
    if (wanted !== applied) clear();
    if (!settings) return;
    const buttons = document.querySelectorAll<HTMLElement>(settings.selector);
    applied = wanted;
    if (settings.action === 'hide') {
      // A style, not inline changes: buttons the theme adds later are hidden too.
      const style = document.createElement('style');
      style.id = STYLE_ID;
      style.textContent = `${settings.selector} { display: none !important; }`;
      document.head.append(style);
      return;
    }
    const text = noticeText();
    for (const button of buttons) {
      if (button.hasAttribute(PAUSED)) continue;
      button.setAttribute(PAUSED, '');
      button.setAttribute('aria-disabled', 'true');
      const notice = document.createElement('p');
      notice.setAttribute(NOTICE, '');
      notice.id = `comptoir-away-${Math.random().toString(36).slice(2, 8)}`;
      notice.textContent = text;
      button.setAttribute('aria-describedby', notice.id);
      button.after(notice);
    }
    // A click on a paused button, or a form holding one submitted with Enter, does nothing.
    blockClicks ??= (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      const paused =
        event.type === 'submit'
          ? target?.querySelector(`[${PAUSED}]`)
          : target?.closest(`[${PAUSED}]`);
      if (paused) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener('click', blockClicks, true);
    document.addEventListener('submit', blockClicks, true);
  } catch (error) {
    applied = undefined;
    warnOnce('bad-cart-buttons', 'absence cartButtons.selector is not a valid CSS selector', error);
  }
}
