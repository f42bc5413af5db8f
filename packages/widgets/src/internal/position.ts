import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** Keeps `floating` anchored below `anchor` (flipping and shifting to stay in view); returns the cleanup. */
export function anchorTo(anchor: Element, floating: HTMLElement): () => void {
  return autoUpdate(anchor, floating, () => {
    void computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-end',
      middleware: [offset(8), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  });
}
