import { describe, expect, it } from 'vitest';
import { Cart, CartCaptureInput, MAX_CART_ITEMS } from './cart.js';

const item = { id: 'v1', title: 'Linen apron', quantity: 1, unitPrice: 3900 };

describe('Cart', () => {
  it('accepts the shape DESIGN.md fixes, with JPY in whole yen', () => {
    expect(Cart.parse({ currency: 'JPY', subtotal: 4500, items: [item] }).subtotal).toBe(4500);
  });

  it.each([
    ['a fractional price', { ...item, unitPrice: 39.9 }, 'items.0.unitPrice'],
    ['a zero quantity', { ...item, quantity: 0 }, 'items.0.quantity'],
    ['an empty title', { ...item, title: '' }, 'items.0.title'],
    ['a javascript: url', { ...item, url: 'javascript:alert(1)' }, 'items.0.url'],
  ])('rejects %s and names the field', (_name, badItem, field) => {
    const result = Cart.safeParse({ currency: 'EUR', subtotal: 0, items: [badItem] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it(`rejects more than ${MAX_CART_ITEMS} items`, () => {
    const items = Array.from({ length: MAX_CART_ITEMS + 1 }, (_, index) => ({
      ...item,
      id: `v${index}`,
    }));
    expect(Cart.safeParse({ currency: 'EUR', subtotal: 0, items }).success).toBe(false);
  });

  it('keeps unicode and SQL-like titles exactly as typed', () => {
    const title = "Robert'); DROP TABLE carts;-- 🧵 Écharpe « laine »";
    expect(
      Cart.parse({ currency: 'EUR', subtotal: 1, items: [{ ...item, title }] }).items[0]?.title,
    ).toBe(title);
  });
});

describe('CartCaptureInput', () => {
  it('refuses consent given without an email address', () => {
    const result = CartCaptureInput.safeParse({
      cart: { currency: 'EUR', subtotal: 0, items: [] },
      consent: { granted: true, text: 'Email me my cart' },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['email']);
  });
});
