import { describe, expect, it } from 'vitest';
import { ELEMENT_ATTRIBUTES, placementAttributesOf } from './element-attributes.js';
import { ELEMENT_TAGS, Placement } from './placement.js';

describe('Placement attributes', () => {
  it('refuses an event handler, naming the attribute', () => {
    const result = Placement.safeParse({
      element: 'comptoir-shipping-cutoff',
      selector: 'body',
      position: 'append',
      attributes: { tabindex: '0', autofocus: '', onfocus: 'alert(1)' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['attributes.tabindex', 'attributes.autofocus', 'attributes.onfocus']);
    expect(result.error?.issues[2]?.message).toContain('method, cutoff, time-zone, dispatch-days');
  });

  it.each(['onerror', 'onclick', 'style', 'id', 'class', 'slot', 'is', 'part', 'config'])(
    'refuses %s on every element',
    (name) => {
      for (const element of ELEMENT_TAGS) {
        const result = Placement.safeParse({
          element,
          selector: '#x',
          position: 'after',
          attributes: { [name]: 'x' },
        });
        expect(result.success, `${element} ${name}`).toBe(false);
      }
    },
  );

  it("accepts each element's documented attributes and lang", () => {
    for (const element of ELEMENT_TAGS) {
      const attributes = Object.fromEntries(placementAttributesOf(element).map((n) => [n, 'x']));
      expect(Placement.parse({ element, selector: '#x', position: 'after', attributes })).toEqual({
        element,
        selector: '#x',
        position: 'after',
        attributes,
      });
    }
  });

  it('lists attributes for every element tag', () => {
    expect(Object.keys(ELEMENT_ATTRIBUTES).sort()).toEqual([...ELEMENT_TAGS].sort());
  });
});
