import { ELEMENT_ATTRIBUTES, isPlacementAttribute, type Placement } from '@comptoir/sdk/schemas';
import { warnOnce } from './internal/state.js';

// Placing elements by CSS selector, for a shop that cannot edit its theme: the loader imports
// this only when the config has placements.

const MAX_PLACEMENT_PASSES = 20;
let placementPasses = 0;

/**
 * Inserts the configured elements by CSS selector, once each; called again when the theme
 * re-renders and removes them, at most `MAX_PLACEMENT_PASSES` times a page. True when it inserted
 * one (the caller then loads their code).
 */
export function applyPlacements(placements: readonly Placement[]): boolean {
  if (placementPasses >= MAX_PLACEMENT_PASSES) return false;
  let inserted = false;
  placements.forEach((placement, index) => {
    try {
      if (document.querySelector(`[data-comptoir-placement="${index}"]`)) return;
      // The server refuses these too; the loader checks again because what it sets runs in the
      // shop's page (an `onfocus` attribute is script).
      if (!Object.hasOwn(ELEMENT_ATTRIBUTES, placement.element))
        return warnOnce(`placement-${index}`, `placement ${index}: unknown element`);
      const target = document.querySelector(placement.selector);
      if (!target) return;
      const element = document.createElement(placement.element);
      element.dataset.comptoirPlacement = String(index);
      const refused: string[] = [];
      for (const [name, value] of Object.entries(placement.attributes ?? {})) {
        if (isPlacementAttribute(placement.element, name)) element.setAttribute(name, value);
        else refused.push(name);
      }
      if (refused.length > 0)
        warnOnce(
          `placement-${index}-attributes`,
          `placement ${index}: ${placement.element} takes no attribute ${refused.join(', ')}; not set`,
        );
      target[placement.position](element);
      inserted = true;
    } catch (error) {
      warnOnce(`placement-${index}`, `placement ${index} (${placement.selector}) failed`, error);
    }
  });
  if (inserted) placementPasses++;
  return inserted;
}
