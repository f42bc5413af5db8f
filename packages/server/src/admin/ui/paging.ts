import type { Ctx } from './context.js';

/** A list the page loads 25 rows at a time (carts, outbox). */
export interface PagedList<Item> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: Item[];
  nextCursor: string | null;
  message: string;
}

/** One page of a list, as the sdk answers it. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * Loads the first page (`cursor` null) or the page after `cursor` into `view` with `fetchPage`
 * (an sdk call taking `limit` and `cursor`), then re-renders.
 */
export function loadPage<Item>(
  ctx: Ctx,
  view: PagedList<Item>,
  fetchPage: (query: { limit: number; cursor?: string }) => Promise<Page<Item>>,
  cursor: string | null,
): void {
  view.status = 'loading';
  fetchPage(cursor ? { limit: 25, cursor } : { limit: 25 })
    .then((page) => {
      view.items = cursor ? [...view.items, ...page.items] : page.items;
      view.nextCursor = page.nextCursor;
      view.status = 'ready';
    })
    .catch((error: unknown) => {
      view.status = 'error';
      view.message = ctx.errorText(error);
    })
    .finally(() => ctx.update());
}
