import { isEmail } from '../../internal/consent.js';
import type { CaptureMode } from '@comptoir/sdk/schemas';
import type { ComptoirElement } from '../../internal/comptoir-element.js';

/** What the triggers need of the capture element (declared here: the element imports this file). */
export interface TriggerHost {
  readonly currentMode: CaptureMode;
  readonly emailFieldSelector: string | undefined;
  guard: ComptoirElement['guard'];
  show(): void;
  offerFor(field: HTMLInputElement, email: string): void;
}

/** How far up (a share of the viewport's height) a quick scroll must go to read as leaving. */
const SCROLL_UP_SHARE = 0.3;
const SCROLL_UP_MS = 1000;

/**
 * The page listeners that open the capture: exit intent (the mouse leaving the window on a
 * desktop; on a phone, which has no mouse, a quick scroll back up towards the address bar and the
 * back button, or coming back to the tab after switching away) and an address typed in the shop's
 * own email fields (`capture.emailFieldSelector`). Returns the cleanup.
 */
export function watchTriggers(host: TriggerHost): () => void {
  let peak = { y: 0, at: 0 };
  let leftPage = false;
  const leaving = () => host.currentMode === 'exit-intent';
  const onMouseOut = host.guard((event: MouseEvent) => {
    if (!event.relatedTarget && event.clientY <= 0 && leaving()) host.show();
  });
  const onScroll = host.guard(() => {
    const y = scrollY;
    const now = performance.now();
    if (y >= peak.y || now - peak.at > SCROLL_UP_MS) peak = { y, at: now };
    else if (peak.y - y >= innerHeight * SCROLL_UP_SHARE && leaving()) host.show();
  });
  const onVisibility = host.guard(() => {
    if (document.visibilityState === 'hidden') leftPage = true;
    else if (leftPage && leaving()) host.show();
  });
  const onChange = host.guard((event: Event) => {
    const selector = host.emailFieldSelector;
    const field = event.composedPath()[0];
    if (!selector || !(field instanceof HTMLInputElement) || !field.matches(selector)) return;
    const email = field.value.trim();
    if (isEmail(email)) host.offerFor(field, email);
  });
  document.addEventListener('mouseout', onMouseOut);
  addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('change', onChange, true);
  return () => {
    document.removeEventListener('mouseout', onMouseOut);
    removeEventListener('scroll', onScroll);
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('change', onChange, true);
  };
}
