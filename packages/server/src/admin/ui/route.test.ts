import { describe, expect, it } from 'vitest';
import { parseHash } from './route.js';

describe('parseHash', () => {
  it.each([
    ['#/outbox/eml_1', { section: 'outbox', detail: 'eml_1' }],
    ['#/carts', { section: 'carts', detail: null }],
    ['#/outbox/eml%201', { section: 'outbox', detail: 'eml 1' }],
    ['#/outbox/%F0%9F%98%80', { section: 'outbox', detail: '😀' }],
    ['', { section: undefined, detail: null }],
    ['#nothing', { section: undefined, detail: null }],
  ])('reads %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it.each(['%E0%A4%A', '%', '%ZZ', '%ED%A0%80', 'a%E0%A4'])(
    'keeps a detail that is not valid percent-encoding as written (%s) instead of throwing',
    (detail) => {
      expect(parseHash(`#/outbox/${detail}`)).toEqual({ section: 'outbox', detail });
    },
  );
});
