/** Where remembered heights live in `localStorage`. */
export const HEIGHTS_KEY = 'comptoir:heights:v2';

/** Remembered heights: key (see `heightKey`) → px, in the order they were last written. */
export type Heights = Record<string, number>;

/**
 * Which instance this is on the page: the merchant's placement index for a placed element, else
 * its position among the elements of its tag ("the cutoff in the cart sidebar" and "the one on
 * the product" are two slots).
 */
function slotOf(element: HTMLElement): string {
  const placement = element.dataset.comptoirPlacement;
  if (placement !== undefined) return `p${placement}`;
  return String([...document.getElementsByTagName(element.localName)].indexOf(element));
}

/** `path|viewport width|tag|slot`: a widget is as tall as its page, width and place make it. */
export function heightKey(element: HTMLElement): string {
  return `${location.pathname}|${innerWidth}|${element.localName}|${slotOf(element)}`;
}
