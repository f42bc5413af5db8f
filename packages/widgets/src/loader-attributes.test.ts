import { expect } from '@open-wc/testing';
import { ELEMENT_ATTRIBUTES, type Placement } from '@comptoir/sdk/schemas';
import { elementModules } from './elements.js';
import { applyPlacements } from './placements.js';
import { captureWarnings, resetState } from './testing/fixtures.js';

declare global {
  interface Window {
    comptoirHandlerRan?: string;
  }
}

/** A published config's placement as a hostile save would make it (the server refuses it now). */
function hostilePlacement(selector: string): Placement {
  return {
    element: 'comptoir-shipping-cutoff',
    selector,
    position: 'append',
    attributes: {
      tabindex: '0',
      autofocus: '',
      onfocus: "window.comptoirHandlerRan = 'focus'",
      onerror: "window.comptoirHandlerRan = 'error'",
      onclick: "window.comptoirHandlerRan = 'click'",
      method: 'express',
    },
  };
}

describe('placement attributes in the loader', () => {
  beforeEach(() => {
    resetState();
    delete window.comptoirHandlerRan;
  });

  it('sets only the documented attributes: no handler runs, one warning', async () => {
    const page = document.createElement('div');
    page.id = 'hostile-target';
    document.body.append(page);
    const warnings = captureWarnings();
    try {
      applyPlacements([hostilePlacement('#hostile-target')]);
      const placed = page.querySelector('comptoir-shipping-cutoff')!;
      expect(placed).to.exist;
      // What the page would do to the element: focus it, an error on it, a click.
      (placed as HTMLElement).focus();
      for (const type of ['focus', 'error', 'click']) placed.dispatchEvent(new Event(type));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(window.comptoirHandlerRan).to.equal(undefined);
      expect(placed.getAttribute('method')).to.equal('express');
      for (const name of ['tabindex', 'autofocus', 'onfocus', 'onerror', 'onclick'])
        expect(placed.hasAttribute(name), name).to.equal(false);
      expect(warnings.calls.length).to.equal(1);
      expect(String(warnings.calls[0]?.[0])).to.contain('onfocus');
    } finally {
      warnings.restore();
      page.remove();
    }
  });

  it('places no element of an unknown tag', () => {
    const page = document.createElement('div');
    page.id = 'unknown-target';
    document.body.append(page);
    const warnings = captureWarnings();
    try {
      applyPlacements([
        { element: 'img' as never, selector: '#unknown-target', position: 'append' },
        { element: 'constructor' as never, selector: '#unknown-target', position: 'append' },
      ]);
      expect(page.children.length).to.equal(0);
      expect(warnings.calls.length).to.equal(2);
    } finally {
      warnings.restore();
      page.remove();
    }
  });

  it("lists exactly each element's observed attributes (its reactive properties) and lang", async () => {
    for (const [tag, load] of Object.entries(elementModules)) {
      await load();
      const observed = [
        ...((customElements.get(tag) as unknown as { observedAttributes: string[] })
          .observedAttributes ?? []),
      ];
      const listed = [...(ELEMENT_ATTRIBUTES as Record<string, readonly string[]>)[tag]!];
      expect(observed.filter((name) => name !== 'lang').sort(), tag).to.deep.equal(listed.sort());
    }
  });
});
