import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { setCart } from './cart/store.js';
import type { ComptoirFreeShipping } from './components/free-shipping/free-shipping.js';
import { FreeShipping } from './react.js';
import { makeCart, makeConfig, resetState, shadowText } from './testing/fixtures.js';

describe('React wrappers', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    resetState();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('renders FreeShipping with a config prop and fires onThresholdReached', async () => {
    const reached: unknown[] = [];
    setCart(makeCart(3750));
    flushSync(() =>
      root.render(
        createElement(FreeShipping, {
          config: makeConfig(),
          lang: 'en',
          onThresholdReached: (event) => reached.push(event.detail.rule),
        }),
      ),
    );
    const el = container.querySelector('comptoir-free-shipping') as ComptoirFreeShipping;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Add €12.50 for free shipping');
    setCart(makeCart(6000));
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Free shipping unlocked');
    expect(reached).to.deep.equal([{ threshold: 5000, currency: 'EUR' }]);
  });
});
