import { expect } from '@open-wc/testing';
import { HEIGHTS_KEY, heightKey } from './height-key.js';
import { reserveSpace } from './reserve.js';
import { state } from './state.js';
import { resetState } from '../testing/fixtures.js';

describe('reserveSpace (room kept for a widget before its code arrives)', () => {
  beforeEach(() => {
    resetState();
    localStorage.clear();
    state.api = { shop: 'shp_reserve', key: 'pk_test', apiUrl: location.origin };
  });
  afterEach(() => {
    document.body.replaceChildren();
    localStorage.clear();
  });

  /** An undefined `<comptoir-cart-capture>` whose height on this page was remembered as 357 px. */
  const captureWithHistory = () => {
    const host = document.createElement('div');
    host.innerHTML = '<comptoir-cart-capture></comptoir-cart-capture>';
    document.body.append(host);
    const capture = host.firstElementChild as HTMLElement;
    localStorage.setItem(HEIGHTS_KEY, JSON.stringify({ [heightKey(capture)]: 357 }));
    return { host, capture };
  };

  it('reserves the height the capture had on this page', () => {
    const { host, capture } = captureWithHistory();
    reserveSpace(host);
    expect(capture.style.minBlockSize).to.equal('357px');
  });

  it('reserves nothing for the capture once this browser saved the cart, which hides it', () => {
    localStorage.setItem(
      'comptoir:captured:shp_reserve',
      JSON.stringify({ id: 'crt_saved', sent: '[]' }),
    );
    const { host, capture } = captureWithHistory();
    reserveSpace(host);
    expect(capture.style.minBlockSize).to.equal('');
    expect(capture.dataset.comptoirReserved).to.equal(undefined);
  });
});
