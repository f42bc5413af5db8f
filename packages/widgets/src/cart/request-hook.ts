/** Called after a page request to a URL the matcher accepted has finished. */
type Hook = { match: (url: URL, method: string) => boolean; after: () => void };

const KEY = Symbol.for('comptoir.request-hooks');
const host = globalThis as unknown as Record<symbol, Hook[] | undefined>;

function run(input: string | URL, method: string): void {
  const hooks = host[KEY];
  if (!hooks) return;
  try {
    const url = new URL(String(input), location.href);
    for (const hook of hooks) if (hook.match(url, method.toUpperCase())) hook.after();
  } catch {
    // An unparsable URL is the page's business, not ours.
  }
}

/**
 * Runs `after` when a page `fetch` or `XMLHttpRequest` to a matching URL completes. `fetch` and
 * `XMLHttpRequest.prototype.open` are wrapped once per page; the wrappers return exactly what the
 * originals return and never throw on their own.
 */
export function afterRequests(match: Hook['match'], after: () => void): void {
  let hooks = host[KEY];
  if (!hooks) {
    hooks = host[KEY] = [];
    const originalFetch = window.fetch;
    window.fetch = function comptoirFetch(this: unknown, input, init) {
      const result = originalFetch.call(this ?? window, input, init);
      try {
        const url = input instanceof Request ? input.url : input;
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        result.then(
          () => run(url, method),
          () => undefined,
        );
      } catch {
        // Never let the hook break the page's request.
      }
      return result;
    } as typeof fetch;
    const originalOpen = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function comptoirOpen(
      this: XMLHttpRequest,
      method: string,
      url: string | URL,
      ...rest: unknown[]
    ) {
      try {
        this.addEventListener('loadend', () => run(url, method), { once: true });
      } catch {
        // As above: the request goes on regardless.
      }
      return (originalOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof XMLHttpRequest.prototype.open;
  }
  hooks.push({ match, after });
}
