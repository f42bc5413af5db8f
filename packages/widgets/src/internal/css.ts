/**
 * Style sheets for the elements' shadow roots. `css`` ` takes no interpolations (nothing typed by a
 * shopper or a merchant can reach a style sheet through it; themes go through custom properties),
 * and the sheet is built once, when an element first needs it, so importing an element outside a
 * browser (server-side rendering of the React wrappers) builds nothing.
 */
export class Styles {
  #sheet?: CSSStyleSheet;

  constructor(readonly cssText: string) {}

  /** The one constructable sheet every shadow root using these styles adopts. */
  get sheet(): CSSStyleSheet {
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      this.#sheet.replaceSync(this.cssText);
    }
    return this.#sheet;
  }
}

/** What `static styles` holds: styles, or lists of them (nested as the element classes inherit). */
export type StyleGroup = Styles | readonly StyleGroup[];

export function css(strings: TemplateStringsArray): Styles {
  return new Styles(strings.join(''));
}

/**
 * The sheets of a group in cascade order; styles listed twice (a base's, through two parents)
 * keep their last place, as the cascade would.
 */
export function sheetsOf(group: StyleGroup): CSSStyleSheet[] {
  const flat = [group].flat(Infinity as 1) as Styles[];
  return [...new Set(flat.reverse())].reverse().map((styles) => styles.sheet);
}
