import { computePosition, flip, offset, shift } from '@floating-ui/dom';

/**
 * Keeps `floating` anchored below `anchor` (flipping and shifting to stay in view) while the page
 * scrolls, resizes or reflows; returns the cleanup. Listeners and one ResizeObserver (anchor,
 * popover and page) instead of floating-ui's `autoUpdate` keep about 0.6 KB gzip off the page.
 */
export function anchorTo(anchor: Element, floating: HTMLElement): () => void {
  const update = () =>
    void computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-end',
      middleware: [offset(8), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  const options = { capture: true, passive: true };
  const resized = new ResizeObserver(update);
  for (const element of [anchor, floating, document.body]) resized.observe(element);
  addEventListener('scroll', update, options);
  addEventListener('resize', update, options);
  update();
  return () => {
    resized.disconnect();
    removeEventListener('scroll', update, options);
    removeEventListener('resize', update, options);
  };
}
