/**
 * Keeps the keyboard's place when a Remove button (`.danger-link`) removes its own list item: the
 * browser would drop focus to <body>, and the next Tab start the page over. Focus goes to the
 * Remove button now in that place (the next item's), else the new last item's, else the first
 * button after the list (its "+ Add" button), else `fallback` (the section's title).
 * Listen with it for clicks on the section, in the capture phase (the button's own handler removes
 * the item from the page at once); it waits for `rendered` (the page's next render). The list is
 * found again by its place in the section, as a render may replace its elements.
 */
export function keepFocusOnRemove(
  event: Event,
  rendered: () => Promise<unknown>,
  fallback: () => HTMLElement | null,
): void {
  const section = event.currentTarget as HTMLElement;
  const button = (event.target as Element | null)?.closest<HTMLElement>('.danger-link');
  const item = button?.closest('li');
  const list = item?.parentElement;
  if (!button || !item || !list) return;
  const listAt = [...section.querySelectorAll(list.localName)].indexOf(list);
  const index = [...list.children].indexOf(item);
  // A frame first: the button's handler has not run yet.
  requestAnimationFrame(
    () =>
      void rendered().then(() => {
        // Removing an item that is not the last re-renders the next one into the same buttons.
        if (button.isConnected && document.activeElement === button) return;
        const now = section.querySelectorAll(list.localName)[listAt];
        const items = now?.children ?? [];
        const inPlace =
          items[Math.min(index, items.length - 1)]?.querySelector<HTMLElement>('.danger-link');
        const after = [...section.querySelectorAll<HTMLElement>('button')].find(
          (candidate) =>
            now &&
            now.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING &&
            !now.contains(candidate),
        );
        (inPlace ?? after ?? fallback())?.focus();
      }),
  );
}
