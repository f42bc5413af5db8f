import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The page's bars, the custom property on the root that holds each one's height, and its edge. */
const BARS = [
  ['.top-bar', '--top-bar-height', 'top'],
  ['.save-bar', '--save-bar-height', 'bottom'],
] as const;

/** Observed beside the bars: a change in its size can move the focused control under one. */
const CONTENT = '#main';

/**
 * Keeps the control the focus lands on clear of the sticky top bar and the fixed save bar (WCAG
 * 2.2 SC 2.4.11, Focus Not Obscured).
 *
 * It keeps `--top-bar-height` and `--save-bar-height` on the page's root at the bars' real heights
 * (0 when a bar is not shown): the bars wrap (at 390 px the save bar takes two or three rows,
 * 106–124 px, against 61 px on a desktop; the top bar is taller in French) and grow with the
 * browser's text size. admin.css derives the page's scroll padding and the content's bottom padding
 * from them, so the browser scrolls a control it focuses clear of both bars and the last fields can
 * scroll above the save bar.
 *
 * What the scroll padding leaves under a bar, it scrolls clear, the whole control:
 * - Chromium scrolls only the caret of a text field into view, or the part of a date field focused
 *   (its year, by Shift+Tab): a textarea or a date field could stay partly under a bar;
 * - a bar that grows (in French at 390 px the save bar takes a third row once there are changes),
 *   or content above that grows (the error summary gains a line as the merchant types), can bring
 *   the field being typed in under a bar.
 * Only a focus not made by the pointer (Tab, Shift+Tab, the page moving it) scrolls: scrolling
 * under the pointer would move the control away before the button is released. And a control the
 * merchant scrolled under a bar themselves is left there.
 */
export class BarsController implements ReactiveController {
  private readonly observer = new ResizeObserver(() => this.resized());
  private observed: Element[] = [];
  private pointing = false;
  /** The bars' heights last measured, to tell a bar's change from the content's. */
  private heights = '';
  /** The focused control and its place in the page (not in the view: scrolling leaves it). */
  private focused: { control: HTMLElement; top: number } | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.onFocusIn);
    document.addEventListener('pointerdown', this.onPointer, true);
    document.addEventListener('mousedown', this.onPointer, true);
    document.addEventListener('click', this.onClick, true);
    document.addEventListener('keydown', this.onKey, true);
  }

  /** After each render: the bars may have been added, removed or replaced. */
  hostUpdated(): void {
    const elements = [...BARS.map(([selector]) => selector), CONTENT]
      .map((selector) => this.host.querySelector(selector))
      .filter((element): element is Element => element !== null);
    if (
      elements.length === this.observed.length &&
      elements.every((element, i) => element === this.observed[i])
    )
      return;
    this.observer.disconnect();
    for (const element of elements) this.observer.observe(element, { box: 'border-box' });
    this.observed = elements;
    this.resized();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = [];
    this.host.removeEventListener('focusin', this.onFocusIn);
    document.removeEventListener('pointerdown', this.onPointer, true);
    document.removeEventListener('mousedown', this.onPointer, true);
    document.removeEventListener('click', this.onClick, true);
    document.removeEventListener('keydown', this.onKey, true);
  }

  private resized(): void {
    const root = document.documentElement.style;
    const heights = BARS.map(([selector, property, edge]) => {
      const height = shownHeight(this.host.querySelector(selector), edge);
      root.setProperty(property, `${height}px`);
      return height;
    }).join(' ');
    const barsChanged = heights !== this.heights;
    this.heights = heights;
    const control = this.focused?.control;
    if (!control || control !== document.activeElement) return;
    const moved = pageTop(control) !== this.focused?.top;
    if (barsChanged || moved) this.reveal(control, false);
  }

  /**
   * Scrolls the whole of `control` into view, within the scroll padding, if a bar covers part of
   * it, or (`outOfView`) if part of it is out of view.
   */
  private reveal(control: HTMLElement, outOfView: boolean): void {
    if (!this.pointing && !control.closest('.top-bar, .save-bar')) {
      const box = control.getBoundingClientRect();
      const under = (selector: string) => {
        const bar = this.host.querySelector(selector)?.getBoundingClientRect();
        return (
          bar !== undefined &&
          box.left < bar.right &&
          box.right > bar.left &&
          box.top < bar.bottom &&
          box.bottom > bar.top
        );
      };
      const out = outOfView && (box.top < 0 || box.bottom > window.innerHeight);
      if (under('.top-bar') || under('.save-bar') || out)
        control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    this.focused = { control, top: pageTop(control) };
  }

  private readonly onPointer = () => {
    this.pointing = true;
  };

  /** A click's focus (a label's control) comes during the click: the pointer ends after it. */
  private readonly onClick = () => {
    setTimeout(() => (this.pointing = false));
  };

  private readonly onKey = () => {
    this.pointing = false;
  };

  /** A control out of view counts too: the browser would bring in only its caret. */
  private readonly onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) this.reveal(event.target, true);
  };
}

/**
 * How much of the view `bar`, along its `edge` of the view, covers; 0 if it is not shown. Not its
 * box's height: the box reaches past the edge of the view (admin.css, `--bar-overhang`).
 */
function shownHeight(bar: Element | null, edge: 'top' | 'bottom'): number {
  if (!bar) return 0;
  const box = bar.getBoundingClientRect();
  const covered = edge === 'top' ? box.bottom : document.documentElement.clientHeight - box.top;
  return Math.max(0, covered);
}

/** Where `element` starts in the page, whatever its scroll. */
function pageTop(element: Element): number {
  return element.getBoundingClientRect().top + window.scrollY;
}
