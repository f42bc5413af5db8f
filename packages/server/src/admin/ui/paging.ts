import { isAdminApiError } from './api.js';
import type { Ctx } from './context.js';

/** A list the page loads 25 rows at a time (carts, outbox). */
export interface PagedList<Item> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: Item[];
  nextCursor: string | null;
  message: string;
}

/**
 * Loads the first page of `path` (`cursor` null) or the page after `cursor` into `view`, then
 * re-renders; `filters` are added to the query.
 */
export function loadPage<Item>(
  ctx: Ctx,
  view: PagedList<Item>,
  path: string,
  cursor: string | null,
  filters: Record<string, string> = {},
): void {
  view.status = 'loading';
  const query = new URLSearchParams({ limit: '25', ...filters });
  if (cursor) query.set('cursor', cursor);
  ctx.api
    .get<{ items: Item[]; nextCursor: string | null }>(`${path}?${query}`)
    .then((page) => {
      view.items = cursor ? [...view.items, ...page.items] : page.items;
      view.nextCursor = page.nextCursor;
      view.status = 'ready';
    })
    .catch((error: unknown) => {
      view.status = 'error';
      view.message = isAdminApiError(error) ? error.message : String(error);
    })
    .finally(() => ctx.update());
}
